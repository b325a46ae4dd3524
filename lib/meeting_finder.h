// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Turns the matches of meeting rules (lib/data/meetings.rules) into
// meetings: who took part, in what role, when, where and in what status.
//
// A meeting rule's id starts with its kind ("talks-held" finds talks), and
// its captures name the parties: `who` and `with` (the people inside, or
// the countries where no person is named), `chair`, `host`, and `place`.
//
// It does: attach the date stated in the sentence, read the place (a
// visit's participants are the visitors and the country visited), mark a
// meeting planned when the sentence speaks of the future, drop meetings the
// sentence says were cancelled, postponed, denied, offered or conditional,
// and merge mentions of one meeting.
// It does not: find people, countries or dates (earlier stages do), or
// resolve "the two leaders" to people.

#ifndef PARLEY_LIB_MEETING_FINDER_H_
#define PARLEY_LIB_MEETING_FINDER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "country_finder.h"
#include "date_recognizer.h"
#include "gazetteer.h"
#include "parley/records.h"
#include "person_finder.h"
#include "rule_matcher.h"
#include "tokenizer.h"

namespace parley {

// The kind a rule id names by its first word ("talks-held"), or nullopt
// when the rule is not a meeting rule.
std::optional<MeetingKind> MeetingKindOfRule(std::string_view rule_id);

// A participant: a person (index into People::persons) or a country code.
struct Participant {
  int person = -1;
  std::string country;
  std::string role;  // "", "host", "visitor" or "chair"

  friend bool operator==(const Participant&, const Participant&) = default;
};

struct MeetingFinding {
  MeetingKind kind = MeetingKind::kMeeting;
  std::vector<Participant> participants;
  std::optional<std::string> date;  // the TIMEX3 value of its date
  std::optional<std::string> location;
  MeetingStatus status = MeetingStatus::kHappened;
  uint32_t sentence_begin = 0, sentence_end = 0;  // byte offsets
  std::string rule;
};

// What the meeting stage reads about one document.
struct MeetingContext {
  std::string_view text;
  const Tokens* tokens;
  const Gazetteer* gazetteer;
  std::span<const GazetteerMatch> matches;
  const People* people;
  std::span<const CountryMention> countries;
  std::span<const DateMention> dates;
};

// The meetings that `rule_matches` (matches of meeting rules in `sentence`,
// with their rule ids) state, merged with `meetings` found so far.
void AddMeetings(const MeetingContext& context, const Sentence& sentence,
                 std::span<const RuleMatch> rule_matches,
                 std::span<const std::string_view> rule_ids,
                 std::vector<MeetingFinding>& meetings);

}  // namespace parley

#endif  // PARLEY_LIB_MEETING_FINDER_H_

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Turns the matches of meeting rules (lib/data/meetings.rules) into
// meetings: who took part, in what role, when, where and in what status.
//
// A meeting rule's id starts with its kind ("talks-held" finds talks), and
// its captures name the parties: `who` and `with` (the people inside, or
// the countries where no person is named), `chair`, `host`, and `place`;
// `stops` names several places, each a meeting of its own ("visited Fiji,
// Samoa and Tonga" is three visits).
//
// It does: read the topics the sentence gives ("discussed trade and
// security"), attach the date stated in the sentence (or in the one before it,
// when that one names a party too), read the place (a visit's participants
// are the visitors and the country visited), resolve parties given by a
// pronoun ("he met", "will host him") or as a group named before ("both
// ministers", "the five leaders", "negotiators from the two countries"),
// add the parties a later sentence gives to the meeting last mentioned
// ("The meeting, hosted by X,", "X joined by telephone"), mark a meeting
// planned when its words or its date put it in the future, drop meetings
// the text says were cancelled, postponed, denied, offered or conditional,
// and merge mentions of one meeting.
// It does not: find people, countries or dates (earlier stages do), or
// resolve pronouns by gender or by anything but position: "he" is taken to
// be the subject the sentence or the one before it opens with.

#ifndef PARLEY_LIB_MEETING_FINDER_H_
#define PARLEY_LIB_MEETING_FINDER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
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

// Where the text names a meeting's place: its tokens and gazetteer entry.
struct PlaceMention {
  uint32_t first_token = 0, end_token = 0;
  uint32_t entry = 0;
};

struct MeetingFinding {
  MeetingKind kind = MeetingKind::kMeeting;
  std::vector<Participant> participants;
  std::optional<std::string> date;  // the TIMEX3 value of its date
  std::optional<std::string> location;
  // The words that name `location`: a visit's country may be named by no
  // other ("arrived in Washington").
  std::optional<PlaceMention> place;
  std::vector<std::string> topics;  // as written: "peace", "trade"
  MeetingStatus status = MeetingStatus::kHappened;
  uint32_t sentence_begin = 0, sentence_end = 0;  // byte offsets
  std::string rule;
  // The index of the last sentence that spoke of it: later sentences refer
  // back to recent meetings only.
  std::size_t last_sentence = 0;
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
  // The state each person serves (ISO code), or "": one per People::persons.
  std::span<const std::string> person_countries;
  // "YYYY-MM-DD", or "" when the document has no date.
  std::string_view document_date;
};

// The meetings that had one set of parties when spoken of, each with its
// rank in the order they came to have it, grouped so that a meeting finds
// those it may be a mention of without reading those of other dates: by
// kind and status, then all, those without a date, and those of each date.
// Entries whose meeting has since gained parties or a date are left, and
// checked again where found.
struct MeetingsWithParties {
  struct Ranked {
    std::size_t rank = 0;
    std::size_t meeting = 0;  // index into MeetingLog::meetings
  };
  struct Group {
    std::vector<Ranked> all;
    std::vector<Ranked> undated;
    std::unordered_map<std::string, std::vector<Ranked>> by_date;
  };
  std::unordered_set<std::size_t> meetings;
  std::map<std::pair<MeetingKind, MeetingStatus>, Group> groups;
};

// The meetings of one document so far, indexed so that adding a sentence's
// meetings costs the same however long the document is: by their parties
// (for merging) and by the sentences that last spoke of them (for what a
// later sentence refers back to).
struct MeetingLog {
  std::vector<MeetingFinding> meetings;
  // (sentence, index into `meetings`) each time a meeting was spoken of,
  // in sentence order.
  std::vector<std::pair<std::size_t, std::size_t>> spoken;
  // The meetings with each set of parties (see PartiesKey in the .cc).
  std::unordered_map<std::string, MeetingsWithParties> by_parties;
  // The topics of each meeting that later sentences added topics to, so
  // that a meeting spoken of again and again is not searched for each.
  std::unordered_map<std::size_t, std::unordered_set<std::string>> topics;
};

// Adds the meetings that `rule_matches` (matches of meeting rules in
// sentence number `sentence_index`, with their rule ids) state to `log`,
// merged with those found in the sentences before.
void AddMeetings(const MeetingContext& context, std::size_t sentence_index,
                 std::span<const RuleMatch> rule_matches,
                 std::span<const std::string_view> rule_ids, MeetingLog& log);

}  // namespace parley

#endif  // PARLEY_LIB_MEETING_FINDER_H_

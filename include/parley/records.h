// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The records parley extracts from one document: people, countries, offices,
// dates and meetings.  They are plain value types; their JSON form is the
// record contract of SCHEMA.md (see parley/json.h).
//
// Every mention carries UTF-8 byte offsets into the exact input text and the
// id of the rule or gazetteer entry that produced it, so that every answer can
// be traced back to its evidence:
//
//   for (const parley::Person& person : document.people) {
//     for (const parley::Mention& m : person.mentions) {
//       assert(text.substr(m.begin, m.end - m.begin) == m.text);
//     }
//   }
//
// Records refer to each other by id ("P1", "C2", "O1", "D3", "M1"), unique
// within one document.

#ifndef PARLEY_RECORDS_H_
#define PARLEY_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley {

// A span of the input that refers to a record.
struct Mention {
  uint32_t begin = 0;  // UTF-8 byte offset of the first byte
  uint32_t end = 0;    // UTF-8 byte offset one past the last byte
  std::string text;    // exactly input[begin, end)
  // The rule ("rule:title-name") or gazetteer entry ("countries.tsv:142")
  // that produced the mention.
  std::string source;

  friend bool operator==(const Mention&, const Mention&) = default;
};

// One human individual, with all the mentions that name them.
struct Person {
  std::string id;    // "P1", "P2", ...
  std::string name;  // the fullest form written, without titles
  std::vector<Mention> mentions;
  std::optional<std::string> country;  // ISO 3166-1 alpha-2

  friend bool operator==(const Person&, const Person&) = default;
};

// One country referred to by name, short form, abbreviation or adjective.
struct Country {
  std::string id;    // "C1", "C2", ...
  std::string code;  // ISO 3166-1 alpha-2, e.g. "PK"
  std::string name;  // English short name, e.g. "Pakistan"
  std::vector<Mention> mentions;

  friend bool operator==(const Country&, const Country&) = default;
};

// One (title, country, holder) office.
struct Office {
  std::string id;     // "O1", "O2", ...
  std::string title;  // as written, without determiners or the state's name
  std::optional<std::string> country;       // ISO 3166-1 alpha-2
  std::optional<std::string> organization;  // e.g. "UN"
  std::optional<std::string> holder;        // a Person id
  bool former = false;  // a past holder
  bool elect = false;   // "-elect" or "designate": a future holder
  std::vector<Mention> mentions;

  friend bool operator==(const Office&, const Office&) = default;
};

// One calendar date, normalized to a TIMEX3 value.
struct Date {
  std::string id;     // "D1", "D2", ...
  std::string value;  // "2025-03-22", "2025-03", "2025", "2025-W12", "XXXX-03-22"
  std::vector<Mention> mentions;

  friend bool operator==(const Date&, const Date&) = default;
};

enum class MeetingKind { kMeeting, kTalks, kVisit, kCall, kBriefing };

// "meeting", "talks", "visit", "call" or "briefing".
const char* MeetingKindName(MeetingKind kind);

enum class MeetingStatus { kHappened, kPlanned };

// "happened" or "planned".
const char* MeetingStatusName(MeetingStatus status);

// The sentence span that states a relation, and the rule that found it.
struct Evidence {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string rule;

  friend bool operator==(const Evidence&, const Evidence&) = default;
};

// A participant's part in a meeting, where the text gives one.
struct ParticipantRole {
  std::string participant;  // a Person or Country id
  std::string role;         // "host", "visitor" or "chair"

  friend bool operator==(const ParticipantRole&,
                         const ParticipantRole&) = default;
};

// One meeting, talks, visit, call or briefing.
struct Meeting {
  std::string id;  // "M1", "M2", ...
  MeetingKind kind = MeetingKind::kMeeting;
  // Person ids, or Country ids where only a country or its officials are
  // named.
  std::vector<std::string> participants;
  std::vector<ParticipantRole> roles;
  std::optional<std::string> date;      // a Date id
  std::optional<std::string> location;  // a place name
  std::vector<std::string> topics;
  MeetingStatus status = MeetingStatus::kHappened;
  Evidence evidence;

  friend bool operator==(const Meeting&, const Meeting&) = default;
};

// Everything extracted from one document.
struct Document {
  std::string id;
  // The reference date used for normalization ("2025-03-24"), if any.
  std::optional<std::string> document_date;
  std::vector<Person> people;
  std::vector<Country> countries;
  std::vector<Office> offices;
  std::vector<Date> dates;
  std::vector<Meeting> meetings;

  friend bool operator==(const Document&, const Document&) = default;
};

}  // namespace parley

#endif  // PARLEY_RECORDS_H_

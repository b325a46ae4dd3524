// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "record_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parley {
namespace {

// `source` by value, so that a string made for the mention moves in.
Mention MakeMention(std::string_view text, uint32_t begin, uint32_t end,
                    std::string source) {
  return Mention{.begin = begin,
                 .end = end,
                 .text = std::string(text.substr(begin, end - begin)),
                 .source = std::move(source)};
}

// "P1", "O2": a record's id, its kind's letter and its number from 1.
// fmt::format_int, not fmt::format: ids are made for every record, and
// the general formatter costs a few times as much.
std::string RecordId(char prefix, std::size_t number) {
  const fmt::format_int digits(number);
  std::string id(1, prefix);
  id.append(digits.data(), digits.size());
  return id;
}

// The index of the record keyed `key` in `records`, appending a new record
// with the next id ("C1", "C2", ...) the first time a key is seen.
template <typename Record>
Record& RecordFor(std::string_view key, char id_prefix,
                  std::vector<Record>& records,
                  std::unordered_map<std::string_view, std::size_t>& index) {
  auto [it, inserted] = index.try_emplace(key, records.size());
  if (inserted) {
    records.emplace_back();
    records.back().id = RecordId(id_prefix, records.size());
  }
  return records[it->second];
}

Mention TokenMention(std::string_view text, const Tokens& tokens,
                     uint32_t first_token, uint32_t end_token,
                     std::string source) {
  return MakeMention(text, tokens.tokens[first_token].begin,
                     tokens.tokens[end_token - 1].end, std::move(source));
}

std::string PersonId(uint32_t index) { return RecordId('P', index + 1); }

// Record ids by a key of each record, looked up by value: one sorted
// vector, where a hash map allocated a node per record of every document.
// Of records with one key, the first added wins.
class IdsByKey {
 public:
  explicit IdsByKey(std::size_t count) { ids_.reserve(count); }

  void Add(std::string_view key, std::string_view id) {
    ids_.emplace_back(key, id);
  }

  // Done adding.
  void Sort() {
    std::stable_sort(ids_.begin(), ids_.end(),
                     [](const auto& a, const auto& b) {
                       return a.first < b.first;
                     });
  }

  // The id of the first record added with `key`, or nullptr.
  const std::string_view* Find(std::string_view key) const {
    const auto it = std::lower_bound(
        ids_.begin(), ids_.end(), key,
        [](const auto& entry, std::string_view k) { return entry.first < k; });
    return it != ids_.end() && it->first == key ? &it->second : nullptr;
  }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> ids_;
};

}  // namespace

std::vector<Person> BuildPersonRecords(
    std::string_view text, const Tokens& tokens, const People& people,
    std::span<const OfficeFinding> offices,
    const std::vector<std::string>& known_countries) {
  std::vector<Person> records(people.persons.size());
  for (uint32_t i = 0; i < people.persons.size(); ++i) {
    const PersonEntity& entity = people.persons[i];
    records[i].id = PersonId(i);
    const uint32_t begin = tokens.tokens[entity.first_token].begin;
    const uint32_t end = tokens.tokens[entity.end_token - 1].end;
    records[i].name = std::string(text.substr(begin, end - begin));
  }
  for (const PersonMention& mention : people.mentions) {
    records[mention.person].mentions.push_back(TokenMention(
        text, tokens, mention.first_token, mention.end_token, mention.source));
  }
  for (const OfficeFinding& office : offices) {
    std::optional<std::string>& country = records[office.holder].country;
    if (!country && office.country) country = office.country;
  }
  for (uint32_t i = 0; i < records.size(); ++i) {
    if (!records[i].country && !known_countries[i].empty()) {
      records[i].country = known_countries[i];
    }
  }
  return records;
}

std::vector<Office> BuildOfficeRecords(std::string_view text,
                                       const Tokens& tokens,
                                       std::span<const OfficeFinding> offices) {
  std::vector<Office> records;
  records.reserve(offices.size());
  for (const OfficeFinding& finding : offices) {
    Office office{.id = RecordId('O', records.size() + 1),
                  .title = finding.title,
                  .country = finding.country,
                  .organization = finding.organization,
                  .holder = PersonId(finding.holder),
                  .former = finding.former,
                  .elect = finding.elect};
    for (const OfficeFinding::Span& span : finding.mentions) {
      office.mentions.push_back(TokenMention(text, tokens, span.first_token,
                                             span.end_token, span.source));
    }
    records.push_back(std::move(office));
  }
  return records;
}

std::vector<Country> BuildCountryRecords(
    std::string_view text, const Tokens& tokens,
    std::span<const CountryMention> mentions, const CountryFinder& finder,
    const Gazetteer& gazetteer) {
  std::vector<Country> countries;
  std::unordered_map<std::string_view, std::size_t> index;
  for (const CountryMention& mention : mentions) {
    Country& country = RecordFor(mention.code, 'C', countries, index);
    if (country.code.empty()) {
      country.code = std::string(mention.code);
      country.name = std::string(finder.Name(mention.code));
    }
    country.mentions.push_back(TokenMention(text, tokens, mention.first_token,
                                            mention.end_token,
                                            gazetteer.SourceOf(mention.entry)));
  }
  return countries;
}

void AddPlaceCountries(std::string_view text, const Tokens& tokens,
                       std::span<const MeetingFinding> meetings,
                       const CountryFinder& finder, const Gazetteer& gazetteer,
                       std::vector<Country>& countries) {
  auto has_record = [&countries](std::string_view code) {
    return std::any_of(countries.begin(), countries.end(),
                       [code](const Country& c) { return c.code == code; });
  };
  const std::size_t named = countries.size();
  for (const MeetingFinding& meeting : meetings) {
    if (!meeting.place) continue;
    const GazetteerEntry& place = gazetteer.entries()[meeting.place->entry];
    const std::string_view code = place.type == "country"
                                      ? std::string_view(place.id)
                                      : place.Attribute("country");
    const bool takes_part =
        std::any_of(meeting.participants.begin(), meeting.participants.end(),
                    [code](const Participant& p) { return p.country == code; });
    if (code.empty() || !takes_part || has_record(code)) continue;
    Country& country = countries.emplace_back();
    country.id = RecordId('C', countries.size());
    country.code = std::string(code);
    country.name = std::string(finder.Name(code));
    country.mentions.push_back(TokenMention(
        text, tokens, meeting.place->first_token, meeting.place->end_token,
        gazetteer.SourceOf(meeting.place->entry)));
  }
  if (countries.size() == named) return;
  // Ids stay in order of first mention.
  std::stable_sort(countries.begin(), countries.end(),
                   [](const Country& a, const Country& b) {
                     return a.mentions.front().begin < b.mentions.front().begin;
                   });
  for (std::size_t i = 0; i < countries.size(); ++i) {
    countries[i].id = RecordId('C', i + 1);
  }
}

std::vector<Meeting> BuildMeetingRecords(
    std::span<const MeetingFinding> meetings, const Document& document) {
  IdsByKey country_id(document.countries.size());
  for (const Country& country : document.countries) {
    country_id.Add(country.code, country.id);
  }
  country_id.Sort();
  // Date records have one value each: a meeting finds its own by value,
  // not by reading every date of the document.
  IdsByKey date_id(document.dates.size());
  for (const Date& date : document.dates) date_id.Add(date.value, date.id);
  date_id.Sort();
  std::vector<Meeting> records;
  for (const MeetingFinding& finding : meetings) {
    Meeting meeting{.kind = finding.kind,
                    .location = finding.location,
                    .topics = finding.topics,
                    .status = finding.status,
                    .evidence = Evidence{.begin = finding.sentence_begin,
                                         .end = finding.sentence_end,
                                         .rule = finding.rule}};
    for (const Participant& participant : finding.participants) {
      std::string id;
      if (participant.person >= 0) {
        id = PersonId(static_cast<uint32_t>(participant.person));
      } else if (const std::string_view* country =
                     country_id.Find(participant.country)) {
        id = std::string(*country);
      } else {
        continue;
      }
      if (!participant.role.empty()) {
        meeting.roles.push_back(
            ParticipantRole{.participant = id, .role = participant.role});
      }
      meeting.participants.push_back(std::move(id));
    }
    // A country no text names has no record to stand for it ("the king
    // welcomed Macron for a state visit", with no "Britain"): a meeting
    // left with one party, and no chair, states nothing.
    const bool chaired = std::any_of(
        meeting.roles.begin(), meeting.roles.end(),
        [](const ParticipantRole& role) { return role.role == "chair"; });
    if (meeting.participants.size() < 2 && !chaired) continue;
    meeting.id = RecordId('M', records.size() + 1);
    if (finding.date) {
      if (const std::string_view* date = date_id.Find(*finding.date)) {
        meeting.date = std::string(*date);
      }
    }
    records.push_back(std::move(meeting));
  }
  return records;
}

std::vector<Date> BuildDateRecords(std::string_view text,
                                   std::span<const DateMention> mentions) {
  std::vector<Date> dates;
  std::unordered_map<std::string_view, std::size_t> index;
  for (const DateMention& mention : mentions) {
    Date& date = RecordFor(mention.value, 'D', dates, index);
    if (date.value.empty()) date.value = mention.value;
    date.mentions.push_back(
        MakeMention(text, mention.begin, mention.end, mention.rule));
  }
  return dates;
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "meeting_finder.h"

#include <algorithm>

namespace parley {
namespace {

// How many tokens before a match a cancelling word still undoes it.
constexpr uint32_t kBlockerLead = 4;

struct TokenSpan {
  uint32_t first = 0, end = 0;
  bool empty() const { return end <= first; }
};

// The people mentioned inside `span`, in text order.
std::vector<int> PeopleIn(const People& people, TokenSpan span) {
  std::vector<int> out;
  auto it = std::lower_bound(
      people.mentions.begin(), people.mentions.end(), span.first,
      [](const PersonMention& m, uint32_t t) { return m.end_token <= t; });
  for (; it != people.mentions.end() && it->first_token < span.end; ++it) {
    const int person = static_cast<int>(it->person);
    if (std::find(out.begin(), out.end(), person) == out.end()) {
      out.push_back(person);
    }
  }
  return out;
}

// The person a possessive pronoun ("his visit") stands for: the one named
// last before it in its sentence, or -1.
int PronounPerson(const MeetingContext& context, const Sentence& sentence,
                  TokenSpan span) {
  if (span.end != span.first + 1) return -1;
  const std::string_view word = context.tokens->tokens[span.first].norm;
  if (word != "his" && word != "her") return -1;
  const std::vector<PersonMention>& mentions = context.people->mentions;
  auto it = std::lower_bound(
      mentions.begin(), mentions.end(), span.first,
      [](const PersonMention& m, uint32_t t) { return m.end_token <= t; });
  if (it == mentions.begin()) return -1;
  --it;
  return it->first_token >= sentence.first_token ? static_cast<int>(it->person)
                                                 : -1;
}

// The countries mentioned inside `span`, in text order.
std::vector<std::string> CountriesIn(std::span<const CountryMention> countries,
                                     TokenSpan span) {
  std::vector<std::string> out;
  for (const CountryMention& mention : countries) {
    if (mention.first_token >= span.end) break;
    if (mention.end_token <= span.first) continue;
    std::string code(mention.code);
    if (std::find(out.begin(), out.end(), code) == out.end()) {
      out.push_back(std::move(code));
    }
  }
  return out;
}

// Whether a gazetteer phrase of `type` starts within tokens [first, end).
bool PhraseWithin(const MeetingContext& context, uint32_t first, uint32_t end,
                  std::string_view type) {
  auto it = std::lower_bound(
      context.matches.begin(), context.matches.end(), first,
      [](const GazetteerMatch& m, uint32_t t) { return m.first_token < t; });
  for (; it != context.matches.end() && it->first_token < end; ++it) {
    if (context.gazetteer->entries()[it->entry].type == type) return true;
  }
  return false;
}

// Where `span` names a place: its name, and the country it is in (itself
// for a country).
struct Place {
  std::string name;
  std::string country;
};
std::optional<Place> PlaceAt(const MeetingContext& context, TokenSpan span) {
  if (span.empty()) return std::nullopt;
  auto it = std::lower_bound(
      context.matches.begin(), context.matches.end(), span.first,
      [](const GazetteerMatch& m, uint32_t t) { return m.first_token < t; });
  for (; it != context.matches.end() && it->first_token == span.first; ++it) {
    if (it->end_token != span.end) continue;
    const GazetteerEntry& entry = context.gazetteer->entries()[it->entry];
    const Token& first = context.tokens->tokens[span.first];
    const Token& last = context.tokens->tokens[span.end - 1];
    std::string written(
        context.text.substr(first.begin, last.end - first.begin));
    if (entry.type == "country") return Place{written, entry.id};
    if (entry.type == "city" || entry.type == "region") {
      std::string_view name = entry.Attribute("name");
      return Place{name.empty() ? written : std::string(name),
                   std::string(entry.Attribute("country"))};
    }
  }
  return std::nullopt;
}

// The date mention in the sentence nearest to the match, or -1.
int NearestDate(const MeetingContext& context, const Sentence& sentence,
                uint32_t begin, uint32_t end) {
  int best = -1;
  uint32_t best_distance = UINT32_MAX;
  for (std::size_t i = 0; i < context.dates.size(); ++i) {
    const DateMention& date = context.dates[i];
    if (date.begin < sentence.begin || date.end > sentence.end) continue;
    const uint32_t distance = date.end <= begin  ? begin - date.end
                              : date.begin >= end ? date.begin - end
                                                  : 0;
    if (distance < best_distance) {
      best_distance = distance;
      best = static_cast<int>(i);
    }
  }
  return best;
}

bool SameParties(const MeetingFinding& a, const MeetingFinding& b) {
  if (a.participants.size() != b.participants.size()) return false;
  for (const Participant& p : a.participants) {
    const bool found = std::any_of(
        b.participants.begin(), b.participants.end(),
        [&](const Participant& q) {
          return q.person == p.person && q.country == p.country;
        });
    if (!found) return false;
  }
  return true;
}

void AddParticipant(Participant participant,
                    std::vector<Participant>& participants) {
  for (Participant& p : participants) {
    if (p.person == participant.person && p.country == participant.country) {
      if (p.role.empty()) p.role = participant.role;
      return;
    }
  }
  participants.push_back(std::move(participant));
}

}  // namespace

std::optional<MeetingKind> MeetingKindOfRule(std::string_view rule_id) {
  const std::string_view kind = rule_id.substr(0, rule_id.find('-'));
  if (kind.size() == rule_id.size()) return std::nullopt;
  if (kind == "meeting") return MeetingKind::kMeeting;
  if (kind == "talks") return MeetingKind::kTalks;
  if (kind == "visit") return MeetingKind::kVisit;
  if (kind == "call") return MeetingKind::kCall;
  if (kind == "briefing") return MeetingKind::kBriefing;
  return std::nullopt;
}

void AddMeetings(const MeetingContext& context, const Sentence& sentence,
                 std::span<const RuleMatch> rule_matches,
                 std::span<const std::string_view> rule_ids,
                 std::vector<MeetingFinding>& meetings) {
  const bool planned = PhraseWithin(context, sentence.first_token,
                                    sentence.end_token, "plan_word");
  for (std::size_t i = 0; i < rule_matches.size(); ++i) {
    const RuleMatch& match = rule_matches[i];
    const std::optional<MeetingKind> kind = MeetingKindOfRule(rule_ids[i]);
    if (!kind) continue;
    // "cancelled his meeting with", "refused to meet": a word that undoes
    // the meeting inside the match or just before it.
    const uint32_t lead = std::min<uint32_t>(
        kBlockerLead, match.first_token - sentence.first_token);
    if (PhraseWithin(context, match.first_token - lead, match.end_token,
                     "meeting_blocker")) {
      continue;
    }
    MeetingFinding meeting{.kind = *kind,
                           .status = planned ? MeetingStatus::kPlanned
                                             : MeetingStatus::kHappened,
                           .sentence_begin = sentence.begin,
                           .sentence_end = sentence.end,
                           .rule = std::string(rule_ids[i])};
    std::optional<Place> place;
    bool has_chair = false;
    for (const Capture& capture : match.captures) {
      const TokenSpan span{capture.first_token, capture.end_token};
      if (span.empty()) continue;
      if (capture.name == "place") {
        place = PlaceAt(context, span);
        continue;
      }
      std::string role;
      if (capture.name == "chair") {
        role = "chair";
        has_chair = true;
      } else if (capture.name == "host") {
        role = "host";
      } else if (capture.name == "who" && *kind == MeetingKind::kVisit) {
        role = "visitor";
      } else if (capture.name != "who" && capture.name != "with") {
        continue;
      }
      std::vector<int> persons = PeopleIn(*context.people, span);
      if (const int person = PronounPerson(context, sentence, span);
          person >= 0) {
        persons.push_back(person);
      }
      if (!persons.empty()) {
        for (int person : persons) {
          AddParticipant(Participant{.person = person, .role = role},
                         meeting.participants);
        }
      } else {
        for (std::string& code : CountriesIn(context.countries, span)) {
          AddParticipant(Participant{.country = std::move(code), .role = role},
                         meeting.participants);
        }
      }
    }
    if (place) {
      meeting.location = place->name;
      if (*kind == MeetingKind::kVisit && !place->country.empty()) {
        AddParticipant(Participant{.country = place->country},
                       meeting.participants);
      }
    }
    const bool enough = meeting.participants.size() >= 2 ||
                        (has_chair && meeting.participants.size() == 1);
    if (!enough) continue;
    const Token& first = context.tokens->tokens[match.first_token];
    const Token& last = context.tokens->tokens[match.end_token - 1];
    if (const int date =
            NearestDate(context, sentence, first.begin, last.end);
        date >= 0) {
      meeting.date = context.dates[date].value;
    }

    auto same = std::find_if(
        meetings.begin(), meetings.end(), [&](const MeetingFinding& m) {
          return SameParties(m, meeting) &&
                 (!m.date || !meeting.date || *m.date == *meeting.date);
        });
    if (same == meetings.end()) {
      meetings.push_back(std::move(meeting));
      continue;
    }
    if (!same->date) same->date = meeting.date;
    if (!same->location) same->location = meeting.location;
  }
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "meeting_finder.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

namespace parley {
namespace {

// How many tokens before a match a cancelling or planning word still
// governs it ("refused to meet", "is scheduled to hold talks"), and how
// many after it a cancelling word does ("the summit ... was postponed").
constexpr uint32_t kGoverningLead = 4;
constexpr uint32_t kCancellingTrail = 3;

// How many sentences back a pronoun or a group ("the two leaders") is
// sought, and a meeting that a later sentence adds to.
constexpr std::size_t kPronounReach = 2;
constexpr std::size_t kGroupReach = 2;
constexpr std::size_t kAdditionReach = 1;

struct TokenSpan {
  uint32_t first = 0, end = 0;
  bool empty() const { return end <= first; }
};

std::string_view NormAt(const MeetingContext& context, uint32_t token) {
  return context.tokens->tokens[token].norm;
}

// The first mention of a person at or after token `first`.
std::vector<PersonMention>::const_iterator FirstMentionFrom(
    const People& people, uint32_t first) {
  return std::lower_bound(
      people.mentions.begin(), people.mentions.end(), first,
      [](const PersonMention& m, uint32_t t) { return m.end_token <= t; });
}

// The people mentioned inside `span`, in text order.  A person whose
// relative is the party ("the king's brother, Prince Ali") is left out.
std::vector<int> PeopleIn(const MeetingContext& context, TokenSpan span) {
  const People& people = *context.people;
  std::vector<int> out;
  for (auto it = FirstMentionFrom(people, span.first);
       it != people.mentions.end() && it->first_token < span.end; ++it) {
    const auto next = it + 1;
    const bool possessor =
        it->end_token < span.end && NormAt(context, it->end_token) == "'s" &&
        next != people.mentions.end() && next->first_token < span.end;
    const int person = static_cast<int>(it->person);
    if (!possessor && std::find(out.begin(), out.end(), person) == out.end()) {
      out.push_back(person);
    }
  }
  return out;
}

// The countries mentioned inside `span`, in text order.
std::vector<std::string> CountriesIn(std::span<const CountryMention> countries,
                                     TokenSpan span) {
  std::vector<std::string> out;
  auto it = std::lower_bound(
      countries.begin(), countries.end(), span.first,
      [](const CountryMention& m, uint32_t t) { return m.end_token <= t; });
  for (; it != countries.end() && it->first_token < span.end; ++it) {
    const CountryMention& mention = *it;
    std::string code(mention.code);
    if (std::find(out.begin(), out.end(), code) == out.end()) {
      out.push_back(std::move(code));
    }
  }
  return out;
}

// The first gazetteer match of the document that starts at or after
// `token` (matches are sorted by first token).
std::span<const GazetteerMatch>::iterator FirstMatchFrom(
    const MeetingContext& context, uint32_t token) {
  return std::lower_bound(
      context.matches.begin(), context.matches.end(), token,
      [](const GazetteerMatch& m, uint32_t t) { return m.first_token < t; });
}

// The first gazetteer phrase of `type` that starts within tokens [first,
// end), or nullptr.
const GazetteerMatch* FirstPhrase(const MeetingContext& context, uint32_t first,
                                  uint32_t end, std::string_view type) {
  auto it = FirstMatchFrom(context, first);
  for (; it != context.matches.end() && it->first_token < end; ++it) {
    if (context.gazetteer->entries()[it->entry].type == type) return &*it;
  }
  return nullptr;
}

// Whether a gazetteer phrase of `type` starts within tokens [first, end).
bool PhraseWithin(const MeetingContext& context, uint32_t first, uint32_t end,
                  std::string_view type) {
  return FirstPhrase(context, first, end, type) != nullptr;
}

// Whether a word undoes the meeting `match` states ("cancelled his meeting
// with", "refused to meet", "the talks ... were postponed"): one inside the
// match, `lead` tokens before it or `trail` after it.  A request, an
// invitation or an offer undoes only a meeting after it ("urged Merz to
// visit", "invited him to visit"): "in a call with Merz, Tusk urged more
// aid" and "visited Accra at the invitation of" state meetings.
bool Undone(const MeetingContext& context, const RuleMatch& match,
            uint32_t lead, uint32_t trail) {
  auto it = FirstMatchFrom(context, match.first_token - lead);
  for (;
       it != context.matches.end() && it->first_token < match.end_token + trail;
       ++it) {
    const GazetteerEntry& entry = context.gazetteer->entries()[it->entry];
    if (entry.type != "meeting_blocker") continue;
    const std::string_view effect = entry.Attribute("effect");
    const bool only_ahead =
        effect == "request" || effect == "invitation" || effect == "offer";
    if (!only_ahead || it->first_token < match.end_token) return true;
  }
  return false;
}

// Where `span` names a place: its name, and the country it is in (itself
// for a country).
struct Place {
  std::string name;
  std::string country;
  PlaceMention mention;
};
std::optional<Place> PlaceAt(const MeetingContext& context, TokenSpan span) {
  if (span.empty()) return std::nullopt;
  auto it = FirstMatchFrom(context, span.first);
  for (; it != context.matches.end() && it->first_token == span.first; ++it) {
    if (it->end_token != span.end) continue;
    const GazetteerEntry& entry = context.gazetteer->entries()[it->entry];
    const Token& first = context.tokens->tokens[span.first];
    const Token& last = context.tokens->tokens[span.end - 1];
    std::string written(
        context.text.substr(first.begin, last.end - first.begin));
    const PlaceMention mention{span.first, span.end, it->entry};
    if (entry.type == "country") return Place{written, entry.id, mention};
    if (entry.type == "city" || entry.type == "region") {
      std::string_view name = entry.Attribute("name");
      return Place{name.empty() ? written : std::string(name),
                   std::string(entry.Attribute("country")), mention};
    }
  }
  return std::nullopt;
}

// The places named in `span`, in order: for each token where one begins,
// the longest.
std::vector<Place> PlacesIn(const MeetingContext& context, TokenSpan span) {
  std::vector<Place> places;
  uint32_t next = span.first;
  auto it = FirstMatchFrom(context, span.first);
  for (; it != context.matches.end() && it->first_token < span.end; ++it) {
    if (it->first_token < next || it->end_token > span.end) continue;
    std::optional<Place> longest;
    for (auto at = it; at != context.matches.end() &&
                       at->first_token == it->first_token;
         ++at) {
      if (at->end_token > span.end) continue;
      std::optional<Place> place =
          PlaceAt(context, TokenSpan{at->first_token, at->end_token});
      if (place && (!longest || place->mention.end_token > longest->mention.end_token)) {
        longest = std::move(place);
      }
    }
    if (!longest) continue;
    next = longest->mention.end_token;
    places.push_back(*std::move(longest));
  }
  return places;
}

// How far into a document its dateline may stand: after a headline and a
// byline.
constexpr std::size_t kDatelineSentences = 4;

// The place of the story's dateline ("KABUL, March 24 (Reuters) -",
// "PARIS -"): a city written in capitals at the start of one of its first
// sentences and followed by punctuation.
std::optional<Place> DatelinePlace(const MeetingContext& context) {
  const std::vector<Sentence>& sentences = context.tokens->sentences;
  const std::vector<Token>& tokens = context.tokens->tokens;
  for (std::size_t i = 0; i < sentences.size() && i < kDatelineSentences; ++i) {
    const uint32_t first = sentences[i].first_token;
    uint32_t end = first;
    while (end < sentences[i].end_token &&
           tokens[end].case_class == CaseClass::kUpper) {
      ++end;
    }
    if (end == first || end >= sentences[i].end_token ||
        tokens[end].kind != TokenKind::kPunctuation) {
      continue;
    }
    if (std::optional<Place> place = PlaceAt(context, TokenSpan{first, end});
        place && place->name != place->country) {
      return place;
    }
  }
  return std::nullopt;
}

// The first token that starts at or after byte `offset`.
uint32_t TokenFrom(const MeetingContext& context, uint32_t offset) {
  const std::vector<Token>& tokens = context.tokens->tokens;
  const auto at = std::lower_bound(
      tokens.begin(), tokens.end(), offset,
      [](const Token& token, uint32_t byte) { return token.begin < byte; });
  return static_cast<uint32_t>(at - tokens.begin());
}

// How many words before a date a "since" still governs it.
constexpr uint32_t kSinceReach = 4;

// Whether `date` opens a period with "since" ("the first visit since
// taking office in June", "the first meeting since 2019"): it dates
// another event than the one the sentence states.
bool DatesASincePeriod(const MeetingContext& context, const DateMention& date) {
  const uint32_t first = TokenFrom(context, date.begin);
  for (uint32_t t = first; t-- > 0 && first - t <= kSinceReach;) {
    if (context.tokens->tokens[t].kind == TokenKind::kPunctuation) {
      return false;
    }
    if (NormAt(context, t) == "since") return true;
  }
  return false;
}

// How many tokens a dateline takes at most: "RIO DE JANEIRO, July 6
// (Reuters) -".
constexpr uint32_t kDatelineTokens = 12;

// Whether `date` stands in the story's dateline ("BOGOTA, March 14
// (Reuters) -"): the day the story was filed, not the day of what it
// reports.
bool InDateline(const MeetingContext& context, const DateMention& date) {
  const std::vector<Token>& tokens = context.tokens->tokens;
  const std::vector<Sentence>& sentences = context.tokens->sentences;
  const uint32_t first = TokenFrom(context, date.begin);
  for (std::size_t i = 0; i < sentences.size() && i < kDatelineSentences; ++i) {
    const Sentence& sentence = sentences[i];
    const uint32_t reach =
        std::min(sentence.end_token, sentence.first_token + kDatelineTokens);
    if (first < sentence.first_token || first >= reach) continue;
    if (tokens[sentence.first_token].case_class != CaseClass::kUpper) {
      return false;
    }
    for (uint32_t t = TokenFrom(context, date.end); t < reach; ++t) {
      const std::string_view word = NormAt(context, t);
      if (word == "-" || word == "\u2014" || word == "\u2013") return true;
    }
    return false;
  }
  return false;
}

// The date mention within bytes [begin, end) nearest to bytes
// [near_begin, near_end), or -1.  Dates of a "since" period and of the
// dateline are passed over.
int NearestDate(const MeetingContext& context, uint32_t begin, uint32_t end,
                uint32_t near_begin, uint32_t near_end) {
  int best = -1;
  uint32_t best_distance = UINT32_MAX;
  // Dates are sorted by offset: only those from `begin` on are looked at.
  const auto first = std::lower_bound(
      context.dates.begin(), context.dates.end(), begin,
      [](const DateMention& d, uint32_t offset) { return d.begin < offset; });
  for (std::size_t i = static_cast<std::size_t>(first - context.dates.begin());
       i < context.dates.size() && context.dates[i].begin < end; ++i) {
    const DateMention& date = context.dates[i];
    if (date.end > end || DatesASincePeriod(context, date) ||
        InDateline(context, date)) {
      continue;
    }
    const uint32_t distance = date.end <= near_begin   ? near_begin - date.end
                              : date.begin >= near_end ? date.begin - near_end
                                                       : 0;
    if (distance < best_distance) {
      best_distance = distance;
      best = static_cast<int>(i);
    }
  }
  return best;
}

bool SameParticipant(const Participant& a, const Participant& b) {
  return a.person == b.person && a.country == b.country;
}

// Whether every party of `a` is a party of `b`.
bool PartiesWithin(const MeetingFinding& a, const MeetingFinding& b) {
  return std::all_of(
      a.participants.begin(), a.participants.end(), [&](const Participant& p) {
        return std::any_of(
            b.participants.begin(), b.participants.end(),
            [&](const Participant& q) { return SameParticipant(p, q); });
      });
}

bool SameParties(const MeetingFinding& a, const MeetingFinding& b) {
  return a.participants.size() == b.participants.size() && PartiesWithin(a, b);
}

// Whether `a` and `b` are two readings of one statement: the same kind in
// the same sentence, the parties of one among those of the other ("X and
// Y met Z" read as well as "X and Y met").
bool SameStatement(const MeetingFinding& a, const MeetingFinding& b) {
  return a.kind == b.kind && a.sentence_begin == b.sentence_begin &&
         (PartiesWithin(a, b) || PartiesWithin(b, a));
}

bool HasPerson(const MeetingFinding& meeting, int person) {
  return std::any_of(meeting.participants.begin(), meeting.participants.end(),
                     [&](const Participant& p) { return p.person == person; });
}

void AddParticipant(Participant participant,
                    std::vector<Participant>& participants) {
  for (Participant& p : participants) {
    if (SameParticipant(p, participant)) {
      if (p.role.empty()) p.role = participant.role;
      return;
    }
  }
  participants.push_back(std::move(participant));
}

// Meetings spoken of in the `reach` sentences before `sentence_index` and
// in that sentence itself, the most recently spoken of first.
std::vector<MeetingFinding*> RecentMeetings(MeetingLog& log,
                                            std::size_t sentence_index,
                                            std::size_t reach) {
  std::vector<MeetingFinding*> recent;
  for (auto it = log.spoken.rbegin();
       it != log.spoken.rend() && it->first + reach >= sentence_index; ++it) {
    MeetingFinding* meeting = &log.meetings[it->second];
    if (std::find(recent.begin(), recent.end(), meeting) == recent.end()) {
      recent.push_back(meeting);
    }
  }
  return recent;
}

// A key equal for meetings with the same parties, in any order.
// Built with appends, not fmt::format: each meeting recorded makes two.
std::string PartiesKey(const MeetingFinding& meeting) {
  std::vector<std::string> parts;
  parts.reserve(meeting.participants.size());
  for (const Participant& p : meeting.participants) {
    std::string& part = parts.emplace_back(1, p.person >= 0 ? 'P' : 'C');
    if (p.person >= 0) {
      const fmt::format_int number(p.person);
      part.append(number.data(), number.size());
    } else {
      part.append(p.country);
    }
  }
  std::sort(parts.begin(), parts.end());
  std::string key;
  for (const std::string& part : parts) {
    key.append(part);
    key.push_back(' ');
  }
  return key;
}

// Notes that sentence `sentence_index` spoke of meeting `index`, whose
// parties may have changed.
void Spoken(MeetingLog& log, std::size_t index, std::size_t sentence_index) {
  MeetingFinding& meeting = log.meetings[index];
  meeting.last_sentence = sentence_index;
  log.spoken.emplace_back(sentence_index, index);
  MeetingsWithParties& same = log.by_parties[PartiesKey(meeting)];
  const MeetingsWithParties::Ranked ranked{same.meetings.size(), index};
  if (!same.meetings.insert(index).second) return;
  MeetingsWithParties::Group& group =
      same.groups[std::pair(meeting.kind, meeting.status)];
  group.all.push_back(ranked);
  if (meeting.date) {
    group.by_date[*meeting.date].push_back(ranked);
  } else {
    group.undated.push_back(ranked);
  }
}

// Whether `meeting` may be a mention of `earlier`: the same parties, the
// same event, and no other date.
bool MayBeMentionOf(const MeetingFinding& earlier,
                    const MeetingFinding& meeting) {
  // A call that happened and a meeting agreed in it are two events.
  const bool another_event =
      earlier.kind != meeting.kind && earlier.status != meeting.status;
  return SameParties(earlier, meeting) && !another_event &&
         (!earlier.date || !meeting.date || *earlier.date == *meeting.date);
}

// Lowers `best` to the first of `ranked` that `meeting` may be a mention
// of, if that ranks before it.
void FirstMentionOf(const MeetingLog& log,
                    std::span<const MeetingsWithParties::Ranked> ranked,
                    const MeetingFinding& meeting,
                    std::optional<MeetingsWithParties::Ranked>& best) {
  for (const MeetingsWithParties::Ranked& entry : ranked) {
    if (best && best->rank <= entry.rank) return;
    if (MayBeMentionOf(log.meetings[entry.meeting], meeting)) {
      best = entry;
      return;
    }
  }
}

// The meeting already in `log` that `meeting` is a mention of: another
// reading of the same statement, or the first spoken of with the same
// parties and no other date; or nullptr.
MeetingFinding* SameMeeting(MeetingLog& log, const MeetingFinding& meeting,
                            std::size_t sentence_index) {
  for (MeetingFinding* earlier : RecentMeetings(log, sentence_index, 0)) {
    if (SameStatement(*earlier, meeting)) return earlier;
  }
  auto it = log.by_parties.find(PartiesKey(meeting));
  if (it == log.by_parties.end()) return nullptr;
  std::optional<MeetingsWithParties::Ranked> best;
  for (const auto& [kind_status, group] : it->second.groups) {
    if (kind_status.first != meeting.kind &&
        kind_status.second != meeting.status) {
      continue;
    }
    if (!meeting.date) {
      FirstMentionOf(log, group.all, meeting, best);
      continue;
    }
    FirstMentionOf(log, group.undated, meeting, best);
    if (auto dated = group.by_date.find(*meeting.date);
        dated != group.by_date.end()) {
      FirstMentionOf(log, dated->second, meeting, best);
    }
  }
  return best ? &log.meetings[best->meeting] : nullptr;
}

// The person a pronoun at `token` ("he", "him", "his") most likely stands
// for: news opens a sentence with its subject, so the first person named
// earlier in the sentence who is not already a party of `meeting`, or else
// the first person named in the nearest sentence before; -1 if none.
int PronounReferent(const MeetingContext& context, std::size_t sentence_index,
                    uint32_t token, const MeetingFinding& meeting) {
  const std::vector<Sentence>& sentences = context.tokens->sentences;
  const People& people = *context.people;
  const Sentence& sentence = sentences[sentence_index];
  for (auto it = FirstMentionFrom(people, sentence.first_token);
       it != people.mentions.end() && it->end_token <= token; ++it) {
    if (!HasPerson(meeting, static_cast<int>(it->person))) {
      return static_cast<int>(it->person);
    }
  }
  for (std::size_t back = 1; back <= kPronounReach && back <= sentence_index;
       ++back) {
    const Sentence& earlier = sentences[sentence_index - back];
    const auto it = FirstMentionFrom(people, earlier.first_token);
    if (it != people.mentions.end() && it->first_token < earlier.end_token) {
      return static_cast<int>(it->person);
    }
  }
  return -1;
}

bool IsPersonPronoun(std::string_view word) {
  return word == "he" || word == "she" || word == "him" || word == "her" ||
         word == "his";
}

// A party captured as the "and" before a second verb phrase stands for the
// subject left out of it ("Rubio met Netanyahu and will meet Al Thani"),
// found as a pronoun's referent is.
bool StandsForTheSubject(std::string_view word) {
  return IsPersonPronoun(word) || word == "and";
}

// What a group phrase ("both ministers", "the five leaders", "negotiators
// from the two countries", "they") says of the parties it stands for.
struct Group {
  bool is_group = false;
  bool countries = false;  // the states, not the people
  int count = 0;           // 0 when the phrase gives no number
};
Group ReadGroup(const MeetingContext& context, TokenSpan span) {
  Group group;
  for (uint32_t t = span.first; t < span.end; ++t) {
    const std::string_view word = NormAt(context, t);
    if (word == "they" || word == "them") group.is_group = true;
    const Token& token = context.tokens->tokens[t];
    if (token.kind == TokenKind::kNumber) {
      group.is_group = true;
      group.count = std::atoi(std::string(token.norm).c_str());
    }
    if (const GazetteerMatch* count =
            FirstPhrase(context, t, t + 1, "group_count")) {
      group.is_group = true;
      group.count = std::atoi(
          std::string(
              context.gazetteer->entries()[count->entry].Attribute("count"))
              .c_str());
    }
    if (const GazetteerMatch* noun =
            FirstPhrase(context, t, t + 1, "group_noun")) {
      group.is_group = true;
      group.countries = group.countries ||
                        context.gazetteer->entries()[noun->entry].Attribute(
                            "states") == "yes";
    }
  }
  return group;
}

// The parties of the most recent meeting that `group` can stand for.
std::vector<Participant> GroupParties(const MeetingContext& context,
                                      const Group& group,
                                      std::span<MeetingFinding* const> recent,
                                      const MeetingFinding& meeting) {
  for (const MeetingFinding* earlier : recent) {
    if (earlier == &meeting) continue;
    std::vector<Participant> parties;
    for (const Participant& p : earlier->participants) {
      if (group.countries) {
        std::string code =
            p.person >= 0 ? context.person_countries[p.person] : p.country;
        if (code.empty()) {
          parties.clear();
          break;
        }
        AddParticipant(Participant{.country = std::move(code)}, parties);
      } else if (p.person >= 0) {
        parties.push_back(Participant{.person = p.person});
      }
    }
    if (parties.size() < 2) continue;
    if (group.count == 0 ||
        parties.size() == static_cast<std::size_t>(group.count)) {
      return parties;
    }
  }
  return {};
}

// "The leaders of Germany, France and Britain", after a meeting of Merz,
// Macron and Starmer: for each country, the one person of a recent meeting
// who serves it; none unless every country has one.
std::vector<Participant> KnownLeaders(const MeetingContext& context,
                                      TokenSpan span,
                                      std::span<const Participant> countries,
                                      std::span<MeetingFinding* const> recent) {
  bool names_leaders = false;
  for (uint32_t t = span.first; t < span.end; ++t) {
    names_leaders = names_leaders || NormAt(context, t) == "leaders";
  }
  if (!names_leaders) return {};
  std::vector<Participant> leaders;
  for (const Participant& country : countries) {
    int leader = -1;
    for (const MeetingFinding* earlier : recent) {
      for (const Participant& p : earlier->participants) {
        if (p.person < 0 ||
            context.person_countries[p.person] != country.country) {
          continue;
        }
        if (leader >= 0 && leader != p.person) return {};
        leader = p.person;
      }
    }
    if (leader < 0) return {};
    leaders.push_back(Participant{.person = leader});
  }
  return leaders;
}

// The parties one capture names: its people; else the person its pronoun
// stands for; else its countries ("Chinese and Japanese officials"); else
// the group it refers back to.  Countries said to be led ("the leaders of
// Germany and France") are the leaders KnownLeaders finds, where it does.
std::vector<Participant> PartiesOf(const MeetingContext& context,
                                   std::size_t sentence_index, TokenSpan span,
                                   std::span<MeetingFinding* const> recent,
                                   const MeetingFinding& meeting) {
  std::vector<Participant> parties;
  for (int person : PeopleIn(context, span)) {
    parties.push_back(Participant{.person = person});
  }
  if (!parties.empty()) return parties;
  if (span.end == span.first + 1 &&
      StandsForTheSubject(NormAt(context, span.first))) {
    const int person =
        PronounReferent(context, sentence_index, span.first, meeting);
    if (person >= 0) parties.push_back(Participant{.person = person});
    return parties;
  }
  for (std::string& code : CountriesIn(context.countries, span)) {
    parties.push_back(Participant{.country = std::move(code)});
  }
  if (!parties.empty()) {
    if (std::vector<Participant> leaders =
            KnownLeaders(context, span, parties, recent);
        !leaders.empty()) {
      return leaders;
    }
    return parties;
  }
  if (const Group group = ReadGroup(context, span); group.is_group) {
    return GroupParties(context, group, recent, meeting);
  }
  return parties;
}

// Words that open a new clause after a comma, ending a list of topics:
// "discussed trade, which has grown", "discussed trade, officials said",
// "discussed defence, including the purchase of jets".
bool OpensClause(std::string_view word) {
  static constexpr std::array<std::string_view, 17> kWords = {
      "which",     "who",    "where",  "while",  "when",     "according",
      "officials", "said",   "but",    "after",  "before",   "as",
      "although",  "though", "saying", "adding", "including"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// Words that end a topic without a comma, opening what the verb says
// besides: "discussed trade with Lula", "discussed air defence during a
// meeting in Warsaw".
bool EndsTopic(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kWords = {
      "with", "at", "during", "while", "when", "after", "before", "ahead"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// Whether the word at `token` introduces the meeting itself, ending a
// topic: "discussed the nuclear talks in a phone call", "over dinner".
bool IntroducesTheMeeting(const MeetingContext& context, uint32_t token) {
  constexpr uint32_t kNounReach = 4;
  const std::string_view word = NormAt(context, token);
  return (word == "in" || word == "over") &&
         PhraseWithin(context, token + 1, token + 1 + kNounReach,
                      "meeting_verb");
}

// The subjects a meeting's sentence gives after a topic cue ("discussed
// peace, security, trade, and transit"): the items of the list that
// follows the first cue after the meeting's first token, each as written.
// A list item runs to the next comma; the list ends at a clause, an
// attribution, a word that ends a topic, a semicolon, a parenthesis or the
// end of the sentence.
std::vector<std::string> TopicsOf(const MeetingContext& context,
                                  const Sentence& sentence,
                                  const RuleMatch& match) {
  constexpr uint32_t kMaxItemTokens = 8;
  std::vector<std::string> topics;
  const GazetteerMatch* cue =
      FirstPhrase(context, match.first_token, sentence.end_token, "topic_cue");
  if (cue == nullptr) return topics;
  const std::vector<Token>& tokens = context.tokens->tokens;
  uint32_t t = cue->end_token;
  while (t < sentence.end_token) {
    if (NormAt(context, t) == "and" || NormAt(context, t) == "the") ++t;
    // "has been discussed but not scheduled": no list follows.
    if (t < sentence.end_token && OpensClause(NormAt(context, t))) break;
    const uint32_t first = t;
    while (t < sentence.end_token && t - first <= kMaxItemTokens) {
      const std::string_view word = NormAt(context, t);
      if (word == "," || word == "." || word == ";" || word == ":" ||
          word == "(" || word == "?" || word == "!" ||
          (t > first &&
           (EndsTopic(word) || IntroducesTheMeeting(context, t)))) {
        break;
      }
      ++t;
    }
    // "..., the spokesperson said": attribution, not a topic; nor is a
    // later item that names a person or a post ("discussed air defense, a
    // government spokesman, Stefan Kornelius, said").
    if (t == first || t - first > kMaxItemTokens ||
        PhraseWithin(context, first, t, "speech_verb") ||
        (!topics.empty() && (!PeopleIn(context, TokenSpan{first, t}).empty() ||
                             PhraseWithin(context, first, t, "office_head") ||
                             PhraseWithin(context, first, t, "not_office")))) {
      break;
    }
    topics.emplace_back(context.text.substr(
        tokens[first].begin, tokens[t - 1].end - tokens[first].begin));
    if (t + 1 >= sentence.end_token || NormAt(context, t) != "," ||
        OpensClause(NormAt(context, t + 1))) {
      break;
    }
    ++t;
  }
  return topics;
}

// Adds to meeting `index` of `log` the `topics` it does not have yet.
void AddTopics(std::vector<std::string> topics, std::size_t index,
               MeetingLog& log) {
  std::vector<std::string>& into = log.meetings[index].topics;
  auto [it, first] = log.topics.try_emplace(index);
  std::unordered_set<std::string>& seen = it->second;
  if (first) seen.insert(into.begin(), into.end());
  for (std::string& topic : topics) {
    if (seen.insert(topic).second) into.push_back(std::move(topic));
  }
}

// Whether the meeting lies after the document date.
bool AfterDocumentDate(const MeetingContext& context,
                       const std::optional<std::string>& date) {
  return date && date->size() == 10 && context.document_date.size() == 10 &&
         *date > context.document_date;
}

// Whether a party of `meeting` is named in sentence `index`.
bool NamesAParty(const MeetingContext& context, std::size_t index,
                 const MeetingFinding& meeting) {
  const Sentence& sentence = context.tokens->sentences[index];
  for (auto it = FirstMentionFrom(*context.people, sentence.first_token);
       it != context.people->mentions.end() &&
       it->first_token < sentence.end_token;
       ++it) {
    if (HasPerson(meeting, static_cast<int>(it->person))) return true;
  }
  return false;
}

// The date of the meeting: the one nearest it in its sentence, or the one
// of the sentence before when that sentence speaks of one of its parties.
// Nearness is to the party met, where the match names one ("Ishiba arrived
// on Thursday and met Trump on Friday": what stands between the subject and
// its verb may date something else), and to the place before that
// ("travels to Spain today, and then to Portugal later this week").
std::optional<std::string> DateOf(const MeetingContext& context,
                                  std::size_t sentence_index,
                                  const RuleMatch& match,
                                  const MeetingFinding& meeting) {
  const Sentence& sentence = context.tokens->sentences[sentence_index];
  TokenSpan near{match.first_token, match.end_token};
  for (std::string_view nearest : {"with", "place"}) {
    for (const Capture& capture : match.captures) {
      if (capture.name == nearest && capture.end_token > capture.first_token) {
        near = TokenSpan{capture.first_token, capture.end_token};
      }
    }
  }
  const Token& first = context.tokens->tokens[near.first];
  const Token& last = context.tokens->tokens[near.end - 1];
  int date =
      NearestDate(context, sentence.begin, sentence.end, first.begin, last.end);
  if (date < 0 && sentence_index > 0 &&
      NamesAParty(context, sentence_index - 1, meeting)) {
    const Sentence& before = context.tokens->sentences[sentence_index - 1];
    date =
        NearestDate(context, before.begin, before.end, before.end, before.end);
  }
  if (date < 0) return std::nullopt;
  return context.dates[date].value;
}

// Whether a token of [first, end) is `word`.
bool WordWithin(const MeetingContext& context, uint32_t first, uint32_t end,
                std::string_view word) {
  for (uint32_t t = first; t < end; ++t) {
    if (NormAt(context, t) == word) return true;
  }
  return false;
}

// Adds `meeting`, stated in sentence `sentence_index`, to `log`, or merges
// it into the meeting it speaks of again.
void Record(MeetingFinding meeting, std::size_t sentence_index,
            MeetingLog& log) {
  MeetingFinding* same = SameMeeting(log, meeting, sentence_index);
  if (same == nullptr) {
    log.meetings.push_back(std::move(meeting));
    Spoken(log, log.meetings.size() - 1, sentence_index);
    return;
  }
  if (same->participants.size() < meeting.participants.size()) {
    same->participants = std::move(meeting.participants);
    same->rule = std::move(meeting.rule);
  }
  if (!same->date) same->date = meeting.date;
  if (!same->location) {
    same->location = meeting.location;
    same->place = meeting.place;
  }
  const auto index = static_cast<std::size_t>(same - log.meetings.data());
  AddTopics(std::move(meeting.topics), index, log);
  Spoken(log, index, sentence_index);
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

void AddMeetings(const MeetingContext& context, std::size_t sentence_index,
                 std::span<const RuleMatch> rule_matches,
                 std::span<const std::string_view> rule_ids, MeetingLog& log) {
  const Sentence& sentence = context.tokens->sentences[sentence_index];
  // In text order, so that "where they met" follows the visit it refers to.
  std::vector<std::size_t> order(rule_matches.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(
      order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return rule_matches[a].first_token < rule_matches[b].first_token;
      });
  for (const std::size_t i : order) {
    const RuleMatch& match = rule_matches[i];
    const std::optional<MeetingKind> kind = MeetingKindOfRule(rule_ids[i]);
    if (!kind) continue;
    const uint32_t lead = std::min<uint32_t>(
        kGoverningLead, match.first_token - sentence.first_token);
    const uint32_t trail = std::min<uint32_t>(
        kCancellingTrail, sentence.end_token - match.end_token);
    if (Undone(context, match, lead, trail)) continue;
    MeetingFinding meeting{.kind = *kind,
                           .sentence_begin = sentence.begin,
                           .sentence_end = sentence.end,
                           .rule = std::string(rule_ids[i]),
                           .last_sentence = sentence_index};
    const std::vector<MeetingFinding*> recent =
        RecentMeetings(log, sentence_index, kGroupReach);
    std::optional<Place> place;
    // "visited Fiji, Samoa and Tonga": a visit to each.
    std::vector<Place> stops;
    bool has_chair = false;
    std::vector<Participant> additions;
    // The parties met: those of `with`.
    std::vector<Participant> met;
    for (const Capture& capture : match.captures) {
      const TokenSpan span{capture.first_token, capture.end_token};
      if (span.empty()) continue;
      if (capture.name == "place") {
        place = PlaceAt(context, span);
        continue;
      }
      if (capture.name == "stops") {
        stops = PlacesIn(context, span);
        continue;
      }
      std::string role;
      bool addition = false;
      if (capture.name == "chair") {
        role = "chair";
        has_chair = true;
      } else if (capture.name == "host") {
        role = "host";
      } else if (capture.name == "who" && *kind == MeetingKind::kVisit) {
        role = "visitor";
      } else if (capture.name == "also" || capture.name == "also_host") {
        addition = true;
        if (capture.name == "also_host") role = "host";
      } else if (capture.name != "who" && capture.name != "with") {
        continue;
      }
      for (Participant& party :
           PartiesOf(context, sentence_index, span, recent, meeting)) {
        party.role = role;
        if (addition) {
          additions.push_back(std::move(party));
        } else if (*kind == MeetingKind::kVisit && role == "host") {
          // A visit is to the host's country.
          if (party.person >= 0 &&
              !context.person_countries[party.person].empty()) {
            AddParticipant(
                Participant{.country = context.person_countries[party.person]},
                meeting.participants);
          }
        } else {
          if (capture.name == "with") met.push_back(party);
          AddParticipant(std::move(party), meeting.participants);
        }
      }
    }
    if (!additions.empty()) {
      // "The two leaders discussed": the meeting those leaders held.  "The
      // meeting, hosted by X,": X joins the meeting last mentioned.
      MeetingFinding* target = nullptr;
      for (MeetingFinding* earlier : recent) {
        const bool holds_all = std::all_of(
            additions.begin(), additions.end(), [&](const Participant& p) {
              return std::any_of(
                  earlier->participants.begin(), earlier->participants.end(),
                  [&](const Participant& q) { return SameParticipant(p, q); });
            });
        if (holds_all) {
          target = earlier;
          break;
        }
      }
      if (target == nullptr) {
        const std::vector<MeetingFinding*> last =
            RecentMeetings(log, sentence_index, kAdditionReach);
        if (last.empty()) continue;
        target = last.front();
      }
      for (Participant& party : additions) {
        AddParticipant(std::move(party), target->participants);
      }
      const auto index = static_cast<std::size_t>(target - log.meetings.data());
      AddTopics(TopicsOf(context, sentence, match), index, log);
      Spoken(log, index, sentence_index);
      continue;
    }
    std::vector<std::optional<Place>> places(stops.begin(), stops.end());
    if (places.empty()) places.push_back(std::move(place));
    for (std::optional<Place>& where : places) {
      MeetingFinding found = meeting;
      if (!where && *kind == MeetingKind::kVisit) {
        // "X, who stayed on for a state visit,": a visit to where the story
        // is set, when that is not the visitor's own country.
        where = DatelinePlace(context);
        if (where &&
            std::any_of(found.participants.begin(), found.participants.end(),
                        [&](const Participant& p) {
                          return p.person >= 0 &&
                                 context.person_countries[p.person] ==
                                     where->country;
                        })) {
          where.reset();
        }
      }
      if (where) {
        found.location = where->name;
        found.place = where->mention;
        if (*kind == MeetingKind::kVisit && !where->country.empty()) {
          AddParticipant(Participant{.country = where->country},
                         found.participants);
        }
      }
      const bool enough = found.participants.size() >= 2 ||
                          (has_chair && found.participants.size() == 1);
      if (!enough) continue;
      found.date = DateOf(context, sentence_index, match, found);
      found.topics = TopicsOf(context, sentence, match);
      const bool planned = PhraseWithin(context, match.first_token - lead,
                                        match.end_token, "plan_word") ||
                           AfterDocumentDate(context, found.date);
      found.status =
          planned ? MeetingStatus::kPlanned : MeetingStatus::kHappened;

      if (met.size() < 2 || !WordWithin(context, match.first_token,
                                        match.end_token, "separately")) {
        Record(std::move(found), sentence_index, log);
        continue;
      }
      // "met separately with A and B": a meeting with each.
      for (const Participant& party : met) {
        MeetingFinding one = found;
        std::erase_if(one.participants, [&](const Participant& p) {
          return !SameParticipant(p, party) &&
                 std::any_of(met.begin(), met.end(), [&](const Participant& q) {
                   return SameParticipant(p, q);
                 });
        });
        Record(std::move(one), sentence_index, log);
      }
    }
  }
}

}  // namespace parley

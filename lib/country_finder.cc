// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "country_finder.h"

#include <algorithm>

namespace parley {
namespace {

// Gazetteer types whose names may contain a country word that then does not
// count by itself ("Tehreek-e-Taliban Pakistan", "Korean War", "Latin
// American").
constexpr std::string_view kNamedThingTypes[] = {
    "organization", "sea",  "treaty", "forum", "region",
    "city",         "seat", "site",   "event", "group"};

// Whether an `ambiguous=` value names another country ("CD") rather than
// something that is no country ("us-state", "river").
bool IsCountryCode(std::string_view value) {
  return value.size() == 2 && value[0] >= 'A' && value[0] <= 'Z' &&
         value[1] >= 'A' && value[1] <= 'Z';
}

// A capitalized word that can continue a personal name ("Jordan Bardella").
bool StartsName(const Token& token) {
  return token.space_before && !token.newline_before &&
         token.kind == TokenKind::kWord &&
         token.case_class == CaseClass::kTitle;
}

}  // namespace

CountryFinder::CountryFinder(const Gazetteer& gazetteer)
    : gazetteer_(&gazetteer),
      country_type_(gazetteer.TypeId("country")),
      reading_cue_type_(gazetteer.TypeId("reading_cue")),
      honorific_type_(gazetteer.TypeId("honorific")),
      given_name_type_(gazetteer.TypeId("given_name")),
      surname_type_(gazetteer.TypeId("surname")) {
  for (std::string_view type : kNamedThingTypes) {
    const uint32_t id = gazetteer.TypeId(type);
    if (id == Gazetteer::kNoType) continue;
    if (named_thing_.size() <= id) named_thing_.resize(id + 1, false);
    named_thing_[id] = true;
  }
  for (const GazetteerEntry& entry : gazetteer.entries()) {
    if (entry.type != "country" || entry.Attribute("canonical") != "yes") {
      continue;
    }
    std::string_view name = entry.Attribute("name");
    names_.emplace(entry.id,
                   name.empty() ? std::string_view(entry.phrase) : name);
  }
}

std::string_view CountryFinder::Name(std::string_view code) const {
  auto it = names_.find(code);
  return it == names_.end() ? code : it->second;
}

std::vector<CountryMention> CountryFinder::FindMentions(
    const Tokens& tokens, std::span<const GazetteerMatch> matches) const {
  const std::vector<GazetteerEntry>& entries = gazetteer_->entries();

  // The longest named thing that covers each token, [first, end).
  struct Span {
    uint32_t first = 0, end = 0;
  };
  std::vector<Span> longest_name(tokens.tokens.size());
  // How many cues in the document support each reading of an ambiguous
  // entry ("Atlanta": Georgia the US state; "Goma": Congo, the DRC).
  // Counted in the same pass over the matches.
  std::unordered_map<std::string_view, int> cues;
  for (const GazetteerMatch& match : matches) {
    const uint32_t type = entries[match.entry].type_id;
    if (type == reading_cue_type_) {
      ++cues[entries[match.entry].Attribute("reading")];
      continue;
    }
    if (type >= named_thing_.size() || !named_thing_[type]) continue;
    for (uint32_t t = match.first_token; t < match.end_token; ++t) {
      Span& name = longest_name[t];
      if (match.end_token - match.first_token > name.end - name.first) {
        name = Span{match.first_token, match.end_token};
      }
    }
  }
  auto inside_longer_name = [&](const GazetteerMatch& match) {
    const Span& name = longest_name[match.first_token];
    return name.first <= match.first_token && match.end_token <= name.end &&
           name.end - name.first > match.end_token - match.first_token;
  };

  auto count = [&](std::string_view reading) {
    auto it = cues.find(reading);
    return it == cues.end() ? 0 : it->second;
  };

  // Whether a phrase that is also a surname stands as one: after an
  // honorific or a name word ("Mr. Lao", "Wei Lao"), or before a name word
  // that begins no phrase but a name's ("Lao Zhiming", but "Lao
  // President").  Matches and sentences are sorted by their first token:
  // each look is a binary search, however often the phrase stands.
  auto surname_here = [&](const GazetteerMatch& match) {
    const std::vector<Token>& words = tokens.tokens;
    const uint32_t first = match.first_token;
    const uint32_t end = match.end_token;
    auto starting_from = [&](uint32_t token) {
      return std::lower_bound(matches.begin(), matches.end(), token,
                              [](const GazetteerMatch& m, uint32_t t) {
                                return m.first_token < t;
                              });
    };
    constexpr uint32_t kLongestHonorific = 4;
    for (auto it = starting_from(
             first > kLongestHonorific ? first - kLongestHonorific : 0);
         it != matches.end() && it->first_token < first; ++it) {
      if (it->end_token == first &&
          entries[it->entry].type_id == honorific_type_) {
        return true;
      }
    }
    if (first > 0 && words[first].space_before &&
        words[first - 1].kind == TokenKind::kWord &&
        words[first - 1].case_class == CaseClass::kTitle) {
      // A capitalized word that opens its sentence ("The Lao government")
      // is no name word.
      const auto sentence = std::upper_bound(
          tokens.sentences.begin(), tokens.sentences.end(), first - 1,
          [](uint32_t t, const Sentence& s) { return t < s.first_token; });
      if (sentence == tokens.sentences.begin() ||
          std::prev(sentence)->first_token != first - 1) {
        return true;
      }
    }
    if (end >= words.size() || !StartsName(words[end])) return false;
    for (auto it = starting_from(end);
         it != matches.end() && it->first_token == end; ++it) {
      const uint32_t type = entries[it->entry].type_id;
      if (type != given_name_type_ && type != surname_type_) return false;
    }
    return true;
  };

  std::vector<CountryMention> mentions;
  uint32_t claimed_until = 0;  // countries do not overlap: longest first wins
  for (const GazetteerMatch& match : matches) {
    const GazetteerEntry& entry = entries[match.entry];
    if (entry.type_id != country_type_ || match.first_token < claimed_until) {
      continue;
    }
    if (inside_longer_name(match)) continue;
    const std::string_view form = entry.Attribute("form");
    if (form == "prefix") {
      // "Sino-Indian": the prefix must be joined to a hyphen.
      const uint32_t next = match.end_token;
      if (next >= tokens.tokens.size() || tokens.tokens[next].space_before ||
          tokens.tokens[next].norm != "-") {
        continue;
      }
    }
    const std::string_view ambiguous = entry.Attribute("ambiguous");
    if (ambiguous == "given-name" && match.end_token < tokens.tokens.size() &&
        StartsName(tokens.tokens[match.end_token])) {
      continue;
    }
    if (ambiguous == "surname" && surname_here(match)) continue;
    std::string_view code = entry.id;
    if (!ambiguous.empty() && count(ambiguous) > count(entry.id)) {
      if (!IsCountryCode(ambiguous)) continue;
      code = ambiguous;
    }
    mentions.push_back(CountryMention{.first_token = match.first_token,
                                      .end_token = match.end_token,
                                      .code = code,
                                      .entry = match.entry});
    claimed_until = match.end_token;
  }
  return mentions;
}

}  // namespace parley

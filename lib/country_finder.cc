// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "country_finder.h"

#include <algorithm>

namespace parley {
namespace {

// Gazetteer types whose names may contain a country word that then does not
// count by itself ("Tehreek-e-Taliban Pakistan", "Korean War", "Latin
// American").
bool IsNamedThing(std::string_view type) {
  return type == "organization" || type == "sea" || type == "treaty" ||
         type == "forum" || type == "region" || type == "city" ||
         type == "seat" || type == "site" || type == "event" ||
         type == "group";
}

// A capitalized word that can continue a personal name ("Jordan Bardella").
bool StartsName(const Token& token) {
  return token.space_before && !token.newline_before &&
         token.kind == TokenKind::kWord && token.case_class == CaseClass::kTitle;
}

}  // namespace

CountryFinder::CountryFinder(const Gazetteer& gazetteer)
    : gazetteer_(&gazetteer) {
  for (const GazetteerEntry& entry : gazetteer.entries()) {
    if (entry.type != "country" || entry.Attribute("canonical") != "yes") {
      continue;
    }
    std::string_view name = entry.Attribute("name");
    names_.emplace(entry.id, name.empty() ? std::string_view(entry.phrase)
                                          : name);
  }
}

std::string_view CountryFinder::Name(std::string_view code) const {
  auto it = names_.find(code);
  return it == names_.end() ? code : it->second;
}

std::vector<CountryMention> CountryFinder::FindMentions(
    const Tokens& tokens, std::span<const GazetteerMatch> matches) const {
  const std::vector<GazetteerEntry>& entries = gazetteer_->entries();

  // For each token, the end of the longest named thing covering it that
  // started at or before it, to find country words inside such names.
  std::vector<uint32_t> named_start(tokens.tokens.size(), UINT32_MAX);
  std::vector<uint32_t> named_end(tokens.tokens.size(), 0);
  for (const GazetteerMatch& match : matches) {
    if (!IsNamedThing(entries[match.entry].type)) continue;
    for (uint32_t t = match.first_token; t < match.end_token; ++t) {
      if (match.end_token - match.first_token >
          named_end[t] - std::min(named_start[t], named_end[t])) {
        named_start[t] = match.first_token;
        named_end[t] = match.end_token;
      }
    }
  }
  auto inside_longer_name = [&](const GazetteerMatch& match) {
    const uint32_t t = match.first_token;
    if (named_end[t] == 0) return false;
    return named_start[t] <= match.first_token &&
           named_end[t] >= match.end_token &&
           named_end[t] - named_start[t] > match.end_token - match.first_token;
  };

  std::vector<CountryMention> mentions;
  uint32_t claimed_until = 0;  // countries do not overlap: longest first wins
  for (const GazetteerMatch& match : matches) {
    const GazetteerEntry& entry = entries[match.entry];
    if (entry.type != "country" || match.first_token < claimed_until) continue;
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
    if (entry.Attribute("ambiguous") == "given-name" &&
        match.end_token < tokens.tokens.size() &&
        StartsName(tokens.tokens[match.end_token])) {
      continue;
    }
    mentions.push_back(CountryMention{.first_token = match.first_token,
                                      .end_token = match.end_token,
                                      .code = entry.id,
                                      .entry = match.entry});
    claimed_until = match.end_token;
  }
  return mentions;
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Turns gazetteer matches of type `country` into Country records: names,
// short forms, abbreviations, adjectives and compound prefixes ("Sino-").
//
// It does: drop a country word that lies inside a longer organization, sea,
// treaty, forum, region or place name ("Tehreek-e-Taliban Pakistan", "South
// China Sea"); read an ambiguous entry ("Jordan", "Chad") as a person when a
// capitalized name follows it; count a prefix only in a hyphenated compound;
// decide an entry with another reading ("Georgia" the US state, "Congo" the
// DRC) by the reading cues the document holds ("Atlanta", "Goma").
// It does not: treat a capital city as its country ("Islamabad said" is a
// place), nor find countries the gazetteers do not name.

#ifndef PARLEY_LIB_COUNTRY_FINDER_H_
#define PARLEY_LIB_COUNTRY_FINDER_H_

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gazetteer.h"
#include "tokenizer.h"

namespace parley {

// One accepted country mention: tokens [first_token, end_token) name the
// country `code`.
struct CountryMention {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  std::string_view code;
  uint32_t entry = 0;  // the gazetteer entry, for provenance
};

class CountryFinder {
 public:
  // `gazetteer` must outlive the finder.
  explicit CountryFinder(const Gazetteer& gazetteer);

  // The accepted country mentions, in text order.
  std::vector<CountryMention> FindMentions(
      const Tokens& tokens, std::span<const GazetteerMatch> matches) const;

  // The English short name of `code`, or `code` itself when unknown.
  std::string_view Name(std::string_view code) const;

 private:
  const Gazetteer* gazetteer_;
  std::unordered_map<std::string_view, std::string_view> names_;
  uint32_t country_type_;
  uint32_t reading_cue_type_;
  uint32_t honorific_type_;
  uint32_t given_name_type_;
  uint32_t surname_type_;
  // Indexed by type_id: names inside which a country word does not count.
  std::vector<bool> named_thing_;
};

}  // namespace parley

#endif  // PARLEY_LIB_COUNTRY_FINDER_H_

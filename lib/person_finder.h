// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Turns the name spans that rules found into people: one entity per
// individual, with every mention that names them in the document.
//
// It does: merge a later short form with the person it names ("Dar" joins
// "Ishaq Dar", "al-Sharaa" joins "Ahmed al-Sharaa"), take the fullest form
// written as the name, keep two people who share a surname apart and give a
// bare surname to the most recently named of them, and find the short forms
// that no rule saw ("Sadiq's", a surname in a headline).
// It does not: find name spans (the rules in lib/data/people.rules do),
// resolve pronouns, or decide offices.

#ifndef PARLEY_LIB_PERSON_FINDER_H_
#define PARLEY_LIB_PERSON_FINDER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "tokenizer.h"

namespace parley {

// A name as a rule reported it: tokens [first_token, end_token).
struct NameSpan {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  std::string_view rule;
};

struct PersonMention {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  uint32_t person = 0;      // index into People::persons
  std::string source;       // "rule:title-name", "alias:..."
};

struct PersonEntity {
  // The fullest form written: tokens [first_token, end_token).
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  // Normalized words of that form, hyphens left out: {"ahmed", "al",
  // "sharaa"}.
  std::vector<std::string_view> words;
};

struct People {
  std::vector<PersonEntity> persons;     // in order of first mention
  std::vector<PersonMention> mentions;   // in text order, not overlapping

  // The person a mention covering exactly or containing tokens [first,
  // end) names, or -1.
  int PersonAt(uint32_t first_token, uint32_t end_token) const;
};

// What each token may be in a name, from the gazetteers: `alias_candidate`
// a capitalized word that no gazetteer claims for anything but names;
// `particle` a name particle ("al", "bin", "da").  A byte a flag, not
// std::vector<bool>: bits set and read one at a time, for every token,
// made ClassifyNameWords and ResolvePeople an eighth slower.
struct NameWordClasses {
  std::vector<char> alias_candidate;
  std::vector<char> particle;
};
NameWordClasses ClassifyNameWords(const Tokens& tokens,
                                  const Gazetteer& gazetteer,
                                  std::span<const GazetteerMatch> matches);

// Resolves `spans` (any order, may overlap) into people.
// Short forms are sought among `classes.alias_candidate` words.
People ResolvePeople(const Tokens& tokens, std::span<const NameSpan> spans,
                     const NameWordClasses& classes);

// The state each person is known to serve, from the `public_figure`
// gazetteer ("Narendra Modi": IN), or "" where none is known: one entry per
// person of `people`.  A name written with initials or suffixes, or family
// name first in capitals ("Gilberto C. Teodoro Jr.", "KAMIKAWA Yoko"), is
// looked up in its plain form too.
std::vector<std::string> KnownCountries(
    const Tokens& tokens, const People& people, const Gazetteer& gazetteer,
    std::span<const GazetteerMatch> matches);

}  // namespace parley

#endif  // PARLEY_LIB_PERSON_FINDER_H_

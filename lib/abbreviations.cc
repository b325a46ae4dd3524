// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The table of abbreviations, checked to be sorted at compile time and
// searched by bisection after a check of length.
//
// It does not fold case or allocate.

#include "abbreviations.h"

#include <algorithm>
#include <cstddef>
#include <iterator>

namespace parley {
namespace {

struct Abbreviation {
  std::string_view word;
  AbbreviationKind kind;
};

constexpr AbbreviationKind kTitle = AbbreviationKind::kTitle;
constexpr AbbreviationKind kOther = AbbreviationKind::kOther;
constexpr AbbreviationKind kBeforeNumber = AbbreviationKind::kBeforeNumber;

constexpr Abbreviation kAbbreviations[] = {
    {"Adm", kTitle},       {"Apr", kOther},  {"Aug", kOther}, {"Brig", kTitle},
    {"Capt", kTitle},      {"Cmdr", kTitle}, {"Co", kOther},  {"Col", kTitle},
    {"Corp", kOther},      {"Dec", kOther},  {"Dr", kTitle},  {"Feb", kOther},
    {"Gen", kTitle},       {"Gov", kTitle},  {"Hon", kTitle}, {"Inc", kOther},
    {"Jan", kOther},       {"Jr", kOther},   {"Jul", kOther}, {"Jun", kOther},
    {"Lt", kTitle},        {"Ltd", kOther},  {"Maj", kTitle}, {"Mar", kOther},
    {"Mr", kTitle},        {"Mrs", kTitle},  {"Ms", kTitle},  {"Mt", kTitle},
    {"No", kBeforeNumber}, {"Nov", kOther},  {"Oct", kOther}, {"Prof", kTitle},
    {"Rep", kTitle},       {"Rev", kTitle},  {"Sen", kTitle}, {"Sep", kOther},
    {"Sept", kOther},      {"Sgt", kTitle},  {"Sr", kOther},  {"St", kTitle},
    {"vs", kOther},
};

constexpr bool AbbreviationLess(const Abbreviation& a, const Abbreviation& b) {
  return a.word < b.word;
}
static_assert(std::ranges::is_sorted(kAbbreviations, AbbreviationLess));

// Most words before a period are longer than any abbreviation: a length
// check spares them the search.
constexpr size_t kLongest =
    std::ranges::max_element(kAbbreviations, {}, [](const Abbreviation& a) {
      return a.word.size();
    })->word.size();

}  // namespace

std::optional<AbbreviationKind> FindAbbreviation(std::string_view word) {
  if (word.size() > kLongest) return std::nullopt;
  const auto* it =
      std::lower_bound(std::begin(kAbbreviations), std::end(kAbbreviations),
                       Abbreviation{word, kOther}, AbbreviationLess);
  if (it == std::end(kAbbreviations) || it->word != word) return std::nullopt;
  return it->kind;
}

}  // namespace parley

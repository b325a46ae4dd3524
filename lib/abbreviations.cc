// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The table of abbreviations, checked to be sorted at compile time and
// searched by bisection.
//
// It does not fold case or allocate.

#include "abbreviations.h"

#include <algorithm>
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

}  // namespace

std::optional<AbbreviationKind> FindAbbreviation(std::string_view word) {
  const auto* it =
      std::lower_bound(std::begin(kAbbreviations), std::end(kAbbreviations),
                       Abbreviation{word, kOther}, AbbreviationLess);
  if (it == std::end(kAbbreviations) || it->word != word) return std::nullopt;
  return it->kind;
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The abbreviations that keep their period as part of a token ("Dr.",
// "Feb.", "Inc."), and how each bears on sentence breaking.
//
//   parley::FindAbbreviation("Gen");  // AbbreviationKind::kTitle
//   parley::FindAbbreviation("gen");  // nullopt: case matters
//
// It does not know acronyms ("U.S.", "a.m.") or initials ("S."), which the
// tokenizer recognizes by their form, nor look at what follows the period.

#ifndef PARLEY_LIB_ABBREVIATIONS_H_
#define PARLEY_LIB_ABBREVIATIONS_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace parley {

enum class AbbreviationKind : uint8_t {
  // Precedes a name and never ends a sentence: "Dr.", "Gen.".
  kTitle,
  // Ends a sentence only before a line break, like acronyms: "Feb. 5",
  // "Apple Inc. said".
  kOther,
  // An abbreviation only before a number: "No. 10", but 'He said "No."'.
  kBeforeNumber,
};

// The kind of abbreviation `word` is, written without its period and
// matched case-sensitively, or nullopt if it is none.
std::optional<AbbreviationKind> FindAbbreviation(std::string_view word);

}  // namespace parley

#endif  // PARLEY_LIB_ABBREVIATIONS_H_

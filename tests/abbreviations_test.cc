// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests of lib/abbreviations.cc: the kind of every abbreviation in the
// table, and that near misses, other cases and words absent from it are
// none.

#include "abbreviations.h"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

namespace parley {
namespace {

constexpr AbbreviationKind kTitle = AbbreviationKind::kTitle;
constexpr AbbreviationKind kOther = AbbreviationKind::kOther;

TEST(AbbreviationsTest, TitlesPrecedeNames) {
  for (const std::string_view word :
       {"Adm", "Brig", "Capt", "Cmdr", "Col", "Dr",  "Gen",
        "Gov", "Hon",  "Lt",   "Maj",  "Mr",  "Mrs", "Ms",
        "Mt",  "Prof", "Rep",  "Rev",  "Sen", "Sgt", "St"}) {
    EXPECT_EQ(FindAbbreviation(word), kTitle) << word;
  }
}

TEST(AbbreviationsTest, MonthsCompaniesAndSuffixesAreOther) {
  for (const std::string_view word :
       {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
        "Nov", "Dec", "Co", "Corp", "Inc", "Ltd", "Jr", "Sr", "vs"}) {
    EXPECT_EQ(FindAbbreviation(word), kOther) << word;
  }
}

TEST(AbbreviationsTest, NoIsAnAbbreviationOnlyBeforeANumber) {
  EXPECT_EQ(FindAbbreviation("No"), AbbreviationKind::kBeforeNumber);
}

TEST(AbbreviationsTest, CaseMatters) {
  EXPECT_EQ(FindAbbreviation("dr"), std::nullopt);
  EXPECT_EQ(FindAbbreviation("DR"), std::nullopt);
  EXPECT_EQ(FindAbbreviation("feb"), std::nullopt);
  EXPECT_EQ(FindAbbreviation("Vs"), std::nullopt);
  EXPECT_EQ(FindAbbreviation("no"), std::nullopt);
}

TEST(AbbreviationsTest, OtherWordsAreNone) {
  // Prefixes and extensions of entries, the first and last entries' near
  // neighbours, and words never abbreviated.
  for (const std::string_view word :
       {"", "D", "Dre", "Se", "Septe", "Ad", "Adma", "v", "vss", "May", "June",
        "Mister", "US", "Pakistan"}) {
    EXPECT_EQ(FindAbbreviation(word), std::nullopt) << '"' << word << '"';
  }
  // The word is matched without its period.
  EXPECT_EQ(FindAbbreviation("Dr."), std::nullopt);
}

}  // namespace
}  // namespace parley

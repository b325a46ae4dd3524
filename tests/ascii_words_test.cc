// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/ascii_words.cc: the word before and after a span across
// ASCII and no-break spaces, possessive endings with either apostrophe,
// words glued to digits or non-ASCII letters, and case-blind word lists.

#include "ascii_words.h"

#include <gtest/gtest.h>

#include <string_view>

namespace parley {
namespace {

// The offset of `part` in `text`, which must hold it.
size_t At(std::string_view text, std::string_view part) {
  const size_t pos = text.find(part);
  EXPECT_NE(pos, std::string_view::npos) << part;
  return pos;
}

TEST(AsciiWordsTest, WordBeforeSkipsSpaces) {
  constexpr std::string_view kText = "every Monday";
  EXPECT_EQ(WordBefore(kText, At(kText, "Monday")), "every");
  // U+00A0 and a line break count as space.
  constexpr std::string_view kNoBreak = "since\xC2\xA0\n 2023";
  EXPECT_EQ(WordBefore(kNoBreak, At(kNoBreak, "2023")), "since");
  EXPECT_EQ(WordBefore(kText, 0), "");
}

TEST(AsciiWordsTest, WordBeforeReadsPossessives) {
  constexpr std::string_view kStraight = "Pakistan's 2024 elections";
  EXPECT_EQ(WordBefore(kStraight, At(kStraight, "2024")), "'s");
  constexpr std::string_view kCurly = "Pakistan\xE2\x80\x99s 2024 elections";
  EXPECT_EQ(WordBefore(kCurly, At(kCurly, "2024")), "'s");
}

TEST(AsciiWordsTest, WordBeforeRefusesPartsOfOtherWords) {
  // "3rd", "o'clock", "Québec": the letters next to the span are the end
  // of a word the rules cannot read.
  constexpr std::string_view kDigit = "the 3rd March";
  EXPECT_EQ(WordBefore(kDigit, At(kDigit, "March")), "");
  constexpr std::string_view kApostrophe = "o'clock May";
  EXPECT_EQ(WordBefore(kApostrophe, At(kApostrophe, "May")), "");
  constexpr std::string_view kAccent =
      "Qu\xC3\xA9"
      "bec 2024";
  EXPECT_EQ(WordBefore(kAccent, At(kAccent, "2024")), "");
  constexpr std::string_view kComma = "Friday, March 24";
  EXPECT_EQ(WordBefore(kComma, At(kComma, "March")), "");
}

TEST(AsciiWordsTest, WordAfter) {
  constexpr std::string_view kText = "2000 troops";
  EXPECT_EQ(WordAfter(kText, 4), "troops");
  EXPECT_EQ(WordAfter("March 22-23", 8), "");
  EXPECT_EQ(WordAfter("May", 3), "");
}

TEST(AsciiWordsTest, Spaces) {
  constexpr std::string_view kText = "in \xC2\xA0\tMay";
  EXPECT_EQ(SpaceWidth(kText, 2), 1u);
  EXPECT_EQ(SpaceWidth(kText, 3), 2u);
  EXPECT_EQ(SpaceWidth(kText, 0), 0u);
  EXPECT_EQ(SpaceWidth(kText, kText.size()), 0u);
  EXPECT_EQ(SkipSpaceForward(kText, 2), At(kText, "May"));
  EXPECT_EQ(SkipSpaceBackward(kText, At(kText, "May")), 2u);
}

TEST(AsciiWordsTest, Apostrophes) {
  EXPECT_EQ(ApostropheWidth("won't", 3), 1u);
  EXPECT_EQ(ApostropheWidth("won\xE2\x80\x99t", 3), 3u);
  EXPECT_EQ(ApostropheWidth("wont", 3), 0u);
  EXPECT_EQ(ApostropheWidth("won", 3), 0u);
}

TEST(AsciiWordsTest, WordLists) {
  constexpr std::string_view kLeaders[] = {"in", "since", "until"};
  EXPECT_TRUE(IsOneOf("Since", kLeaders));
  EXPECT_FALSE(IsOneOf("sinc", kLeaders));
  EXPECT_TRUE(IsOneOf("EVERY", {"every", "each"}));
  EXPECT_FALSE(IsOneOf("", {"every", "each"}));
  EXPECT_TRUE(EqualsIgnoreCase("Last", "lAST"));
  // Case folds in ASCII only.
  EXPECT_FALSE(EqualsIgnoreCase("\xC3\x89T\xC3\x89", "\xC3\xA9t\xC3\xA9"));
}

}  // namespace
}  // namespace parley

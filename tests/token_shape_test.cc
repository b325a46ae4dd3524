// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests of lib/token_shape.cc: exact shapes and case classes of words,
// numbers, acronyms and symbols in Latin and other scripts; long runs cut to
// four; marks, format characters and ill-formed bytes; and that the ASCII
// fast path gives what the general path and the normalizer give.

#include "token_shape.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

#include "token_normalizer.h"
#include "tokenizer.h"

namespace parley {
namespace {

// Through the general path, whatever the text.
Token Described(std::string_view text) {
  Token token;
  DescribeShapeAndCase(text, &token);
  return token;
}

// Through the ASCII fast path, which must take text[begin, end).
Token DescribedAscii(std::string_view text, size_t begin, size_t end) {
  Token token;
  EXPECT_TRUE(DescribeAsciiToken(text, begin, end, &token)) << text;
  return token;
}

Token DescribedAscii(std::string_view text) {
  return DescribedAscii(text, 0, text.size());
}

std::string Shape(std::string_view text) { return Described(text).shape; }

CaseClass CaseOf(std::string_view text) { return Described(text).case_class; }

TEST(TokenShapeTest, Shapes) {
  EXPECT_EQ(Shape("Pakistan"), "Xxxxx");
  EXPECT_EQ(Shape("’s"), "’x");
  EXPECT_EQ(Shape("2025-03-22"), "dddd-dd-dd");
  EXPECT_EQ(Shape("U.S."), "X.X.");
  EXPECT_EQ(Shape("McCain"), "XxXxxx");
  EXPECT_EQ(Shape("G20"), "Xdd");
  EXPECT_EQ(Shape("TTP"), "XXX");
  EXPECT_EQ(Shape("a"), "x");
  EXPECT_EQ(Shape("Ünal"), "Xxxx");
  EXPECT_EQ(Shape("Москва"), "Xxxxx");
  EXPECT_EQ(Shape("€5"), "€d");
  EXPECT_EQ(Shape("٢٠٢٥"), "dddd");
  // Ideographs and letters without case are 'x'.
  EXPECT_EQ(Shape("北"), "x");
  EXPECT_EQ(Shape("وزير"), "xxxx");
}

TEST(TokenShapeTest, RunsLongerThanFourAreCutToFour) {
  EXPECT_EQ(Shape("Afghanistan"), "Xxxxx");
  EXPECT_EQ(Shape("SSSSSS"), "XXXX");
  EXPECT_EQ(Shape("1,000,000"), "d,ddd,ddd");
  EXPECT_EQ(Shape("12345678"), "dddd");
  EXPECT_EQ(Shape("!!!!!!"), "!!!!");
  EXPECT_EQ(Shape("ÜÜÜÜÜÜ"), "XXXX");
  EXPECT_EQ(Shape("北京北京北京"), "xxxx");
  EXPECT_EQ(Shape("——————"), "————");
}

TEST(TokenShapeTest, MarksAndFormatCharactersAreDropped) {
  EXPECT_EQ(Shape("Tu\u0308rkiye"), "Xxxxx");
  EXPECT_EQ(Shape("Paki\u00ADstan"), "Xxxxx");
  // Devanagari: virama and vowel signs are marks.
  EXPECT_EQ(Shape("नमस्ते"), "xxxx");
  EXPECT_EQ(CaseOf("Tu\u0308rkiye"), CaseClass::kTitle);
}

TEST(TokenShapeTest, IllFormedBytesShapeAsReplacementCharacters) {
  EXPECT_EQ(Shape("\xFF"), "\uFFFD");
  EXPECT_EQ(Shape("a\x80"
                  "b"),
            "x\uFFFDx");
  EXPECT_EQ(CaseOf("\xFF"), CaseClass::kNone);
}

TEST(TokenShapeTest, CaseClasses) {
  EXPECT_EQ(CaseOf("minister"), CaseClass::kLower);
  EXPECT_EQ(CaseOf("TTP"), CaseClass::kUpper);
  EXPECT_EQ(CaseOf("U.S."), CaseClass::kUpper);
  EXPECT_EQ(CaseOf("Dar"), CaseClass::kTitle);
  EXPECT_EQ(CaseOf("McCain"), CaseClass::kTitle);
  EXPECT_EQ(CaseOf("O'Brien"), CaseClass::kTitle);
  EXPECT_EQ(CaseOf("A"), CaseClass::kTitle);
  EXPECT_EQ(CaseOf("S."), CaseClass::kTitle);
  EXPECT_EQ(CaseOf("Émile"), CaseClass::kTitle);
  EXPECT_EQ(CaseOf("ÉMILE"), CaseClass::kUpper);
  EXPECT_EQ(CaseOf("émile"), CaseClass::kLower);
  EXPECT_EQ(CaseOf("iPhone"), CaseClass::kMixed);
  EXPECT_EQ(CaseOf("McDONALD"), CaseClass::kMixed);
  EXPECT_EQ(CaseOf("2025"), CaseClass::kNone);
  EXPECT_EQ(CaseOf("-"), CaseClass::kNone);
  EXPECT_EQ(CaseOf("北"), CaseClass::kNone);
}

TEST(TokenShapeTest, AsciiFastPathGivesNormShapeAndCase) {
  const Token token = DescribedAscii("McDONALD's");
  EXPECT_EQ(token.norm, "mcdonald's");
  EXPECT_EQ(token.shape, "XxXXXX'x");
  EXPECT_EQ(token.case_class, CaseClass::kMixed);

  const Token acronym = DescribedAscii("U.S.");
  EXPECT_EQ(acronym.norm, "u.s.");
  EXPECT_EQ(acronym.shape, "X.X.");
  EXPECT_EQ(acronym.case_class, CaseClass::kUpper);

  const std::string longest(64, 'A');
  const Token sixty_four = DescribedAscii(longest);
  EXPECT_EQ(sixty_four.norm, std::string(64, 'a'));
  EXPECT_EQ(sixty_four.shape, "XXXX");
  EXPECT_EQ(sixty_four.case_class, CaseClass::kUpper);
}

TEST(TokenShapeTest, AsciiFastPathLeavesOtherTextAlone) {
  Token token;
  token.norm = "norm";
  token.shape = "shape";
  token.case_class = CaseClass::kMixed;
  for (const std::string_view text :
       {"Türkiye", "Pakistan’s", "aaaaaaaa\xFF", "\xFF"}) {
    EXPECT_FALSE(DescribeAsciiToken(text, 0, text.size(), &token)) << text;
  }
  const std::string too_long(65, 'a');
  EXPECT_FALSE(DescribeAsciiToken(too_long, 0, too_long.size(), &token));
  EXPECT_EQ(token.norm, "norm");
  EXPECT_EQ(token.shape, "shape");
  EXPECT_EQ(token.case_class, CaseClass::kMixed);
}

TEST(TokenShapeTest, AsciiFastPathReadsOnlyItsToken) {
  // Non-ASCII text right before and after, and the end of the text at
  // every distance.
  const std::string_view text = "Ü Pakistan’s U.S.";
  const Token pakistan = DescribedAscii(text, 3, 11);
  EXPECT_EQ(pakistan.norm, "pakistan");
  EXPECT_EQ(pakistan.shape, "Xxxxx");
  EXPECT_EQ(pakistan.case_class, CaseClass::kTitle);
  for (size_t begin = 15; begin < text.size(); ++begin) {
    for (size_t end = begin + 1; end <= text.size(); ++end) {
      const std::string_view token_text = text.substr(begin, end - begin);
      const Token fast = DescribedAscii(text, begin, end);
      EXPECT_EQ(fast.shape, Described(token_text).shape) << token_text;
      std::string norm;
      NormalizeToken(token_text, &norm);
      EXPECT_EQ(fast.norm, norm);
    }
  }
  const Token short_text = DescribedAscii("aB", 1, 2);
  EXPECT_EQ(short_text.norm, "b");
  EXPECT_EQ(short_text.shape, "X");
  EXPECT_EQ(short_text.case_class, CaseClass::kTitle);
}

TEST(TokenShapeTest, AsciiFastPathCutsRunsAcrossItsChunks) {
  // Eight bytes a chunk: runs that end, start or go on at a chunk's end.
  const Token token =
      DescribedAscii("Xxxxxxx.aaaaAAAAAAAAAAAAbbbbb,,,,9999999");
  EXPECT_EQ(token.norm, "xxxxxxx.aaaaaaaaaaaaaaaabbbbb,,,,9999999");
  EXPECT_EQ(token.shape, "Xxxxx.xxxxXXXXxxxx,,,,dddd");
  EXPECT_EQ(token.case_class, CaseClass::kMixed);

  const Token ten = DescribedAscii("ABCDEFGHIj");
  EXPECT_EQ(ten.shape, "XXXXx");
  EXPECT_EQ(ten.case_class, CaseClass::kMixed);
}

TEST(TokenShapeTest, AsciiFastPathAgreesWithTheGeneralPath) {
  // Letters of both cases, digits, punctuation and controls, in runs, and
  // the bytes on either side of the letters and digits.
  static constexpr char kCharacters[] = "aAbZzz09..-'\"$\t\x01\0@[`{/:\x7F";
  constexpr std::string_view kAlphabet(kCharacters, sizeof(kCharacters) - 1);
  std::mt19937 random(20260322);
  std::uniform_int_distribution<size_t> pick(0, kAlphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 64);
  for (int i = 0; i < 2000; ++i) {
    std::string text(length(random), ' ');
    for (char& c : text) c = kAlphabet[pick(random)];
    // Somewhere in a longer text, which may be shorter than eight bytes
    // and have non-ASCII text around the token.
    const std::string around = "\xC3\x9C\x01 aZ";
    const std::string before = around.substr(0, pick(random) % 7);
    const std::string after = around.substr(0, pick(random) % 7);
    const std::string whole = before + text + after;
    const Token fast =
        DescribedAscii(whole, before.size(), before.size() + text.size());
    const Token general = Described(text);
    std::string norm;
    NormalizeToken(text, &norm);
    EXPECT_EQ(fast.norm, norm) << text;
    EXPECT_EQ(fast.shape, general.shape) << text;
    EXPECT_EQ(fast.case_class, general.case_class) << text;
  }
}

}  // namespace
}  // namespace parley

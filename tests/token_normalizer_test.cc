// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests of lib/token_normalizer.cc: exact norms of ASCII, curly quotes and
// hyphens, Latin, Cyrillic and Greek diacritics, compatibility forms, and
// scripts whose marks are part of the spelling, on both the byte loop and
// the ICU path; and U+FFFD for ill-formed bytes.

#include "token_normalizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace parley {
namespace {

std::string Norm(std::string_view text) {
  std::string norm;
  NormalizeToken(text, &norm);
  return norm;
}

TEST(TokenNormalizerTest, AsciiFoldsCaseOnly) {
  EXPECT_EQ(Norm("MUTTAQI"), "muttaqi");
  EXPECT_EQ(Norm("McCain"), "mccain");
  EXPECT_EQ(Norm("U.S."), "u.s.");
  EXPECT_EQ(Norm("2025-03-22"), "2025-03-22");
  EXPECT_EQ(Norm("O'Brien"), "o'brien");
  EXPECT_EQ(Norm(""), "");
}

TEST(TokenNormalizerTest, CurlyQuotesAndUnicodeHyphensAreStraightened) {
  EXPECT_EQ(Norm("’s"), "'s");
  EXPECT_EQ(Norm("O’Brien"), "o'brien");
  EXPECT_EQ(Norm("‘"), "'");
  EXPECT_EQ(Norm("“"), "\"");
  EXPECT_EQ(Norm("”"), "\"");
  EXPECT_EQ(Norm("Khyber\u2011Pakhtunkhwa"), "khyber-pakhtunkhwa");
  EXPECT_EQ(Norm("\u2010"), "-");
  // Dashes are not hyphens.
  EXPECT_EQ(Norm("—"), "—");
  // With another non-ASCII character, on the ICU path.
  EXPECT_EQ(Norm("Türkiye’s"), "turkiye's");
}

TEST(TokenNormalizerTest, DiacriticsAreRemoved) {
  EXPECT_EQ(Norm("Türkiye"), "turkiye");
  EXPECT_EQ(Norm("São"), "sao");
  EXPECT_EQ(Norm("Émile"), "emile");
  EXPECT_EQ(Norm("Çavuşoğlu"), "cavusoglu");
  EXPECT_EQ(Norm("İstanbul"), "istanbul");
  EXPECT_EQ(Norm("Зеленський"), "зеленськии");  // й loses its breve
  EXPECT_EQ(Norm("Ἀθῆναι"), "αθηναι");
  // Decomposed input folds to the same norm.
  EXPECT_EQ(Norm("Tu\u0308rkiye"), "turkiye");
}

TEST(TokenNormalizerTest, CompatibilityFormsAndCaseFolding) {
  EXPECT_EQ(Norm("Straße"), "strasse");
  EXPECT_EQ(Norm("ﬁnal"), "final");
  EXPECT_EQ(Norm("ＴＯＫＹＯ"), "tokyo");
  EXPECT_EQ(Norm("²"), "2");
  EXPECT_EQ(Norm("ΣΟΦΊΑ"), "σοφια");
}

TEST(TokenNormalizerTest, DefaultIgnorableCharactersAreDropped) {
  EXPECT_EQ(Norm("Paki\u00ADstan"), "pakistan");
  EXPECT_EQ(Norm("Paki\u200Bstan"), "pakistan");
}

TEST(TokenNormalizerTest, MarksThatSpellStay) {
  EXPECT_EQ(Norm("नमस्ते"), "नमस्ते");
  EXPECT_EQ(Norm("ガザ"), "ガザ");
  EXPECT_EQ(Norm("مُحَمَّد"), "مُحَمَّد");
  EXPECT_EQ(Norm("北京"), "北京");
}

TEST(TokenNormalizerTest, IllFormedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(Norm("\xFF"), "\uFFFD");
  EXPECT_EQ(Norm("A\x80"
                 "B"),
            "a\uFFFDb");
}

TEST(TokenNormalizerTest, ReplacesWhatTheStringHeld) {
  std::string norm = "a much longer earlier norm";
  NormalizeToken("Kabul", &norm);
  EXPECT_EQ(norm, "kabul");
  NormalizeToken("Türkiye", &norm);
  EXPECT_EQ(norm, "turkiye");
  NormalizeToken("", &norm);
  EXPECT_EQ(norm, "");
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests of lib/token_normalizer.cc: exact norms of ASCII, curly quotes and
// hyphens, Latin, Cyrillic and Greek diacritics, compatibility forms, and
// scripts whose marks are part of the spelling, on both the byte loop and
// the ICU path; and U+FFFD for ill-formed bytes.

#include "token_normalizer.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>
#include <vector>

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

// The norm as token_normalizer.h defines it, through ICU's normalizers
// whatever the text, for well-formed text.
std::string ReferenceNorm(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd_casefold = icu::Normalizer2::getInstance(
      nullptr, "nfkc_cf", UNORM2_DECOMPOSE, status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  EXPECT_TRUE(U_SUCCESS(status));
  const icu::UnicodeString folded =
      nfkd_casefold->normalize(icu::UnicodeString::fromUTF8(text), status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK && u_getCombiningClass(c) >= 200) {
      continue;
    }
    if (c == 0x2018 || c == 0x2019) c = '\'';
    if (c == 0x201C || c == 0x201D) c = '"';
    if (c == 0x2010 || c == 0x2011) c = '-';
    stripped.append(c);
  }
  std::string norm;
  nfc->normalize(stripped, status).toUTF8String(norm);
  EXPECT_TRUE(U_SUCCESS(status));
  return norm;
}

std::string Utf8(UChar32 c) {
  std::string bytes;
  icu::UnicodeString(c).toUTF8String(bytes);
  return bytes;
}

TEST(TokenNormalizerTest, EveryCharacterAsTheNormalizersFoldIt) {
  // Characters whose norm is their own, as one loop over the token finds
  // it, must get it as the normalizers would: next to ASCII, to
  // themselves, to other such characters, and to characters that compose
  // or reorder with what is before or after them (Hangul jamo and
  // syllables, vowel signs, kana voicing marks, diacritics and other marks
  // of several classes).  Every character of the Basic and Supplementary
  // Multilingual Planes, and the tags and variation selectors.
  std::vector<UChar32> characters;
  for (UChar32 c = 0x80; c < 0x20000; ++c) {
    if (!U_IS_SURROGATE(c)) characters.push_back(c);
  }
  for (UChar32 c = 0xE0000; c < 0xE01F0; ++c) characters.push_back(c);
  std::vector<std::string> partners = {"A", "É", "—", "’s"};
  for (const UChar32 partner :
       {0x1100, 0x1161, 0x11A8, 0xAC00, 0x0B3E, 0x0B47, 0x0CD5, 0x0DCF, 0x3099,
        0x304B, 0x0308, 0x0327, 0x0338, 0x05B4, 0x0645}) {
    partners.push_back(Utf8(partner));
  }
  for (const UChar32 c : characters) {
    const std::string bytes = Utf8(c);
    ASSERT_EQ(Norm(bytes), ReferenceNorm(bytes)) << std::hex << "U+" << c;
    ASSERT_EQ(Norm(bytes + bytes), ReferenceNorm(bytes + bytes))
        << std::hex << "U+" << c;
    for (const std::string& partner : partners) {
      for (const std::string& text : {bytes + partner, partner + bytes}) {
        ASSERT_EQ(Norm(text), ReferenceNorm(text)) << std::hex << "U+" << c;
      }
    }
  }
}

}  // namespace
}  // namespace parley

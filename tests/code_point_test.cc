// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests of lib/code_point.cc: the code point, byte size and class decoded at
// an offset, for ASCII, every class of non-ASCII character the tokenizer
// tells apart, ill-formed bytes and the end of the text; and upper and
// lower case.

#include "code_point.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string_view>

namespace parley {

// Field by field, so that a failure shows which one differs.
bool operator==(const CodePoint& a, const CodePoint& b) {
  return a.c == b.c && a.size == b.size && a.cls == b.cls;
}

void PrintTo(const CodePoint& cp, std::ostream* os) {
  *os << "{U+" << std::hex << cp.c << std::dec << ", " << int{cp.size}
      << " bytes, class " << static_cast<int>(cp.cls) << "}";
}

namespace {

CodePoint First(std::string_view text) { return CodePointAt(text, 0); }

TEST(CodePointTest, AsciiLettersDigitsAndSpaces) {
  EXPECT_EQ(First("a"), (CodePoint{'a', 1, CharClass::kLetter}));
  EXPECT_EQ(First("Z"), (CodePoint{'Z', 1, CharClass::kLetter}));
  EXPECT_EQ(First("7"), (CodePoint{'7', 1, CharClass::kDigit}));
  EXPECT_EQ(First(" "), (CodePoint{' ', 1, CharClass::kSpace}));
  EXPECT_EQ(First("\t"), (CodePoint{'\t', 1, CharClass::kSpace}));
  for (const char c : {'\n', '\v', '\f', '\r'}) {
    EXPECT_EQ(First(std::string_view(&c, 1)),
              (CodePoint{c, 1, CharClass::kLineBreak}));
  }
}

TEST(CodePointTest, AsciiSymbolsPunctuationAndControls) {
  for (const char c : std::string_view("#$%&+<=>@^`|~")) {
    EXPECT_EQ(First(std::string_view(&c, 1)).cls, CharClass::kSymbol) << c;
  }
  for (const char c : std::string_view("!\"'()*,-./:;?[\\]_{}")) {
    EXPECT_EQ(First(std::string_view(&c, 1)).cls, CharClass::kPunctuation) << c;
  }
  EXPECT_EQ(First(std::string_view("\0", 1)),
            (CodePoint{0, 1, CharClass::kOther}));
  EXPECT_EQ(First("\x1B"), (CodePoint{0x1B, 1, CharClass::kOther}));
  EXPECT_EQ(First("\x7F"), (CodePoint{0x7F, 1, CharClass::kOther}));
}

TEST(CodePointTest, NonAsciiClasses) {
  EXPECT_EQ(First("ü"), (CodePoint{0xFC, 2, CharClass::kLetter}));
  EXPECT_EQ(First("Москва"), (CodePoint{0x41C, 2, CharClass::kLetter}));
  // Kana are letters, not ideographs: a kana run is one token.
  EXPECT_EQ(First("ト"), (CodePoint{0x30C8, 3, CharClass::kLetter}));
  EXPECT_EQ(First("北"), (CodePoint{0x5317, 3, CharClass::kIdeograph}));
  EXPECT_EQ(First("\u0308"), (CodePoint{0x308, 2, CharClass::kMark}));
  EXPECT_EQ(First("\u093F"), (CodePoint{0x93F, 3, CharClass::kMark}));
  EXPECT_EQ(First("٣"), (CodePoint{0x663, 2, CharClass::kDigit}));
  EXPECT_EQ(First("²"), (CodePoint{0xB2, 2, CharClass::kOtherNumber}));
  EXPECT_EQ(First("Ⅻ"), (CodePoint{0x216B, 3, CharClass::kOtherNumber}));
  EXPECT_EQ(First("\u00AD"), (CodePoint{0xAD, 2, CharClass::kFormat}));
  EXPECT_EQ(First("\uFEFF"), (CodePoint{0xFEFF, 3, CharClass::kFormat}));
  EXPECT_EQ(First("\u200D"), (CodePoint{0x200D, 3, CharClass::kFormat}));
  EXPECT_EQ(First("—"), (CodePoint{0x2014, 3, CharClass::kPunctuation}));
  EXPECT_EQ(First("“"), (CodePoint{0x201C, 3, CharClass::kPunctuation}));
  EXPECT_EQ(First("،"), (CodePoint{0x60C, 2, CharClass::kPunctuation}));
  EXPECT_EQ(First("€"), (CodePoint{0x20AC, 3, CharClass::kSymbol}));
  EXPECT_EQ(First("👍"), (CodePoint{0x1F44D, 4, CharClass::kSymbol}));
  EXPECT_EQ(First("\uE000"), (CodePoint{0xE000, 3, CharClass::kOther}));
  EXPECT_EQ(First("\u0085"), (CodePoint{0x85, 2, CharClass::kLineBreak}));
}

TEST(CodePointTest, UnicodeSpacesAndLineBreaks) {
  EXPECT_EQ(First("\u00A0"), (CodePoint{0xA0, 2, CharClass::kSpace}));
  EXPECT_EQ(First("\u3000"), (CodePoint{0x3000, 3, CharClass::kSpace}));
  EXPECT_EQ(First("\u2028"), (CodePoint{0x2028, 3, CharClass::kLineBreak}));
  EXPECT_EQ(First("\u2029"), (CodePoint{0x2029, 3, CharClass::kLineBreak}));
}

TEST(CodePointTest, IllFormedBytesAreOneByteEach) {
  constexpr CodePoint kIllFormed{-1, 1, CharClass::kIllFormed};
  EXPECT_EQ(First("\x80"), kIllFormed);          // stray continuation byte
  EXPECT_EQ(First("\xE2\x82"), kIllFormed);      // truncated sequence
  EXPECT_EQ(First("\xED\xA0\x80"), kIllFormed);  // encoded surrogate
  EXPECT_EQ(First("\xC0\xAF"), kIllFormed);      // overlong '/'
  EXPECT_EQ(First("\xFF"), kIllFormed);
  // The text's end cuts a sequence short even if more bytes follow in memory.
  EXPECT_EQ(First(std::string_view("ü", 1)), kIllFormed);
}

TEST(CodePointTest, OffsetsInsideTheText) {
  constexpr std::string_view kText = "Türkiye";
  EXPECT_EQ(CodePointAt(kText, 0), (CodePoint{'T', 1, CharClass::kLetter}));
  EXPECT_EQ(CodePointAt(kText, 1), (CodePoint{0xFC, 2, CharClass::kLetter}));
  // The second byte of "ü" is a continuation byte on its own.
  EXPECT_EQ(CodePointAt(kText, 2), (CodePoint{-1, 1, CharClass::kIllFormed}));
  EXPECT_EQ(CodePointAt(kText, 3), (CodePoint{'r', 1, CharClass::kLetter}));
  EXPECT_EQ(DecodeNonAscii(kText, 1), CodePointAt(kText, 1));
}

TEST(CodePointTest, PastTheEnd) {
  constexpr CodePoint kEnd{-1, 0, CharClass::kEnd};
  EXPECT_EQ(CodePointAt("", 0), kEnd);
  EXPECT_EQ(CodePointAt("ab", 2), kEnd);
  EXPECT_EQ(CodePointAt("ab", 10), kEnd);
}

TEST(CodePointTest, UpperAndLowerCase) {
  EXPECT_TRUE(IsUpperCase('A'));
  EXPECT_TRUE(IsUpperCase(0xDC));   // Ü
  EXPECT_TRUE(IsUpperCase(0x1C5));  // ǅ, title case
  EXPECT_FALSE(IsUpperCase('a'));
  EXPECT_FALSE(IsUpperCase('1'));
  EXPECT_FALSE(IsUpperCase(0x5317));  // 北
  EXPECT_FALSE(IsUpperCase(-1));

  EXPECT_TRUE(IsLowerCase('a'));
  EXPECT_TRUE(IsLowerCase(0xFC));  // ü
  EXPECT_TRUE(IsLowerCase(0xDF));  // ß
  EXPECT_FALSE(IsLowerCase('A'));
  EXPECT_FALSE(IsLowerCase(0x1C5));   // ǅ
  EXPECT_FALSE(IsLowerCase(0x2B0));   // ʰ, a modifier letter
  EXPECT_FALSE(IsLowerCase(0x5317));  // 北
  EXPECT_FALSE(IsLowerCase(-1));
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Code point classes from ICU's general categories and White_Space and
// Ideographic properties, with the ASCII ones computed at compile time.
//
// It does not look at more than one code point at a time.

#include "code_point.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace parley {
namespace {

constexpr CharClass AsciiClass(unsigned char b) {
  if (b == ' ' || b == '\t') return CharClass::kSpace;
  if (b == '\n' || b == '\v' || b == '\f' || b == '\r') {
    return CharClass::kLineBreak;
  }
  if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
    return CharClass::kLetter;
  }
  if (b >= '0' && b <= '9') return CharClass::kDigit;
  if (b < 0x20 || b == 0x7F) return CharClass::kOther;
  switch (b) {
    case '#':
    case '$':
    case '%':
    case '&':
    case '+':
    case '<':
    case '=':
    case '>':
    case '@':
    case '^':
    case '`':
    case '|':
    case '~':
      return CharClass::kSymbol;
    default:
      return CharClass::kPunctuation;
  }
}

CharClass NonAsciiClass(UChar32 c) {
  if (u_isUWhiteSpace(c)) {
    return c == 0x85 || c == 0x2028 || c == 0x2029 ? CharClass::kLineBreak
                                                   : CharClass::kSpace;
  }
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
      return CharClass::kLetter;
    case U_OTHER_LETTER:
      return u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ? CharClass::kIdeograph
                                                       : CharClass::kLetter;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return CharClass::kMark;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return CharClass::kOtherNumber;
    case U_FORMAT_CHAR:
      return CharClass::kFormat;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CharClass::kPunctuation;
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
      return CharClass::kSymbol;
    default:
      return CharClass::kOther;
  }
}

}  // namespace

constinit const std::array<CharClass, 128> kAsciiClasses = [] {
  std::array<CharClass, 128> classes{};
  for (int b = 0; b < 128; ++b) {
    classes[b] = AsciiClass(static_cast<unsigned char>(b));
  }
  return classes;
}();

CodePoint DecodeNonAscii(std::string_view text, size_t pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data() + pos);
  const auto length =
      static_cast<int32_t>(std::min<size_t>(text.size() - pos, 4));
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, length, c);
  if (c < 0) return {-1, 1, CharClass::kIllFormed};
  return {c, static_cast<uint8_t>(i), NonAsciiClass(c)};
}

bool IsUpperCase(UChar32 c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  const int8_t type = u_charType(c);
  return type == U_UPPERCASE_LETTER || type == U_TITLECASE_LETTER;
}

bool IsLowerCase(UChar32 c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_charType(c) == U_LOWERCASE_LETTER;
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The code points of UTF-8 text as the tokenizer reads them: decoded at a
// byte offset, through a table for ASCII and ICU's U8_NEXT for the rest, and
// sorted into the classes that decide where tokens begin and end.
//
//   parley::CodePointAt("Türkiye", 1);  // {U+00FC, 2 bytes, kLetter}
//   parley::CodePointAt("a\x80", 1);    // {-1, 1 byte, kIllFormed}
//
// It does not validate text (an ill-formed byte decodes as one byte of
// class kIllFormed), decide where tokens end, or fold case.

#ifndef PARLEY_LIB_CODE_POINT_H_
#define PARLEY_LIB_CODE_POINT_H_

#include <unicode/umachine.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parley {

enum class CharClass : uint8_t {
  kEnd,          // past the end of the text
  kIllFormed,    // a byte that does not start a well-formed sequence
  kSpace,        // White_Space other than line breaks
  kLineBreak,    // \n \v \f \r U+0085 U+2028 U+2029
  kLetter,       // L*, except ideographs
  kIdeograph,    // Han and other ideographic letters: one token each
  kMark,         // M*: combining marks stay with what they follow
  kDigit,        // Nd
  kOtherNumber,  // Nl, No ("Ⅻ", "²", "½")
  kFormat,       // Cf: ZWJ, soft hyphen, bidi marks, BOM
  kPunctuation,  // P*, except the ASCII ones tokenizer.h calls symbols
  kSymbol,       // S*, and ASCII # % & @
  kOther,        // controls (NUL included), private use, unassigned
};

// Eight bytes, so that compilers keep it in a register.
struct CodePoint {
  UChar32 c = -1;  // negative when ill-formed or at the end
  uint8_t size = 0;
  CharClass cls = CharClass::kEnd;
};

// The classes of the 128 ASCII characters.
extern const std::array<CharClass, 128> kAsciiClasses;

// The non-ASCII code point at byte `pos`.  Decodes at most four bytes, so
// positions are not limited to int32_t as U8_NEXT's indexes are.
CodePoint DecodeNonAscii(std::string_view text, size_t pos);

// The code point at byte `pos`, or a kEnd one past the text.  Inline, with
// a fast path for ASCII, which is most of the text: the tokenizer calls it
// several times a character.
inline CodePoint CodePointAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return {};
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return {b, 1, kAsciiClasses[b]};
  return DecodeNonAscii(text, pos);
}

// Upper- or title-case letters (Lu, Lt).
bool IsUpperCase(UChar32 c);

// Lower-case letters (Ll).
bool IsLowerCase(UChar32 c);

}  // namespace parley

#endif  // PARLEY_LIB_CODE_POINT_H_

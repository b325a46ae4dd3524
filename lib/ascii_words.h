// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The words of ASCII letters around a position in UTF-8 text, for the
// look-arounds of the date stage: the word before or after a span, white
// space (ASCII or U+00A0) and apostrophes (' or U+2019), and case-blind
// comparison against word lists.
//
//   std::string_view text = "every Monday";
//   parley::WordBefore(text, 6);                       // "every"
//   parley::IsOneOf("Every", {"every", "each"});       // true
//
// Every word these rules look for is ASCII, and UTF-8 never puts an ASCII
// byte inside a multi-byte character, so bytes can be read one by one.
//
// It does not tokenize, fold case beyond ASCII, or know what a letter is
// outside ASCII (the tokenizer does, through ICU).

#ifndef PARLEY_LIB_ASCII_WORDS_H_
#define PARLEY_LIB_ASCII_WORDS_H_

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <string_view>

namespace parley {

inline char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Whether `c` is a byte of a multi-byte UTF-8 character.
inline bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return AsciiLower(x) == AsciiLower(y);
         });
}

// Whether `word` equals, ignoring ASCII case, a word of `list`.
template <typename List>
bool IsOneOf(std::string_view word, const List& list) {
  return std::any_of(
      std::begin(list), std::end(list),
      [word](std::string_view w) { return EqualsIgnoreCase(word, w); });
}

inline bool IsOneOf(std::string_view word,
                    std::initializer_list<std::string_view> list) {
  return IsOneOf<std::initializer_list<std::string_view>>(word, list);
}

inline constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // ’

// The byte width of the white space at text[i] (ASCII or U+00A0), or 0.
inline size_t SpaceWidth(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  const char c = text[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') return 2;
  return 0;
}

// The width of the apostrophe (' or ’) at text[i], or 0.
size_t ApostropheWidth(std::string_view text, size_t i);

// The offset just past the last non-space byte before `pos`.
size_t SkipSpaceBackward(std::string_view text, size_t pos);

// The offset of the first non-space byte at or after `pos`.
size_t SkipSpaceForward(std::string_view text, size_t pos);

// The word of ASCII letters that ends at the first non-space byte before
// `pos`; "'s" for a possessive ending; "" when a digit, punctuation or
// another character stands there, or when the word is glued to a digit, an
// apostrophe or a non-ASCII letter.
std::string_view WordBefore(std::string_view text, size_t pos);

// The word of ASCII letters that starts at the first non-space byte at or
// after `pos`; "" when something else stands there.
std::string_view WordAfter(std::string_view text, size_t pos);

}  // namespace parley

#endif  // PARLEY_LIB_ASCII_WORDS_H_

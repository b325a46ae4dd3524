// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The look-arounds of ascii_words.h that walk across white space and along
// a word.  The one-byte predicates stay inline in the header, since the
// tense reader calls them on every byte it reads.
//
// It does not read more than one word either side of a position.

#include "ascii_words.h"

namespace parley {

size_t ApostropheWidth(std::string_view text, size_t i) {
  if (i < text.size() && text[i] == '\'') return 1;
  return text.substr(i, 3) == kRightQuote ? 3 : 0;
}

size_t SkipSpaceBackward(std::string_view text, size_t pos) {
  while (pos > 0) {
    if (pos >= 2 && text[pos - 1] == '\xA0' && text[pos - 2] == '\xC2') {
      pos -= 2;
    } else if (SpaceWidth(text, pos - 1) == 1) {
      --pos;
    } else {
      break;
    }
  }
  return pos;
}

size_t SkipSpaceForward(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    const size_t width = SpaceWidth(text, pos);
    if (width == 0) break;
    pos += width;
  }
  return pos;
}

std::string_view WordBefore(std::string_view text, size_t pos) {
  const size_t end = SkipSpaceBackward(text, pos);
  if (end >= 2 && text[end - 1] == 's' && text[end - 2] == '\'') return "'s";
  if (end >= 4 && text[end - 1] == 's' &&
      text.substr(end - 4, 3) == kRightQuote) {
    return "'s";
  }
  size_t begin = end;
  while (begin > 0 && IsAsciiLetter(text[begin - 1])) --begin;
  // A word glued to a digit, an apostrophe or a non-ASCII letter is part
  // of another word.
  if (begin > 0 && (IsAsciiDigit(text[begin - 1]) || text[begin - 1] == '\'' ||
                    IsNonAscii(text[begin - 1]))) {
    return {};
  }
  return text.substr(begin, end - begin);
}

std::string_view WordAfter(std::string_view text, size_t pos) {
  const size_t begin = SkipSpaceForward(text, pos);
  size_t end = begin;
  while (end < text.size() && IsAsciiLetter(text[end])) ++end;
  return text.substr(begin, end - begin);
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// How a token is written: its shape and case class (Token::shape,
// Token::case_class), from its text.
//
//   parley::Token token;
//   parley::DescribeShapeAndCase("Türkiye", &token);
//   // token.shape == "Xxxxx", token.case_class == CaseClass::kTitle
//
// Short ASCII tokens, nearly all of English news, take a fast path that
// gives their norm too, in the same pass: for them the norm is only the text
// in lower case, and a second pass would cost as much again.  It reads eight
// bytes at a time as one integer and finds the classes of all eight at once
// by arithmetic: a byte at a time, tests and branches per byte cost more
// than the rest of the tokenizer's work on a word.
//
// It does not fold non-ASCII text to norms (token_normalizer.h does), or
// decide where a token ends.

#ifndef PARLEY_LIB_TOKEN_SHAPE_H_
#define PARLEY_LIB_TOKEN_SHAPE_H_

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "ascii_chunk.h"
#include "tokenizer.h"

namespace parley {

// Appends `text`'s shape to `token->shape`, which is empty, and sets
// `token->case_class`, from text of any kind: an ill-formed byte shapes as
// U+FFFD.
void DescribeShapeAndCase(std::string_view text, Token* token);

// The fast path.

// The fast path reads a token eight bytes at a time (ascii_chunk.h).
namespace token_shape_internal {

using ascii_chunk::BitPerByte;
using ascii_chunk::BytesBetween;
using ascii_chunk::kHighBits;
using ascii_chunk::kOnes;
using ascii_chunk::LoadChunk;
using ascii_chunk::LowBits;
using ascii_chunk::LowBytes;
using ascii_chunk::StoreChunk;
using ascii_chunk::WholeBytes;
using ascii_chunk::ZeroBytes;

// What eight ASCII bytes are: their norm and shape bytes, and their upper-
// and lower-case letters marked.
struct ChunkForms {
  uint64_t norm;
  uint64_t shape;
  uint64_t upper;
  uint64_t lower;
};

inline ChunkForms DescribeChunk(uint64_t chunk) {
  const uint64_t upper = BytesBetween(chunk, 'A', 'Z');
  const uint64_t letter = BytesBetween(chunk | (0x20 * kOnes), 'a', 'z');
  const uint64_t letters = WholeBytes(letter);
  const uint64_t digits = WholeBytes(BytesBetween(chunk, '0', '9'));
  // Letters 'x', made 'X' as the norm is made lower case, and digits 'd'.
  const uint64_t shape = (chunk & ~(letters | digits)) |
                         ((letters & ('x' * kOnes)) ^ (upper >> 2)) |
                         (digits & ('d' * kOnes));
  return {chunk | (upper >> 2), shape, upper, letter & ~upper};
}

// Sets `out` to the shape `shape`, `length` bytes with runs starting at the
// bytes whose bits are set in `starts`, with each run cut to four.
inline void AssignCutShape(const char* shape, uint64_t starts, size_t length,
                           std::string* out) {
  char cut[64 + 3];
  size_t cut_length = 0;
  while (starts != 0) {
    const size_t start = std::countr_zero(starts);
    starts &= starts - 1;
    const size_t next = starts == 0 ? length : std::countr_zero(starts);
    // Four of the run's byte, of which the next run may overwrite some.
    const uint32_t four =
        static_cast<unsigned char>(shape[start]) * uint32_t{0x01010101};
    std::memcpy(cut + cut_length, &four, 4);
    cut_length += std::min<size_t>(next - start, 4);
  }
  out->assign(cut, cut_length);
}

}  // namespace token_shape_internal

// The case class of an ASCII token from the positions of its upper- and
// lower-case letters (bit i for byte i): what DescribeShapeAndCase finds,
// with "upper after upper" as adjacent bits.
inline CaseClass AsciiCaseClass(uint64_t upper, uint64_t lower) {
  if ((upper | lower) == 0) return CaseClass::kNone;
  if (lower == 0) {
    return std::popcount(upper) >= 2 ? CaseClass::kUpper : CaseClass::kTitle;
  }
  if (upper == 0) return CaseClass::kLower;
  const bool first_upper = std::countr_zero(upper) < std::countr_zero(lower);
  return first_upper && (upper & (upper << 1)) == 0 ? CaseClass::kTitle
                                                    : CaseClass::kMixed;
}

// DescribeAsciiToken for tokens that are empty or longer than eight bytes.
bool DescribeLongAsciiToken(std::string_view text, size_t begin, size_t end,
                            Token* token);

// Sets `token`'s norm, shape and case class from text[begin, end), its
// text, if that is ASCII and at most 64 bytes long.  Returns false, leaving
// `token` as it was, for other text.  May read any of `text`, which holds
// the token, to load eight bytes at a time.
//
// Inline because Tokenize calls it for nearly every token, and nearly all
// are eight bytes or shorter: one chunk, no loop.  The strings are built on
// the stack and assigned once each: temporaries moved in cost as much again
// as the work.
inline bool DescribeAsciiToken(std::string_view text, size_t begin, size_t end,
                               Token* token) {
  namespace internal = token_shape_internal;
  const size_t length = end - begin;
  if (length == 0 || length > 8) {
    return DescribeLongAsciiToken(text, begin, end, token);
  }
  const uint64_t chunk = internal::LoadChunk(text, begin, end);
  if ((chunk & internal::kHighBits) != 0) return false;
  const internal::ChunkForms forms = internal::DescribeChunk(chunk);
  char norm[8];
  internal::StoreChunk(forms.norm, norm);
  token->norm.assign(norm, length);
  char shape[8];
  internal::StoreChunk(forms.shape, shape);
  // Marks the bytes that repeat the byte before; the first repeats none.
  const uint64_t same = internal::ZeroBytes(forms.shape ^ (forms.shape << 8)) &
                        internal::LowBytes(length) & ~uint64_t{0xFF};
  // Byte i is the fifth or later of a run if it and the three before it
  // each repeat the byte before.
  if ((same & (same << 8) & (same << 16) & (same << 24)) == 0) {
    token->shape.assign(shape, length);
  } else {
    internal::AssignCutShape(shape,
                             internal::BitPerByte(~same & internal::kHighBits &
                                                  internal::LowBytes(length)),
                             length, &token->shape);
  }
  token->case_class = AsciiCaseClass(internal::BitPerByte(forms.upper),
                                     internal::BitPerByte(forms.lower));
  return true;
}

}  // namespace parley

#endif  // PARLEY_LIB_TOKEN_SHAPE_H_

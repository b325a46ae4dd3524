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

#include "tokenizer.h"

namespace parley {

// Appends `text`'s shape to `token->shape`, which is empty, and sets
// `token->case_class`, from text of any kind: an ill-formed byte shapes as
// U+FFFD.
void DescribeShapeAndCase(std::string_view text, Token* token);

// The fast path.

// The fast path reads a token eight bytes at a time, as a uint64_t with the
// first byte lowest, and marks bytes of a class by setting their high bit.
namespace token_shape_internal {

inline constexpr uint64_t kOnes = 0x0101010101010101;
inline constexpr uint64_t kHighBits = 0x8080808080808080;

// 0x80 in each byte of `chunk`, ASCII only, from `first` to `last`: adding
// 0x80 - first sets a byte's high bit from `first` on, and adding
// 0x7F - last from past `last` on, and no byte carries into the next.
constexpr uint64_t BytesBetween(uint64_t chunk, char first, char last) {
  return (chunk + (0x80 - first) * kOnes) & ~(chunk + (0x7F - last) * kOnes) &
         kHighBits;
}

// 0x80 in each byte of `chunk` that is zero.
constexpr uint64_t ZeroBytes(uint64_t chunk) {
  return ~(((chunk & ~kHighBits) + ~kHighBits) | chunk) & kHighBits;
}

// 0xFF in each byte of `marked` with its high bit set.
constexpr uint64_t WholeBytes(uint64_t marked) { return (marked >> 7) * 0xFF; }

// Bit i for byte i of `marked` with its high bit set: the multiplication
// moves each byte's bit to its own place in the top byte.
constexpr uint64_t BitPerByte(uint64_t marked) {
  return ((marked >> 7) * 0x0102040810204080) >> 56;
}

// The low `n` bits, n <= 64.
constexpr uint64_t LowBits(size_t n) {
  return n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
}

// The low `n` bytes, 1 <= n <= 8.
constexpr uint64_t LowBytes(size_t n) { return ~uint64_t{0} >> (64 - 8 * n); }

// The bytes of text[pos, end), pos < end <= pos + 8, with zero bytes after
// them.  Reads a whole eight bytes of `text` where it can, past `end` or
// before `pos` if need be.
inline uint64_t LoadChunk(std::string_view text, size_t pos, size_t end) {
  uint64_t chunk = 0;
  if (text.size() >= 8) {
    const size_t from = std::min(pos, text.size() - 8);
    std::memcpy(&chunk, text.data() + from, 8);
    if constexpr (std::endian::native == std::endian::big) {
      chunk = __builtin_bswap64(chunk);
    }
    chunk >>= 8 * (pos - from);
  } else {
    for (size_t i = pos; i < text.size(); ++i) {
      chunk |= uint64_t{static_cast<unsigned char>(text[i])} << (8 * (i - pos));
    }
  }
  return chunk & LowBytes(end - pos);
}

// Writes `chunk`'s eight bytes to `out` in text order.
inline void StoreChunk(uint64_t chunk, char* out) {
  if constexpr (std::endian::native == std::endian::big) {
    chunk = __builtin_bswap64(chunk);
  }
  std::memcpy(out, &chunk, 8);
}

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

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
// in lower case, and a second pass would cost as much again.
//
// It does not fold non-ASCII text to norms (token_normalizer.h does), or
// decide where a token ends.

#ifndef PARLEY_LIB_TOKEN_SHAPE_H_
#define PARLEY_LIB_TOKEN_SHAPE_H_

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tokenizer.h"

namespace parley {

// Appends `text`'s shape to `token->shape`, which is empty, and sets
// `token->case_class`, from text of any kind: an ill-formed byte shapes as
// U+FFFD.
void DescribeShapeAndCase(std::string_view text, Token* token);

// The fast path.

// Norm and shape characters of ASCII characters.
struct AsciiFold {
  char norm;
  char shape;
};

extern const std::array<AsciiFold, 128> kAsciiFolds;

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

// Sets `token`'s norm, shape and case class from `text`, its text, if that
// is ASCII and at most 64 bytes long.  Returns false, leaving `token` as it
// was, for other text.
//
// Inline because Tokenize calls it for nearly every token: out of line, the
// call alone cost 0.3% of parley-extract's instructions.  The strings are
// built on the stack and assigned once each: temporaries moved in cost as
// much again as the pass.
inline bool DescribeAsciiToken(std::string_view text, Token* token) {
  constexpr size_t kMaxLength = 64;  // a bit per byte in `upper`, `lower`
  if (text.size() > kMaxLength) return false;
  char norm[kMaxLength];
  char shape[kMaxLength];
  size_t shape_length = 0;
  uint64_t upper = 0;
  uint64_t lower = 0;
  char previous = 'A';  // no shape character: letters become 'X' or 'x'
  int run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x80) return false;
    const AsciiFold fold = kAsciiFolds[b];
    norm[i] = fold.norm;
    upper |= uint64_t{fold.shape == 'X'} << i;
    lower |= uint64_t{fold.shape == 'x'} << i;
    run = fold.shape == previous ? run + 1 : 1;
    previous = fold.shape;
    shape[shape_length] = fold.shape;
    shape_length += run <= 4 ? 1 : 0;
  }
  token->norm.assign(norm, text.size());
  token->shape.assign(shape, shape_length);
  token->case_class = AsciiCaseClass(upper, lower);
  return true;
}

}  // namespace parley

#endif  // PARLEY_LIB_TOKEN_SHAPE_H_

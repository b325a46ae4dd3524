// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Token shapes and case classes by a walk over code points that counts
// cased letters; and the fast path for tokens longer than one chunk.
//
// It does not fold text to norms (token_normalizer.cc does).

#include "token_shape.h"

#include <algorithm>
#include <string>

#include "code_point.h"

namespace parley {
namespace {

// Tallies cased letters in order for Token::case_class.
class CaseCounter {
 public:
  // The next letter or other character; marks are skipped by the caller.
  void Add(bool is_upper, bool is_lower) {
    if (is_upper || is_lower) {
      if (upper_ + lower_ == 0) first_upper_ = is_upper;
      upper_after_upper_ |= is_upper && previous_upper_;
      upper_ += is_upper;
      lower_ += is_lower;
    }
    previous_upper_ = is_upper;
  }

  CaseClass Result() const {
    if (upper_ + lower_ == 0) return CaseClass::kNone;
    if (lower_ == 0) return upper_ >= 2 ? CaseClass::kUpper : CaseClass::kTitle;
    if (upper_ == 0) return CaseClass::kLower;
    return first_upper_ && !upper_after_upper_ ? CaseClass::kTitle
                                               : CaseClass::kMixed;
  }

 private:
  int upper_ = 0;
  int lower_ = 0;
  bool first_upper_ = false;
  bool upper_after_upper_ = false;
  bool previous_upper_ = false;
};

namespace internal = token_shape_internal;

}  // namespace

bool DescribeLongAsciiToken(std::string_view text, size_t begin, size_t end,
                            Token* token) {
  constexpr size_t kMaxLength = 64;  // a bit per byte in `upper`, `lower`
  const size_t length = end - begin;
  if (length > kMaxLength) return false;
  char norm[kMaxLength];
  char shape[kMaxLength];
  uint64_t upper = 0;
  uint64_t lower = 0;
  uint64_t same = 0;      // bit i: shape byte i repeats shape byte i - 1
  uint64_t previous = 0;  // the last shape byte of the chunk before
  for (size_t i = 0; i < length; i += 8) {
    const uint64_t chunk =
        internal::LoadChunk(text, begin + i, std::min(begin + i + 8, end));
    if ((chunk & internal::kHighBits) != 0) return false;
    const internal::ChunkForms forms = internal::DescribeChunk(chunk);
    internal::StoreChunk(forms.norm, norm + i);
    internal::StoreChunk(forms.shape, shape + i);
    upper |= internal::BitPerByte(forms.upper) << i;
    lower |= internal::BitPerByte(forms.lower) << i;
    same |= internal::BitPerByte(internal::ZeroBytes(
                forms.shape ^ ((forms.shape << 8) | previous)))
            << i;
    previous = forms.shape >> 56;
  }
  // The first byte repeats none, and bytes past the token do not count.
  same &= internal::LowBits(length) & ~uint64_t{1};
  token->norm.assign(norm, length);
  if ((same & (same << 1) & (same << 2) & (same << 3)) == 0) {
    token->shape.assign(shape, length);
  } else {
    internal::AssignCutShape(shape, ~same & internal::LowBits(length), length,
                             &token->shape);
  }
  token->case_class = AsciiCaseClass(upper, lower);
  return true;
}

void DescribeShapeAndCase(std::string_view text, Token* token) {
  std::string& shape = token->shape;
  std::string_view last_unit;
  int run = 0;
  CaseCounter counter;
  for (size_t pos = 0; pos < text.size();) {
    const CodePoint cp = CodePointAt(text, pos);
    std::string_view unit = text.substr(pos, cp.size);
    pos += cp.size;
    if (cp.cls == CharClass::kMark || cp.cls == CharClass::kFormat) continue;
    const bool is_upper = cp.cls == CharClass::kLetter && IsUpperCase(cp.c);
    const bool is_lower =
        cp.cls == CharClass::kLetter && !is_upper && IsLowerCase(cp.c);
    counter.Add(is_upper, is_lower);
    if (cp.cls == CharClass::kIllFormed) {
      unit = "\xEF\xBF\xBD";  // U+FFFD keeps shapes valid UTF-8
    } else if (cp.cls == CharClass::kLetter ||
               cp.cls == CharClass::kIdeograph) {
      unit = is_upper ? "X" : "x";
    } else if (cp.cls == CharClass::kDigit) {
      unit = "d";
    }
    run = unit == last_unit ? run + 1 : 1;
    last_unit = unit;
    if (run <= 4) shape.append(unit);
  }
  token->case_class = counter.Result();
}

}  // namespace parley

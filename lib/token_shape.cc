// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Token shapes and case classes by a walk over code points that counts
// cased letters; and the table of ASCII folds that the fast path in
// token_shape.h reads.
//
// It does not fold text to norms (token_normalizer.cc does).

#include "token_shape.h"

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

}  // namespace

constinit const std::array<AsciiFold, 128> kAsciiFolds = [] {
  std::array<AsciiFold, 128> folds{};
  for (int b = 0; b < 128; ++b) {
    const auto c = static_cast<char>(b);
    folds[b] = {c, c};
    if (c >= 'A' && c <= 'Z') folds[b] = {static_cast<char>(c + 32), 'X'};
    if (c >= 'a' && c <= 'z') folds[b].shape = 'x';
    if (c >= '0' && c <= '9') folds[b].shape = 'd';
  }
  return folds;
}();

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

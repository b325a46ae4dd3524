// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Sentence breaks decided between each token and the next from the last
// token's role, the new token's first character and role, and the gap: here
// after a line break or a terminal, the header having let the rest through.
//
// It does not backtrack: a sentence, once closed, stays closed.

#include "sentence_splitter.h"

#include <unicode/uchar.h>

#include "code_point.h"

namespace parley {
namespace {

// Whether a token starting with `c` may start a sentence after a terminal:
// upper-case or uncased letters, digits, openers, currency signs.
bool MayStartSentence(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' ||
           c == '\'' || c == '(' || c == '[' || c == '{' || c == '$';
  }
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_START_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_CURRENCY_SYMBOL:
      return true;
    default:
      return false;
  }
}

}  // namespace

void SentenceSplitter::AddAfterBreakOrTerminal(UChar32 first, int line_breaks,
                                               SentenceRole role) {
  const auto index = static_cast<uint32_t>(out_->tokens.size() - 1);
  const Token& token = out_->tokens.back();
  if (index == 0) {
    state_ = role;
    return;
  }
  const bool glued = !token.space_before;
  if ((state_ == SentenceRole::kTerminal ||
       state_ == SentenceRole::kWideTerminal) &&
      glued && role == SentenceRole::kCloser) {
    return;  // 'He said "No."' ends after the quote
  }
  bool split = line_breaks >= 2;
  if (state_ == SentenceRole::kWideTerminal) {
    split = true;
  } else if (state_ == SentenceRole::kTerminal) {
    split |= !glued && MayStartSentence(first);
  }
  if (line_breaks == 1 && state_ != SentenceRole::kContinuer &&
      !IsLowerCase(first)) {
    split = true;  // a headline, a dateline, a list item
  }
  if (split) {
    Close(index);
    first_token_ = index;
  }
  state_ = role;
}

void SentenceSplitter::Finish() {
  if (!out_->tokens.empty()) {
    Close(static_cast<uint32_t>(out_->tokens.size()));
  }
}

void SentenceSplitter::Close(uint32_t end_token) {
  Sentence& sentence = out_->sentences.emplace_back();
  sentence.begin = out_->tokens[first_token_].begin;
  sentence.end = out_->tokens[end_token - 1].end;
  sentence.first_token = first_token_;
  sentence.end_token = end_token;
}

}  // namespace parley

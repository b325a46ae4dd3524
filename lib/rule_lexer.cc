// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "rule_lexer.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace parley {
namespace {

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

Lexeme Lexer::Next() {
  SkipSpaceAndComments();
  Lexeme lexeme;
  lexeme.offset = pos_;
  lexeme.line = line_;
  lexeme.column = static_cast<int>(pos_ - line_start_) + 1;
  if (pos_ == text_.size()) {
    lexeme.kind = Lexeme::Kind::kEnd;
    lexeme.text = text_.substr(pos_, 0);
    return lexeme;
  }
  const char c = text_[pos_];
  if (c == 'c' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
    ScanString(&lexeme);
    if (lexeme.kind == Lexeme::Kind::kString) {
      lexeme.kind = Lexeme::Kind::kExactString;
    }
    return lexeme;
  }
  if (IsWordChar(c)) {
    size_t end = pos_ + 1;
    while (end < text_.size() &&
           (IsWordChar(text_[end]) || text_[end] == '-')) {
      ++end;
    }
    return Take(std::move(lexeme), Lexeme::Kind::kWord, end - pos_);
  }
  if (c == '"') {
    ScanString(&lexeme);
    return lexeme;
  }
  if (text_.substr(pos_, 2) == "!=") {
    return Take(std::move(lexeme), Lexeme::Kind::kSymbol, 2);
  }
  if (std::string_view(";:=()[]{}|&!?*+,@").find(c) != std::string_view::npos) {
    return Take(std::move(lexeme), Lexeme::Kind::kSymbol, 1);
  }
  lexeme = Take(std::move(lexeme), Lexeme::Kind::kError, CharLength(pos_));
  lexeme.value = "unexpected character '" + std::string(lexeme.text) + "'";
  return lexeme;
}

void Lexer::SkipSpaceAndComments() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '\n') {
      ++line_;
      line_start_ = ++pos_;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++pos_;
    } else if (c == '#') {
      while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
    } else {
      return;
    }
  }
}

Lexeme Lexer::Take(Lexeme lexeme, Lexeme::Kind kind, size_t length) {
  lexeme.kind = kind;
  lexeme.text = text_.substr(pos_, length);
  pos_ += length;
  return lexeme;
}

// A string starting at pos_ (at 'c' or '"'); strings end on their line.
void Lexer::ScanString(Lexeme* lexeme) {
  size_t end = pos_ + (text_[pos_] == 'c' ? 2 : 1);
  std::string value;
  while (end < text_.size() && text_[end] != '"' && text_[end] != '\n') {
    if (text_[end] == '\\') {
      const size_t next = end + 1;
      if (next == text_.size() || (text_[next] != '"' && text_[next] != '\\')) {
        // Point at the escape rather than at the string.
        lexeme->offset = end;
        lexeme->column = static_cast<int>(end - line_start_) + 1;
        pos_ = end;
        *lexeme = Take(std::move(*lexeme), Lexeme::Kind::kError,
                       next == text_.size() || text_[next] == '\n'
                           ? 1
                           : 1 + CharLength(next));
        lexeme->value =
            "bad escape in a string; only \\\" and \\\\ are allowed";
        return;
      }
      value.push_back(text_[next]);
      end += 2;
    } else {
      value.push_back(text_[end]);
      ++end;
    }
  }
  if (end == text_.size() || text_[end] == '\n') {
    *lexeme = Take(std::move(*lexeme), Lexeme::Kind::kError, end - pos_);
    lexeme->value = "unterminated string";
    return;
  }
  *lexeme = Take(std::move(*lexeme), Lexeme::Kind::kString, end + 1 - pos_);
  lexeme->value = std::move(value);
}

// The length of the UTF-8 character starting at `pos`.
size_t Lexer::CharLength(size_t pos) const {
  size_t length = 1;
  while (pos + length < text_.size() &&
         (static_cast<unsigned char>(text_[pos + length]) & 0xC0) == 0x80) {
    ++length;
  }
  return length;
}

bool LexesAsOneWord(std::string_view text) {
  return !text.empty() && IsWordChar(text[0]) &&
         std::all_of(text.begin(), text.end(),
                     [](char c) { return IsWordChar(c) || c == '-'; });
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The lexer of the rule language (rule_parser.h): cuts a rule file into
// words, strings, exact strings (c"...") and symbols, each with its byte
// offset, line and column, skipping spaces and '#' comments.  A string's
// escapes are undone here, so the parser sees its contents.
//
//   parley::Lexer lexer(text);
//   for (parley::Lexeme lexeme = lexer.Next();
//        lexeme.kind != parley::Lexeme::Kind::kEnd; lexeme = lexer.Next()) {
//     // lexeme.text, lexeme.line, lexeme.column ...
//   }
//
// It does not: tell keywords, names, numbers or token classes apart (all
// are words), nor check the order of lexemes.  It reports nothing itself:
// a malformed string or an unexpected character is a kError lexeme that
// says what is wrong, and the parser reports it only if it gets there.

#ifndef PARLEY_LIB_RULE_LEXER_H_
#define PARLEY_LIB_RULE_LEXER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace parley {

struct Lexeme {
  enum class Kind : uint8_t {
    kWord,         // letters, digits, '_' and inner '-'
    kString,       // "..."
    kExactString,  // c"..."
    kSymbol,       // ; : = ( ) [ ] { } | & ! ? * + , @ and !=
    kEnd,
    kError,  // `value` says what is wrong
  };
  Kind kind = Kind::kEnd;
  std::string_view text;  // as written
  std::string value;      // a string's contents, unescaped; an error message
  size_t offset = 0;
  int line = 0;
  int column = 0;

  bool Is(std::string_view symbol) const {
    return kind == Kind::kSymbol && text == symbol;
  }
  bool IsWord(std::string_view word) const {
    return kind == Kind::kWord && text == word;
  }
  size_t end() const { return offset + text.size(); }
};

class Lexer {
 public:
  // `text` must outlive the lexer and its lexemes.
  explicit Lexer(std::string_view text) : text_(text) {}

  // The next lexeme; kEnd at the end of the text, and from then on.
  Lexeme Next();

 private:
  void SkipSpaceAndComments();
  Lexeme Take(Lexeme lexeme, Lexeme::Kind kind, size_t length);
  void ScanString(Lexeme* lexeme);
  size_t CharLength(size_t pos) const;

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
};

// Whether the lexer reads all of `text` as one word, so that it can be
// written without quotes.
bool LexesAsOneWord(std::string_view text);

}  // namespace parley

#endif  // PARLEY_LIB_RULE_LEXER_H_

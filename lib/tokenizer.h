// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Splits UTF-8 news text into tokens and sentences, with byte offsets into
// the original text, using ICU's character properties and case folding.
//
// It does: words, numbers, punctuation and symbols as tokens; possessive
// endings ("'s", "’s") as tokens of their own; hyphens inside words as tokens
// of their own with no space around them; abbreviations and initials ("U.S.",
// "Feb.", "Dr.", "S.") as one token with their periods; sentence breaks after
// terminal punctuation and at line ends, but not after an abbreviation or
// initial that continues the sentence.
//
// It does not: validate UTF-8 (the Extractor does that first; ill-formed
// bytes here become one-byte kOther tokens), tag parts of speech, segment
// words in scripts written without spaces, or know any gazetteer.

#ifndef PARLEY_LIB_TOKENIZER_H_
#define PARLEY_LIB_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

enum class TokenKind : uint8_t {
  kWord,         // letters, possibly with digits, marks, inner periods
                 // and apostrophes ("G20", "10th", "U.S.", "O'Brien")
  kNumber,       // digits, possibly with inner "." "," ":" between digits
                 // ("3.5", "1,000", "3:30"), or an ISO date "2025-03-22"
  kPunctuation,  // . , ; : ! ? ' " ( ) [ ] - – — and the like
  kSymbol,       // $ % & @ # emoji and other symbols
  kOther,        // anything else, including control characters
};

enum class CaseClass : uint8_t {
  kNone,   // no cased letters ("2025", "-", "北京")
  kLower,  // "minister"
  kUpper,  // all cased letters upper, at least two letters ("TTP", "U.S.")
  kTitle,  // first cased letter upper, at least one lower, and no two
           // upper in a row ("Dar", "McCain", "O'Brien"); or a single
           // upper-case letter ("A", "S.")
  kMixed,  // anything else ("iPhone", "McDONALD")
};

struct Token {
  uint32_t begin = 0;  // byte offset into the text
  uint32_t end = 0;    // one past the last byte
  TokenKind kind = TokenKind::kOther;
  CaseClass case_class = CaseClass::kNone;
  // Whitespace (or the start of the text) comes right before the token.
  bool space_before = false;
  // A line break comes between the previous token (or the start of the
  // text) and this one.
  bool newline_before = false;
  // NFKC case-folded, Latin-style diacritics removed, curly apostrophes and
  // quotes and Unicode hyphens made straight: "Pakistan’s" -> "pakistan" +
  // "'s", "Türkiye" -> "turkiye", "“" -> "\"".  Always valid UTF-8: an
  // ill-formed byte's norm is U+FFFD.
  std::string norm;
  // Word shape: upper letters 'X', other letters 'x', digits 'd', marks
  // and format characters dropped, anything else kept (an ill-formed byte
  // as U+FFFD); runs of one shape character longer than four cut to four:
  // "Pakistan" -> "Xxxxx", "2025-03-22" -> "dddd-dd-dd", "U.S." -> "X.X.".
  std::string shape;
};

struct Sentence {
  uint32_t begin = 0;        // byte offset of the first token
  uint32_t end = 0;          // one past the last token's last byte
  uint32_t first_token = 0;  // index into Tokens::tokens
  uint32_t end_token = 0;    // one past the last token
};

struct Tokens {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

// Tokenizes `text`, which is shorter than 4 GiB.  Stateless and
// thread-safe.  Every token has begin < end <= text.size(), tokens are in
// text order and never overlap, and the sentences cover all tokens in order.
//
// Tokens:
//  - Whitespace separates tokens and is no token; so are format characters
//    (BOM, zero-width space, bidi marks) outside a word.  Inside a word they
//    stay in its text and are dropped from its norm.
//  - Letters, digits and combining marks run together into one word ("G20",
//    "1990s"), except that a number with inner punctuation ends before
//    letters ("3:30" + "pm").  An apostrophe between letters stays in the
//    word ("O'Brien", "don't", "Shi'ite"); "'s" and "’s" after a word or
//    number are a kWord token of their own, possessive or contraction
//    ("Pakistan" + "’s", "it" + "'s"); a final apostrophe is punctuation
//    ("Pakistanis" + "'").
//  - Hyphens and dashes are tokens of their own: "Khyber-Pakhtunkhwa" is
//    "Khyber" "-" "Pakhtunkhwa", the last two with space_before false, and
//    "2020-21" is "2020" "-" "21".  The one exception is an ISO date,
//    "2025-03-22", a single kNumber.
//  - Periods stay on acronyms (one- or two-letter runs joined by periods:
//    "U.S.", "U.S.A.", "a.m.", "Ph.D."), on single upper-case initials
//    ("S."), and on the abbreviations in abbreviations.cc's table ("Dr.",
//    "Feb.", "Inc."; "No." only before a number).  A run of sentence
//    terminals ("...", "?!") is one token.
//  - Han ideographs are one token each; other scripts written without
//    spaces (kana, Thai) give one token per run.
//  - An emoji with its modifiers, variation selectors and ZWJ-joined emoji,
//    or a flag's two regional indicators, is one kSymbol token.
//  - Each control character (NUL included) is a kOther token of its own,
//    not whitespace; so is each ill-formed byte, and a combining mark with
//    nothing before it.
//
// Sentences end:
//  - after . ! ? … (and closing quotes or brackets glued to them) followed
//    by whitespace and an upper-case or uncased letter, a digit, an opening
//    quote or bracket, or a currency sign; after 。！？ followed by anything;
//  - at a line break, unless the next line starts with a lower-case letter
//    or the line ends in a comma, colon, semicolon, dash, opening bracket or
//    quote, title abbreviation or initial (hard-wrapped text); so a headline
//    without a final period is a sentence of its own;
//  - at every blank line (CRLF is one line break, U+2029 a blank line);
//  - at the end of the text.
// Acronyms and abbreviations other than titles ("U.S.", "a.m.", "Feb.")
// thus end a sentence only at a line break or the end of the text, and
// titles ("Dr.", "Gen.") and initials only at a blank line or the end.
Tokens Tokenize(std::string_view text);

// The normalized form of one phrase word as Tokenize would give it, for
// building gazetteers: Normalize("Türkiye") == "turkiye".
std::string Normalize(std::string_view word);

}  // namespace parley

#endif  // PARLEY_LIB_TOKENIZER_H_

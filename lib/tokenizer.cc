// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The tokenizer: one left-to-right pass over the code points of the text
// (code_point.h) that finds where each token ends and what it is to sentence
// breaking, describes it (token_shape.h, token_normalizer.h), and hands it
// to the SentenceSplitter, which decides the break before it as it goes.
// Here are the rules for token ends: words and numbers, acronyms, initials
// and abbreviations (abbreviations.h), possessives, runs of terminals, and
// emoji sequences.
//
// It does not backtrack beyond the current token (time is linear in the
// text), keep state across calls, or allocate beyond the token and sentence
// vectors and the norm and shape strings (short ones live in the strings'
// inline buffers).

#include "tokenizer.h"

#include <unicode/uchar.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "abbreviations.h"
#include "ascii_chunk.h"
#include "code_point.h"
#include "sentence_splitter.h"
#include "token_normalizer.h"
#include "token_shape.h"

namespace parley {
namespace {

// ---------------------------------------------------------------------------
// Code points in words.

// The end of the run of ASCII letters from `pos`, found eight bytes at a
// time, and a byte at a time in the last seven bytes of the text.
size_t AsciiLettersEnd(std::string_view text, size_t pos) {
  for (; text.size() - pos >= 8; pos += 8) {
    const uint64_t chunk = ascii_chunk::LoadEight(text.data() + pos);
    // The low seven bits of a non-ASCII byte may look like a letter; its
    // high bit says it is none.
    const uint64_t letters =
        ascii_chunk::BytesBetween(
            (chunk & ~ascii_chunk::kHighBits) | (0x20 * ascii_chunk::kOnes),
            'a', 'z') &
        ~chunk;
    const uint64_t others = ~letters & ascii_chunk::kHighBits;
    if (others != 0) return pos + std::countr_zero(others) / 8;
  }
  for (; pos < text.size(); ++pos) {
    const auto lower = static_cast<unsigned char>(text[pos] | 0x20);
    if (lower < 'a' || lower > 'z') break;
  }
  return pos;
}

bool IsWordClass(CharClass cls) {
  return cls == CharClass::kLetter || cls == CharClass::kIdeograph ||
         cls == CharClass::kMark || cls == CharClass::kDigit ||
         cls == CharClass::kOtherNumber;
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

// Combining marks belong to the character before them, whatever it is.
// No mark is ASCII, so nearly always this looks at one byte.
size_t SkipMarks(std::string_view text, size_t pos) {
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x80) {
    const CodePoint cp = DecodeNonAscii(text, pos);
    if (cp.cls != CharClass::kMark) break;
    pos += cp.size;
  }
  return pos;
}

// ---------------------------------------------------------------------------
// Words and numbers.

// Where a token ends, what it is, and how it bears on sentence breaking.
struct Scan {
  size_t end = 0;
  TokenKind kind = TokenKind::kOther;
  SentenceRole role = SentenceRole::kPlain;
};

// "'s" or "’s" at `pos`, not followed by more of a word.  Returns its end,
// or 0.
size_t PossessiveEnd(std::string_view text, size_t pos) {
  const CodePoint apostrophe = CodePointAt(text, pos);
  if (!IsApostrophe(apostrophe.c)) return 0;
  const size_t s = pos + apostrophe.size;
  if (s >= text.size() || (text[s] != 's' && text[s] != 'S')) return 0;
  return IsWordClass(CodePointAt(text, s + 1).cls) ? 0 : s + 1;
}

// "U.S.", "U.S.A.", "a.m.", "Ph.D.": runs of one or two letters joined by
// single periods, at least two runs, with the final period if there is one
// ("U.S-Pakistan" has none).  Returns the end, or 0.
size_t AcronymEnd(std::string_view text, size_t pos) {
  int runs = 0;
  while (true) {
    // Each run starts with a letter.
    int letters = 0;
    CodePoint cp = CodePointAt(text, pos);
    for (; cp.cls == CharClass::kLetter || cp.cls == CharClass::kMark;
         cp = CodePointAt(text, pos)) {
      if (cp.cls == CharClass::kLetter && ++letters > 2) return 0;
      pos += cp.size;
    }
    if (IsWordClass(cp.cls)) return 0;
    ++runs;
    if (cp.c != '.') return runs >= 2 ? pos : 0;
    if (CodePointAt(text, pos + 1).cls != CharClass::kLetter) {
      return runs >= 2 ? pos + 1 : 0;
    }
    ++pos;
  }
}

// An ISO date "dddd-dd-dd" at `pos`, not followed by more of a word.
bool IsIsoDate(std::string_view text, size_t pos) {
  constexpr std::string_view kPattern = "dddd-dd-dd";
  if (text.size() - pos < kPattern.size()) return false;
  for (size_t i = 0; i < kPattern.size(); ++i) {
    const char c = text[pos + i];
    if (kPattern[i] == 'd' ? c < '0' || c > '9' : c != '-') return false;
  }
  return !IsWordClass(CodePointAt(text, pos + kPattern.size()).cls);
}

// Whether a number follows `pos`, after spaces if any.
bool NumberFollows(std::string_view text, size_t pos) {
  CodePoint cp = CodePointAt(text, pos);
  for (; cp.cls == CharClass::kSpace; cp = CodePointAt(text, pos)) {
    pos += cp.size;
  }
  return cp.cls == CharClass::kDigit;
}

// A word or number starting at `begin` with `first`, a letter, ideograph or
// number.
Scan ScanWord(std::string_view text, size_t begin, const CodePoint& first) {
  if (first.cls == CharClass::kIdeograph) {
    return {begin + first.size, TokenKind::kWord, SentenceRole::kPlain};
  }
  // Most words start with ASCII letters; skip those eight at a time.
  size_t pos = AsciiLettersEnd(text, begin);
  // An acronym's first run has at most two letters, and a period or a
  // non-ASCII letter or mark comes after them.
  if (first.cls == CharClass::kLetter && pos - begin <= 2 &&
      pos < text.size() &&
      (text[pos] == '.' || static_cast<unsigned char>(text[pos]) >= 0x80)) {
    if (const size_t end = AcronymEnd(text, begin)) {
      return {end, TokenKind::kWord, SentenceRole::kPlain};
    }
  }
  if (first.cls == CharClass::kDigit && IsIsoDate(text, begin)) {
    return {begin + 10, TokenKind::kNumber, SentenceRole::kPlain};
  }
  bool has_letter = pos > begin;
  bool has_digit = false;
  bool joined_digits = false;  // "3.5", "1,000", "3:30"
  bool after_letter = has_letter;
  CharClass last = has_letter ? CharClass::kLetter : CharClass::kOther;
  for (CodePoint cp = CodePointAt(text, pos);; cp = CodePointAt(text, pos)) {
    bool take = false;
    switch (cp.cls) {
      case CharClass::kLetter:
        // "3:30pm" is "3:30" + "pm", "10a.m." is "10" + "a.m.".
        take = !joined_digits &&
               !(last == CharClass::kDigit && AcronymEnd(text, pos) != 0);
        has_letter |= take;
        after_letter = true;
        break;
      case CharClass::kDigit:
      case CharClass::kOtherNumber:
        take = true;
        has_digit = true;
        after_letter = false;
        break;
      case CharClass::kMark:
        take = true;
        break;
      case CharClass::kFormat:
        // Inside a word only ("Paki\u00ADstan"), never at its end.
        take = IsWordClass(CodePointAt(text, pos + cp.size).cls);
        break;
      case CharClass::kPunctuation:
        if (cp.c == '.' || cp.c == ',' || cp.c == ':') {
          take = !has_letter && last == CharClass::kDigit &&
                 CodePointAt(text, pos + 1).cls == CharClass::kDigit;
          joined_digits |= take;
        } else if (IsApostrophe(cp.c)) {
          // "O'Brien", "don't", "Shi’ite", but "Pakistan" + "’s".
          take = after_letter &&
                 CodePointAt(text, pos + cp.size).cls == CharClass::kLetter &&
                 PossessiveEnd(text, pos) == 0;
          after_letter = false;
        }
        break;
      default:
        break;
    }
    if (!take) break;
    if (cp.cls != CharClass::kMark && cp.cls != CharClass::kFormat) {
      last = cp.cls;
    }
    pos += cp.size;
  }
  if (!has_letter) return {pos, TokenKind::kNumber, SentenceRole::kPlain};

  Scan scan{pos, TokenKind::kWord, SentenceRole::kPlain};
  if (pos < text.size() && text[pos] == '.' && !has_digit) {
    // "S." is an initial: one upper-case letter and its marks.
    const bool initial =
        IsUpperCase(first.c) && SkipMarks(text, begin + first.size) == pos;
    std::optional<AbbreviationKind> abbreviation;
    if (!initial) {
      abbreviation = FindAbbreviation(text.substr(begin, pos - begin));
    }
    if (abbreviation == AbbreviationKind::kBeforeNumber &&
        !NumberFollows(text, pos + 1)) {
      abbreviation.reset();
    }
    if (initial || abbreviation.has_value()) {
      scan.end = pos + 1;
      if (initial || abbreviation == AbbreviationKind::kTitle) {
        scan.role = SentenceRole::kContinuer;
      }
    }
  }
  return scan;
}

// ---------------------------------------------------------------------------
// Punctuation and symbols.

bool IsSentenceTerminal(UChar32 c) {
  if (c < 0x80) return c == '.' || c == '!' || c == '?';
  return c == 0x2026 || u_hasBinaryProperty(c, UCHAR_S_TERM);
}

bool IsWide(UChar32 c) {
  const int32_t width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_FULLWIDTH || width == U_EA_WIDE;
}

// What the rest of ScanPunctuation finds for ASCII, without asking ICU:
// Terminal_Punctuation "," ":" ";", dash and opening brackets continue a
// sentence, closing brackets close one.
constexpr SentenceRole AsciiPunctuationRole(UChar32 c) {
  switch (c) {
    case ',':
    case ':':
    case ';':
    case '-':
    case '(':
    case '[':
    case '{':
      return SentenceRole::kContinuer;
    case ')':
    case ']':
    case '}':
      return SentenceRole::kCloser;
    default:
      return SentenceRole::kPlain;
  }
}

// `first` is punctuation at `begin`, not a possessive.
Scan ScanPunctuation(std::string_view text, size_t begin,
                     const CodePoint& first) {
  Scan scan{begin + first.size, TokenKind::kPunctuation, SentenceRole::kPlain};
  const UChar32 c = first.c;
  if (IsSentenceTerminal(c)) {
    // "...", "?!" and "!!!" are one token.
    bool wide = IsWide(c);
    for (CodePoint cp = CodePointAt(text, scan.end); IsSentenceTerminal(cp.c);
         cp = CodePointAt(text, scan.end)) {
      wide |= IsWide(cp.c);
      scan.end += cp.size;
    }
    scan.role = wide ? SentenceRole::kWideTerminal : SentenceRole::kTerminal;
    return scan;
  }
  if (c == '"' || c == '\'') {
    scan.role = SentenceRole::kCloser;
    return scan;
  }
  if (c < 0x80) {
    scan.role = AsciiPunctuationRole(c);
    return scan;
  }
  // Terminal_Punctuation less the sentence terminals: commas, colons and
  // semicolons of every script.
  if (u_hasBinaryProperty(c, UCHAR_TERMINAL_PUNCTUATION)) {
    scan.role = SentenceRole::kContinuer;
    return scan;
  }
  switch (u_charType(c)) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
      scan.role = SentenceRole::kContinuer;
      break;
    case U_END_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      scan.role = SentenceRole::kCloser;
      break;
    default:
      break;
  }
  return scan;
}

// A symbol with what renders as one with it: an emoji with its modifiers,
// variation selectors, tags and ZWJ-joined emoji, or a flag's two regional
// indicators.
Scan ScanSymbol(std::string_view text, size_t begin, const CodePoint& first) {
  Scan scan{begin + first.size, TokenKind::kSymbol, SentenceRole::kPlain};
  if (first.c < 0x80) return scan;
  CodePoint cp = CodePointAt(text, scan.end);
  if (cp.cls == CharClass::kSymbol &&
      u_hasBinaryProperty(first.c, UCHAR_REGIONAL_INDICATOR) &&
      u_hasBinaryProperty(cp.c, UCHAR_REGIONAL_INDICATOR)) {
    scan.end += cp.size;
    cp = CodePointAt(text, scan.end);
  }
  while (true) {
    if (cp.cls == CharClass::kMark ||
        (cp.cls == CharClass::kSymbol &&
         u_hasBinaryProperty(cp.c, UCHAR_EMOJI_MODIFIER)) ||
        (cp.c >= 0xE0020 && cp.c <= 0xE007F)) {  // emoji tag characters
      scan.end += cp.size;
    } else if (cp.c == 0x200D) {  // zero width joiner
      const CodePoint next = CodePointAt(text, scan.end + cp.size);
      if (next.cls != CharClass::kSymbol ||
          !u_hasBinaryProperty(next.c, UCHAR_EXTENDED_PICTOGRAPHIC)) {
        break;
      }
      scan.end += cp.size + next.size;
    } else {
      break;
    }
    cp = CodePointAt(text, scan.end);
  }
  return scan;
}

}  // namespace

Tokens Tokenize(std::string_view text) {
  Tokens out;
  // English news averages five to six bytes a token, so this rarely grows.
  out.tokens.reserve(text.size() / 5);
  SentenceSplitter sentences(&out);
  bool space = true;
  int line_breaks = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == ' ') {  // most gaps, without decoding
      space = true;
      ++pos;
      continue;
    }
    const CodePoint cp = CodePointAt(text, pos);
    switch (cp.cls) {
      case CharClass::kSpace:
        space = true;
        pos += cp.size;
        continue;
      case CharClass::kLineBreak:
        space = true;
        // A paragraph separator is a blank line; CRLF is one break.
        line_breaks += cp.c == 0x2029 ? 2 : 1;
        pos += cp.size;
        if (cp.c == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
        continue;
      case CharClass::kFormat:
        pos += cp.size;  // invisible between tokens
        continue;
      default:
        break;
    }

    Scan scan;
    switch (cp.cls) {
      case CharClass::kLetter:
      case CharClass::kIdeograph:
      case CharClass::kDigit:
      case CharClass::kOtherNumber:
        scan = ScanWord(text, pos, cp);
        break;
      case CharClass::kPunctuation:
        if (const size_t end =
                IsApostrophe(cp.c) ? PossessiveEnd(text, pos) : 0;
            end != 0 && !space && !out.tokens.empty() &&
            out.tokens.back().end == pos &&
            (out.tokens.back().kind == TokenKind::kWord ||
             out.tokens.back().kind == TokenKind::kNumber)) {
          scan = {end, TokenKind::kWord, SentenceRole::kPlain};
        } else {
          scan = ScanPunctuation(text, pos, cp);
        }
        break;
      case CharClass::kSymbol:
        scan = ScanSymbol(text, pos, cp);
        break;
      default:  // ill-formed bytes, controls, marks with nothing to mark
        scan = {pos + cp.size, TokenKind::kOther, SentenceRole::kPlain};
        break;
    }
    if (cp.cls != CharClass::kIllFormed) scan.end = SkipMarks(text, scan.end);

    Token& token = out.tokens.emplace_back();
    token.begin = static_cast<uint32_t>(pos);
    token.end = static_cast<uint32_t>(scan.end);
    token.kind = scan.kind;
    token.space_before = space;
    token.newline_before = line_breaks > 0;
    const std::string_view token_text = text.substr(pos, scan.end - pos);
    if (cp.cls == CharClass::kIllFormed) {
      token.norm = "\xEF\xBF\xBD";
      DescribeShapeAndCase(token_text, &token);
    } else if (!DescribeAsciiToken(text, pos, scan.end, &token)) {
      NormalizeToken(token_text, &token.norm);
      DescribeShapeAndCase(token_text, &token);
    }
    sentences.Add(cp.c, line_breaks, scan.role);

    space = false;
    line_breaks = 0;
    pos = scan.end;
  }
  sentences.Finish();
  return out;
}

std::string Normalize(std::string_view word) {
  std::string norm;
  NormalizeToken(word, &norm);
  return norm;
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The tokens of a sentence as bytes, and rules as RE2 regular expressions
// over those bytes: how RuleMatcher runs a rule that TokenProgram does not
// take (one repeating something that can match no token, or one too
// large).  TokenEncoding writes the fields that TokenVocabulary reads of
// each token (token_vocabulary.h) as a record of bytes:
//
//   shape  fact...  norm-code  exact-code
//
// `shape` is 0xe2 + TokenShape().  Only shapes are 0xe2 or above, so a
// shape starts every record and every pattern element, and a match covers
// whole records.  Facts say where the token stands in the annotated phrases
// the rules test, one byte each, sorted, and only those that hold: for a
// type used as a phrase (@country), whether such a phrase begins at the
// token, goes on through it or ends at it, in one byte; for a type only
// tested in conditions ([!@not_name]), that the token is inside one.  The
// codes number the words the rules mention, in fixed-width digits of their
// own byte range above the facts; other words, most of them, have none.
//
// RE2's time grows with the bytes it reads and its memory with the size of
// its programs, so a token usually costs one or two bytes, and a test on a
// token a few regex elements, however many types and words the rules use.
// Record tests are also kept unambiguous (a skip only takes facts that
// sort before the next required one), which RE2's submatch engines need to
// stay fast.
//
//   parley::TokenEncoding encoding(vocabulary);
//   parley::RegexWriter writer(vocabulary, encoding);
//   parley::RegexWriter::RuleRegex rule = writer.Write(pattern);
//   RE2 regex(rule.regex, options);  // Latin-1, longest match
//   encoding.Encode(fields, &encoded, &starts);
//   // RE2::Match over encoded[starts[i]...], group 1 the match ...
//
// It does not: read the tokens (token_vocabulary.h), compile or run the
// regexes, or map what they match back to tokens (the caller does, by
// `starts`).

#ifndef PARLEY_LIB_TOKEN_ENCODING_H_
#define PARLEY_LIB_TOKEN_ENCODING_H_

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rule_parser.h"
#include "token_vocabulary.h"

namespace parley {

// A set of byte values.
using ByteSet = std::bitset<256>;

// Fixed-width codes for the words of a WordIds, written in digits of their
// own range of bytes.  Words without an id have no code.
class WordCodes {
 public:
  WordCodes() = default;

  // Codes for `word_count` words, written with at most 16 of the `count`
  // digits from byte `first`.
  WordCodes(int first, int count, size_t word_count);

  const ByteSet& digits() const { return digits_; }

  // The number of digits of every code.
  int width() const { return width_; }

  // Appends the code of `id`, if it has one.
  void AppendCode(uint32_t id, std::string* out) const {
    if (id == WordIds::kNoWord) return;
    out->resize(out->size() + width_);
    WriteCode(id, out->data() + out->size() - width_);
  }

  // Writes the code of `id`, if it has one, at `out`, and returns the end
  // of what it wrote.
  char* WriteCode(uint32_t id, char* out) const {
    if (id == WordIds::kNoWord) return out;
    for (int i = width_ - 1; i >= 0; --i) {
      out[i] = static_cast<char>(first_digit_ + id % base_);
      id /= base_;
    }
    return out + width_;
  }

  // A regex for the code of a word in `words`, whose ids are `ids`, or
  // when `words.negated`, for the code of another word or none.
  void AppendRegex(const WordIds& ids, const WordSet& words,
                   std::string* out) const;

 private:
  // Appends a regex for the digits from `depth` on of the codes in `codes`
  // (sorted; they share their first `depth` digits), or of the other codes
  // with that prefix when `negated`.  False, appending nothing, when there
  // is no such code.
  bool AppendCodes(std::span<const std::string> codes, int depth, bool negated,
                   std::string* out) const;

  int first_digit_ = 0;
  int base_ = 0;
  ByteSet digits_;
  int width_ = 0;
};

// The record layout for the vocabulary of a set of rules, and the encoding
// of sentences in it.
class TokenEncoding {
 public:
  // The most facts that the selectors of the rules may need: facts and the
  // digits of codes share the bytes below the shapes, and this leaves each
  // vocabulary's codes at least two digits.
  static const int kMaxFacts;

  // The facts the selectors of `vocabulary` need: six for a selector used
  // as a phrase, one for another.
  static int FactCount(const TokenVocabulary& vocabulary);

  // The layout for `vocabulary`, whose selectors need at most kMaxFacts
  // facts: codes take the bytes above the facts, shared between the two
  // vocabularies of words by their sizes.
  explicit TokenEncoding(const TokenVocabulary& vocabulary);

  // Encodes the tokens whose fields are `fields` into `out`, a record per
  // token, then a shape byte that ends the last record, and sets `starts`
  // to the offset of each record in it, then of that byte.
  void Encode(const TokenFields& fields, std::string* out,
              std::vector<size_t>* starts) const;

 private:
  friend class RegexWriter;

  // The facts of one annotation selector: from `first`, six of them for a
  // type used as a phrase, else one, "the token is inside".
  struct SelectorFacts {
    int first = 0;
    bool phrase = false;

    // The facts whose state has all of `bits`.
    ByteSet With(unsigned bits) const;
  };

  WordCodes norm_codes_;
  WordCodes exact_codes_;
  std::vector<SelectorFacts> facts_;  // one per selector
  int fact_count_ = 0;
};

// Writes the patterns of rules as RE2 regular expressions over the records
// of a TokenEncoding.  Macros repeat the same few tests throughout the
// rules, so the regex of each element is written once for all the rules
// one writer writes: writing each anew took half the time of compiling
// the rules.
class RegexWriter {
 public:
  // For rules that test the words and selectors of `vocabulary`, encoded
  // by `encoding`; both outlive the writer.
  RegexWriter(const TokenVocabulary& vocabulary, const TokenEncoding& encoding);

  // A pattern as a regex over the records of some tokens, followed by the
  // shape byte that starts the next record or ends the last
  // (TokenEncoding::Encode writes one).
  struct RuleRegex {
    // Group 1 is the match, without the shape byte after it; the groups
    // after it are the pattern's captures.
    std::string regex;
    std::vector<std::string> capture_names;  // of groups 2 on
    // The size of `regex` as RE2 compiles it, counted repetitions spelled
    // out: x{2,4} is four copies of x.
    size_t spelled_out_size = 0;
  };

  RuleRegex Write(const Pattern& pattern);

 private:
  // What one token record must hold.
  struct RecordTest;

  // Appends `pattern` to `regex_`.
  void Append(const Pattern& pattern);

  const std::string& TokenRegex(const Pattern& pattern);
  const std::string& WordRegex(const std::string& word, bool normalized);
  // A one-token phrase, or a first token, inner ones and a last one.
  const std::string& PhraseRegex(const AnnotationSelector& selector);

  RecordTest TermTest(const TokenTerm& term) const;
  // A record where the phrases of `selector` have all of `bits`.
  RecordTest PhraseTest(const AnnotationSelector& selector,
                        unsigned bits) const;
  void AppendRecord(const RecordTest& test, std::string* out) const;

  const TokenVocabulary& vocabulary_;
  const TokenEncoding& encoding_;

  // The pattern being written.
  std::string regex_;
  std::vector<std::string> capture_names_;
  // What RE2 sees beyond `regex_` once it spells out counted repetitions.
  size_t repeated_bytes_ = 0;

  // The regexes of single elements written so far.  Conditions by the
  // condition as written, with its terms, since conditions written alike
  // in different files might still differ.
  std::unordered_map<
      std::string, std::vector<std::pair<std::vector<TokenTerm>, std::string>>>
      tokens_;
  std::map<AnnotationSelector, std::string> phrases_;
  std::unordered_map<std::string, std::string> norm_words_;
  std::unordered_map<std::string, std::string> exact_words_;
};

}  // namespace parley

#endif  // PARLEY_LIB_TOKEN_ENCODING_H_

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The tests that the rules' TokenPrograms (token_program.h) make of single
// tokens: a condition ([Cap & !@office_head]), a word ("said", c"US"), or
// a token's place in the phrases of a selector (@country).  TokenTests
// numbers them as the programs compile, one number per distinct test
// across all the rules, and a TestTable tells which of them each token of
// a piece of a sentence passes, for all the rules at once, from the fields
// that TokenVocabulary (token_vocabulary.h) reads of the tokens: the rules
// share most of their tests.
//
//   std::vector<parley::FieldsTest> tests;
//   parley::TokenTests numbering(vocabulary, &tests);
//   std::optional<parley::TokenProgram> program =
//       parley::TokenProgram::Compile(rule.pattern, &numbering);
//   parley::TestTable table(tests, vocabulary.norm_words().size(),
//                           vocabulary.exact_words().size(),
//                           vocabulary.selector_count());
//   table.Fill(fields, 0, token_count, program->tests(), &passed);
//   program->Search(token_count, passed.data(), table.words(), &scratch,
//                   &spans);
//
// It does not: read the tokens (token_vocabulary.h), run the programs, or
// test tokens for the rules that RE2 runs over bytes (token_encoding.h).

#ifndef PARLEY_LIB_TOKEN_TESTS_H_
#define PARLEY_LIB_TOKEN_TESTS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rule_parser.h"
#include "token_program.h"
#include "token_vocabulary.h"

namespace parley {

// A WordSet as a test of a word's id in a WordIds.
struct IdTest {
  std::vector<uint32_t> ids;  // sorted
  bool negated = true;

  bool Passes(uint32_t id) const {
    return std::binary_search(ids.begin(), ids.end(), id) != negated;
  }
};

// A TokenTerm on the fields of a token.
struct TermFieldsTest {
  uint32_t shapes = kAllTokenShapes;
  IdTest norm;
  IdTest exact;
  std::vector<BitsInWord> inside;   // selectors whose state must be nonzero
  std::vector<BitsInWord> outside;  // selectors whose state must be zero
};

// One token test of a TokenProgram: a token passing one of its terms, or,
// for a phrase element, a state of `selector` with all of `bits`.  Terms
// that test one thing, a word or an annotation, as most of a list such as
// [@country | @honorific | "the" | "his"] do, are kept as sets of ids and
// selectors, which TestTable looks up once per token for all the tests.
struct FieldsTest {
  std::vector<uint32_t> any_norm;
  std::vector<uint32_t> any_exact;
  std::vector<BitsInWord> any_inside;
  std::vector<TermFieldsTest> terms;  // the others
  bool phrase = false;
  uint32_t selector = 0;
  unsigned bits = 0;
};

// Numbers the token tests of the rules' TokenPrograms, one per distinct
// element of the rules, and appends each new one to `tests`.
class TokenTests : public TokenProgram::Tests {
 public:
  // `vocabulary` holds the words and selectors of the rules; it and
  // `tests` outlive the numbering.
  TokenTests(const TokenVocabulary& vocabulary, std::vector<FieldsTest>* tests)
      : vocabulary_(vocabulary), tests_(*tests) {}

  uint32_t Token(const Pattern& pattern) override;
  uint32_t Word(const std::string& word, bool normalized) override;
  uint32_t Phrase(const AnnotationSelector& selector, unsigned bits) override;

 private:
  uint32_t Add(FieldsTest test);

  const TokenVocabulary& vocabulary_;
  std::vector<FieldsTest>& tests_;
  std::unordered_map<std::string,
                     std::vector<std::pair<std::vector<TokenTerm>, uint32_t>>>
      tokens_;
  std::map<std::pair<AnnotationSelector, unsigned>, uint32_t> phrases_;
  std::unordered_map<std::string, uint32_t> norm_words_;
  std::unordered_map<std::string, uint32_t> exact_words_;
};

// Which of the rules' tests each token passes, as a bitmap per token: what
// TokenProgram::Search reads.  Word and annotation tests, most of them,
// are looked up by the token's word ids and annotation states, all tests
// at once.  So are the terms of the rest ([Cap & !@office_head], [!"." &
// !","]), as bitmaps of terms: those that admit the token's shape, its
// norm id, its exact id, and its annotations, ANDed.
class TestTable {
 public:
  // For `tests`, on words of vocabularies of `norm_words` and
  // `exact_words` words and on `selector_count` selectors.
  TestTable(const std::vector<FieldsTest>& tests, size_t norm_words,
            size_t exact_words, size_t selector_count);

  // Words per token.
  size_t words() const { return words_; }

  // Sets `passed` to the tests that tokens [first, first + count) of
  // `fields` pass: all of those looked up, and of those with terms the
  // ones in `wanted`, a bitmap of tests, since each test a token passes
  // by its terms costs a step.
  void Fill(const TokenFields& fields, uint32_t first, uint32_t count,
            std::span<const uint64_t> wanted,
            std::vector<uint64_t>* passed) const;

 private:
  static constexpr unsigned kStates = 1u << TokenFields::kStateBits;
  static constexpr uint32_t kNoRows = ~uint32_t{0};

  // Numbers the terms of `tests` and fills the term tables below.
  void AddTerms(const std::vector<FieldsTest>& tests, size_t norm_words,
                size_t exact_words, size_t selector_count);

  size_t words_;
  // Rows of words_ words: the tests a token passes by its norm id, its
  // exact id, and (per selector, then state) its state in a selector's
  // phrases.
  std::vector<uint64_t> by_norm_;
  std::vector<uint64_t> by_exact_;
  std::vector<uint32_t> selectors_;
  std::vector<uint64_t> by_state_;
  // Per selector of the rules, its first row in by_state_, or kNoRows for
  // one no test looks up.
  std::vector<uint32_t> row_of_selector_;
  // The terms of the tests that test several things at once, numbered
  // across the tests: each term's test, and bitmaps of term_words_ words
  // of the terms that admit a token shape, a norm id (then kNoWord), an
  // exact id (then kNoWord), and a selector's absence.
  size_t term_words_ = 0;
  std::vector<uint32_t> term_tests_;
  std::vector<uint64_t> terms_by_shape_;
  std::vector<uint64_t> terms_by_norm_;
  std::vector<uint64_t> terms_by_exact_;
  std::vector<uint64_t> terms_outside_;  // per selector: must be absent
  size_t norm_words_ = 0;
  size_t exact_words_ = 0;
  // The selectors that some term needs a token inside, and per each, the
  // terms that need it.
  std::vector<uint32_t> inside_selectors_;
  std::vector<uint64_t> terms_inside_;
};

}  // namespace parley

#endif  // PARLEY_LIB_TOKEN_TESTS_H_

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// What a rule can test of one token, and the normal form of the bracketed
// conditions of the rule language (rule_parser.h) that combine such tests:
// [Cap & !@not_name], [Punct & !("." | "?")].
//
// A token's shape is its kind crossed with its case (TokenShape), and a
// token class ([Cap], [Num]) is a set of shapes.  A condition is normalized
// to alternatives of TokenTerms: negation is pushed down to the tests,
// conjunctions are multiplied out, and alternatives that differ in one part
// only are merged.  So the compilers of rules (token_tests.h,
// token_encoding.h) see at most kMaxConditionTerms terms of a few fixed
// parts, and a condition whose tests contradict one another is found here,
// where the parser can report it, rather than when the rules are compiled.
//
//   Condition condition = ...;  // [Title | Upper], as the parser builds it
//   std::optional<std::vector<TokenTerm>> terms = ConditionTerms(condition);
//   // one term: shapes Title | Upper, every word, no annotation tests
//
// It does not: parse conditions or report their errors (rule_parser.cc
// does), nor test tokens against the terms (token_tests.h and
// token_encoding.h do).

#ifndef PARLEY_LIB_TOKEN_CONDITIONS_H_
#define PARLEY_LIB_TOKEN_CONDITIONS_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizer.h"

namespace parley {

// Token classes test a token's shape: its kind (5) crossed with its case
// (6: none, lower, upper, title, mixed starting upper, mixed starting
// lower).  A set of shapes is a bit mask.
inline constexpr int kTokenShapeCount = 30;
inline constexpr uint32_t kAllTokenShapes =
    (uint32_t{1} << kTokenShapeCount) - 1;

// The shape of `token`, in [0, kTokenShapeCount).  A mixed-case token
// starts upper when the first letter of its `shape` is 'X'.
int TokenShape(const Token& token);

// The shapes of the token class `name` ("Cap", "Num"), or nullopt when no
// class has that name.
std::optional<uint32_t> TokenClassShapes(std::string_view name);

// One test of an annotation's attributes: key=value, or key!=value when
// `equal` is false.
struct AttributeTest {
  std::string key;
  std::string value;
  bool equal = true;

  friend auto operator<=>(const AttributeTest&, const AttributeTest&) = default;
};

// An annotation type with attribute tests: @country[form=adjective].  Tests
// are sorted, so that equal selectors compare equal.
struct AnnotationSelector {
  std::string type;
  std::vector<AttributeTest> tests;

  friend auto operator<=>(const AnnotationSelector&,
                          const AnnotationSelector&) = default;
};

// A set of words: `words` (sorted, unique), or every other word when
// `negated`.  The default is every word.
struct WordSet {
  std::vector<std::string> words;
  bool negated = true;

  friend bool operator==(const WordSet&, const WordSet&) = default;
};

// Whether a token lies inside a phrase that `selector` accepts.
struct InsideTest {
  AnnotationSelector selector;
  bool inside = true;

  friend bool operator==(const InsideTest&, const InsideTest&) = default;
};

// One alternative of a bracketed condition: a token satisfies it when all
// of its parts hold.  A condition is a list of terms, any of which may hold.
struct TokenTerm {
  uint32_t shapes = kAllTokenShapes;
  WordSet norm;                         // the token's normalized form
  WordSet exact;                        // the token as written
  std::vector<InsideTest> annotations;  // one per selector, sorted

  friend bool operator==(const TokenTerm&, const TokenTerm&) = default;
};

// A bracketed condition before normalization.
struct Condition {
  enum class Op : uint8_t {
    kClass,
    kWord,
    kExactWord,
    kInside,
    kNot,
    kAnd,
    kOr
  };
  Op op = Op::kClass;
  // kClass, kWord, kExactWord, kInside: the test as a term.
  TokenTerm atom;
  std::vector<Condition> operands;
};

inline constexpr size_t kMaxConditionTerms = 32;

// The terms of `condition`, merged where they can be: none when its tests
// contradict one another ([Title & Lower]), nullopt when there are more
// than kMaxConditionTerms.
std::optional<std::vector<TokenTerm>> ConditionTerms(
    const Condition& condition);

}  // namespace parley

#endif  // PARLEY_LIB_TOKEN_CONDITIONS_H_

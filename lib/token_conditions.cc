// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "token_conditions.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tokenizer.h"

namespace parley {
namespace {

// Cases as TokenShape counts them.
enum ShapeCase {
  kCaseNone,
  kCaseLower,
  kCaseUpper,
  kCaseTitle,
  kCaseMixedUpper,
  kCaseMixedLower,
  kCaseCount,
};

constexpr uint32_t KindShapes(TokenKind kind) {
  return ((uint32_t{1} << kCaseCount) - 1)
         << (static_cast<int>(kind) * kCaseCount);
}

constexpr uint32_t CaseShapes(ShapeCase shape_case) {
  uint32_t shapes = 0;
  for (int kind = 0; kind < kTokenShapeCount / kCaseCount; ++kind) {
    shapes |= uint32_t{1} << (kind * kCaseCount + shape_case);
  }
  return shapes;
}

struct TokenClassName {
  std::string_view name;
  uint32_t shapes;
};

constexpr TokenClassName kTokenClasses[] = {
    {"Any", kAllTokenShapes},
    {"Cap", CaseShapes(kCaseUpper) | CaseShapes(kCaseTitle) |
                CaseShapes(kCaseMixedUpper)},
    {"Lower", CaseShapes(kCaseLower)},
    {"Mixed", CaseShapes(kCaseMixedUpper) | CaseShapes(kCaseMixedLower)},
    {"Num", KindShapes(TokenKind::kNumber)},
    {"Punct", KindShapes(TokenKind::kPunctuation)},
    {"Sym", KindShapes(TokenKind::kSymbol)},
    {"Title", CaseShapes(kCaseTitle)},
    {"Upper", CaseShapes(kCaseUpper)},
    {"Word", KindShapes(TokenKind::kWord)},
};

WordSet Intersect(const WordSet& a, const WordSet& b) {
  WordSet result;
  result.negated = a.negated && b.negated;
  auto out = std::back_inserter(result.words);
  if (!a.negated && !b.negated) {
    std::set_intersection(a.words.begin(), a.words.end(), b.words.begin(),
                          b.words.end(), out);
  } else if (!a.negated) {
    std::set_difference(a.words.begin(), a.words.end(), b.words.begin(),
                        b.words.end(), out);
  } else if (!b.negated) {
    std::set_difference(b.words.begin(), b.words.end(), a.words.begin(),
                        a.words.end(), out);
  } else {
    std::set_union(a.words.begin(), a.words.end(), b.words.begin(),
                   b.words.end(), out);
  }
  return result;
}

// Both terms at once, or nullopt when no token can satisfy both.
std::optional<TokenTerm> Intersect(const TokenTerm& a, const TokenTerm& b) {
  TokenTerm result;
  result.shapes = a.shapes & b.shapes;
  result.norm = Intersect(a.norm, b.norm);
  result.exact = Intersect(a.exact, b.exact);
  if (result.shapes == 0 ||
      (!result.norm.negated && result.norm.words.empty()) ||
      (!result.exact.negated && result.exact.words.empty())) {
    return std::nullopt;
  }
  auto ia = a.annotations.begin();
  auto ib = b.annotations.begin();
  while (ia != a.annotations.end() || ib != b.annotations.end()) {
    if (ib == b.annotations.end() ||
        (ia != a.annotations.end() && ia->selector < ib->selector)) {
      result.annotations.push_back(*ia++);
    } else if (ia == a.annotations.end() || ib->selector < ia->selector) {
      result.annotations.push_back(*ib++);
    } else {
      if (ia->inside != ib->inside) return std::nullopt;
      result.annotations.push_back(*ia++);
      ++ib;
    }
  }
  return result;
}

// Folds `b` into `a` when their union is a single term: they differ in
// shapes only, or in the positive word sets only.
bool Merge(TokenTerm* a, const TokenTerm& b) {
  if (a->annotations != b.annotations) return false;
  if (a->norm == b.norm && a->exact == b.exact) {
    a->shapes |= b.shapes;
    return true;
  }
  if (a->shapes != b.shapes) return false;
  auto merge_words = [](WordSet* x, const WordSet& y) {
    std::vector<std::string> words;
    std::set_union(x->words.begin(), x->words.end(), y.words.begin(),
                   y.words.end(), std::back_inserter(words));
    x->words = std::move(words);
  };
  if (a->exact == b.exact && !a->norm.negated && !b.norm.negated) {
    merge_words(&a->norm, b.norm);
    return true;
  }
  if (a->norm == b.norm && !a->exact.negated && !b.exact.negated) {
    merge_words(&a->exact, b.exact);
    return true;
  }
  return false;
}

void AppendMerged(std::vector<TokenTerm> terms, std::vector<TokenTerm>* out) {
  for (TokenTerm& term : terms) {
    bool merged = false;
    for (TokenTerm& existing : *out) {
      if (Merge(&existing, term)) {
        merged = true;
        break;
      }
    }
    if (!merged) out->push_back(std::move(term));
  }
}

// The terms of `condition` (negated when `negated`), pushing negation down
// to the atoms; nullopt when there are more than kMaxConditionTerms.
std::optional<std::vector<TokenTerm>> Terms(const Condition& condition,
                                            bool negated) {
  TokenTerm atom = condition.atom;
  switch (condition.op) {
    case Condition::Op::kClass:
      if (negated) atom.shapes = ~atom.shapes & kAllTokenShapes;
      if (atom.shapes == 0) return std::vector<TokenTerm>{};
      return std::vector<TokenTerm>{std::move(atom)};
    case Condition::Op::kWord:
      atom.norm.negated = negated;
      return std::vector<TokenTerm>{std::move(atom)};
    case Condition::Op::kExactWord:
      atom.exact.negated = negated;
      return std::vector<TokenTerm>{std::move(atom)};
    case Condition::Op::kInside:
      atom.annotations[0].inside = !negated;
      return std::vector<TokenTerm>{std::move(atom)};
    case Condition::Op::kNot:
      return Terms(condition.operands[0], !negated);
    case Condition::Op::kAnd:
    case Condition::Op::kOr:
      break;
  }
  const bool conjunction = (condition.op == Condition::Op::kAnd) != negated;
  std::vector<TokenTerm> result;
  if (conjunction) result.emplace_back();
  for (const Condition& operand : condition.operands) {
    std::optional<std::vector<TokenTerm>> terms = Terms(operand, negated);
    if (!terms) return std::nullopt;
    if (conjunction) {
      std::vector<TokenTerm> product;
      for (const TokenTerm& a : result) {
        for (const TokenTerm& b : *terms) {
          std::optional<TokenTerm> both = Intersect(a, b);
          if (both) AppendMerged({std::move(*both)}, &product);
        }
      }
      result = std::move(product);
    } else {
      AppendMerged(std::move(*terms), &result);
    }
    if (result.size() > kMaxConditionTerms) return std::nullopt;
  }
  return result;
}

}  // namespace

int TokenShape(const Token& token) {
  ShapeCase shape_case = kCaseNone;
  switch (token.case_class) {
    case CaseClass::kNone:
      shape_case = kCaseNone;
      break;
    case CaseClass::kLower:
      shape_case = kCaseLower;
      break;
    case CaseClass::kUpper:
      shape_case = kCaseUpper;
      break;
    case CaseClass::kTitle:
      shape_case = kCaseTitle;
      break;
    case CaseClass::kMixed: {
      const size_t letter = token.shape.find_first_of("Xx");
      shape_case = letter != std::string::npos && token.shape[letter] == 'X'
                       ? kCaseMixedUpper
                       : kCaseMixedLower;
      break;
    }
  }
  return static_cast<int>(token.kind) * kCaseCount + shape_case;
}

std::optional<uint32_t> TokenClassShapes(std::string_view name) {
  for (const TokenClassName& token_class : kTokenClasses) {
    if (token_class.name == name) return token_class.shapes;
  }
  return std::nullopt;
}

std::optional<std::vector<TokenTerm>> ConditionTerms(
    const Condition& condition) {
  return Terms(condition, false);
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "token_tests.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace parley {
namespace {

void AddToMask(size_t selector, std::vector<BitsInWord>* masks) {
  const auto word = static_cast<uint32_t>(selector / 64);
  auto mask = std::find_if(masks->begin(), masks->end(),
                           [&](const BitsInWord& m) { return m.word == word; });
  if (mask == masks->end()) {
    mask = masks->insert(masks->end(), BitsInWord{word, 0});
  }
  mask->bits |= uint64_t{1} << (selector % 64);
}

IdTest Ids(const WordIds& vocabulary, const WordSet& words) {
  IdTest test;
  test.negated = words.negated;
  for (const std::string& word : words.words) {
    const uint32_t id = vocabulary.Id(word);
    if (id != WordIds::kNoWord) test.ids.push_back(id);
  }
  std::sort(test.ids.begin(), test.ids.end());
  return test;
}

// A condition's terms on the fields of a token.
FieldsTest TermsFieldsTest(const TokenVocabulary& vocabulary,
                           const std::vector<TokenTerm>& terms) {
  FieldsTest test;
  for (const TokenTerm& term : terms) {
    TermFieldsTest of_term;
    of_term.shapes = term.shapes;
    of_term.norm = Ids(vocabulary.norm_words(), term.norm);
    of_term.exact = Ids(vocabulary.exact_words(), term.exact);
    for (const InsideTest& inside : term.annotations) {
      AddToMask(vocabulary.SelectorIndex(inside.selector),
                inside.inside ? &of_term.inside : &of_term.outside);
    }
    const bool any_shape = of_term.shapes == kAllTokenShapes;
    const bool any_norm = IsAnyWord(term.norm);
    const bool any_exact = IsAnyWord(term.exact);
    const bool annotated = !term.annotations.empty();
    if (any_shape && any_exact && !annotated && !of_term.norm.negated) {
      test.any_norm.insert(test.any_norm.end(), of_term.norm.ids.begin(),
                           of_term.norm.ids.end());
    } else if (any_shape && any_norm && !annotated && !of_term.exact.negated) {
      test.any_exact.insert(test.any_exact.end(), of_term.exact.ids.begin(),
                            of_term.exact.ids.end());
    } else if (any_shape && any_norm && any_exact &&
               term.annotations.size() == 1 && term.annotations[0].inside) {
      AddToMask(vocabulary.SelectorIndex(term.annotations[0].selector),
                &test.any_inside);
    } else {
      test.terms.push_back(std::move(of_term));
    }
  }
  for (std::vector<uint32_t>* ids : {&test.any_norm, &test.any_exact}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  return test;
}

// One word, normalized or as written.
FieldsTest WordFieldsTest(const TokenVocabulary& vocabulary,
                          const std::string& word, bool normalized) {
  TokenTerm term;
  (normalized ? term.norm : term.exact) = WordSet{{word}, false};
  return TermsFieldsTest(vocabulary, {term});
}

// A token whose state in the phrases of `selector` has all of `bits`.
FieldsTest PhraseFieldsTest(const TokenVocabulary& vocabulary,
                            const AnnotationSelector& selector, unsigned bits) {
  FieldsTest test;
  test.phrase = true;
  test.selector = static_cast<uint32_t>(vocabulary.SelectorIndex(selector));
  test.bits = bits;
  return test;
}

}  // namespace

uint32_t TokenTests::Token(const Pattern& pattern) {
  auto& numbered = tokens_[pattern.text];
  for (const auto& [terms, test] : numbered) {
    if (terms == pattern.terms) return test;
  }
  numbered.emplace_back(pattern.terms,
                        Add(TermsFieldsTest(vocabulary_, pattern.terms)));
  return numbered.back().second;
}

uint32_t TokenTests::Word(const std::string& word, bool normalized) {
  auto [it, added] =
      (normalized ? norm_words_ : exact_words_).try_emplace(word, 0);
  if (added) it->second = Add(WordFieldsTest(vocabulary_, word, normalized));
  return it->second;
}

uint32_t TokenTests::Phrase(const AnnotationSelector& selector, unsigned bits) {
  auto [it, added] = phrases_.try_emplace(std::pair(selector, bits), 0);
  if (added) it->second = Add(PhraseFieldsTest(vocabulary_, selector, bits));
  return it->second;
}

uint32_t TokenTests::Add(FieldsTest test) {
  tests_.push_back(std::move(test));
  return static_cast<uint32_t>(tests_.size() - 1);
}

TestTable::TestTable(const std::vector<FieldsTest>& tests, size_t norm_words,
                     size_t exact_words, size_t selector_count)
    : tests_(tests), words_((tests.size() + 63) / 64) {
  auto set = [&](std::vector<uint64_t>* table, size_t row, size_t test) {
    if (table->size() < (row + 1) * words_) {
      table->resize((row + 1) * words_, 0);
    }
    (*table)[row * words_ + test / 64] |= uint64_t{1} << (test % 64);
  };
  auto state_row = [&](uint32_t selector, unsigned state) {
    auto it = std::find(selectors_.begin(), selectors_.end(), selector);
    if (it == selectors_.end()) it = selectors_.insert(it, selector);
    return static_cast<size_t>(it - selectors_.begin()) * kStates + state;
  };
  for (size_t i = 0; i < tests.size(); ++i) {
    const FieldsTest& test = tests[i];
    if (test.phrase) {
      for (unsigned state = 1; state < kStates; ++state) {
        if ((state & test.bits) == test.bits) {
          set(&by_state_, state_row(test.selector, state), i);
        }
      }
      continue;
    }
    for (uint32_t id : test.any_norm) set(&by_norm_, id, i);
    for (uint32_t id : test.any_exact) set(&by_exact_, id, i);
    for (const BitsInWord& mask : test.any_inside) {
      for (uint64_t bits = mask.bits; bits != 0; bits &= bits - 1) {
        const auto selector =
            static_cast<uint32_t>(mask.word * 64 + std::countr_zero(bits));
        for (unsigned state = 1; state < kStates; ++state) {
          set(&by_state_, state_row(selector, state), i);
        }
      }
    }
    if (!test.terms.empty()) {
      uint32_t shapes = 0;
      for (const TermFieldsTest& term : test.terms) shapes |= term.shapes;
      for (int shape = 0; shape < kTokenShapeCount; ++shape) {
        if ((shapes >> shape & 1) != 0) {
          set(&others_by_shape_, static_cast<size_t>(shape), i);
        }
      }
    }
  }
  // Rows for every id and selector, so that lookups need no bounds.
  by_norm_.resize(norm_words * words_, 0);
  by_exact_.resize(exact_words * words_, 0);
  by_state_.resize(selectors_.size() * kStates * words_, 0);
  others_by_shape_.resize(kTokenShapeCount * words_, 0);
  row_of_selector_.assign(selector_count, kNoRows);
  for (size_t k = 0; k < selectors_.size(); ++k) {
    row_of_selector_[selectors_[k]] = static_cast<uint32_t>(k * kStates);
  }
}

void TestTable::Fill(const TokenFields& fields, uint32_t first, uint32_t count,
                     std::span<const uint64_t> wanted,
                     std::vector<uint64_t>* passed) const {
  passed->assign(size_t{count} * words_, 0);
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t token = first + i;
    uint64_t* const row = passed->data() + i * words_;
    auto add = [&](const std::vector<uint64_t>& table, size_t at) {
      const uint64_t* const tests = table.data() + at * words_;
      for (size_t w = 0; w < words_; ++w) row[w] |= tests[w];
    };
    if (fields.norm_ids[token] != WordIds::kNoWord) {
      add(by_norm_, fields.norm_ids[token]);
    }
    if (fields.exact_ids[token] != WordIds::kNoWord) {
      add(by_exact_, fields.exact_ids[token]);
    }
    // The selectors whose phrases the token is in, few of them.
    const uint64_t* const present =
        fields.present.data() + token * fields.present_words;
    for (size_t w = 0; w < fields.present_words; ++w) {
      for (uint64_t bits = present[w]; bits != 0; bits &= bits - 1) {
        const auto selector =
            static_cast<uint32_t>(w * 64 + std::countr_zero(bits));
        const uint32_t rows = row_of_selector_[selector];
        if (rows != kNoRows) {
          add(by_state_, rows + fields.State(token, selector));
        }
      }
    }
    // Tried one by one: the wanted tests with a term for the token's
    // shape, most often none ([Cap & !@office_head] for a lower-case
    // word), that no lookup has passed already.
    const uint64_t* const fit_shape =
        others_by_shape_.data() + fields.shapes[token] * words_;
    for (size_t w = 0; w < words_; ++w) {
      for (uint64_t bits = wanted[w] & fit_shape[w] & ~row[w]; bits != 0;
           bits &= bits - 1) {
        const auto test =
            static_cast<uint32_t>(w * 64 + std::countr_zero(bits));
        if (tests_[test].PassesTerms(fields, token)) {
          row[w] |= uint64_t{1} << (test % 64);
        }
      }
    }
  }
}

}  // namespace parley

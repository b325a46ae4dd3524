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

// Calls `f` with each selector of `masks`.
template <typename F>
void ForEachSelector(const std::vector<BitsInWord>& masks, F f) {
  for (const BitsInWord& mask : masks) {
    for (uint64_t bits = mask.bits; bits != 0; bits &= bits - 1) {
      f(static_cast<uint32_t>(mask.word * 64 + std::countr_zero(bits)));
    }
  }
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
    : words_((tests.size() + 63) / 64) {
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
  }
  // Rows for every id and selector, so that lookups need no bounds.
  by_norm_.resize(norm_words * words_, 0);
  by_exact_.resize(exact_words * words_, 0);
  by_state_.resize(selectors_.size() * kStates * words_, 0);
  row_of_selector_.assign(selector_count, kNoRows);
  for (size_t k = 0; k < selectors_.size(); ++k) {
    row_of_selector_[selectors_[k]] = static_cast<uint32_t>(k * kStates);
  }
  AddTerms(tests, norm_words, exact_words, selector_count);
}

void TestTable::AddTerms(const std::vector<FieldsTest>& tests,
                         size_t norm_words, size_t exact_words,
                         size_t selector_count) {
  norm_words_ = norm_words;
  exact_words_ = exact_words;
  std::vector<const TermFieldsTest*> terms;
  for (size_t i = 0; i < tests.size(); ++i) {
    for (const TermFieldsTest& term : tests[i].terms) {
      terms.push_back(&term);
      term_tests_.push_back(static_cast<uint32_t>(i));
    }
  }
  term_words_ = (terms.size() + 63) / 64;
  terms_by_shape_.assign(kTokenShapeCount * term_words_, 0);
  terms_by_norm_.assign((norm_words + 1) * term_words_, 0);
  terms_by_exact_.assign((exact_words + 1) * term_words_, 0);
  terms_outside_.assign(selector_count * term_words_, 0);
  for (size_t k = 0; k < terms.size(); ++k) {
    const TermFieldsTest& term = *terms[k];
    const size_t word = k / 64;
    const uint64_t bit = uint64_t{1} << (k % 64);
    for (int shape = 0; shape < kTokenShapeCount; ++shape) {
      if ((term.shapes >> shape & 1) != 0) {
        terms_by_shape_[shape * term_words_ + word] |= bit;
      }
    }
    // The last row is kNoWord's.
    for (size_t id = 0; id <= norm_words; ++id) {
      if (term.norm.Passes(id == norm_words ? WordIds::kNoWord
                                            : static_cast<uint32_t>(id))) {
        terms_by_norm_[id * term_words_ + word] |= bit;
      }
    }
    for (size_t id = 0; id <= exact_words; ++id) {
      if (term.exact.Passes(id == exact_words ? WordIds::kNoWord
                                              : static_cast<uint32_t>(id))) {
        terms_by_exact_[id * term_words_ + word] |= bit;
      }
    }
    ForEachSelector(term.outside, [&](uint32_t selector) {
      terms_outside_[selector * term_words_ + word] |= bit;
    });
    ForEachSelector(term.inside, [&](uint32_t selector) {
      auto it = std::find(inside_selectors_.begin(), inside_selectors_.end(),
                          selector);
      if (it == inside_selectors_.end()) {
        it = inside_selectors_.insert(it, selector);
        terms_inside_.resize(inside_selectors_.size() * term_words_, 0);
      }
      terms_inside_[(it - inside_selectors_.begin()) * term_words_ + word] |=
          bit;
    });
  }
}

void TestTable::Fill(const TokenFields& fields, uint32_t first, uint32_t count,
                     std::span<const uint64_t> wanted,
                     std::vector<uint64_t>* passed) const {
  // Past the tokens' rows, a row per shape for the tokens that hold no
  // word of the rules and stand in no phrase: what they pass hangs on
  // their shape alone, and is told once per shape and call.
  static_assert(kTokenShapeCount <= 32, "a bit per shape");
  const size_t token_words = size_t{count} * words_;
  passed->assign(token_words + kTokenShapeCount * words_, 0);
  uint32_t plain_shapes_told = 0;
  // The terms of the wanted tests.
  constexpr size_t kInlineTermWords = 4;
  uint64_t inline_terms[kInlineTermWords];
  std::vector<uint64_t> many_terms;
  uint64_t* wanted_terms = inline_terms;
  if (term_words_ > kInlineTermWords) {
    many_terms.resize(term_words_);
    wanted_terms = many_terms.data();
  }
  bool any_term = false;
  for (size_t w = 0; w < term_words_; ++w) {
    uint64_t bits = 0;
    for (size_t k = w * 64; k < term_tests_.size() && k < (w + 1) * 64; ++k) {
      const uint32_t test = term_tests_[k];
      bits |= (wanted[test / 64] >> (test % 64) & 1) << (k % 64);
    }
    wanted_terms[w] = bits;
    any_term |= bits != 0;
  }
  // Adds to `row` the tests that a token passes by the wanted terms, given
  // its shape, its word ids, and the selectors present over it.
  auto add_terms = [&](uint64_t* row, unsigned shape, uint32_t norm_id,
                       uint32_t exact_id, const uint64_t* present) {
    const uint64_t* const by_shape =
        terms_by_shape_.data() + shape * term_words_;
    const uint64_t* const by_norm =
        terms_by_norm_.data() +
        (norm_id == WordIds::kNoWord ? norm_words_ : norm_id) * term_words_;
    const uint64_t* const by_exact =
        terms_by_exact_.data() +
        (exact_id == WordIds::kNoWord ? exact_words_ : exact_id) * term_words_;
    for (size_t w = 0; w < term_words_; ++w) {
      uint64_t terms = wanted_terms[w] & by_shape[w] & by_norm[w] & by_exact[w];
      if (terms == 0) continue;
      for (size_t p = 0; p < fields.present_words; ++p) {
        for (uint64_t bits = present[p]; bits != 0; bits &= bits - 1) {
          const size_t selector = p * 64 + std::countr_zero(bits);
          terms &= ~terms_outside_[selector * term_words_ + w];
        }
      }
      for (size_t k = 0; k < inside_selectors_.size(); ++k) {
        const uint32_t selector = inside_selectors_[k];
        if ((present[selector / 64] >> (selector % 64) & 1) == 0) {
          terms &= ~terms_inside_[k * term_words_ + w];
        }
      }
      for (; terms != 0; terms &= terms - 1) {
        const uint32_t test = term_tests_[w * 64 + std::countr_zero(terms)];
        row[test / 64] |= uint64_t{1} << (test % 64);
      }
    }
  };
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t token = first + i;
    uint64_t* const row = passed->data() + i * words_;
    const uint32_t norm_id = fields.norm_ids[token];
    const uint32_t exact_id = fields.exact_ids[token];
    const uint64_t* const present =
        fields.present.data() + token * fields.present_words;
    bool plain = norm_id == WordIds::kNoWord && exact_id == WordIds::kNoWord;
    for (size_t w = 0; plain && w < fields.present_words; ++w) {
      plain = present[w] == 0;
    }
    if (plain) {
      if (!any_term) continue;
      const unsigned shape = fields.shapes[token];
      uint64_t* const plain_row =
          passed->data() + token_words + shape * words_;
      if ((plain_shapes_told >> shape & 1) == 0) {
        add_terms(plain_row, shape, WordIds::kNoWord, WordIds::kNoWord,
                  present);
        plain_shapes_told |= uint32_t{1} << shape;
      }
      std::copy(plain_row, plain_row + words_, row);
      continue;
    }
    auto add = [&](const std::vector<uint64_t>& table, size_t at) {
      const uint64_t* const tests = table.data() + at * words_;
      for (size_t w = 0; w < words_; ++w) row[w] |= tests[w];
    };
    if (norm_id != WordIds::kNoWord) add(by_norm_, norm_id);
    if (exact_id != WordIds::kNoWord) add(by_exact_, exact_id);
    // The selectors whose phrases the token is in, few of them.
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
    if (any_term) {
      add_terms(row, fields.shapes[token], norm_id, exact_id, present);
    }
  }
  passed->resize(token_words);
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "token_vocabulary.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "token_program.h"

namespace parley {
namespace {

bool Accepts(
    const AnnotationSelector& selector,
    const std::vector<std::pair<std::string, std::string>>* attributes) {
  for (const AttributeTest& test : selector.tests) {
    bool has_value = false;
    if (attributes != nullptr) {
      for (const auto& [key, value] : *attributes) {
        if (key == test.key) {
          has_value = value == test.value;
          break;
        }
      }
    }
    if (has_value != test.equal) return false;
  }
  return true;
}

void SetAtom(size_t atom, uint64_t* atoms) {
  atoms[atom / 64] |= uint64_t{1} << (atom % 64);
}

}  // namespace

void TokenVocabulary::Collect(const Pattern& pattern) {
  switch (pattern.kind) {
    case Pattern::Kind::kToken:
      for (const TokenTerm& term : pattern.terms) {
        for (const std::string& word : term.norm.words) norm_.Add(word);
        for (const std::string& word : term.exact.words) exact_.Add(word);
        for (const InsideTest& inside : term.annotations) {
          AddSelector(inside.selector, false);
        }
      }
      break;
    case Pattern::Kind::kWords:
      for (const std::string& word : pattern.words) norm_.Add(word);
      break;
    case Pattern::Kind::kExactWords:
      for (const std::string& word : pattern.words) exact_.Add(word);
      break;
    case Pattern::Kind::kPhrase:
      AddSelector(pattern.selector, true);
      break;
    case Pattern::Kind::kSequence:
    case Pattern::Kind::kAlternation:
    case Pattern::Kind::kRepeat:
    case Pattern::Kind::kCapture:
      break;
  }
  for (const Pattern& child : pattern.children) Collect(child);
}

size_t TokenVocabulary::SelectorIndex(
    const AnnotationSelector& selector) const {
  return std::find(selectors_.begin(), selectors_.end(), selector) -
         selectors_.begin();
}

void TokenVocabulary::AddSelector(const AnnotationSelector& selector,
                                  bool phrase) {
  const size_t index = SelectorIndex(selector);
  if (index == selectors_.size()) {
    selectors_by_type_.Insert(selector.type, {})
        .push_back(static_cast<uint32_t>(selectors_.size()));
    selectors_.push_back(selector);
    used_as_phrase_.push_back(phrase);
  } else if (phrase) {
    used_as_phrase_[index] = true;
  }
}

void TokenVocabulary::ReadFields(std::string_view text, const Tokens& tokens,
                                 uint32_t first, uint32_t end,
                                 std::span<const Annotation> annotations,
                                 std::vector<uint64_t>* atoms,
                                 TokenFields* fields) const {
  constexpr int kStateBits = TokenFields::kStateBits;
  constexpr unsigned kStateMask = TokenFields::kStateMask;
  constexpr size_t kStatesPerWord = TokenFields::kStatesPerWord;
  constexpr uint32_t kBlockTokens = RuleMatcher::kPieceStride;
  const size_t words =
      (selectors_.size() + kStatesPerWord - 1) / kStatesPerWord;
  std::vector<uint64_t>& states = fields->states;
  states.assign(size_t{end - first} * words, 0);
  fields->state_words = words;
  const size_t present_words = (selectors_.size() + 63) / 64;
  fields->present.assign(size_t{end - first} * present_words, 0);
  fields->present_words = present_words;
  fields->shapes.resize(end - first);
  fields->norm_ids.resize(end - first);
  fields->exact_ids.resize(end - first);
  if (words > 0) {
    for (const Annotation& annotation : annotations) {
      AddStates(annotation, first, end, words, &states);
    }
  }
  const size_t atom_words = AtomWords();
  atoms->assign(
      (size_t{end - first} + kBlockTokens - 1) / kBlockTokens * atom_words, 0);
  const uint32_t exact_atoms = static_cast<uint32_t>(norm_.size());
  const uint32_t selector_atoms =
      static_cast<uint32_t>(norm_.size() + exact_.size());
  for (uint32_t i = first; i < end; ++i) {
    const Token& token = tokens.tokens[i];
    uint64_t* const block_atoms =
        atoms->data() + (i - first) / kBlockTokens * atom_words;
    fields->shapes[i - first] = static_cast<uint8_t>(TokenShape(token));
    for (size_t w = 0; w < words; ++w) {
      uint64_t of_word = states[(i - first) * words + w];
      while (of_word != 0) {
        const int slot = std::countr_zero(of_word) / kStateBits;
        of_word &= ~(uint64_t{kStateMask} << (slot * kStateBits));
        const size_t selector = w * kStatesPerWord + slot;
        SetAtom(selector_atoms + selector, block_atoms);
        fields->present[(i - first) * present_words + selector / 64] |=
            uint64_t{1} << (selector % 64);
      }
    }
    const uint32_t norm_id = norm_.Id(token.norm);
    fields->norm_ids[i - first] = norm_id;
    if (norm_id != WordIds::kNoWord) SetAtom(norm_id, block_atoms);
    const uint32_t exact_id =
        exact_.Id(text.substr(token.begin, token.end - token.begin));
    fields->exact_ids[i - first] = exact_id;
    if (exact_id != WordIds::kNoWord) {
      SetAtom(exact_atoms + exact_id, block_atoms);
    }
  }
}

void TokenVocabulary::AddStates(const Annotation& annotation, uint32_t first,
                                uint32_t end, size_t words,
                                std::vector<uint64_t>* states) const {
  constexpr size_t kStatesPerWord = TokenFields::kStatesPerWord;
  const uint32_t begin = std::max(annotation.first_token, first);
  const uint32_t stop = std::min(annotation.end_token, end);
  if (begin >= stop) return;
  const std::vector<uint32_t>* selectors =
      selectors_by_type_.Find(annotation.type);
  if (selectors == nullptr) return;
  for (uint32_t selector : *selectors) {
    if (!Accepts(selectors_[selector], annotation.attributes)) continue;
    const size_t word = selector / kStatesPerWord;
    const int shift = selector % kStatesPerWord * TokenFields::kStateBits;
    for (uint32_t t = begin; t < stop; ++t) {
      const unsigned state =
          (t == annotation.first_token ? TokenProgram::kBegins
                                       : TokenProgram::kContinues) |
          (t + 1 == annotation.end_token ? TokenProgram::kEnds : 0);
      (*states)[(t - first) * words + word] |= uint64_t{state} << shift;
    }
  }
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "token_vocabulary.h"

#include <algorithm>
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
  constexpr size_t kStatesPerWord = TokenFields::kStatesPerWord;
  constexpr uint32_t kBlockTokens = RuleMatcher::kPieceStride;
  const uint32_t count = end - first;
  const size_t words =
      (selectors_.size() + kStatesPerWord - 1) / kStatesPerWord;
  fields->states.assign(size_t{count} * words, 0);
  fields->state_words = words;
  const size_t present_words = (selectors_.size() + 63) / 64;
  fields->present.assign(size_t{count} * present_words, 0);
  fields->present_words = present_words;
  fields->shapes.resize(count);
  fields->norm_ids.resize(count);
  fields->exact_ids.resize(count);
  const size_t atom_words = AtomWords();
  atoms->assign((size_t{count} + kBlockTokens - 1) / kBlockTokens * atom_words,
                0);
  if (!selectors_.empty()) AddPhrases(annotations, first, end, fields);
  const uint32_t exact_atoms = static_cast<uint32_t>(norm_.size());
  const size_t selector_atoms = norm_.size() + exact_.size();
  // Rules rarely name words as written: most vocabularies have none.
  const bool exact = exact_.size() > 0;
  for (uint32_t block = 0; block * kBlockTokens < count; ++block) {
    uint64_t* const block_atoms = atoms->data() + block * atom_words;
    const uint32_t block_first = block * kBlockTokens;
    const uint32_t block_end = std::min(count, block_first + kBlockTokens);
    for (uint32_t i = block_first; i < block_end; ++i) {
      const Token& token = tokens.tokens[first + i];
      fields->shapes[i] = static_cast<uint8_t>(TokenShape(token));
      const uint32_t norm_id = norm_.Id(token.norm);
      fields->norm_ids[i] = norm_id;
      if (norm_id != WordIds::kNoWord) SetAtom(norm_id, block_atoms);
      const uint32_t exact_id =
          exact ? exact_.Id(text.substr(token.begin, token.end - token.begin))
                : WordIds::kNoWord;
      fields->exact_ids[i] = exact_id;
      if (exact_id != WordIds::kNoWord) {
        SetAtom(exact_atoms + exact_id, block_atoms);
      }
    }
    // A selector's atom is in the block if a token there has its bit.
    for (size_t w = 0; w < present_words; ++w) {
      uint64_t bits = 0;
      for (uint32_t i = block_first; i < block_end; ++i) {
        bits |= fields->present[i * present_words + w];
      }
      const size_t atom = selector_atoms + w * 64;
      block_atoms[atom / 64] |= bits << (atom % 64);
      // Bits past the last selector are zero, so what spills into the
      // next word stays within the bitmap.
      if (atom % 64 != 0 && (bits >> (64 - atom % 64)) != 0) {
        block_atoms[atom / 64 + 1] |= bits >> (64 - atom % 64);
      }
    }
  }
}

void TokenVocabulary::AddPhrases(std::span<const Annotation> annotations,
                                 uint32_t first, uint32_t end,
                                 TokenFields* fields) const {
  constexpr size_t kStatesPerWord = TokenFields::kStatesPerWord;
  const size_t words = fields->state_words;
  const size_t present_words = fields->present_words;
  for (const Annotation& annotation : annotations) {
    const uint32_t begin = std::max(annotation.first_token, first);
    const uint32_t stop = std::min(annotation.end_token, end);
    if (begin >= stop) continue;
    const std::vector<uint32_t>* selectors =
        selectors_by_type_.Find(annotation.type);
    if (selectors == nullptr) continue;
    for (uint32_t selector : *selectors) {
      if (!Accepts(selectors_[selector], annotation.attributes)) continue;
      const size_t word = selector / kStatesPerWord;
      const int shift = selector % kStatesPerWord * TokenFields::kStateBits;
      const uint64_t present_bit = uint64_t{1} << (selector % 64);
      for (uint32_t t = begin; t < stop; ++t) {
        const unsigned state =
            (t == annotation.first_token ? TokenProgram::kBegins
                                         : TokenProgram::kContinues) |
            (t + 1 == annotation.end_token ? TokenProgram::kEnds : 0);
        fields->states[(t - first) * words + word] |= uint64_t{state} << shift;
        fields->present[(t - first) * present_words + selector / 64] |=
            present_bit;
      }
    }
  }
}

}  // namespace parley

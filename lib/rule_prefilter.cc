// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "rule_prefilter.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace parley {
namespace {

// Appends the atoms of which a token satisfying `term` has one; false
// when it may have none.
bool TermAtoms(const TokenTerm& term, const TokenVocabulary& vocabulary,
               std::vector<uint32_t>* atoms) {
  if (!term.norm.negated) {
    for (const std::string& word : term.norm.words) {
      atoms->push_back(vocabulary.NormAtom(word));
    }
    return true;
  }
  if (!term.exact.negated) {
    for (const std::string& word : term.exact.words) {
      atoms->push_back(vocabulary.ExactAtom(word));
    }
    return true;
  }
  for (const InsideTest& inside : term.annotations) {
    if (inside.inside) {
      atoms->push_back(vocabulary.SelectorAtom(inside.selector));
      return true;
    }
  }
  return false;
}

// A condition that every match of `pattern` satisfies: each clause is a
// set of atoms of which at least one occurs in the tokens of the match.
// No clause means no condition.
std::vector<std::vector<uint32_t>> Clauses(const Pattern& pattern,
                                           const TokenVocabulary& vocabulary) {
  std::vector<std::vector<uint32_t>> clauses;
  switch (pattern.kind) {
    case Pattern::Kind::kToken: {
      std::vector<uint32_t> atoms;
      for (const TokenTerm& term : pattern.terms) {
        if (!TermAtoms(term, vocabulary, &atoms)) return clauses;
      }
      clauses.push_back(std::move(atoms));
      break;
    }
    case Pattern::Kind::kWords:
    case Pattern::Kind::kExactWords:
      for (const std::string& word : pattern.words) {
        clauses.push_back({pattern.kind == Pattern::Kind::kWords
                               ? vocabulary.NormAtom(word)
                               : vocabulary.ExactAtom(word)});
      }
      break;
    case Pattern::Kind::kPhrase:
      clauses.push_back({vocabulary.SelectorAtom(pattern.selector)});
      break;
    case Pattern::Kind::kSequence:
      for (const Pattern& child : pattern.children) {
        for (std::vector<uint32_t>& clause : Clauses(child, vocabulary)) {
          clauses.push_back(std::move(clause));
        }
      }
      break;
    case Pattern::Kind::kAlternation: {
      // One clause of each alternative, the narrowest, joined: whichever
      // alternative matches satisfies it.
      std::vector<uint32_t> atoms;
      for (const Pattern& child : pattern.children) {
        std::vector<std::vector<uint32_t>> of_child =
            Clauses(child, vocabulary);
        if (of_child.empty()) return clauses;
        const auto narrowest = std::min_element(
            of_child.begin(), of_child.end(),
            [](const auto& a, const auto& b) { return a.size() < b.size(); });
        atoms.insert(atoms.end(), narrowest->begin(), narrowest->end());
      }
      clauses.push_back(std::move(atoms));
      break;
    }
    case Pattern::Kind::kRepeat:
      if (pattern.min_count > 0) {
        clauses = Clauses(pattern.children[0], vocabulary);
      }
      break;
    case Pattern::Kind::kCapture:
      clauses = Clauses(pattern.children[0], vocabulary);
      break;
  }
  for (std::vector<uint32_t>& clause : clauses) {
    std::sort(clause.begin(), clause.end());
    clause.erase(std::unique(clause.begin(), clause.end()), clause.end());
  }
  return clauses;
}

}  // namespace

void RulePrefilter::AddRule(const Pattern& pattern,
                            const TokenVocabulary& vocabulary) {
  const auto rule = static_cast<uint32_t>(clause_begin_.size() - 1);
  atom_words_ = vocabulary.AtomWords();
  triggers_.resize(vocabulary.atom_count());
  std::vector<std::vector<uint32_t>> clauses = Clauses(pattern, vocabulary);
  // Words are rarer than phrases of a selector (@person is in most
  // sentences, "met" in few), and a clause of fewer atoms rarer than one
  // of more: the rarest clause is the trigger, and the others are tested
  // rarest first.
  const size_t first_selector_atom =
      vocabulary.norm_words().size() + vocabulary.exact_words().size();
  // A clause without atoms never holds, and triggers nothing.
  auto cost = [&](const std::vector<uint32_t>& clause) {
    return std::pair(!clause.empty() && clause.back() >= first_selector_atom,
                     clause.size());
  };
  std::stable_sort(
      clauses.begin(), clauses.end(),
      [&](const auto& a, const auto& b) { return cost(a) < cost(b); });
  unconditional_.resize(rule / 64 + 1, 0);
  if (clauses.empty()) {
    unconditional_[rule / 64] |= uint64_t{1} << (rule % 64);
  } else {
    for (uint32_t atom : clauses[0]) triggers_[atom].push_back(rule);
  }
  for (const std::vector<uint32_t>& clause : clauses) {
    // Atoms are sorted, so those of a word are together.
    for (uint32_t atom : clause) {
      const uint32_t word = atom / 64;
      if (clause_masks_.size() == mask_begin_.back() ||
          clause_masks_.back().word != word) {
        clause_masks_.push_back(BitsInWord{word, 0});
      }
      clause_masks_.back().bits |= uint64_t{1} << (atom % 64);
    }
    mask_begin_.push_back(static_cast<uint32_t>(clause_masks_.size()));
  }
  clause_begin_.push_back(static_cast<uint32_t>(mask_begin_.size() - 1));
}

bool RulePrefilter::OthersHold(size_t rule, const uint64_t* atoms) const {
  const BitsInWord* const masks = clause_masks_.data();
  for (uint32_t c = clause_begin_[rule] + 1; c < clause_begin_[rule + 1]; ++c) {
    const BitsInWord* mask = masks + mask_begin_[c];
    const BitsInWord* const masks_end = masks + mask_begin_[c + 1];
    while (mask != masks_end && (atoms[mask->word] & mask->bits) == 0) {
      ++mask;
    }
    if (mask == masks_end) return false;
  }
  return true;
}

void RulePrefilter::Candidates(const uint64_t* atoms,
                               std::vector<uint64_t>* scratch,
                               std::vector<int>* candidates) const {
  candidates->clear();
  // The rules whose trigger holds, and those without a clause.
  scratch->assign(unconditional_.begin(), unconditional_.end());
  uint64_t* const triggered = scratch->data();
  for (size_t w = 0; w < atom_words_; ++w) {
    for (uint64_t bits = atoms[w]; bits != 0; bits &= bits - 1) {
      for (uint32_t rule : triggers_[w * 64 + std::countr_zero(bits)]) {
        triggered[rule / 64] |= uint64_t{1} << (rule % 64);
      }
    }
  }
  for (size_t w = 0; w < unconditional_.size(); ++w) {
    for (uint64_t bits = triggered[w]; bits != 0; bits &= bits - 1) {
      const size_t rule = w * 64 + std::countr_zero(bits);
      if (OthersHold(rule, atoms)) {
        candidates->push_back(static_cast<int>(rule));
      }
    }
  }
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tells which rules may match a piece of a sentence, so that the others
// are not searched there.  Each rule needs some of the atoms of
// token_vocabulary.h: a meeting rule needs "met" and a person, say, and a
// rule for @country a phrase of that type.  Its condition is a list of
// clauses, sets of atoms of which every match of the rule has at least one
// in its tokens, and a piece lacking a clause's atoms cannot hold a match.
// Running only the other rules saves most of the work, since most rules
// hinge on a few words, and telling them costs a few steps per atom that
// occurs in the piece.
//
//   parley::RulePrefilter prefilter;
//   for (const parley::Rule& rule : rules) {
//     prefilter.AddRule(rule.pattern, vocabulary);
//   }
//   vocabulary.ReadFields(text, tokens, first, end, annotations, &atoms,
//                         &fields);
//   prefilter.Candidates(atoms.data(), &scratch, &candidates);
//
// It does not: tell that a rule matches (a candidate may match nowhere),
// look at the order of the atoms, or find them in tokens
// (TokenVocabulary::ReadFields).

#ifndef PARLEY_LIB_RULE_PREFILTER_H_
#define PARLEY_LIB_RULE_PREFILTER_H_

#include <cstdint>
#include <vector>

#include "rule_parser.h"
#include "token_vocabulary.h"

namespace parley {

class RulePrefilter {
 public:
  // Adds the condition of the next rule, numbered from 0, whose pattern
  // `pattern` tests the words and selectors of `vocabulary`, the same for
  // every rule.
  void AddRule(const Pattern& pattern, const TokenVocabulary& vocabulary);

  // Sets `candidates` to the rules, in order, that may match a piece whose
  // atoms are `atoms`, a bitmap as TokenVocabulary::ReadFields gives: those
  // whose every clause has an atom there.  `scratch` is reused from call
  // to call.
  void Candidates(const uint64_t* atoms, std::vector<uint64_t>* scratch,
                  std::vector<int>* candidates) const;

 private:
  // Whether the clauses of rule `rule` after its first, its trigger, hold.
  bool OthersHold(size_t rule, const uint64_t* atoms) const;

  size_t atom_words_ = 0;
  // The prefilter's clauses as masks of the atom bitmap: rule i's clauses
  // are [clause_begin_[i], clause_begin_[i + 1]), clause c's masks
  // [mask_begin_[c], mask_begin_[c + 1]).  A rule's clauses are rarest
  // first.
  std::vector<uint32_t> clause_begin_{0};
  std::vector<uint32_t> mask_begin_{0};
  std::vector<BitsInWord> clause_masks_;
  // Per atom, the rules whose trigger, their first clause, it satisfies: a
  // piece has few atoms, so looking from them to the rules leaves most
  // rules untouched, and only the rules triggered have their other clauses
  // tested.
  std::vector<std::vector<uint32_t>> triggers_;
  // The rules without a clause, a bitmap.
  std::vector<uint64_t> unconditional_;
};

}  // namespace parley

#endif  // PARLEY_LIB_RULE_PREFILTER_H_

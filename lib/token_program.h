// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Reads the captures of a rule's match once its extent is known, over
// tokens rather than bytes.  RuleMatcher lets RE2's DFAs find where a rule
// matches, which they do fast; RE2 then reads captures with its NFA, whose
// cost grows with the rule's byte-level program, and most rules are too
// large for its quicker engines.  A rule compiled to a program over tokens
// has one instruction per token test instead of a dozen per byte, and the
// match is one short run of tokens.
//
//   std::optional<TokenProgram> program =
//       TokenProgram::Compile(rule.pattern, &tests);
//   std::vector<int> captures;
//   program->FullMatch(match_length, &Passes, &token_data, &captures);
//
// The captures are those RE2 reports for the same pattern matching the same
// tokens: of the ways the pattern can match them, the first in the order of
// preference that RE2 follows (alternatives left to right, repetitions
// greedy, counted repetitions spelled out as RE2 does), found by
// backtracking that never visits an instruction twice at one token, so
// the work is bounded by instructions times tokens.
//
// It does not: search for matches (the caller knows the extent), or take
// patterns that repeat something that can match no token, where RE2's
// handling of empty repeats decides the captures (Compile says so, and the
// caller keeps RE2's answer).

#ifndef PARLEY_LIB_TOKEN_PROGRAM_H_
#define PARLEY_LIB_TOKEN_PROGRAM_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rule_parser.h"

namespace parley {

class TokenProgram {
 public:
  // Numbers the tests on single tokens that a pattern's elements make; the
  // caller evaluates them (FullMatch's `passes`).
  class Tests {
   public:
    virtual ~Tests() = default;
    // A kToken element: one token passing one of its terms.
    virtual uint32_t Token(const Pattern& pattern) = 0;
    // One token of a kWords (normalized) or kExactWords element.
    virtual uint32_t Word(const std::string& word, bool normalized) = 0;
    // A token of a phrase of `selector` whose state has all of `bits`.
    virtual uint32_t Phrase(const AnnotationSelector& selector,
                            unsigned bits) = 0;
  };

  // Where a token stands in a phrase, as bits of its state: a phrase
  // begins at it, goes on through it, ends at it.  A token may be in
  // several phrases of a type, so any combination but kEnds alone occurs.
  static constexpr unsigned kBegins = 1;
  static constexpr unsigned kContinues = 2;
  static constexpr unsigned kEnds = 4;

  // Nothing when `pattern` repeats something that can match no token.
  // Captures are numbered in the order of their opening in the pattern,
  // as RE2 numbers groups.
  static std::optional<TokenProgram> Compile(const Pattern& pattern,
                                             Tests* tests);

  // Whether token i of the match passes test t; `context` is the
  // caller's.
  using PassesFn = bool (*)(const void* context, uint32_t test, uint32_t i);

  // Whether the pattern matches exactly tokens 0 to `length` - 1 of the
  // match.  If so, sets `captures` to two token positions per capture, its
  // start and end, or -1 for a capture that took no part in the match.
  bool FullMatch(uint32_t length, PassesFn passes, const void* context,
                 std::vector<int>* captures) const;

 private:
  struct Inst {
    enum class Op : uint8_t { kTest, kSplit, kJump, kSave, kMatch };
    Op op = Op::kMatch;
    // kTest, kSave: the next instruction; kSplit: the preferred one;
    // kJump: the target.
    uint32_t next = 0;
    // kTest: the test; kSplit: the other instruction; kSave: the slot.
    uint32_t arg = 0;
  };

  class Builder;

  std::vector<Inst> insts_;
  int capture_count_ = 0;
};

}  // namespace parley

#endif  // PARLEY_LIB_TOKEN_PROGRAM_H_

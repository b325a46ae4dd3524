// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Matches a rule over tokens rather than bytes: finds where it matches and
// reads the captures of each match.  A rule compiled to RE2 over encoded
// tokens runs a dozen or more byte instructions per token, and RE2 ran one
// search per rule and sentence, with its DFAs' states spread over memory;
// a program over tokens has one instruction per token test, and the
// caller tells which tokens pass which tests for all its programs at once.
//
//   std::optional<TokenProgram> program =
//       TokenProgram::Compile(rule.pattern, &tests);
//   TokenProgram::Scratch scratch;
//   std::vector<TokenProgram::Span> spans;
//   program->Search(token_count, passed.data(), words_per_token, &scratch,
//                   &spans);
//   std::vector<int> captures;
//   program->FullMatch(spans[0], &scratch, &captures);
//
// Both answer as RE2 does for the same pattern in longest-match mode.
// Search finds the leftmost match and, of those starting there, the
// longest, then searches on from its end; it runs the program as an
// automaton over sets of its tests, in time linear in the tokens.
// FullMatch reports, of the ways the pattern can match the given tokens,
// the first in the order of preference that RE2 follows (alternatives
// left to right, repetitions greedy, counted repetitions spelled out as
// RE2 does), backtracking without visiting an instruction twice at one
// token, as RE2's BitState engine does, and only through the tests from
// which Search found that a match can be reached.  So the work of both is
// bounded by instructions times tokens whatever the pattern and the
// tokens.
//
// It does not take patterns that repeat something that can match no
// token, where RE2's handling of empty repeats decides the captures, or
// whose automaton would be too large (Compile says so, and the caller
// keeps RE2).

#ifndef PARLEY_LIB_TOKEN_PROGRAM_H_
#define PARLEY_LIB_TOKEN_PROGRAM_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rule_parser.h"

namespace parley {

class TokenProgram {
 public:
  // Numbers the tests on single tokens that a pattern's elements make; the
  // caller evaluates them (Search's `passed`).
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

  // The most states of a program's automaton (see below), whose
  // transitions take a bitmap of states per state: 2 MB at most.
  static constexpr uint32_t kMaxStates = 4096;

  // Nothing when `pattern` repeats something that can match no token, or
  // when its automaton for Search would be too large (kMaxStates).
  // Captures are numbered in the order of their opening in the pattern,
  // as RE2 numbers groups.
  static std::optional<TokenProgram> Compile(const Pattern& pattern,
                                             Tests* tests);

  // Tokens [begin, end).
  struct Span {
    uint32_t begin = 0;
    uint32_t end = 0;

    friend bool operator==(const Span&, const Span&) = default;
  };

  // Memory that Search and FullMatch reuse from one call to the next.
  class Scratch;

  // Appends to `matches` the matches of the pattern in tokens 0 to
  // `length` - 1, in order: the leftmost-longest one, then the
  // leftmost-longest from its end on (from its start plus one if it is
  // empty), and so on.  `passed` holds `passed_words` words per token, bit
  // i of which says whether the token passes test i: the search looks at
  // many tests of each token, and the caller can tell them in bulk.
  void Search(uint32_t length, const uint64_t* passed, size_t passed_words,
              Scratch* scratch, std::vector<Span>* matches) const;

  // The tests the program makes, as a bitmap of the tests' numbers.
  const std::vector<uint64_t>& tests() const { return tests_used_; }

  // Whether the pattern matches exactly the tokens of `match`, which are
  // among those of the last Search of this program with `scratch`.  If
  // so, sets `captures` to two token positions per capture, its start and
  // end, from the start of `match`, or -1 for a capture that took no part
  // in the match.
  bool FullMatch(Span match, Scratch* scratch,
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
    // kTest: its state in the automaton.
    uint32_t state = 0;
  };

  class Builder;

  // A word of a bitmap that is not zero, and which word it is.
  struct Word {
    uint64_t bits = 0;
    uint32_t index = 0;
  };

  // Bitmaps that are mostly zero, kept as their words that are not: the
  // automaton's sets of states and tests at a token span a few words of
  // many, as a program's states near one another in the pattern go to one
  // another, and the caller numbers each program's tests together.
  class SparseRows {
   public:
    // Sets the rows to `count` bitmaps of `words` words each, one after
    // another at `rows`.
    void Assign(const uint64_t* rows, size_t count, size_t words);
    // Sets the rows to `count` sets that take each number once: i is in
    // row `row_of[i]`.
    void AssignPartition(std::span<const uint32_t> row_of, size_t count);
    // Row i's words that are not zero, by index.
    std::span<const Word> operator[](size_t i) const {
      return std::span(words_).subspan(at_[i], at_[i + 1] - at_[i]);
    }
    // Of rows set by Assign, row i's first kHeadWords words that are not
    // zero, then words of no bits in place of any it lacks, which OR in
    // for nothing: most rows of the automaton have no more, and a fixed
    // count of words at a fixed stride costs less than a row's bounds.
    static constexpr size_t kHeadWords = 2;
    const Word* Head(size_t i) const { return &heads_[i * kHeadWords]; }
    // Its words after those, if any.
    std::span<const Word> Tail(size_t i) const {
      const uint32_t begin = at_[i] + kHeadWords;
      return begin < at_[i + 1]
                 ? std::span(words_).subspan(begin, at_[i + 1] - begin)
                 : std::span<const Word>();
    }

   private:
    void AssignHeads();

    std::vector<Word> words_;
    std::vector<uint32_t> at_;
    std::vector<Word> heads_;
  };

  // Sets the automaton that Search runs; false when it would be too large.
  bool BuildAutomaton();

  // The row of test_states_ of `test`, one the program makes.
  uint32_t TestRow(uint32_t test) const {
    if (used_before_.empty()) return test;
    const uint64_t below = (uint64_t{1} << (test % 64)) - 1;
    return used_before_[test / 64] +
           static_cast<uint32_t>(
               std::popcount(tests_used_[test / 64] & below));
  }

  std::vector<Inst> insts_;
  int capture_count_ = 0;

  // The automaton Search runs.  Its states are the program's tests, one
  // per kTest instruction, and a last one, the match: the states where the
  // program can stand between tokens.  A test state passed goes on to the
  // states `follow` of it; `precede` is the other way round.  Sets of
  // states are bitmaps of `state_words_` words, and `follow_` holds one
  // per state.
  uint32_t state_count_ = 0;
  uint32_t state_words_ = 0;
  // The tests the program makes, a bit each of the caller's numbers up to
  // the highest it uses.
  uint32_t test_count_ = 0;
  std::vector<uint64_t> tests_used_;
  // Per test, the states that make it: a row per test number, or, when the
  // caller numbers so many tests that these would be large, a row per test
  // the program makes, in order, and `used_before_` says per word of
  // `tests_used_` how many come before it.
  SparseRows test_states_;
  std::vector<uint32_t> used_before_;
  // The states before the first token.
  std::vector<uint64_t> start_;
  std::vector<uint64_t> follow_;
  // Per state, the states `precede` of it, then their tests, as a bitmap
  // like `tests_used_`: the tests worth asking at a token, given the
  // states live at the next one.  Most tokens pass none of them.  A row
  // spans `state_words_` words and then the words of `tests_used_`.
  SparseRows precede_;
  // Per instruction, the states reachable from it without taking a token,
  // where FullMatch can go on from it.
  SparseRows first_;
  // The match's row of those, whole, which each token starts from, and
  // its tests' words that are not zero, numbered as in `tests_used_`.
  std::vector<uint64_t> before_match_;
  std::vector<Word> match_tests_;
  // The tests of the states where a match begins, numbered so too.
  std::vector<Word> start_tests_;
};

class TokenProgram::Scratch {
 private:
  friend class TokenProgram;

  // A job either tries instruction `inst` at token `token`, or, when
  // `restore` is set, gives capture slot `inst` back its value `token`
  // as FullMatch backs out of a save.
  struct Job {
    uint32_t inst;
    int token;
    bool restore;
  };

  // FullMatch: whether instruction i was tried at token t, bit
  // t * instructions + i.
  std::vector<uint64_t> visited;
  std::vector<Job> jobs;
  // Search: per token, the states there that lead to a match, which
  // FullMatch keeps to, and sets being built.
  std::vector<uint64_t> live;
  std::vector<uint64_t> set;
  std::vector<uint64_t> next_set;
  // Search: the tokens where a match can begin, a bit each.
  std::vector<uint64_t> starts;
};

}  // namespace parley

#endif  // PARLEY_LIB_TOKEN_PROGRAM_H_

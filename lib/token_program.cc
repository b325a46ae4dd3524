// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Compiles patterns to programs of token tests, splits, jumps and capture
// saves, laid out as RE2 compiles the same pattern, and runs them with
// bounded backtracking as RE2's BitState engine does, through the tests
// from which Search found a match can be reached.
//
// Search runs the program as an automaton over sets of tests, RE2's
// reverse-then-forward search done the other way round: one pass backwards
// over the tokens, down to the first where a match can begin, finds, at
// each token, the tests from which a match can be reached, each test tried
// at most once per token; a pass forwards from each start, through those
// tests only, finds how far the match goes without trying any test again.

#include "token_program.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace parley {
namespace {

int CountCaptures(const Pattern& pattern) {
  int count = pattern.kind == Pattern::Kind::kCapture ? 1 : 0;
  for (const Pattern& child : pattern.children) count += CountCaptures(child);
  return count;
}

bool Marks(std::vector<uint64_t>& bits, size_t bit) {
  uint64_t& word = bits[bit / 64];
  const uint64_t mask = uint64_t{1} << (bit % 64);
  if ((word & mask) != 0) return false;
  word |= mask;
  return true;
}

}  // namespace

class TokenProgram::Builder {
 public:
  Builder(Tests* tests, std::vector<Inst>* insts)
      : tests_(*tests), insts_(*insts) {}

  // Appends the instructions of `pattern`, which go on to the instruction
  // after them.  False when it repeats something that can match no token.
  bool Emit(const Pattern& pattern) {
    switch (pattern.kind) {
      case Pattern::Kind::kToken:
        Append(Inst::Op::kTest, tests_.Token(pattern));
        return true;
      case Pattern::Kind::kWords:
      case Pattern::Kind::kExactWords:
        for (const std::string& word : pattern.words) {
          Append(Inst::Op::kTest,
                 tests_.Word(word, pattern.kind == Pattern::Kind::kWords));
        }
        return true;
      case Pattern::Kind::kPhrase:
        return EmitPhrase(pattern.selector);
      case Pattern::Kind::kSequence:
        for (const Pattern& child : pattern.children) {
          if (!Emit(child)) return false;
        }
        return true;
      case Pattern::Kind::kAlternation:
        return EmitAlternation(pattern.children);
      case Pattern::Kind::kRepeat:
        return EmitRepeat(pattern);
      case Pattern::Kind::kCapture: {
        const uint32_t slot = 2 * static_cast<uint32_t>(captures_++);
        Append(Inst::Op::kSave, slot);
        if (!Emit(pattern.children[0])) return false;
        Append(Inst::Op::kSave, slot + 1);
        return true;
      }
    }
    return false;
  }

  int captures() const { return captures_; }

 private:
  uint32_t Here() const { return static_cast<uint32_t>(insts_.size()); }

  // An instruction that goes on to the next one.
  uint32_t Append(Inst::Op op, uint32_t arg) {
    insts_.push_back(Inst{op, Here() + 1, arg});
    return Here() - 1;
  }

  // A split whose two targets are set later.
  uint32_t AppendSplit() {
    insts_.push_back(Inst{Inst::Op::kSplit, 0, 0});
    return Here() - 1;
  }

  uint32_t AppendJump() {
    insts_.push_back(Inst{Inst::Op::kJump, 0, 0});
    return Here() - 1;
  }

  // The RE2 fallback writes a phrase as (?:B(?:C)*CE|BE): the longer
  // phrase first, so that a capture takes "Secretary General" whole
  // rather than "Secretary" with "General" left to what follows.
  bool EmitPhrase(const AnnotationSelector& selector) {
    const uint32_t split = AppendSplit();
    insts_[split].next = Here();
    Append(Inst::Op::kTest, tests_.Phrase(selector, kBegins));
    const uint32_t loop = AppendSplit();
    insts_[loop].next = Here();
    Append(Inst::Op::kTest, tests_.Phrase(selector, kContinues));
    insts_[AppendJump()].next = loop;
    insts_[loop].arg = Here();
    Append(Inst::Op::kTest, tests_.Phrase(selector, kContinues | kEnds));
    const uint32_t done = AppendJump();
    insts_[split].arg = Here();
    Append(Inst::Op::kTest, tests_.Phrase(selector, kBegins | kEnds));
    insts_[done].next = Here();
    return true;
  }

  bool EmitAlternation(std::span<const Pattern> alternatives) {
    std::vector<uint32_t> to_end;
    for (size_t i = 0; i + 1 < alternatives.size(); ++i) {
      const uint32_t split = AppendSplit();
      insts_[split].next = Here();
      if (!Emit(alternatives[i])) return false;
      to_end.push_back(AppendJump());
      insts_[split].arg = Here();
    }
    if (!alternatives.empty() && !Emit(alternatives.back())) return false;
    for (uint32_t jump : to_end) insts_[jump].next = Here();
    return true;
  }

  // Every copy of the repeated pattern saves to the same capture slots, as
  // RE2's copies of one group do.
  bool EmitRepeat(const Pattern& pattern) {
    const Pattern& child = pattern.children[0];
    const int min = pattern.min_count;
    const int max = pattern.max_count;
    const bool repeats = max == Pattern::kUnbounded || max > 1;
    if (repeats && CanBeEmpty(child)) return false;
    const int first_capture = captures_;
    auto copy = [&] {
      captures_ = first_capture;
      return Emit(child);
    };
    for (int i = 0; i < min; ++i) {
      if (!copy()) return false;
    }
    if (max == Pattern::kUnbounded) {
      // x{n,} is n copies, then any more, as many as will match.
      const uint32_t loop = AppendSplit();
      insts_[loop].next = Here();
      if (!copy()) return false;
      insts_[AppendJump()].next = loop;
      insts_[loop].arg = Here();
    } else {
      // x{n,m} is n copies, then m - n nested optional ones: x(x(x)?)?.
      std::vector<uint32_t> skips;
      for (int i = min; i < max; ++i) {
        skips.push_back(AppendSplit());
        insts_[skips.back()].next = Here();
        if (!copy()) return false;
      }
      for (uint32_t skip : skips) insts_[skip].arg = Here();
    }
    captures_ = first_capture + CountCaptures(child);
    return true;
  }

  Tests& tests_;
  std::vector<Inst>& insts_;
  int captures_ = 0;
};

std::optional<TokenProgram> TokenProgram::Compile(const Pattern& pattern,
                                                  Tests* tests) {
  TokenProgram program;
  Builder builder(tests, &program.insts_);
  if (!builder.Emit(pattern)) return std::nullopt;
  program.insts_.push_back(Inst{Inst::Op::kMatch, 0, 0});
  program.capture_count_ = builder.captures();
  if (!program.BuildAutomaton()) return std::nullopt;
  return program;
}

namespace {

// Rows of test_states_ for every test number up to the highest a program
// uses, when there are at most this many: 64 KB of their offsets.
constexpr size_t kMaxDenseRows = size_t{1} << 14;

bool Has(const uint64_t* set, uint32_t state) {
  return (set[state / 64] >> (state % 64) & 1) != 0;
}

void Add(uint64_t* set, uint32_t state) {
  set[state / 64] |= uint64_t{1} << (state % 64);
}

// Calls `visit` with each state of `set`, a bitmap of `words` words.
template <typename Visit>
void ForEachState(const uint64_t* set, uint32_t words, Visit visit) {
  for (uint32_t w = 0; w < words; ++w) {
    for (uint64_t bits = set[w]; bits != 0; bits &= bits - 1) {
      visit(w * 64 + static_cast<uint32_t>(std::countr_zero(bits)));
    }
  }
}

}  // namespace

void TokenProgram::SparseRows::Assign(const uint64_t* rows, size_t count,
                                      size_t words) {
  const size_t size = count * words;
  words_.clear();
  at_.assign(1, 0);
  at_.reserve(count + 1);
  for (size_t i = 0; i < size; i += words) {
    for (size_t w = 0; w < words; ++w) {
      if (rows[i + w] != 0) {
        words_.push_back(Word{rows[i + w], static_cast<uint32_t>(w)});
      }
    }
    at_.push_back(static_cast<uint32_t>(words_.size()));
  }
  AssignHeads();
}

void TokenProgram::SparseRows::AssignHeads() {
  const size_t count = at_.size() - 1;
  heads_.assign(count * kHeadWords, Word{});
  for (size_t i = 0; i < count; ++i) {
    const std::span<const Word> row = (*this)[i];
    std::copy_n(row.begin(), std::min(row.size(), kHeadWords),
                &heads_[i * kHeadWords]);
  }
}

void TokenProgram::SparseRows::AssignPartition(
    std::span<const uint32_t> row_of, size_t count) {
  // Numbers come in order, so each row's words do too, and a row's word
  // is new when it is not the last one it had.
  std::vector<uint32_t> last(count, UINT32_MAX);
  at_.assign(count + 1, 0);
  for (size_t i = 0; i < row_of.size(); ++i) {
    const auto word = static_cast<uint32_t>(i / 64);
    if (std::exchange(last[row_of[i]], word) != word) ++at_[row_of[i] + 1];
  }
  std::partial_sum(at_.begin(), at_.end(), at_.begin());
  words_.assign(at_.back(), Word{});
  std::vector<uint32_t> next(at_.begin(), at_.end() - 1);
  last.assign(count, UINT32_MAX);
  for (size_t i = 0; i < row_of.size(); ++i) {
    const auto word = static_cast<uint32_t>(i / 64);
    const uint32_t row = row_of[i];
    if (std::exchange(last[row], word) != word) {
      words_[next[row]++].index = word;
    }
    words_[next[row] - 1].bits |= uint64_t{1} << (i % 64);
  }
}

bool TokenProgram::BuildAutomaton() {
  constexpr uint32_t kNoState = UINT32_MAX;
  std::vector<uint32_t> state_of(insts_.size(), kNoState);
  std::vector<uint32_t> test_inst;
  for (uint32_t i = 0; i < insts_.size(); ++i) {
    if (insts_[i].op != Inst::Op::kTest) continue;
    state_of[i] = static_cast<uint32_t>(test_inst.size());
    insts_[i].state = state_of[i];
    test_inst.push_back(i);
    test_count_ = std::max(test_count_, insts_[i].arg + 1);
  }
  const uint32_t match_state = static_cast<uint32_t>(test_inst.size());
  state_of[insts_.size() - 1] = match_state;
  state_count_ = match_state + 1;
  if (state_count_ > kMaxStates) return false;
  state_words_ = (state_count_ + 63) / 64;
  const size_t words = state_words_;
  tests_used_.assign((test_count_ + 63) / 64, 0);
  for (uint32_t state = 0; state < match_state; ++state) {
    Add(tests_used_.data(), insts_[test_inst[state]].arg);
  }
  // A row for every number up to the highest, unless there would be more
  // than kMaxDenseRows: then rows for the tests made only, found by their
  // rank among them, which costs a few instructions more each time.
  size_t rows = test_count_;
  if (rows > kMaxDenseRows) {
    used_before_.assign(tests_used_.size(), 0);
    for (size_t w = 1; w < tests_used_.size(); ++w) {
      used_before_[w] =
          used_before_[w - 1] +
          static_cast<uint32_t>(std::popcount(tests_used_[w - 1]));
    }
    rows = used_before_.back() +
           static_cast<size_t>(std::popcount(tests_used_.back()));
  }
  std::vector<uint32_t> row_of(match_state);
  for (uint32_t state = 0; state < match_state; ++state) {
    row_of[state] = TestRow(insts_[test_inst[state]].arg);
  }
  test_states_.AssignPartition(row_of, rows);

  // Per instruction, the states reachable from it without taking a token,
  // each instruction's after those it goes on to.  Those moves make no
  // cycle, as a repeat goes back only after a token (Compile refuses
  // repeats of what can match none); one would leave an instruction
  // pending when it is done, and the program to RE2.
  std::vector<uint64_t> first(insts_.size() * words, 0);
  enum class Visit : uint8_t { kNew, kPending, kDone };
  std::vector<Visit> visits(insts_.size(), Visit::kNew);
  std::vector<uint32_t> pending;
  for (uint32_t root = 0; root < insts_.size(); ++root) {
    pending.assign(1, root);
    while (!pending.empty()) {
      const uint32_t inst = pending.back();
      const Inst& at = insts_[inst];
      uint64_t* const row = &first[inst * words];
      if (visits[inst] == Visit::kNew && state_of[inst] != kNoState) {
        Add(row, state_of[inst]);
        visits[inst] = Visit::kDone;
      }
      if (visits[inst] == Visit::kDone) {
        pending.pop_back();
        continue;
      }
      const bool split = at.op == Inst::Op::kSplit;
      if (visits[inst] == Visit::kNew) {
        visits[inst] = Visit::kPending;
        pending.push_back(at.next);
        if (split) pending.push_back(at.arg);
        continue;
      }
      pending.pop_back();
      for (uint32_t to : {at.next, split ? at.arg : at.next}) {
        if (visits[to] != Visit::kDone) return false;
        const uint64_t* const from = &first[to * words];
        for (size_t w = 0; w < words; ++w) row[w] |= from[w];
      }
      visits[inst] = Visit::kDone;
    }
  }
  start_.assign(first.begin(), first.begin() + words);
  follow_.assign(state_count_ * words, 0);
  for (uint32_t state = 0; state < match_state; ++state) {
    const uint32_t next = insts_[test_inst[state]].next;
    std::copy_n(&first[next * words], words, &follow_[state * words]);
  }
  first_.Assign(first.data(), insts_.size(), words);
  const size_t row_words = words + tests_used_.size();
  std::vector<uint64_t> precede(state_count_ * row_words, 0);
  for (uint32_t state = 0; state < match_state; ++state) {
    ForEachState(&follow_[state * words], state_words_, [&](uint32_t target) {
      uint64_t* const row = &precede[target * row_words];
      Add(row, state);
      Add(row + words, insts_[test_inst[state]].arg);
    });
  }
  precede_.Assign(precede.data(), state_count_, row_words);
  before_match_.assign(&precede[match_state * row_words],
                       &precede[(match_state + 1) * row_words]);
  for (const Word& word : precede_[match_state]) {
    if (word.index >= words) {
      match_tests_.push_back(
          Word{word.bits, static_cast<uint32_t>(word.index - words)});
    }
  }
  std::vector<uint64_t> start_tests(tests_used_.size(), 0);
  ForEachState(start_.data(), state_words_, [&](uint32_t state) {
    if (state != match_state) {
      Add(start_tests.data(), insts_[test_inst[state]].arg);
    }
  });
  for (size_t w = 0; w < start_tests.size(); ++w) {
    if (start_tests[w] != 0) {
      start_tests_.push_back(Word{start_tests[w], static_cast<uint32_t>(w)});
    }
  }
  return true;
}

void TokenProgram::Search(uint32_t length, const uint64_t* passed,
                          size_t passed_words, Scratch* scratch,
                          std::vector<Span>* matches) const {
  const size_t words = state_words_;
  const uint32_t match_state = state_count_ - 1;
  const bool may_be_empty = Has(start_.data(), match_state);
  // Backwards, the states at each token from which a match can be reached:
  // a test state whose test passes there and which goes on to such a
  // state at the next token, or to the match.  None after the last token.
  std::vector<uint64_t>& live = scratch->live;
  live.assign((size_t{length} + 1) * words, 0);
  std::vector<uint64_t>& starts = scratch->starts;
  starts.assign(size_t{length} / 64 + 1, may_be_empty ? ~uint64_t{0} : 0);
  // The states that can be live at a token, given the next one, then the
  // tests they make.
  const size_t row_words = before_match_.size();
  std::vector<uint64_t>& reach = scratch->set;
  reach.resize(row_words);
  // The caller's bitmap may hold other programs' tests too, and fewer
  // words than the program's when it numbers no test that high.
  const size_t passed_test_words =
      std::min(passed_words, tests_used_.size());
  // `tests` but for words past those the caller tells, which none passes.
  auto told = [&](std::span<const Word> tests) {
    while (!tests.empty() && tests.back().index >= passed_test_words) {
      tests = tests.first(tests.size() - 1);
    }
    return tests;
  };
  const std::span<const Word> match_tests = told(match_tests_);
  const std::span<const Word> start_tests = told(start_tests_);
  // Whether token t passes one of `tests`.
  auto passes = [&](std::span<const Word> tests, uint32_t t) {
    const uint64_t* const at = &passed[t * passed_words];
    uint64_t any = 0;
    for (const Word& word : tests) any |= at[word.index] & word.bits;
    return any != 0;
  };
  // A match that takes a token begins at one that passes a test of a
  // state where a match begins: the tokens before the first such are of
  // no match, and need no states.
  uint32_t first = 0;
  if (start_tests.size() == 1) {
    const Word tests = start_tests[0];
    while (first < length &&
           (passed[first * passed_words + tests.index] & tests.bits) == 0) {
      ++first;
    }
  } else {
    while (first < length && !passes(start_tests, first)) ++first;
  }
  // Whether token t passes a test of a state before the match, and the
  // last token from `first` up to t that does, if one does: most pass
  // none, and most programs' tests before the match take one word.
  auto last_ending = [&](uint32_t* t) {
    if (match_tests.size() != 1) {
      bool ends = passes(match_tests, *t);
      while (!ends && *t > first) ends = passes(match_tests, --*t);
      return ends;
    }
    const uint64_t bits = match_tests[0].bits;
    const uint64_t* at = &passed[*t * passed_words + match_tests[0].index];
    uint32_t u = *t;
    while ((*at & bits) == 0) {
      if (u == first) return false;
      --u;
      at -= passed_words;
    }
    *t = u;
    return true;
  };
  // The words of the states live at the next token that are not zero: a
  // bit each, as there are at most 64 (kMaxStates).
  uint64_t next_live = 0;
  for (uint32_t t = length; t-- > first;) {
    const uint64_t* can_be = before_match_.data();
    if (next_live != 0) {
      std::copy_n(before_match_.data(), row_words, reach.begin());
      const uint64_t* const after = &live[(t + 1) * words];
      for (uint64_t w = next_live; w != 0; w &= w - 1) {
        const auto word = static_cast<uint32_t>(std::countr_zero(w));
        for (uint64_t bits = after[word]; bits != 0; bits &= bits - 1) {
          const uint32_t state =
              word * 64 + static_cast<uint32_t>(std::countr_zero(bits));
          const Word* const head = precede_.Head(state);
          for (size_t i = 0; i < SparseRows::kHeadWords; ++i) {
            reach[head[i].index] |= head[i].bits;
          }
          for (const Word& before : precede_.Tail(state)) {
            reach[before.index] |= before.bits;
          }
        }
      }
      can_be = reach.data();
    } else {
      // Only the states before the match can be live: most tokens pass
      // none of their tests.
      if (!last_ending(&t)) break;
    }
    const uint64_t* const at = &passed[t * passed_words];
    const uint64_t* const asked = can_be + words;
    uint64_t* const here = &live[t * words];
    next_live = 0;
    uint64_t begins = 0;
    for (size_t w = 0; w < passed_test_words; ++w) {
      for (uint64_t bits = at[w] & asked[w]; bits != 0; bits &= bits - 1) {
        const uint32_t test =
            static_cast<uint32_t>(w * 64 + std::countr_zero(bits));
        for (const Word& testing : test_states_[TestRow(test)]) {
          const uint64_t states = testing.bits & can_be[testing.index];
          here[testing.index] |= states;
          next_live |= static_cast<uint64_t>(states != 0) << testing.index;
          begins |= states & start_[testing.index];
        }
      }
    }
    if (begins != 0) starts[t / 64] |= uint64_t{1} << (t % 64);
  }
  // Forwards from each start where a match can begin, through the states
  // that lead to one, for the last token a match from there reaches.
  std::vector<uint64_t>& states = scratch->set;
  std::vector<uint64_t>& next = scratch->next_set;
  next.resize(words);
  uint32_t begin = 0;
  while (begin <= length) {
    const size_t word = begin / 64;
    const uint64_t later = starts[word] & (~uint64_t{0} << (begin % 64));
    if (later == 0) {
      begin = static_cast<uint32_t>((word + 1) * 64);
      continue;
    }
    begin = static_cast<uint32_t>(word * 64 + std::countr_zero(later));
    if (begin > length) break;
    const uint64_t* const at = &live[begin * words];
    for (size_t w = 0; w < words; ++w) states[w] = start_[w] & at[w];
    uint32_t end = begin;
    for (uint32_t t = begin; t < length; ++t) {
      std::fill(next.begin(), next.end(), 0);
      ForEachState(states.data(), state_words_, [&](uint32_t state) {
        const uint64_t* const after = &follow_[state * words];
        for (size_t w = 0; w < words; ++w) next[w] |= after[w];
      });
      if (Has(next.data(), match_state)) end = t + 1;
      const uint64_t* const live_next = &live[(t + 1) * words];
      uint64_t any = 0;
      for (size_t w = 0; w < words; ++w) {
        next[w] &= live_next[w];
        any |= next[w];
      }
      if (any == 0) break;
      states.swap(next);
    }
    matches->push_back(Span{begin, end});
    begin = std::max(end, begin + 1);
  }
}

bool TokenProgram::FullMatch(Span match, Scratch* scratch,
                             std::vector<int>* captures) const {
  // A second visit of an instruction at a token would find nothing the
  // first did not.
  const size_t insts = insts_.size();
  const uint32_t length = match.end - match.begin;
  scratch->visited.assign(((size_t{length} + 1) * insts + 63) / 64, 0);
  // A test whose state is not live there fails, or leads to no match.
  const uint64_t* const live = &scratch->live[match.begin * state_words_];
  auto fails = [&](const Inst& test, uint32_t token) {
    return token >= length || !Has(&live[token * state_words_], test.state);
  };
  // Whether a match can go on from instruction `inst` at `token`: to a
  // test live there, or to the end of the match at its last token.
  const uint32_t match_state = state_count_ - 1;
  auto goes_on = [&](uint32_t inst, uint32_t token) {
    if (token < length) {
      const uint64_t* const here = &live[token * state_words_];
      const Word* const head = first_.Head(inst);
      uint64_t any = 0;
      for (size_t i = 0; i < SparseRows::kHeadWords; ++i) {
        any |= here[head[i].index] & head[i].bits;
      }
      if (any != 0) return true;
      for (const Word& reached : first_.Tail(inst)) {
        if ((here[reached.index] & reached.bits) != 0) return true;
      }
      return false;
    }
    for (const Word& reached : first_[inst]) {
      if (reached.index == match_state / 64) {
        return (reached.bits >> (match_state % 64) & 1) != 0;
      }
    }
    return false;
  };
  std::vector<Scratch::Job>& jobs = scratch->jobs;
  std::vector<int>& slots = *captures;
  slots.assign(2 * static_cast<size_t>(capture_count_), -1);
  jobs.assign(1, Scratch::Job{0, 0, false});
  while (!jobs.empty()) {
    const Scratch::Job job = jobs.back();
    jobs.pop_back();
    if (job.restore) {
      slots[job.inst] = job.token;
      continue;
    }
    uint32_t inst = job.inst;
    uint32_t token = static_cast<uint32_t>(job.token);
    while (Marks(scratch->visited, token * insts + inst)) {
      const Inst& at = insts_[inst];
      if (at.op == Inst::Op::kTest) {
        if (fails(at, token)) break;
        inst = at.next;
        ++token;
      } else if (at.op == Inst::Op::kSplit) {
        // A way on that leads to no match, as most alternatives do, is not
        // worth a job.
        if (!goes_on(at.next, token)) {
          inst = at.arg;
          continue;
        }
        if (goes_on(at.arg, token)) {
          jobs.push_back(Scratch::Job{at.arg, static_cast<int>(token), false});
        }
        inst = at.next;
      } else if (at.op == Inst::Op::kJump) {
        inst = at.next;
      } else if (at.op == Inst::Op::kSave) {
        jobs.push_back(Scratch::Job{at.arg, slots[at.arg], true});
        slots[at.arg] = static_cast<int>(token);
        inst = at.next;
      } else {
        if (token == length) return true;
        break;
      }
    }
  }
  return false;
}

}  // namespace parley

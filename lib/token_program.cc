// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Compiles patterns to programs of token tests, splits, jumps and capture
// saves, laid out as RE2 compiles the same pattern, and runs them with
// bounded backtracking as RE2's BitState engine does.

#include "token_program.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace parley {
namespace {

int CountCaptures(const Pattern& pattern) {
  int count = pattern.kind == Pattern::Kind::kCapture ? 1 : 0;
  for (const Pattern& child : pattern.children) count += CountCaptures(child);
  return count;
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

  // RuleMatcher writes a phrase as (?:BE|B(?:C)*CE).
  bool EmitPhrase(const AnnotationSelector& selector) {
    const uint32_t split = AppendSplit();
    insts_[split].next = Here();
    Append(Inst::Op::kTest, tests_.Phrase(selector, kBegins | kEnds));
    const uint32_t done = AppendJump();
    insts_[split].arg = Here();
    Append(Inst::Op::kTest, tests_.Phrase(selector, kBegins));
    const uint32_t loop = AppendSplit();
    insts_[loop].next = Here();
    Append(Inst::Op::kTest, tests_.Phrase(selector, kContinues));
    insts_[AppendJump()].next = loop;
    insts_[loop].arg = Here();
    Append(Inst::Op::kTest, tests_.Phrase(selector, kContinues | kEnds));
    insts_[done].next = Here();
    return true;
  }

  bool EmitAlternation(const std::vector<Pattern>& alternatives) {
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
  return program;
}

bool TokenProgram::FullMatch(uint32_t length, PassesFn passes,
                             const void* context,
                             std::vector<int>* captures) const {
  // Tried already: instruction i at token t is bit i * (length + 1) + t.
  // A second visit would find nothing the first did not.
  const size_t positions = size_t{length} + 1;
  std::vector<uint64_t> visited((insts_.size() * positions + 63) / 64);
  auto first_visit = [&](uint32_t inst, uint32_t token) {
    const size_t bit = inst * positions + token;
    uint64_t& word = visited[bit / 64];
    const uint64_t mask = uint64_t{1} << (bit % 64);
    if ((word & mask) != 0) return false;
    word |= mask;
    return true;
  };

  // A job either tries instruction `inst` at token `token`, or, when
  // `restore` is set, gives capture slot `inst` back its value `token`
  // as the search backs out of a save.
  struct Job {
    uint32_t inst;
    int token;
    bool restore;
  };
  std::vector<int>& slots = *captures;
  slots.assign(2 * static_cast<size_t>(capture_count_), -1);
  std::vector<Job> jobs{{0, 0, false}};
  while (!jobs.empty()) {
    const Job job = jobs.back();
    jobs.pop_back();
    if (job.restore) {
      slots[job.inst] = job.token;
      continue;
    }
    uint32_t inst = job.inst;
    uint32_t token = static_cast<uint32_t>(job.token);
    while (first_visit(inst, token)) {
      const Inst& at = insts_[inst];
      if (at.op == Inst::Op::kTest) {
        if (token >= length || !passes(context, at.arg, token)) break;
        inst = at.next;
        ++token;
      } else if (at.op == Inst::Op::kSplit) {
        jobs.push_back(Job{at.arg, static_cast<int>(token), false});
        inst = at.next;
      } else if (at.op == Inst::Op::kJump) {
        inst = at.next;
      } else if (at.op == Inst::Op::kSave) {
        jobs.push_back(Job{at.arg, slots[at.arg], true});
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

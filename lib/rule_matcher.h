// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Runs the rules of rule_parser.h over the tokens of a sentence, in time
// linear in the sentence's length whatever the rules and the input.
//
// Each rule is compiled to a program over tokens (token_program.h): one
// pass backwards over a piece of a sentence finds where a match can start,
// a pass forwards from each such start finds how far it goes, and the
// captures are read over the match's tokens.  The tests the programs make
// on single tokens (a word, a shape, being inside an annotation) are
// answered for all tokens and tests of a rule at once, from fields read
// once per sentence.  A rule no program takes (one that repeats something
// that can match no token, or one too large) runs on RE2 over an encoding
// of the same fields as bytes.
//
// A prefilter skips the rules that cannot match a piece of a sentence:
// each rule needs some words or annotations (a meeting rule, "met" and a
// person), and a piece without them is not searched.  It costs a few steps
// per word or annotation that the piece holds and some rule needs.
//
//   parley::RuleSource source{"meetings.rules", R"(
//       macro PERSON = [Cap & !@office_head]{1,3} ;
//       rule met-with : a=(PERSON) "met" "with"? b=(PERSON) ; )"};
//   parley::Result<parley::RuleMatcher> matcher =
//       parley::RuleMatcher::Create({&source, 1});
//   parley::RuleMatcher::Scratch scratch;
//   for (const parley::Sentence& sentence : tokens.sentences) {
//     for (const parley::RuleMatch& match :
//          matcher->Match(text, tokens, sentence, annotations, &scratch)) {
//       // matcher->rule_id(match.rule), match.captures ...
//     }
//   }
//
// Matches of one rule are leftmost-longest and do not overlap: after a
// match, the search for that rule goes on after its last token.  Matches of
// different rules are independent and may overlap.
//
// It does not: decide between overlapping matches of different rules, find
// annotations (the caller passes gazetteer matches and the spans the
// pipeline derives), or match across sentences.  A sentence longer than
// kMaxPieceTokens tokens is matched in pieces of that many tokens, each
// starting kPieceOverlap tokens before the end of the one before, and each
// piece keeps the matches that start before the next piece does: a match
// of up to kPieceOverlap tokens is found wherever it stands, and a longer
// one may be cut short where its piece ends.  This bounds the work of
// rules that look far ahead, and every token is read by at most two
// pieces.

#ifndef PARLEY_LIB_RULE_MATCHER_H_
#define PARLEY_LIB_RULE_MATCHER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/status.h"
#include "rule_parser.h"
#include "tokenizer.h"

namespace parley {

// A phrase of tokens [first_token, end_token) with a type that rules test
// with @type: a gazetteer match, or a span that the pipeline derived.
struct Annotation {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  std::string_view type;
  // The attributes that @type[key=value] tests; null means none.
  const std::vector<std::pair<std::string, std::string>>* attributes = nullptr;
};

// A named capture's tokens [first_token, end_token).  `name` points into
// the RuleMatcher and lives as long as it, or any copy of it, does.
struct Capture {
  std::string_view name;
  uint32_t first_token = 0;
  uint32_t end_token = 0;

  friend bool operator==(const Capture&, const Capture&) = default;
};

// One match of rule `rule` (an index for RuleMatcher::rule_id) over tokens
// [first_token, end_token).  `captures` are in the order of the rule's
// capture groups; a capture that matched no token is left out, and one
// inside a repetition gives the tokens of its last repeat.
struct RuleMatch {
  uint32_t rule = 0;
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  std::vector<Capture> captures;

  friend bool operator==(const RuleMatch&, const RuleMatch&) = default;
};

// When the rules are compiled to their TokenPrograms (or RE2): all at once,
// since they share the tests the programs make of tokens.
enum class RuleCompilation {
  kOnFirstUse,  // by the first call of Match()
  kNow,         // before Create returns
};

// Immutable once built, as RE2 is: rules compiled on first use are
// compiled once, by whichever thread matches first.  Match() is const and
// thread-safe, and copies are cheap: they share the compiled rules.
class RuleMatcher {
 public:
  // Longer sentences are matched piece by piece (see above).
  static constexpr uint32_t kMaxPieceTokens = 512;
  static constexpr uint32_t kPieceOverlap = 64;
  // How far each piece starts after the one before.
  static constexpr uint32_t kPieceStride = kMaxPieceTokens - kPieceOverlap;

  // Parses and compiles `sources` in order (rule_parser.h).  Fails with
  // kParseError at the place of the first error, including a rule too large
  // for RE2 to compile (whichever runs it), which is reported at the rule's
  // id whenever it is compiled.
  static Result<RuleMatcher> Create(
      std::span<const RuleSource> sources,
      RuleCompilation when = RuleCompilation::kOnFirstUse);

  // Compiles rules already parsed, so that a caller may run different rules
  // at different stages.  Fails as Create does.
  static Result<RuleMatcher> Compile(
      std::vector<Rule> rules,
      RuleCompilation when = RuleCompilation::kOnFirstUse);

  // Memory that Match reuses from one sentence to the next, for one
  // thread at a time.  A caller that matches many sentences keeps one:
  // allocating it anew for each sentence costs a few percent of the
  // matching.
  class Scratch {
   public:
    Scratch();
    ~Scratch();
    Scratch(Scratch&&) noexcept;
    Scratch& operator=(Scratch&&) noexcept;

   private:
    friend class RuleMatcher;
    struct Buffers;
    std::unique_ptr<Buffers> buffers_;
  };

  // Every match of every rule in `sentence`, a range of `tokens` over
  // `text`, ordered by first token, then rule, then last token.
  // `annotations` may be in any order; only their part inside the sentence
  // counts, so passing just the sentence's annotations keeps the work
  // proportional to the sentence.
  std::vector<RuleMatch> Match(std::string_view text, const Tokens& tokens,
                               const Sentence& sentence,
                               std::span<const Annotation> annotations,
                               Scratch* scratch) const;

  // As above, with scratch memory of its own.
  std::vector<RuleMatch> Match(std::string_view text, const Tokens& tokens,
                               const Sentence& sentence,
                               std::span<const Annotation> annotations) const;

  // The number of rules; rules are numbered 0 to rule_count() - 1 in the
  // order of their first definition.
  uint32_t rule_count() const;
  const std::string& rule_id(uint32_t rule) const;

 private:
  struct Impl;
  explicit RuleMatcher(std::shared_ptr<const Impl> impl);

  std::shared_ptr<const Impl> impl_;
};

}  // namespace parley

#endif  // PARLEY_LIB_RULE_MATCHER_H_

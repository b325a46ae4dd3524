// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Compiles parsed rules and matches them over the tokens of a sentence.
// Each rule is compiled to a TokenProgram (token_program.h).  The tests the
// programs make of single tokens are numbered across all the rules, and a
// TestTable (token_tests.h) tells them for every token of a piece at once,
// from the fields that the rules' TokenVocabulary (token_vocabulary.h)
// reads of each token: its shape, which of the words the rules mention it
// is, and where it stands in the annotated phrases the rules test.
//
// A rule that TokenProgram does not take (one repeating something that can
// match no token, or one too large) runs on RE2 instead, over an encoding
// of the same fields as records of bytes (token_encoding.h).  A prefilter
// (rule_prefilter.h) skips the rules that cannot match a piece.

#include "rule_matcher.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "rule_prefilter.h"
#include "token_encoding.h"
#include "token_program.h"
#include "token_tests.h"
#include "token_vocabulary.h"

namespace parley {
namespace {

static_assert(RuleMatcher::kPieceOverlap < RuleMatcher::kPieceStride,
              "a piece must span at most two blocks of prefilter atoms");

// RE2's default.
constexpr int64_t kRuleMaxMem = int64_t{8} << 20;
// Regexes of at most this many bytes, repetitions spelled out, always
// compile: RE2 makes at most one instruction of each byte of ours (a
// record test of about eight bytes is one or two), and kRuleMaxMem lets it
// compile 87,000 instructions for the reverse program, its smaller budget.
// The default rules take at most 12,000 bytes.
constexpr size_t kSurelyCompiles = 80000;

RE2::Options MatchOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_longest_match(true);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

// A rule as Compile keeps it until the rules are compiled.
struct RuleSpec {
  Pattern pattern;
  std::string id;
  // The rule as RE2 over records: what runs it when no TokenProgram takes
  // it.
  std::string regex;
  std::vector<std::string> capture_names;
};

// What matching needs: each rule's TokenProgram, or its RE2 where no
// program takes it, and the tests of all the programs, numbered together
// so that one TestTable tells them for every rule of a piece at once: the
// rules share most of their tests ([Cap & !@office_head], "said").
struct CompiledRules {
  std::vector<std::optional<TokenProgram>> programs;
  std::vector<std::unique_ptr<const RE2>> regexes;  // where no program
  std::vector<FieldsTest> tests;
  std::optional<TestTable> table;  // of `tests`
};

// Refuses a rule that RE2 does not compile.
Status RegexStatus(const RE2& regex, const Rule& rule) {
  if (regex.error_code() == RE2::ErrorPatternTooLarge) {
    return Status(StatusCode::kParseError,
                  "rule too large to compile; lower its repetition "
                  "bounds or split it",
                  rule.location);
  }
  if (!regex.ok()) {
    return Status(StatusCode::kInternal,
                  "rule '" + rule.id + "' compiled to a regular " +
                      "expression that RE2 refuses: " + regex.error(),
                  rule.location);
  }
  return Status();
}

// What matching a sentence reuses from rule to rule.
struct MatchScratch {
  TokenProgram::Scratch program;
  std::vector<uint64_t> wanted;
  std::vector<uint64_t> passed;
  std::vector<TokenProgram::Span> spans;
  std::vector<int> slots;
  std::vector<re2::StringPiece> groups;
};

}  // namespace

struct RuleMatcher::Scratch::Buffers {
  std::vector<uint64_t> atoms;
  std::vector<uint64_t> piece_atoms;
  // Per rule, the token where its next match may start: after the end of
  // its last match, which may reach into the next piece.
  std::vector<uint32_t> resume;
  TokenFields fields;
  std::vector<int> candidates;
  std::vector<uint64_t> prefilter;  // RulePrefilter::Candidates' scratch
  // The sentence encoded for the rules that RE2 runs, if any does.
  std::string encoded;
  std::vector<size_t> starts;
  MatchScratch match;
};

RuleMatcher::Scratch::Scratch() : buffers_(std::make_unique<Buffers>()) {}
RuleMatcher::Scratch::~Scratch() = default;
RuleMatcher::Scratch::Scratch(Scratch&&) noexcept = default;
RuleMatcher::Scratch& RuleMatcher::Scratch::operator=(Scratch&&) noexcept =
    default;

struct RuleMatcher::Impl {
  // For rules that test what `rules_vocabulary` holds, all of it: the
  // encoding's layout depends on every word and selector.
  explicit Impl(TokenVocabulary rules_vocabulary)
      : vocabulary(std::move(rules_vocabulary)), encoding(vocabulary) {}

  // Appends the matches of rule `index`, run by `program`, in the `count`
  // tokens from `first_token`, which pass the tests `passed` says
  // (TestTable::Fill, `words` words per token, from the first).
  void MatchTokens(int index, const TokenProgram& program, uint32_t first_token,
                   uint32_t count, const uint64_t* passed, size_t words,
                   MatchScratch* scratch,
                   std::vector<RuleMatch>* matches) const {
    const RuleSpec& rule = rules[index];
    scratch->spans.clear();
    program.Search(count, passed, words, &scratch->program, &scratch->spans);
    for (const TokenProgram::Span& span : scratch->spans) {
      RuleMatch match;
      match.rule = static_cast<uint32_t>(index);
      match.first_token = first_token + span.begin;
      match.end_token = first_token + span.end;
      // Search found the match, so it matches in full.  Most rules
      // capture two or three spans: one allocation rather than growing.
      match.captures.reserve(rule.capture_names.size());
      if (program.FullMatch(span, &scratch->program, &scratch->slots)) {
        for (size_t i = 0; i < rule.capture_names.size(); ++i) {
          const int begin = scratch->slots[2 * i];
          const int end = scratch->slots[2 * i + 1];
          if (begin < 0 || end <= begin) continue;
          match.captures.push_back(
              Capture{rule.capture_names[i],
                      match.first_token + static_cast<uint32_t>(begin),
                      match.first_token + static_cast<uint32_t>(end)});
        }
      }
      matches->push_back(std::move(match));
    }
  }

  // Appends the matches of rule `index`, run by RE2, in `piece`, whose
  // records start at `starts` (offsets in the encoding at `base`, then
  // that of the shape byte that ends the piece's last record) and whose
  // first token is `first_token`.
  void MatchRegex(int index, const RE2& regex, re2::StringPiece piece,
                  const char* base, std::span<const size_t> starts,
                  uint32_t first_token, MatchScratch* scratch,
                  std::vector<RuleMatch>* matches) const {
    const RuleSpec& rule = rules[index];
    // Refused only for a bug in RegexWriter: Compile compiles at once what
    // may be too large, and the tests compile every default rule.
    if (!regex.ok()) return;
    // Group 1 is the match without the shape byte that follows it.
    const int group_count = 2 + static_cast<int>(rule.capture_names.size());
    std::vector<re2::StringPiece>& groups = scratch->groups;
    groups.resize(group_count);
    // The token whose record starts at `byte`, or the end of the piece.
    auto token = [&](const char* byte) {
      return first_token +
             static_cast<uint32_t>(
                 std::lower_bound(starts.begin(), starts.end(),
                                  static_cast<size_t>(byte - base)) -
                 starts.begin());
    };
    size_t pos = 0;
    while (pos < piece.size() &&
           regex.Match(piece, pos, piece.size(), RE2::UNANCHORED, groups.data(),
                       group_count)) {
      const re2::StringPiece whole = groups[1];
      RuleMatch match;
      match.rule = static_cast<uint32_t>(index);
      match.first_token = token(whole.data());
      match.end_token = token(whole.data() + whole.size());
      match.captures.reserve(rule.capture_names.size());
      for (int i = 2; i < group_count; ++i) {
        const re2::StringPiece group = groups[i];
        if (group.data() == nullptr || group.empty()) continue;
        match.captures.push_back(Capture{rule.capture_names[i - 2],
                                         token(group.data()),
                                         token(group.data() + group.size())});
      }
      // Rules never match empty (the parser refuses them); stepping at
      // least one byte guards the loop all the same.
      pos = std::max(
          static_cast<size_t>(whole.data() + whole.size() - piece.data()),
          static_cast<size_t>(whole.data() - piece.data()) + 1);
      matches->push_back(std::move(match));
    }
  }

  // Compiled on the first call, unless Compile was told to compile now;
  // thread-safe.  Compiling took a third of the time of building an
  // Extractor, so it waits for the first sentence, as RE2 builds its DFAs
  // when first needed.
  const CompiledRules& compiled() const {
    std::call_once(compile_once, [this] {
      TokenTests tests(vocabulary, &compiled_rules.tests);
      for (const RuleSpec& rule : rules) {
        compiled_rules.programs.push_back(
            TokenProgram::Compile(rule.pattern, &tests));
        compiled_rules.regexes.push_back(
            compiled_rules.programs.back()
                ? nullptr
                : std::make_unique<const RE2>(rule.regex,
                                              MatchOptions(kRuleMaxMem)));
      }
      compiled_rules.table.emplace(
          compiled_rules.tests, vocabulary.norm_words().size(),
          vocabulary.exact_words().size(), vocabulary.selector_count());
    });
    return compiled_rules;
  }

  TokenVocabulary vocabulary;
  TokenEncoding encoding;  // of `vocabulary`
  RulePrefilter prefilter;
  std::vector<RuleSpec> rules;
  mutable std::once_flag compile_once;
  mutable CompiledRules compiled_rules;
};

RuleMatcher::RuleMatcher(std::shared_ptr<const Impl> impl)
    : impl_(std::move(impl)) {}

Result<RuleMatcher> RuleMatcher::Create(std::span<const RuleSource> sources,
                                        RuleCompilation when) {
  Result<std::vector<Rule>> rules = ParseRules(sources);
  if (!rules.ok()) return rules.status();
  return Compile(*std::move(rules), when);
}

Result<RuleMatcher> RuleMatcher::Compile(std::vector<Rule> rules,
                                         RuleCompilation when) {
  TokenVocabulary vocabulary;
  for (const Rule& rule : rules) {
    vocabulary.Collect(rule.pattern);
    if (TokenEncoding::FactCount(vocabulary) > TokenEncoding::kMaxFacts) {
      return Status(StatusCode::kParseError,
                    "rules test too many annotation types: at most " +
                        std::to_string(TokenEncoding::kMaxFacts) +
                        " facts, 6 per type used as a phrase and 1 per "
                        "type only tested in conditions",
                    rule.location);
    }
  }
  auto impl = std::make_shared<Impl>(std::move(vocabulary));
  RegexWriter writer(impl->vocabulary, impl->encoding);
  for (Rule& rule : rules) {
    RegexWriter::RuleRegex regex = writer.Write(rule.pattern);
    const bool large = regex.spelled_out_size > kSurelyCompiles;
    impl->prefilter.AddRule(rule.pattern, impl->vocabulary);
    // A rule that RE2 might refuse as too large is tried at once, so that
    // it is refused here rather than skipped later; and it is refused even
    // where a TokenProgram would run it, so that which rules are taken
    // does not hang on which engine runs them.
    if (large) {
      const RE2 tried(regex.regex, MatchOptions(kRuleMaxMem));
      Status status = RegexStatus(tried, rule);
      if (!status.ok()) return status;
    }
    impl->rules.push_back(RuleSpec{std::move(rule.pattern), rule.id,
                                   std::move(regex.regex),
                                   std::move(regex.capture_names)});
  }
  if (when == RuleCompilation::kNow) {
    const CompiledRules& compiled = impl->compiled();
    for (size_t i = 0; i < rules.size(); ++i) {
      if (compiled.regexes[i] == nullptr) continue;
      Status status = RegexStatus(*compiled.regexes[i], rules[i]);
      if (!status.ok()) return status;
    }
  }
  return RuleMatcher(std::move(impl));
}

std::vector<RuleMatch> RuleMatcher::Match(
    std::string_view text, const Tokens& tokens, const Sentence& sentence,
    std::span<const Annotation> annotations) const {
  Scratch scratch;
  return Match(text, tokens, sentence, annotations, &scratch);
}

std::vector<RuleMatch> RuleMatcher::Match(
    std::string_view text, const Tokens& tokens, const Sentence& sentence,
    std::span<const Annotation> annotations, Scratch* memory) const {
  std::vector<RuleMatch> matches;
  const Impl& impl = *impl_;
  if (impl.rules.empty() || sentence.first_token >= sentence.end_token) {
    return matches;
  }
  Scratch::Buffers& buffers = *memory->buffers_;
  std::vector<uint64_t>& atoms = buffers.atoms;
  TokenFields& fields = buffers.fields;
  impl.vocabulary.ReadFields(text, tokens, sentence.first_token,
                             sentence.end_token, annotations, &atoms, &fields);
  std::string& encoded = buffers.encoded;
  encoded.clear();
  std::vector<size_t>& starts = buffers.starts;
  const size_t atom_words = impl.vocabulary.AtomWords();
  std::vector<int>& candidates = buffers.candidates;
  MatchScratch& scratch = buffers.match;
  const CompiledRules& compiled = impl.compiled();
  const uint32_t count = sentence.end_token - sentence.first_token;
  std::vector<uint64_t>& piece_atoms = buffers.piece_atoms;
  std::vector<uint32_t>& resume = buffers.resume;
  resume.assign(impl.rules.size(), 0);
  // Each piece after the first starts kPieceOverlap tokens before the end
  // of the one before, until one reaches the end of the sentence.
  for (uint32_t first = 0; first == 0 || first + kPieceOverlap < count;
       first += kPieceStride) {
    const uint32_t piece_count = std::min(count - first, kMaxPieceTokens);
    const bool last_piece = first + piece_count == count;
    // The piece keeps the matches that start before the next piece does.
    const uint32_t keep_before = last_piece ? count : first + kPieceStride;
    // The piece's atoms: its block's, and the next block's if it reaches
    // into it (only in sentences longer than a block).
    const uint64_t* block = atoms.data() + first / kPieceStride * atom_words;
    if (piece_count > kPieceStride) {
      piece_atoms.assign(block, block + atom_words);
      for (size_t w = 0; w < atom_words; ++w) {
        piece_atoms[w] |= block[atom_words + w];
      }
      block = piece_atoms.data();
    }
    impl.prefilter.Candidates(block, &buffers.prefilter, &candidates);
    if (candidates.empty()) continue;
    const TestTable& table = *compiled.table;
    // The tests the candidates run on tokens, told once for all of them.
    scratch.wanted.assign(table.words(), 0);
    bool by_tokens = false;
    for (int rule : candidates) {
      if (!compiled.programs[rule]) continue;
      by_tokens = true;
      const std::vector<uint64_t>& tests = compiled.programs[rule]->tests();
      for (size_t w = 0; w < tests.size(); ++w) scratch.wanted[w] |= tests[w];
    }
    if (by_tokens) {
      table.Fill(fields, first, piece_count, scratch.wanted, &scratch.passed);
    }
    for (int rule : candidates) {
      const uint32_t from = std::max(first, resume[rule]);
      if (from >= first + piece_count) continue;
      const size_t found = matches.size();
      if (compiled.programs[rule]) {
        impl.MatchTokens(
            rule, *compiled.programs[rule], sentence.first_token + from,
            first + piece_count - from,
            scratch.passed.data() + size_t{from - first} * table.words(),
            table.words(), &scratch, &matches);
      } else {
        if (encoded.empty()) impl.encoding.Encode(fields, &encoded, &starts);
        const std::span<const size_t> piece_starts =
            std::span(starts).subspan(from, first + piece_count - from + 1);
        // The piece, and the shape byte after it that ends its last record.
        const re2::StringPiece piece(
            encoded.data() + piece_starts.front(),
            piece_starts.back() + 1 - piece_starts.front());
        impl.MatchRegex(rule, *compiled.regexes[rule], piece, encoded.data(),
                        piece_starts, sentence.first_token + from, &scratch,
                        &matches);
      }
      // The next piece finds again what starts in it, and whole.
      while (matches.size() > found &&
             matches.back().first_token - sentence.first_token >= keep_before) {
        matches.pop_back();
      }
      if (matches.size() > found) {
        resume[rule] = matches.back().end_token - sentence.first_token;
      }
    }
  }
  std::sort(matches.begin(), matches.end(),
            [](const RuleMatch& a, const RuleMatch& b) {
              return std::tie(a.first_token, a.rule, a.end_token) <
                     std::tie(b.first_token, b.rule, b.end_token);
            });
  return matches;
}

uint32_t RuleMatcher::rule_count() const {
  return static_cast<uint32_t>(impl_->rules.size());
}

const std::string& RuleMatcher::rule_id(uint32_t rule) const {
  return impl_->rules[rule].id;
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The default rules (lib/data/*.rules): how long compiling them takes, in
// milliseconds, with each rule's RE2 compiled on first use (arg 1, the
// default: parsing and writing the regexes) and up front (arg 0); and how
// fast RuleMatcher::Match runs over news-like text,
// sentence by sentence with each sentence's gazetteer matches as
// annotations, as lib/extractor.cc's MatchRules runs it; in bytes/s and
// sentences/s.
//
// It does not measure the tokenizer or the gazetteer (both run before
// timing), nor turning matches into claims (rule_claims.h).

#include <benchmark/benchmark.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bench_resources.h"
#include "bench_text.h"
#include "gazetteer.h"
#include "parley/status.h"
#include "rule_matcher.h"
#include "tokenizer.h"

namespace parley {
namespace {

void BM_RuleMatcherCreate(benchmark::State& state) {
  for (auto _ : state) {
    Result<RuleMatcher> rules = bench::BuildDefaultRuleMatcher(
        state.range(0) != 0 ? RuleCompilation::kOnFirstUse
                            : RuleCompilation::kNow);
    if (!rules.ok()) {
      state.SkipWithError(rules.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(rules);
  }
}
BENCHMARK(BM_RuleMatcherCreate)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// The pipeline's glue, less the claims: each sentence gets the gazetteer
// matches that start in it (`matches` is sorted by first token).  Returns
// the number of rule matches.
int64_t MatchSentences(std::string_view text, const Tokens& tokens,
                       const RuleMatcher& rules, const Gazetteer& gazetteer,
                       std::span<const GazetteerMatch> matches) {
  int64_t found = 0;
  std::vector<Annotation> annotations;
  std::size_t next_match = 0;
  for (const Sentence& sentence : tokens.sentences) {
    annotations.clear();
    while (next_match < matches.size() &&
           matches[next_match].first_token < sentence.end_token) {
      const GazetteerMatch& match = matches[next_match++];
      const GazetteerEntry& entry = gazetteer.entries()[match.entry];
      annotations.push_back(Annotation{.first_token = match.first_token,
                                       .end_token = match.end_token,
                                       .type = entry.type,
                                       .attributes = &entry.attributes});
    }
    std::vector<RuleMatch> result =
        rules.Match(text, tokens, sentence, annotations);
    found += static_cast<int64_t>(result.size());
    benchmark::DoNotOptimize(result);
  }
  return found;
}

void BM_RuleMatch(benchmark::State& state) {
  const Result<Gazetteer> gazetteer = bench::BuildDefaultGazetteer();
  if (!gazetteer.ok()) {
    state.SkipWithError(gazetteer.status().ToString().c_str());
    return;
  }
  const Result<RuleMatcher> rules = bench::BuildDefaultRuleMatcher();
  if (!rules.ok()) {
    state.SkipWithError(rules.status().ToString().c_str());
    return;
  }
  const std::string text =
      bench::NewsDocument(static_cast<std::size_t>(state.range(0)), 3);
  const Tokens tokens = Tokenize(text);
  const std::vector<GazetteerMatch> matches = gazetteer->Match(text, tokens);
  int64_t found = 0;
  for (auto _ : state) {
    found += MatchSentences(text, tokens, *rules, *gazetteer, matches);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(tokens.sentences.size()));
  state.counters["matches"] = benchmark::Counter(
      static_cast<double>(found), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_RuleMatch)
    ->Arg(10 << 10)
    ->Arg(1 << 20)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The default gazetteers (lib/default_resources.h): how long building them
// takes, in milliseconds and entries/s, and how fast Gazetteer::Match runs
// over tokenized news-like text, in bytes/s and tokens/s.
//
// It does not measure the tokenizer (texts are tokenized before timing) or
// loading gazetteers from files.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "bench_resources.h"
#include "bench_text.h"
#include "gazetteer.h"
#include "parley/status.h"
#include "tokenizer.h"

namespace parley {
namespace {

void BM_GazetteerBuild(benchmark::State& state) {
  int64_t entries = 0;
  for (auto _ : state) {
    Result<Gazetteer> gazetteer = bench::BuildDefaultGazetteer();
    if (!gazetteer.ok()) {
      state.SkipWithError(gazetteer.status().ToString().c_str());
      return;
    }
    entries += static_cast<int64_t>(gazetteer->entries().size());
    benchmark::DoNotOptimize(gazetteer);
  }
  state.SetItemsProcessed(entries);
}
BENCHMARK(BM_GazetteerBuild)->Unit(benchmark::kMillisecond);

void BM_GazetteerMatch(benchmark::State& state) {
  const Result<Gazetteer> gazetteer = bench::BuildDefaultGazetteer();
  if (!gazetteer.ok()) {
    state.SkipWithError(gazetteer.status().ToString().c_str());
    return;
  }
  const std::string text =
      bench::NewsDocument(static_cast<std::size_t>(state.range(0)), 2);
  const Tokens tokens = Tokenize(text);
  int64_t matches = 0;
  for (auto _ : state) {
    std::vector<GazetteerMatch> result = gazetteer->Match(text, tokens);
    matches += static_cast<int64_t>(result.size());
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(tokens.tokens.size()));
  state.counters["matches"] = benchmark::Counter(
      static_cast<double>(matches), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_GazetteerMatch)
    ->Arg(10 << 10)
    ->Arg(1 << 20)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace parley

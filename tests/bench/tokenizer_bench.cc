// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Throughput of parley::Tokenize (lib/tokenizer.h) on news-like text, at
// the size of a story and of a long document, in bytes/s and tokens/s.
//
// It does not measure UTF-8 validation or any stage after the tokenizer.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "bench_text.h"
#include "tokenizer.h"

namespace parley {
namespace {

void BM_Tokenize(benchmark::State& state) {
  const std::string text =
      bench::NewsDocument(static_cast<std::size_t>(state.range(0)), 1);
  int64_t tokens = 0;
  for (auto _ : state) {
    Tokens result = Tokenize(text);
    tokens += static_cast<int64_t>(result.tokens.size());
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(tokens);
}
BENCHMARK(BM_Tokenize)
    ->Arg(10 << 10)
    ->Arg(1 << 20)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace parley

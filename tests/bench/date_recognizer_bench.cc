// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The date stage (lib/date_recognizer.h): how long compiling its patterns
// takes, in milliseconds, and how fast DateRecognizer::Find runs over
// news-like text against a document date, in bytes/s and date mentions/s.
//
// It does not measure the tokenizer, which gives Find its sentence spans
// before timing, nor building date records.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bench_text.h"
#include "date_normalizer.h"
#include "date_recognizer.h"
#include "parley/status.h"
#include "tokenizer.h"

namespace parley {
namespace {

void BM_DateRecognizerCreate(benchmark::State& state) {
  for (auto _ : state) {
    Result<DateRecognizer> dates = DateRecognizer::Create();
    if (!dates.ok()) {
      state.SkipWithError(dates.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(dates);
  }
}
BENCHMARK(BM_DateRecognizerCreate)->Unit(benchmark::kMillisecond);

void BM_DateFind(benchmark::State& state) {
  const Result<DateRecognizer> dates = DateRecognizer::Create();
  if (!dates.ok()) {
    state.SkipWithError(dates.status().ToString().c_str());
    return;
  }
  const std::string text =
      bench::NewsDocument(static_cast<std::size_t>(state.range(0)), 4);
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  for (const Sentence& sentence : Tokenize(text).sentences) {
    sentences.emplace_back(sentence.begin, sentence.end);
  }
  const DateContext context{.document_date = ParseCivilDate("2025-03-24")};
  int64_t mentions = 0;
  for (auto _ : state) {
    std::vector<DateMention> result = dates->Find(text, sentences, context);
    mentions += static_cast<int64_t>(result.size());
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(mentions);
}
BENCHMARK(BM_DateFind)
    ->Arg(10 << 10)
    ->Arg(1 << 20)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace parley

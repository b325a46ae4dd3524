// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Writing records as JSON (lib/json.cc), parley-extract's last step:
//  - BM_ToJson: ToJson on the documents extracted from 10 KB stories, in
//    bytes/s of the stories' text, so that the rate compares with
//    BM_Extract's on the same stories; and in output bytes per story.
//
// It does not extract: the documents are extracted once, before timing.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bench_text.h"
#include "parley/extractor.h"
#include "parley/json.h"
#include "parley/records.h"
#include "parley/status.h"

namespace parley {
namespace {

constexpr std::size_t kStoryBytes = 10 << 10;
constexpr std::size_t kStoryCount = 100;

void BM_ToJson(benchmark::State& state) {
  const std::vector<std::string> stories =
      bench::NewsDocuments(kStoryCount, kStoryBytes);
  const Result<Extractor> extractor = Extractor::Create();
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().ToString().c_str());
    return;
  }
  std::vector<Document> documents;
  for (const std::string& story : stories) {
    Result<Document> document = extractor->Extract(
        story, DocumentInfo{.id = "bench", .document_date = "2025-03-24"});
    if (!document.ok()) {
      state.SkipWithError(document.status().ToString().c_str());
      return;
    }
    documents.push_back(*std::move(document));
  }
  std::size_t next = 0;
  int64_t text_bytes = 0;
  int64_t json_bytes = 0;
  for (auto _ : state) {
    const std::string json = ToJson(documents[next]);
    benchmark::DoNotOptimize(json.data());
    text_bytes += static_cast<int64_t>(stories[next].size());
    json_bytes += static_cast<int64_t>(json.size());
    next = (next + 1) % documents.size();
  }
  state.SetBytesProcessed(text_bytes);
  state.SetItemsProcessed(state.iterations());
  state.counters["json_bytes_per_story"] = benchmark::Counter(
      static_cast<double>(json_bytes) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_ToJson)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace parley

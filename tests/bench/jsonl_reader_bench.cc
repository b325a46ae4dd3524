// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Reading JSON Lines input (lib/jsonl_reader.cc), parley-extract's first
// step:
//  - BM_ParseJsonLine: ParseJsonLine on lines that carry 10 KB stories, in
//    bytes/s of the lines, so that the rate compares with BM_Extract's.
//
// It does not read files or split lines (parley-extract does).

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_text.h"
#include "jsonl_reader.h"
#include "parley/status.h"

namespace parley {
namespace {

constexpr std::size_t kStoryBytes = 10 << 10;
constexpr std::size_t kStoryCount = 100;

void BM_ParseJsonLine(benchmark::State& state) {
  std::vector<std::string> lines;
  for (const std::string& story :
       bench::NewsDocuments(kStoryCount, kStoryBytes)) {
    nlohmann::ordered_json line;
    line["id"] = "bench-" + std::to_string(lines.size());
    line["document_date"] = "2025-03-24";
    line["text"] = story;
    lines.push_back(line.dump());
  }
  std::size_t next = 0;
  int64_t bytes = 0;
  JsonLine line;
  for (auto _ : state) {
    const Status status = ParseJsonLine(lines[next], &line);
    if (!status.ok()) {
      state.SkipWithError(status.ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(line.text.data());
    bytes += static_cast<int64_t>(lines[next].size());
    next = (next + 1) % lines.size();
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseJsonLine)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace parley

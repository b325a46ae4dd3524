// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The whole pipeline through the public API (parley/extractor.h):
//  - BM_ExtractorCreate: Extractor::Create with default options, in
//    milliseconds (the target is 20 ms or less in Release);
//  - BM_ExtractorCreateAndFirstStory: Create, then one 10 KB story, with
//    rules compiled on first use (1) and up front (0);
//  - BM_Extract: Extract, after a warm-up (see WarmExtractor), on 10 KB
//    stories and on one 1 MB and one 10 MB document, in bytes/s and
//    documents/s; equal bytes/s means cost linear in size;
//  - BM_ExtractShared: one Extractor shared by 1 and 2 threads, each
//    extracting 10 KB stories, in bytes/s of wall-clock time, so the two
//    rates give the scaling;
//  - BM_ExtractWithoutMeetings: BM_Extract's 10 KB stories with every
//    default rule but the meeting rules (lib/data/meetings.rules).  The
//    meeting stage (its rules, then lib/meeting_finder.cc) needs every
//    stage before it, so its cost is the difference of the two times per
//    story.
//
// It does not measure reading input or writing JSON (parley-extract's
// part: jsonl_reader_bench and json_bench measure those steps, and
// run_whole_process.sh the tool as a whole).

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bench_text.h"
#include "default_resources.h"
#include "parley/extractor.h"
#include "parley/records.h"
#include "parley/status.h"

namespace parley {
namespace {

constexpr std::size_t kStoryBytes = 10 << 10;
constexpr std::size_t kStoryCount = 100;

const DocumentInfo& BenchDocumentInfo() {
  static const DocumentInfo* const info =
      new DocumentInfo{.id = "bench", .document_date = "2025-03-24"};
  return *info;
}

void BM_ExtractorCreate(benchmark::State& state) {
  for (auto _ : state) {
    Result<Extractor> extractor = Extractor::Create();
    if (!extractor.ok()) {
      state.SkipWithError(extractor.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(extractor);
  }
}
BENCHMARK(BM_ExtractorCreate)->Unit(benchmark::kMillisecond);

// What the first story costs a new Extractor: Create, then Extract on one
// 10 KB story, with rules compiled on first use (the default, arg 1) and
// up front (arg 0).  Compiling on first use makes Create quicker, and this
// shows how much of that cost the first story pays instead.
void BM_ExtractorCreateAndFirstStory(benchmark::State& state) {
  const std::string story = bench::NewsDocument(kStoryBytes, 0);
  ExtractorOptions options;
  options.compile_rules_on_first_use = state.range(0) != 0;
  for (auto _ : state) {
    Result<Extractor> extractor = Extractor::Create(options);
    if (!extractor.ok()) {
      state.SkipWithError(extractor.status().ToString().c_str());
      return;
    }
    Result<Document> document = extractor->Extract(story, BenchDocumentInfo());
    benchmark::DoNotOptimize(document);
  }
}
BENCHMARK(BM_ExtractorCreateAndFirstStory)
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond);

// Many different stories, so that no one text's peculiarities set the rate.
const std::vector<std::string>& Stories() {
  static const std::vector<std::string>* const stories =
      new std::vector<std::string>(
          bench::NewsDocuments(kStoryCount, kStoryBytes));
  return *stories;
}

// An Extractor that has extracted every story once.  RE2 builds its DFA
// states lazily, from the text it meets, so a new Extractor's first
// documents cost more than later ones: warming up measures the steady state
// of a long-running process (run_whole_process.sh includes the cold start).
Result<Extractor> WarmExtractor(const ExtractorOptions& options = {}) {
  Result<Extractor> extractor = Extractor::Create(options);
  if (!extractor.ok()) return extractor;
  for (const std::string& story : Stories()) {
    Result<Document> document = extractor->Extract(story, BenchDocumentInfo());
    if (!document.ok()) return document.status();
  }
  return extractor;
}

// Extracts documents in turn, starting at `first`, and reports their bytes
// and count; stops at the first failure and reports it.
void ExtractInTurn(benchmark::State& state, const Extractor& extractor,
                   const std::vector<std::string>& documents,
                   std::size_t first) {
  std::size_t next = first % documents.size();
  int64_t bytes = 0;
  for (auto _ : state) {
    Result<Document> document =
        extractor.Extract(documents[next], BenchDocumentInfo());
    if (!document.ok()) {
      state.SkipWithError(document.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(document);
    bytes += static_cast<int64_t>(documents[next].size());
    next = (next + 1) % documents.size();
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations());
}

void BM_Extract(benchmark::State& state) {
  const Result<Extractor> extractor = WarmExtractor();
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().ToString().c_str());
    return;
  }
  const auto bytes = static_cast<std::size_t>(state.range(0));
  const std::vector<std::string> documents =
      bytes == kStoryBytes ? Stories() : bench::NewsDocuments(1, bytes);
  ExtractInTurn(state, *extractor, documents, 0);
}
BENCHMARK(BM_Extract)
    ->Arg(kStoryBytes)
    ->Arg(1 << 20)
    ->Arg(10 << 20)
    ->Unit(benchmark::kMillisecond);

void BM_ExtractWithoutMeetings(benchmark::State& state) {
  ExtractorOptions options;
  options.use_default_rules = false;
  for (const EmbeddedResource& rules : DefaultRules()) {
    if (rules.name == "meetings.rules") continue;
    options.rules.push_back(NamedText{.name = std::string(rules.name),
                                      .text = std::string(rules.text)});
  }
  const Result<Extractor> extractor = WarmExtractor(options);
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().ToString().c_str());
    return;
  }
  ExtractInTurn(state, *extractor, Stories(), 0);
}
BENCHMARK(BM_ExtractWithoutMeetings)->Unit(benchmark::kMillisecond);

void BM_ExtractShared(benchmark::State& state) {
  // Built once, before any thread times anything, and shared by all.
  static const Result<Extractor>* const extractor =
      new Result<Extractor>(WarmExtractor());
  if (!extractor->ok()) {
    state.SkipWithError(extractor->status().ToString().c_str());
    return;
  }
  const auto first = static_cast<std::size_t>(state.thread_index()) *
                     kStoryCount / static_cast<std::size_t>(state.threads());
  ExtractInTurn(state, **extractor, Stories(), first);
}
// Five seconds of stories per run, so that the threads' start and a thread
// finishing late weigh little in the rate.
BENCHMARK(BM_ExtractShared)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime()
    ->MinTime(5.0)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// That Extract takes time linear in the size of hostile documents, the ones
// tests/adversarial_test.cc feeds it: each shape at 10 KB, 100 KB, 1 MB and
// 10 MB, with Google Benchmark fitting the times to O(N) (the "_BigO" and
// "_RMS" rows: a small RMS means the fit holds).  News text is the yardstick.
//
//   build-bench/tests/bench/linearity_bench --benchmark_filter=OneSentence
//
// It measures, it does not judge: a timed pass/fail would be flaky on a
// shared machine.  Unlike the per-stage suites it measures no one file of
// lib/: it is the whole pipeline on the adversarial shapes.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "bench_text.h"
#include "made_up_names.h"
#include "parley/extractor.h"
#include "parley/records.h"
#include "parley/status.h"

namespace parley {
namespace {

enum class Shape {
  kNews,              // paragraphs of news, for comparison
  kOneSentence,       // one sentence of tokens, no sentence end
  kOneName,           // "Ishaq Dar. " again and again
  kNesting,           // brackets nested half the size deep
  kPunctuation,       // nothing but punctuation
  kPathologicalRule,  // news under a user rule built to look far ahead
  kAmbiguousWord,     // "Lao officials met. ": a country word also a name
  kManyPeople,        // "Minister Bakorite Sunamilo said. ": all different
  kOnePairManyDays,   // "Minister Baba Koko met Minister Riri Tete on
                      // March 3, 1901. ": a different day for 200 years
  kOneGivenName,      // "Minister John Bakorite said. ": all different
                      // but for the given name
  kOneFamilyName,     // "Minister Bakorite Smith said. Smith left. ":
                      // all different but for the family name
  kManyTopics,        // "... met ... and discussed bakorite. ": one meeting,
                      // a new topic each time
};

std::string Text(Shape shape, std::size_t size) {
  std::string text;
  switch (shape) {
    case Shape::kNews:
      return bench::NewsDocument(size, 1);
    case Shape::kOneSentence:
      while (text.size() < size) text += "Minister Dar and x, ";
      return text;
    case Shape::kOneName:
      while (text.size() < size) text += "Ishaq Dar. ";
      return text;
    case Shape::kNesting:
      return std::string(size / 2, '(') + "Pakistan" +
             std::string(size / 2, ')');
    case Shape::kPunctuation:
      while (text.size() < size) text += "!?.,;:()[]\"'-";
      return text;
    case Shape::kPathologicalRule:
      while (text.size() < size) text += "Minister Dar and Wang Yi met ";
      return text;
    case Shape::kAmbiguousWord:
      while (text.size() < size) text += "Lao officials met. ";
      return text;
    case Shape::kManyPeople:
      for (std::size_t i = 0; text.size() < size; ++i) {
        text += "Minister " + MadeUpNameWord(i + 500000) + " " +
                MadeUpNameWord(i) + " said. ";
      }
      return text;
    case Shape::kOnePairManyDays:
      for (std::size_t i = 0; text.size() < size; ++i) {
        static constexpr const char* kMonths[] = {
            "January",   "February", "March",    "April",
            "May",       "June",     "July",     "August",
            "September", "October",  "November", "December"};
        text += "Minister Baba Koko met Minister Riri Tete on " +
                std::string(kMonths[i / 28 % 12]) + " " +
                std::to_string(i % 28 + 1) + ", " +
                std::to_string(1900 + i / (12 * 28) % 200) + ". ";
      }
      return text;
    case Shape::kOneGivenName:
      for (std::size_t i = 0; text.size() < size; ++i) {
        text += "Minister John " + MadeUpNameWord(i) + " said. ";
      }
      return text;
    case Shape::kOneFamilyName:
      for (std::size_t i = 0; text.size() < size; ++i) {
        text += "Minister " + MadeUpNameWord(i) + " Smith said. Smith left. ";
      }
      return text;
    case Shape::kManyTopics:
      for (std::size_t i = 0; text.size() < size; ++i) {
        std::string topic = MadeUpNameWord(i);
        topic[0] = static_cast<char>(topic[0] - 'A' + 'a');
        text += "Minister Baba Koko met Minister Riri Tete and discussed " +
                topic + ". ";
      }
      return text;
  }
  return text;
}

Result<Extractor> MakeExtractor(Shape shape) {
  if (shape != Shape::kPathologicalRule) return Extractor::Create();
  // Stars nested three deep that never complete, so that every start
  // reads to the end of its piece of the sentence.
  ExtractorOptions options;
  options.rules.push_back(
      {.name = "slow.rules",
       .text = "rule title-slow : title=(@office_head) "
               "person=((([Title] [Lower]*)* [Any]*)* \"never\") ;\n"});
  return Extractor::Create(options);
}

void BM_Extract(benchmark::State& state, Shape shape) {
  Result<Extractor> extractor = MakeExtractor(shape);
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().ToString().c_str());
    return;
  }
  const std::string text =
      Text(shape, static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    Result<Document> document = extractor->Extract(text);
    if (!document.ok()) {
      state.SkipWithError(document.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(document);
  }
  state.SetComplexityN(static_cast<int64_t>(text.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

#define PARLEY_LINEARITY_BENCHMARK(name, shape) \
  BENCHMARK_CAPTURE(BM_Extract, name, shape)    \
      ->RangeMultiplier(10)                     \
      ->Range(10 << 10, 10 << 20)               \
      ->Unit(benchmark::kMillisecond)           \
      ->Complexity(benchmark::oN)

PARLEY_LINEARITY_BENCHMARK(News, Shape::kNews);
PARLEY_LINEARITY_BENCHMARK(OneSentence, Shape::kOneSentence);
PARLEY_LINEARITY_BENCHMARK(OneName, Shape::kOneName);
PARLEY_LINEARITY_BENCHMARK(Nesting, Shape::kNesting);
PARLEY_LINEARITY_BENCHMARK(Punctuation, Shape::kPunctuation);
PARLEY_LINEARITY_BENCHMARK(PathologicalRule, Shape::kPathologicalRule);
PARLEY_LINEARITY_BENCHMARK(AmbiguousWord, Shape::kAmbiguousWord);
PARLEY_LINEARITY_BENCHMARK(ManyPeople, Shape::kManyPeople);
PARLEY_LINEARITY_BENCHMARK(OnePairManyDays, Shape::kOnePairManyDays);
PARLEY_LINEARITY_BENCHMARK(ManyTopics, Shape::kManyTopics);
PARLEY_LINEARITY_BENCHMARK(OneGivenName, Shape::kOneGivenName);
PARLEY_LINEARITY_BENCHMARK(OneFamilyName, Shape::kOneFamilyName);

}  // namespace
}  // namespace parley

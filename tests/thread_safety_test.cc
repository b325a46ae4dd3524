// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// One Extractor shared by 8 threads over 1,000 documents gives, for every
// document, byte for byte the JSON of a single-threaded run, and two runs
// give the same bytes.  .ci/sanitize runs this test under ThreadSanitizer,
// where a data race inside Extract() fails it even when the outputs agree.
//
// The documents are paragraphs of the bundled sample article and of the
// benchmark news sample, alone and in pairs, with and without a document
// date, so that every stage runs on varied text.

#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "parley/extractor.h"
#include "parley/json.h"
#include "parley/records.h"

namespace parley {
namespace {

constexpr int kThreads = 8;
constexpr std::size_t kDocuments = 1000;

std::string ReadFile(const char* path) {
  std::ifstream file(path, std::ios::binary);
  EXPECT_TRUE(file.good()) << path;
  return std::string(std::istreambuf_iterator<char>(file),
                     std::istreambuf_iterator<char>());
}

// The non-empty lines of `text`.
std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> paragraphs;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) paragraphs.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return paragraphs;
}

struct Input {
  std::string text;
  DocumentInfo info;
};

std::vector<Input> MakeInputs() {
  std::vector<std::string> paragraphs =
      Paragraphs(ReadFile(PARLEY_SAMPLE_ARTICLE));
  const std::vector<std::string> news =
      Paragraphs(ReadFile(PARLEY_NEWS_SAMPLE));
  paragraphs.insert(paragraphs.end(), news.begin(), news.end());
  EXPECT_GT(paragraphs.size(), 20u);
  std::vector<Input> inputs;
  for (std::size_t i = 0; inputs.size() < kDocuments; ++i) {
    const std::string& first = paragraphs[i % paragraphs.size()];
    // Every other document joins two paragraphs that are apart in the files.
    const std::string text =
        i % 2 == 0 ? first
                   : first + "\n" + paragraphs[(i * 7 + 3) % paragraphs.size()];
    inputs.push_back({text,
                      {.id = "doc-" + std::to_string(i),
                       .document_date = i % 3 == 0 ? "" : "2025-03-24"}});
  }
  return inputs;
}

std::string Output(const Extractor& extractor, const Input& input) {
  Result<Document> document = extractor.Extract(input.text, input.info);
  return document.ok() ? ToJson(*document) : document.status().ToString();
}

TEST(ThreadSafetyTest, EightThreadsGiveTheOutputOfOne) {
  // Two Extractors built apart, as in two runs of a program: output that
  // depended on addresses or on the order of a hash table would differ.
  // `shared` has compiled no rule yet, so the threads race to compile
  // them on first use.
  Result<Extractor> extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  Result<Extractor> shared = Extractor::Create();
  ASSERT_TRUE(shared.ok()) << shared.status().ToString();
  const std::vector<Input> inputs = MakeInputs();

  std::vector<std::string> expected;
  for (const Input& input : inputs) {
    expected.push_back(Output(*extractor, input));
    // A failed extraction would make the comparison vacuous.
    ASSERT_EQ(expected.back().front(), '{') << expected.back();
  }

  // Threads take documents from a shared counter, so that the order in which
  // documents run differs from the single-threaded run and between runs.
  std::vector<std::string> outputs(inputs.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (std::size_t i; (i = next.fetch_add(1)) < inputs.size();) {
        outputs[i] = Output(*shared, inputs[i]);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    ASSERT_EQ(outputs[i], expected[i]) << inputs[i].info.id;
  }
}

TEST(ThreadSafetyTest, CopiesOfAnExtractorAgreeAcrossThreads) {
  Result<Extractor> extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  const std::vector<Input> inputs = MakeInputs();
  const Input& input = inputs[1];
  const std::string expected = Output(*extractor, input);

  // Copies share the compiled resources; each thread owns one copy and
  // destroys it while others still use theirs.
  std::vector<std::string> outputs(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&outputs, &input, t, copy = *extractor] {
      outputs[t] = Output(copy, input);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& output : outputs) EXPECT_EQ(output, expected);
}

}  // namespace
}  // namespace parley

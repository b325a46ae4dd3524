// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Reads and shuffles the benchmarks' text (bench_text.h).

#include "bench_text.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string_view>

namespace parley::bench {
namespace {

std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// Splits at blank lines; a paragraph keeps its inner line breaks.
void AppendParagraphs(std::string_view text, std::vector<std::string>& out) {
  constexpr std::string_view kWhitespace = " \t\r\n";
  while (!text.empty()) {
    const std::size_t start = text.find_first_not_of(kWhitespace);
    if (start == std::string_view::npos) return;
    text.remove_prefix(start);
    std::size_t end = text.find("\n\n");
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(0, end);
    paragraph.remove_suffix(paragraph.size() -
                            (paragraph.find_last_not_of(kWhitespace) + 1));
    out.emplace_back(paragraph);
    text.remove_prefix(end);
  }
}

std::vector<std::string> LoadParagraphs() {
  std::vector<std::string> paragraphs;
  const std::filesystem::path fixture =
      std::filesystem::path(PARLEY_BENCH_DATA_DIR) / "news_sample.txt";
  const std::string fixture_text = ReadWholeFile(fixture);
  if (fixture_text.empty()) {
    std::cerr << "cannot read the benchmark fixture " << fixture << "\n";
    std::exit(1);
  }
  AppendParagraphs(fixture_text, paragraphs);

  std::error_code error;
  const std::filesystem::path corpus(PARLEY_SHARED_CORPUS_DIR);
  if (!std::filesystem::is_directory(corpus, error)) return paragraphs;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(corpus, error)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const std::filesystem::path& file : files) {
    AppendParagraphs(ReadWholeFile(file), paragraphs);
  }
  return paragraphs;
}

}  // namespace

const std::vector<std::string>& NewsParagraphs() {
  static const std::vector<std::string>* const paragraphs =
      new std::vector<std::string>(LoadParagraphs());
  return *paragraphs;
}

std::string NewsDocument(std::size_t min_bytes, uint32_t seed) {
  const std::vector<std::string>& paragraphs = NewsParagraphs();
  std::vector<std::size_t> order(paragraphs.size());
  std::mt19937 random(seed);
  std::string document;
  document.reserve(min_bytes + 4096);
  while (document.size() < min_bytes) {
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), random);
    for (std::size_t i = 0; i < order.size() && document.size() < min_bytes;
         ++i) {
      if (!document.empty()) document += "\n\n";
      document += paragraphs[order[i]];
    }
  }
  document += '\n';
  return document;
}

std::vector<std::string> NewsDocuments(std::size_t count,
                                       std::size_t min_bytes) {
  std::vector<std::string> documents;
  documents.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    documents.push_back(NewsDocument(min_bytes, static_cast<uint32_t>(i)));
  }
  return documents;
}

}  // namespace parley::bench

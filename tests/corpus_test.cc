// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// End to end on the development corpus (../shared/corpus/dev beside the
// checkout): every document extracts, and every mention's offsets point at
// the text it claims.  Skipped, saying so, where the corpus is absent.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "parley/extractor.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

struct CorpusDocument {
  std::string id;
  std::string document_date;
  std::string text;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<CorpusDocument> LoadCorpus() {
  std::vector<CorpusDocument> docs;
  const fs::path dir = PARLEY_SHARED_CORPUS_DIR;
  if (!fs::is_directory(dir)) return docs;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = ".gold.json";
    if (name.size() <= suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    const std::string stem = name.substr(0, name.size() - suffix.size());
    const nlohmann::json gold = nlohmann::json::parse(ReadFile(entry.path()));
    docs.push_back(CorpusDocument{
        .id = stem,
        .document_date = gold.value("document_date", ""),
        .text = ReadFile(dir / (stem + ".txt"))});
  }
  return docs;
}

void ExpectMentionsPointAtText(const std::string& text,
                               const std::vector<Mention>& mentions,
                               const std::string& where) {
  for (const Mention& m : mentions) {
    ASSERT_LE(m.begin, m.end) << where;
    ASSERT_LE(m.end, text.size()) << where;
    EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.text) << where;
    EXPECT_FALSE(m.source.empty()) << where << " " << m.text;
  }
}

TEST(CorpusTest, EveryMentionPointsAtItsText) {
  const std::vector<CorpusDocument> docs = LoadCorpus();
  if (docs.empty()) {
    GTEST_SKIP() << "no development corpus at " << PARLEY_SHARED_CORPUS_DIR;
  }
  Result<Extractor> extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  for (const CorpusDocument& doc : docs) {
    Result<Document> out = extractor->Extract(
        doc.text, {.id = doc.id, .document_date = doc.document_date});
    ASSERT_TRUE(out.ok()) << doc.id << ": " << out.status().ToString();
    EXPECT_EQ(out->id, doc.id);
    for (const Person& r : out->people) {
      ExpectMentionsPointAtText(doc.text, r.mentions, doc.id + " " + r.id);
    }
    for (const Country& r : out->countries) {
      ExpectMentionsPointAtText(doc.text, r.mentions, doc.id + " " + r.id);
    }
    for (const Office& r : out->offices) {
      ExpectMentionsPointAtText(doc.text, r.mentions, doc.id + " " + r.id);
    }
    for (const Date& r : out->dates) {
      ExpectMentionsPointAtText(doc.text, r.mentions, doc.id + " " + r.id);
    }
    for (const Meeting& r : out->meetings) {
      EXPECT_LE(r.evidence.begin, r.evidence.end);
      EXPECT_LE(r.evidence.end, doc.text.size());
      EXPECT_FALSE(r.evidence.rule.empty());
    }
  }
}

}  // namespace
}  // namespace parley

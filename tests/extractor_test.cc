// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The public API: building an Extractor, refusing bad input with an error
// that says where, and sharing one Extractor across threads.

#include "parley/extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "default_extractor.h"
#include "parley/json.h"

namespace parley {
namespace {

TEST(ExtractorTest, InvalidUtf8NamesTheByteOffset) {
  const std::string text = "Talks in Kabul \xC0\xAF ended.";  // overlong '/'
  Result<Document> doc = DefaultExtractor().Extract(text);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidDocument);
  ASSERT_TRUE(doc.status().location().has_value());
  EXPECT_EQ(doc.status().location()->byte_offset, 15u);
  EXPECT_EQ(doc.status().ToString(), "byte 15: invalid UTF-8");
}

TEST(ExtractorTest, InvalidUtf8Forms) {
  const std::vector<std::pair<std::string, uint64_t>> cases = {
      {"a\xED\xA0\x80z", 1},      // UTF-16 surrogate
      {"ab\xE2\x82", 2},          // truncated at the end
      {"\x80", 0},                // stray continuation byte
      {"ok \xF4\x90\x80\x80", 3}  // past U+10FFFF
  };
  for (const auto& [text, offset] : cases) {
    Result<Document> doc = DefaultExtractor().Extract(text);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().location()->byte_offset, offset);
  }
}

TEST(ExtractorTest, MalformedDocumentDateIsAnInvalidArgument) {
  for (const char* date : {"2025-02-30", "24/03/2025", "2025-3-4", "soon"}) {
    Result<Document> doc =
        DefaultExtractor().Extract("Text.", {.id = "d", .document_date = date});
    ASSERT_FALSE(doc.ok()) << date;
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(ExtractorTest, DocumentLargerThanTheLimitIsRefused) {
  Result<Extractor> small = Extractor::Create({.max_document_bytes = 10});
  ASSERT_TRUE(small.ok());
  Result<Document> doc = small->Extract("Eleven byte");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidDocument);
  EXPECT_TRUE(small->Extract("Ten bytes.").ok());
}

TEST(ExtractorTest, KeepsIdAndDocumentDate) {
  Result<Document> doc = DefaultExtractor().Extract(
      "Nothing here.", {.id = "n-1", .document_date = "2024-02-29"});
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id, "n-1");
  EXPECT_EQ(doc->document_date, "2024-02-29");
}

TEST(ExtractorTest, EmptyAndWhitespaceDocuments) {
  for (const std::string& text : {std::string(), std::string(" "),
                                  std::string("\n\n"), std::string("\0", 1)}) {
    Result<Document> doc = DefaultExtractor().Extract(text);
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(*doc, Document{});
  }
}

TEST(ExtractorTest, MalformedUserGazetteerYieldsNoExtractor) {
  Result<Extractor> extractor = Extractor::Create(
      {.gazetteers = {
           {.name = "mine.tsv",
            .text = "Freedonia\tcountry\tFD\nSylvania\tcountry\n"}}});
  ASSERT_FALSE(extractor.ok());
  EXPECT_EQ(extractor.status().code(), StatusCode::kParseError);
  ASSERT_TRUE(extractor.status().location().has_value());
  EXPECT_EQ(extractor.status().location()->file, "mine.tsv");
  EXPECT_EQ(extractor.status().location()->line, 2);
}

TEST(ExtractorTest, MissingUserGazetteerFileIsAnIoError) {
  Result<Extractor> extractor =
      Extractor::Create({.gazetteer_files = {"/nonexistent/parley.tsv"}});
  ASSERT_FALSE(extractor.ok());
  EXPECT_EQ(extractor.status().code(), StatusCode::kIoError);
}

TEST(ExtractorTest, UserGazetteerAddsACountry) {
  Result<Extractor> extractor = Extractor::Create(
      {.gazetteers = {{.name = "mine.tsv",
                       .text = "Freedonia\tcountry\tFD\tcanonical=yes\t"
                               "name=Freedonia\n"}}});
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  Result<Document> doc = extractor->Extract("Envoys flew to Freedonia.");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->countries.size(), 1u);
  EXPECT_EQ(doc->countries[0],
            (Country{.id = "C1",
                     .code = "FD",
                     .name = "Freedonia",
                     .mentions = {Mention{.begin = 15,
                                          .end = 24,
                                          .text = "Freedonia",
                                          .source = "mine.tsv:1"}}}));
}

TEST(ExtractorTest, CompilesRulesUpFrontOrOnFirstUseAlike) {
  // Compiling up front fails if RE2 refuses any default rule, which
  // compiling on first use would only show when a text needed it.
  Result<Extractor> up_front =
      Extractor::Create({.compile_rules_on_first_use = false});
  ASSERT_TRUE(up_front.ok()) << up_front.status().ToString();
  const std::string text =
      "Indian Prime Minister Narendra Modi met President Emmanuel Macron in "
      "Paris on Thursday.";
  const DocumentInfo info{.id = "t", .document_date = "2025-02-14"};
  Result<Document> eager = up_front->Extract(text, info);
  Result<Document> lazy = DefaultExtractor().Extract(text, info);
  ASSERT_TRUE(eager.ok() && lazy.ok());
  ASSERT_EQ(eager->meetings.size(), 1u);
  EXPECT_EQ(eager->meetings[0].participants.size(), 2u);
  EXPECT_EQ(ToJson(*eager), ToJson(*lazy));
}

TEST(ExtractorTest, LongSentencesLoseNothingWhereRulesArePieced) {
  // Rules run over a sentence longer than RuleMatcher::kMaxPieceTokens in
  // overlapping pieces; put the name and the meeting across the 512th token.
  for (int filler : {505, 509, 510, 511, 512, 520}) {
    std::string text;
    for (int i = 0; i < filler; ++i) text += "the ";
    text += "Emmanuel Macron met Olaf Scholz in Berlin.";
    Result<Document> doc = DefaultExtractor().Extract(text);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    ASSERT_EQ(doc->people.size(), 2u) << filler;
    EXPECT_EQ(doc->people[0].name, "Emmanuel Macron") << filler;
    EXPECT_EQ(doc->people[0].mentions[0].begin, 4u * filler) << filler;
    EXPECT_EQ(doc->people[1].name, "Olaf Scholz") << filler;
    ASSERT_EQ(doc->meetings.size(), 1u) << filler;
    EXPECT_EQ(doc->meetings[0].participants,
              (std::vector<std::string>{"P1", "P2"}))
        << filler;
    EXPECT_EQ(doc->meetings[0].location, "Berlin") << filler;
  }
}

TEST(ExtractorTest, ThreadsShareOneExtractorAndAgree) {
  const Extractor& extractor = DefaultExtractor();
  const std::string text =
      "Pakistan's Foreign Minister Ishaq Dar met Afghan officials in Kabul "
      "on Monday.\nThe two sides discussed trade with China.";
  const DocumentInfo info{.id = "t", .document_date = "2025-03-24"};
  const std::string expected = ToJson(*extractor.Extract(text, info));
  std::vector<std::string> outputs(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 50; ++round) {
        Result<Document> doc = extractor.Extract(text, info);
        outputs[i] = doc.ok() ? ToJson(*doc) : doc.status().ToString();
        if (outputs[i] != expected) return;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& output : outputs) EXPECT_EQ(output, expected);
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/gazetteer.cc: the builder (sources in, type ids and provenance,
// overrides as the entries come out, a failed source left out) and the
// matcher on real sentences.  The format and its errors are tested in
// gazetteer_tsv_test.cc, the override rules in gazetteer_overrides_test.cc.
// The default gazetteers are only checked to load and to match their own
// phrases; what they contain is tested by the stages that read them.

#include "gazetteer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "default_resources.h"
#include "tokenizer.h"

namespace parley {

void PrintTo(const GazetteerMatch& match, std::ostream* os) {
  *os << "{" << match.first_token << ", " << match.end_token << ", "
      << match.entry << "}";
}

namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

Gazetteer BuildFrom(std::string_view tsv) {
  Gazetteer::Builder builder;
  const Status status = builder.Add("test.tsv", tsv);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return std::move(builder).Build();
}

std::vector<GazetteerMatch> MatchText(const Gazetteer& gazetteer,
                                      std::string_view text) {
  return gazetteer.Match(text, Tokenize(text));
}

// The ids of the entries that match, "first-end:id".
std::vector<std::string> MatchedIds(const Gazetteer& gazetteer,
                                    std::string_view text) {
  std::vector<std::string> ids;
  for (const GazetteerMatch& match : MatchText(gazetteer, text)) {
    ids.push_back(std::to_string(match.first_token) + "-" +
                  std::to_string(match.end_token) + ":" +
                  gazetteer.entries()[match.entry].id);
  }
  return ids;
}

TEST(GazetteerBuilderTest, ParsesEveryFeature) {
  const Gazetteer gazetteer = BuildFrom(
      "# Countries and their capitals.\n"
      "\n"
      "Pakistan\tcountry\tPK\n"
      "Pakistani\tcountry\tPK\tform=adjective\n"
      " \t \n"
      "US\tcountry\tUS\tcase=exact\n"
      "Kabul\tcity\tKabul\tcountry=AF\tcapital=yes\tnote=\n"
      "Tehreek-e-Taliban Pakistan\tgroup\tTTP\n");

  const std::vector<GazetteerEntry>& entries = gazetteer.entries();
  ASSERT_EQ(entries.size(), 5u);

  EXPECT_EQ(entries[0].phrase, "Pakistan");
  EXPECT_EQ(entries[0].type, "country");
  EXPECT_EQ(entries[0].id, "PK");
  EXPECT_THAT(entries[0].attributes, IsEmpty());
  EXPECT_FALSE(entries[0].case_exact);
  EXPECT_EQ(gazetteer.SourceOf(0), "test.tsv:3");

  EXPECT_THAT(entries[1].attributes, ElementsAre(Pair("form", "adjective")));
  EXPECT_EQ(entries[1].Attribute("form"), "adjective");
  EXPECT_EQ(entries[1].Attribute("capital"), "");
  EXPECT_EQ(gazetteer.SourceOf(1), "test.tsv:4");

  EXPECT_EQ(entries[2].phrase, "US");
  EXPECT_TRUE(entries[2].case_exact);
  EXPECT_THAT(entries[2].attributes, IsEmpty());
  EXPECT_EQ(gazetteer.SourceOf(2), "test.tsv:6");

  EXPECT_THAT(entries[3].attributes,
              ElementsAre(Pair("country", "AF"), Pair("capital", "yes"),
                          Pair("note", "")));
  EXPECT_EQ(entries[3].Attribute("country"), "AF");

  EXPECT_EQ(entries[4].phrase, "Tehreek-e-Taliban Pakistan");
  EXPECT_EQ(gazetteer.SourceOf(4), "test.tsv:8");

  const uint32_t country = gazetteer.TypeId("country");
  const uint32_t city = gazetteer.TypeId("city");
  EXPECT_NE(country, Gazetteer::kNoType);
  EXPECT_NE(city, Gazetteer::kNoType);
  EXPECT_NE(country, city);
  EXPECT_EQ(gazetteer.TypeId("province"), Gazetteer::kNoType);
  EXPECT_EQ(entries[0].type_id, country);
  EXPECT_EQ(entries[2].type_id, country);
  EXPECT_EQ(entries[3].type_id, city);
}

TEST(GazetteerBuilderTest, ErrorRendersWithItsLocation) {
  Gazetteer::Builder builder;
  const Status status = builder.Add(
      "offices.tsv", "# Offices\nprime minister\toffice\tPM\tlevel\n");
  EXPECT_EQ(status.ToString(),
            "offices.tsv:2:26: attribute is not key=value: `level`");
}

TEST(GazetteerBuilderTest, AddsNothingOfAFailedSource) {
  Gazetteer::Builder builder;
  ASSERT_TRUE(builder.Add("first.tsv", "Pakistan\tcountry\tPK\n").ok());
  EXPECT_FALSE(builder
                   .Add("second.tsv",
                        "India\tcountry\tIN\n"
                        "pakistan\tcountry\tPK\tform=lower\n"
                        "Iran\tcountry\n")
                   .ok());
  const Gazetteer gazetteer = std::move(builder).Build();
  ASSERT_EQ(gazetteer.entries().size(), 1u);
  EXPECT_EQ(gazetteer.SourceOf(0), "first.tsv:1");
  EXPECT_EQ(gazetteer.TypeId("country"), 0u);
  EXPECT_THAT(MatchedIds(gazetteer, "India and Pakistan"),
              ElementsAre("2-3:PK"));
}

TEST(GazetteerBuilderTest, LaterSourceReplacesEntriesWithTheSameKey) {
  Gazetteer::Builder builder;
  ASSERT_TRUE(builder
                  .Add("places.tsv",
                       "Georgia\tcountry\tGE\n"
                       "Punjab\tprovince\tPK-PB\n"
                       "Punjab\tprovince\tIN-PB\n"
                       "Georgia\tstate\tUS-GA\n"
                       "US\tcountry\tUS\tcase=exact\n")
                  .ok());
  ASSERT_TRUE(builder
                  .Add("mine.tsv",
                       "# Same normalized tokens, type and case.\n"
                       "GEORGIA\tcountry\tGE\tcapital=Tbilisi\n"
                       "punjab\tprovince\tPK-PB\n"
                       "# Not case-exact, or another exact text: both new.\n"
                       "US\tcountry\tUS-LOOSE\n"
                       "Us\tcountry\tUS-TITLE\tcase=exact\n")
                  .ok());
  ASSERT_TRUE(builder
                  .Add("theirs.tsv",
                       "Georgia\tcountry\tGE\tcapital=Tiflis\n"
                       "US\tcountry\tUS\tcase=exact\tname=United States\n")
                  .ok());
  const Gazetteer gazetteer = std::move(builder).Build();
  const std::vector<GazetteerEntry>& entries = gazetteer.entries();
  ASSERT_EQ(entries.size(), 6u);
  // Replaced twice, Georgia keeps its place.
  EXPECT_EQ(entries[0].phrase, "Georgia");
  EXPECT_EQ(entries[0].Attribute("capital"), "Tiflis");
  EXPECT_EQ(gazetteer.SourceOf(0), "theirs.tsv:1");
  // Both Punjabs give way to the one of the later source.
  EXPECT_EQ(entries[1].id, "PK-PB");
  EXPECT_EQ(gazetteer.SourceOf(1), "mine.tsv:3");
  EXPECT_EQ(entries[2].id, "US-GA");
  EXPECT_EQ(gazetteer.SourceOf(2), "places.tsv:4");
  EXPECT_EQ(entries[3].id, "US");
  EXPECT_EQ(entries[3].Attribute("name"), "United States");
  EXPECT_EQ(gazetteer.SourceOf(3), "theirs.tsv:2");
  EXPECT_EQ(entries[4].id, "US-LOOSE");
  EXPECT_EQ(entries[5].id, "US-TITLE");
  EXPECT_THAT(MatchedIds(gazetteer, "Punjab, Georgia"),
              ElementsAre("0-1:PK-PB", "2-3:GE", "2-3:US-GA"));
}

TEST(GazetteerBuilderTest, AddFileReadsAFileAndNamesItInErrors) {
  const std::filesystem::path path =
      std::filesystem::path(testing::TempDir()) / "gazetteer_test_crlf.tsv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "Islamabad\tcity\tIslamabad\tcountry=PK\r\nKabul\tcity\r\n";
  }
  Gazetteer::Builder builder;
  const Status status = builder.AddFile(path.string());
  std::filesystem::remove(path);
  ASSERT_FALSE(status.ok());
  ASSERT_TRUE(status.location().has_value());
  EXPECT_EQ(status.location()->file, path.string());
  EXPECT_EQ(status.location()->line, 2);
  EXPECT_EQ(status.location()->fragment, "Kabul\tcity");
}

TEST(GazetteerBuilderTest, AddFileReportsAnUnreadableFile) {
  Gazetteer::Builder builder;
  const Status missing = builder.AddFile("/nonexistent/places.tsv");
  EXPECT_EQ(missing.code(), StatusCode::kIoError);
  EXPECT_EQ(missing.message(),
            "cannot read /nonexistent/places.tsv: No such file or directory");
  const Status directory = builder.AddFile(testing::TempDir());
  EXPECT_EQ(directory.code(), StatusCode::kIoError);
  EXPECT_EQ(directory.message(),
            "cannot read " + testing::TempDir() + ": Is a directory");
}

class GazetteerMatchTest : public testing::Test {
 protected:
  // Entry indices are the line numbers less one.
  GazetteerMatchTest()
      : gazetteer_(BuildFrom("Pakistan\tcountry\tPK\n"
                             "U.S.\tcountry\tUS\n"
                             "US\tcountry\tUS\tcase=exact\n"
                             "Tehreek-e-Taliban Pakistan\tgroup\tTTP\n"
                             "Taliban\tgroup\tTaliban\n"
                             "Turkiye\tcountry\tTR\n"
                             "Georgia\tcountry\tGE\n"
                             "Georgia\tstate\tUS-GA\n"
                             "prime minister\toffice\tPM\n"
                             "minister\toffice\tminister\n"
                             "Pakistan India\tpair\tPK-IN\n")) {}

  const Gazetteer gazetteer_;
};

TEST_F(GazetteerMatchTest, SplitsHyphenatedPairs) {
  // U.S. | - | Pakistan | ties | were | strained | .
  EXPECT_THAT(MatchText(gazetteer_, "U.S.-Pakistan ties were strained."),
              ElementsAre(GazetteerMatch{0, 1, 1}, GazetteerMatch{2, 3, 0}));
}

TEST_F(GazetteerMatchTest, ReportsNestedMatchesLongestFirst) {
  // The | Tehreek | - | e | - | Taliban | Pakistan | claimed | ...
  EXPECT_THAT(MatchText(gazetteer_,
                        "The Tehreek-e-Taliban Pakistan claimed the attack."),
              ElementsAre(GazetteerMatch{1, 7, 3}, GazetteerMatch{5, 6, 4},
                          GazetteerMatch{6, 7, 0}));
  EXPECT_THAT(MatchedIds(gazetteer_, "Pakistan's prime minister spoke."),
              ElementsAre("0-1:PK", "2-4:PM", "3-4:minister"));
}

TEST_F(GazetteerMatchTest, CaseExactEntriesNeedTheirExactText) {
  EXPECT_THAT(MatchText(gazetteer_, "US officials met him."),
              ElementsAre(GazetteerMatch{0, 1, 2}));
  EXPECT_THAT(MatchText(gazetteer_, "He told us nothing."), IsEmpty());
  EXPECT_THAT(MatchText(gazetteer_, "Us and them."), IsEmpty());
  EXPECT_THAT(MatchedIds(gazetteer_, "PAKISTAN AND THE US"),
              ElementsAre("0-1:PK", "3-4:US"));
}

TEST_F(GazetteerMatchTest, FoldsDiacriticsBothWays) {
  EXPECT_THAT(MatchText(gazetteer_, "Türkiye closed its airspace."),
              ElementsAre(GazetteerMatch{0, 1, 5}));
  const Gazetteer accented = BuildFrom("Türkiye\tcountry\tTR\n");
  EXPECT_THAT(MatchText(accented, "Officials in Turkiye said no."),
              ElementsAre(GazetteerMatch{2, 3, 0}));
  EXPECT_THAT(MatchText(accented, "TÜRKIYE"),
              ElementsAre(GazetteerMatch{0, 1, 0}));
}

TEST_F(GazetteerMatchTest, MatchesBeforePossessives) {
  EXPECT_THAT(MatchText(gazetteer_, "Pakistan’s army chief"),
              ElementsAre(GazetteerMatch{0, 1, 0}));
  EXPECT_THAT(MatchText(gazetteer_, "Pakistan's army chief"),
              ElementsAre(GazetteerMatch{0, 1, 0}));
}

TEST_F(GazetteerMatchTest, DoesNotCrossSentences) {
  EXPECT_THAT(MatchText(gazetteer_, "Talks with Pakistan India joined."),
              ElementsAre(GazetteerMatch{2, 4, 10}, GazetteerMatch{2, 3, 0}));

  const std::string_view text = "Talks with Pakistan India joined.";
  Tokens tokens = Tokenize(text);
  ASSERT_EQ(tokens.sentences.size(), 1u);
  ASSERT_EQ(tokens.tokens.size(), 6u);
  // Cut the sentence between "Pakistan" and "India".
  const Sentence whole = tokens.sentences[0];
  tokens.sentences = {whole, whole};
  tokens.sentences[0].end_token = 3;
  tokens.sentences[0].end = tokens.tokens[2].end;
  tokens.sentences[1].first_token = 3;
  tokens.sentences[1].begin = tokens.tokens[3].begin;
  EXPECT_THAT(gazetteer_.Match(text, tokens),
              ElementsAre(GazetteerMatch{2, 3, 0}));

  const std::string_view two_lines = "Pakistan\nIndia";
  ASSERT_EQ(Tokenize(two_lines).sentences.size(), 2u);
  EXPECT_THAT(MatchText(gazetteer_, two_lines),
              ElementsAre(GazetteerMatch{0, 1, 0}));
}

TEST_F(GazetteerMatchTest, ReportsEveryEntryOfASpanInEntryOrder) {
  EXPECT_THAT(MatchText(gazetteer_, "Georgia voted."),
              ElementsAre(GazetteerMatch{0, 1, 6}, GazetteerMatch{0, 1, 7}));
}

// "minister" ends every phrase it is in, so a walk from it stops there;
// the "prime" and "Pakistan" that follow still begin walks of their own.
TEST_F(GazetteerMatchTest, WalksOnFromEveryTokenPastAPhraseThatEnds) {
  EXPECT_THAT(MatchedIds(gazetteer_, "minister prime minister Pakistan India"),
              ElementsAre("0-1:minister", "1-3:PM", "2-3:minister",
                          "3-5:PK-IN", "3-4:PK"));
  EXPECT_THAT(MatchedIds(gazetteer_, "prime prime minister"),
              ElementsAre("1-3:PM", "2-3:minister"));
}

// Matches of one length come in entry order; with a longer one among them
// they are reordered longest first.
TEST_F(GazetteerMatchTest, OrdersSeveralMatchesOfATokenByLengthThenEntry) {
  const Gazetteer gazetteer = BuildFrom(
      "Georgia\tcountry\tGE\n"
      "Georgia\tstate\tUS-GA\n"
      "Georgia Tech\tuniversity\tGT\n"
      "Georgia Tech\tteam\tGT-team\n"
      "Tech\tword\ttech\n");
  EXPECT_THAT(MatchText(gazetteer, "Georgia Tech won."),
              ElementsAre(GazetteerMatch{0, 2, 2}, GazetteerMatch{0, 2, 3},
                          GazetteerMatch{0, 1, 0}, GazetteerMatch{0, 1, 1},
                          GazetteerMatch{1, 2, 4}));
  EXPECT_THAT(MatchText(gazetteer, "Georgia won."),
              ElementsAre(GazetteerMatch{0, 1, 0}, GazetteerMatch{0, 1, 1}));
}

TEST_F(GazetteerMatchTest, MatchesNothingInNothing) {
  EXPECT_THAT(MatchText(gazetteer_, ""), IsEmpty());
  EXPECT_THAT(MatchText(gazetteer_, "No place is named here."), IsEmpty());
  EXPECT_THAT(MatchText(Gazetteer(), "Pakistan"), IsEmpty());
  EXPECT_THAT(MatchText(BuildFrom("# nothing\n"), "Pakistan"), IsEmpty());
}

TEST_F(GazetteerMatchTest, SharesOneGazetteerAcrossThreads) {
  const std::string text =
      "The U.S. and Pakistan's prime minister met in Georgia; the "
      "Tehreek-e-Taliban Pakistan was not invited.";
  const std::vector<GazetteerMatch> expected = MatchText(gazetteer_, text);
  ASSERT_EQ(expected.size(), 9u);
  std::vector<std::vector<GazetteerMatch>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) result = MatchText(gazetteer_, text);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_EQ(result, expected);
}

TEST(DefaultGazetteersTest, LoadAndMatchTheirOwnPhrases) {
  if (DefaultGazetteers().empty()) GTEST_SKIP() << "no lib/data/*.tsv yet";
  Gazetteer::Builder builder;
  for (const EmbeddedResource& resource : DefaultGazetteers()) {
    const Status status = builder.Add(resource.name, resource.text);
    EXPECT_TRUE(status.ok()) << status.ToString();
  }
  const Gazetteer gazetteer = std::move(builder).Build();
  EXPECT_FALSE(gazetteer.entries().empty());
  for (uint32_t i = 0; i < gazetteer.entries().size(); ++i) {
    const GazetteerEntry& entry = gazetteer.entries()[i];
    const Tokens tokens = Tokenize(entry.phrase);
    EXPECT_THAT(gazetteer.Match(entry.phrase, tokens),
                testing::Contains(GazetteerMatch{
                    0, static_cast<uint32_t>(tokens.tokens.size()), i}))
        << gazetteer.SourceOf(i) << ": " << entry.phrase;
  }
}

}  // namespace
}  // namespace parley

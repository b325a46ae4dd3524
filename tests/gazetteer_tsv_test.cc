// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/gazetteer_tsv.cc: the fields of each line, the tokens of each
// phrase (the ASCII shortcut must split as Tokenize does), line endings and
// byte order marks, and every parse error with its file, line, column and
// fragment.

#include "gazetteer_tsv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "gazetteer.h"
#include "parley/status.h"
#include "tokenizer.h"

namespace parley {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using namespace std::string_literals;

struct Parsed {
  Status status;
  std::vector<GazetteerEntry> entries;
  PhraseTokens phrases;
};

Parsed Parse(std::string_view tsv, std::string_view name = "test.tsv",
             uint32_t source = 0) {
  Parsed parsed;
  parsed.status =
      ParseGazetteerTsv(name, source, tsv, &parsed.entries, &parsed.phrases);
  return parsed;
}

// The tokens of entry `entry`'s phrase, "norm@begin-end".
std::vector<std::string> TokensOf(const Parsed& parsed, size_t entry) {
  std::vector<std::string> tokens;
  for (const PhraseToken& token : parsed.phrases.Of(entry)) {
    tokens.push_back(std::string(parsed.phrases.Norm(token)) + "@" +
                     std::to_string(token.begin) + "-" +
                     std::to_string(token.end));
  }
  return tokens;
}

TEST(GazetteerTsvTest, ParsesEveryField) {
  const Parsed parsed = Parse(
      "# Countries and their capitals.\n"
      "\n"
      "Pakistan\tcountry\tPK\n"
      "Pakistani\tcountry\tPK\tform=adjective\n"
      " \t \n"
      "US\tcountry\tUS\tcase=exact\n"
      "Kabul\tcity\tKabul\tcountry=AF\tcapital=yes\tnote=\n",
      "places.tsv", 3);
  ASSERT_TRUE(parsed.status.ok()) << parsed.status.ToString();
  const std::vector<GazetteerEntry>& entries = parsed.entries;
  ASSERT_EQ(entries.size(), 4u);

  EXPECT_EQ(entries[0].phrase, "Pakistan");
  EXPECT_EQ(entries[0].type, "country");
  EXPECT_EQ(entries[0].id, "PK");
  EXPECT_THAT(entries[0].attributes, IsEmpty());
  EXPECT_FALSE(entries[0].case_exact);
  EXPECT_EQ(entries[0].source, 3u);
  EXPECT_EQ(entries[0].line, 3u);

  EXPECT_THAT(entries[1].attributes, ElementsAre(Pair("form", "adjective")));
  EXPECT_EQ(entries[1].line, 4u);

  EXPECT_EQ(entries[2].phrase, "US");
  EXPECT_TRUE(entries[2].case_exact);
  EXPECT_THAT(entries[2].attributes, IsEmpty());
  EXPECT_EQ(entries[2].line, 6u);

  EXPECT_EQ(entries[3].type, "city");
  EXPECT_THAT(entries[3].attributes,
              ElementsAre(Pair("country", "AF"), Pair("capital", "yes"),
                          Pair("note", "")));
  EXPECT_EQ(entries[3].line, 7u);

  // Types are interned by the builder, not here.
  for (const GazetteerEntry& entry : entries) EXPECT_EQ(entry.type_id, 0u);
}

TEST(GazetteerTsvTest, SplitsPhrasesIntoNormalizedTokens) {
  const Parsed parsed = Parse(
      "Prime  Minister\toffice\tPM\n"
      "Tehreek-e-Taliban Pakistan\tgroup\tTTP\n"
      "U.S.\tcountry\tUS\n"
      "Türkiye\tcountry\tTR\n"
      "Côte d’Ivoire\tcountry\tCI\n");
  ASSERT_TRUE(parsed.status.ok()) << parsed.status.ToString();
  EXPECT_THAT(TokensOf(parsed, 0), ElementsAre("prime@0-5", "minister@7-15"));
  EXPECT_THAT(TokensOf(parsed, 1),
              ElementsAre("tehreek@0-7", "-@7-8", "e@8-9", "-@9-10",
                          "taliban@10-17", "pakistan@18-26"));
  EXPECT_THAT(TokensOf(parsed, 2), ElementsAre("u.s.@0-4"));
  EXPECT_THAT(TokensOf(parsed, 3), ElementsAre("turkiye@0-8"));
  EXPECT_THAT(TokensOf(parsed, 4), ElementsAre("cote@0-5", "d'ivoire@6-16"));
  EXPECT_EQ(parsed.phrases.token_count(), 12u);
}

// Phrases of ASCII letters, spaces and hyphens skip Tokenize; their tokens
// must be those Tokenize gives, or text would not match them.
TEST(GazetteerTsvTest, SplitsPhrasesAsTokenizeDoes) {
  const std::vector<std::string> kPhrases = {
      "Pakistan",
      "A",
      "I",
      "Dr",
      "Mr",
      "St",
      "Gen",
      "US",
      "UN",
      "cannot",
      "gonna",
      "New York",
      "  New   York ",
      "de la Cruz",
      "al Qaeda",
      "McDonald",
      "iPhone",
      "Shehbaz Sharif",
      "U.S.",
      "Sharif's",
      "O'Brien",
      "Tehreek-e-Taliban",
      "Jean-Guy -",
      "G20",
      "Türkiye",
      "Côte d’Ivoire",
      "3rd Division",
      "Llanfairpwllgwyngyll",
      "Nagorno-Karabakh",
      "Baden-Württemberg",
  };
  for (const std::string& phrase : kPhrases) {
    SCOPED_TRACE(phrase);
    const Parsed parsed = Parse(phrase + "\ttest\tX\n");
    ASSERT_TRUE(parsed.status.ok()) << parsed.status.ToString();
    std::vector<std::tuple<std::string, uint32_t, uint32_t>> expected;
    for (const Token& token : Tokenize(phrase).tokens) {
      expected.emplace_back(token.norm, token.begin, token.end);
    }
    std::vector<std::tuple<std::string, uint32_t, uint32_t>> loaded;
    for (const PhraseToken& token : parsed.phrases.Of(0)) {
      loaded.emplace_back(parsed.phrases.Norm(token), token.begin, token.end);
    }
    EXPECT_EQ(loaded, expected);
  }
}

TEST(GazetteerTsvTest, ReadsWindowsFilesLikeOthers) {
  const Parsed from_lf =
      Parse("# Capitals\nKabul\tcity\tKabul\tcountry=AF\nKabul\tcity\tKabul\n");
  const Parsed from_crlf = Parse(
      "# Capitals\r\nKabul\tcity\tKabul\tcountry=AF\r\nKabul\tcity\tKabul\r\n");
  ASSERT_TRUE(from_crlf.status.ok()) << from_crlf.status.ToString();
  ASSERT_EQ(from_crlf.entries.size(), 2u);
  ASSERT_EQ(from_lf.entries.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(from_crlf.entries[i].phrase, from_lf.entries[i].phrase);
    EXPECT_EQ(from_crlf.entries[i].id, from_lf.entries[i].id);
    EXPECT_EQ(from_crlf.entries[i].attributes, from_lf.entries[i].attributes);
    EXPECT_EQ(from_crlf.entries[i].line, from_lf.entries[i].line);
  }
  EXPECT_EQ(from_crlf.entries[0].Attribute("country"), "AF");
  EXPECT_EQ(from_crlf.entries[1].line, 3u);

  // A last line without its line feed counts, and so does one with only a
  // carriage return before the end.
  const Parsed unterminated = Parse("Kabul\tcity\tKabul\nHerat\tcity\tHerat\r");
  ASSERT_TRUE(unterminated.status.ok()) << unterminated.status.ToString();
  ASSERT_EQ(unterminated.entries.size(), 2u);
  EXPECT_EQ(unterminated.entries[1].id, "Herat");
}

TEST(GazetteerTsvTest, SkipsAByteOrderMarkAndCountsColumnsAfterIt) {
  const Parsed with_bom =
      Parse("\xEF\xBB\xBF# Capitals\r\nKabul\tcity\tKabul\r\n");
  ASSERT_TRUE(with_bom.status.ok()) << with_bom.status.ToString();
  ASSERT_EQ(with_bom.entries.size(), 1u);
  EXPECT_EQ(with_bom.entries[0].phrase, "Kabul");
  EXPECT_EQ(with_bom.entries[0].line, 2u);

  const Parsed bad = Parse("\xEF\xBB\xBFKabul\tcity\n", "capitals.tsv");
  EXPECT_EQ(bad.status.ToString(),
            "capitals.tsv:1:11: expected phrase, type and id separated by "
            "tabs, found 2 fields: `Kabul\tcity`");
}

struct ParseErrorCase {
  std::string tsv;
  int line;
  int column;
  std::string fragment;
  std::string message;
};

TEST(GazetteerTsvTest, ReportsEachErrorWhereItIs) {
  const ParseErrorCase kCases[] = {
      {"Pakistan\tcountry\n", 1, 17, "Pakistan\tcountry",
       "expected phrase, type and id separated by tabs, found 2 fields"},
      {"Pakistan country PK\n", 1, 20, "Pakistan country PK",
       "expected phrase, type and id separated by tabs, found 1 field"},
      {"\tcountry\tPK\n", 1, 1, "\tcountry\tPK", "empty phrase"},
      {"Pakistan\t\tPK\n", 1, 10, "Pakistan\t\tPK", "empty type"},
      {"Pakistan\tcountry\t\n", 1, 18, "Pakistan\tcountry\t", "empty id"},
      {"Pakistan\tnation state\tPK\n", 1, 10, "nation state",
       "type contains white space"},
      {"Pakistan\tcountry\tPK \n", 1, 18, "PK ", "id contains white space"},
      {"Pakistan\tcountry\tPK\u00A0\n", 1, 18, "PK\u00A0",
       "id contains white space"},
      {"Pakistan\tcountry\tPK\tadjective\n", 1, 21, "adjective",
       "attribute is not key=value"},
      {"Pakistan\tcountry\tPK\t\n", 1, 21, "Pakistan\tcountry\tPK\t",
       "attribute is not key=value"},
      {"Pakistan\tcountry\tPK\t=adjective\n", 1, 21, "=adjective",
       "attribute has an empty key"},
      {"Pakistan\tcountry\tPK\tform =adjective\n", 1, 21, "form =adjective",
       "attribute key contains white space"},
      {"Pakistan\tcountry\tPK\tform=noun\tform=adjective\n", 1, 31,
       "form=adjective", "duplicate attribute"},
      {"US\tcountry\tUS\tcase=exact\tcase=exact\n", 1, 26, "case=exact",
       "duplicate attribute"},
      {"US\tcountry\tUS\tcase=upper\n", 1, 15, "case=upper",
       "case must be 'exact'"},
      {"  \tcountry\tPK\n", 1, 1, "  ", "phrase has no tokens"},
      {"Islamabad. Pakistan\tcity\tIslamabad\n", 1, 1, "Islamabad. Pakistan",
       "phrase spans a sentence break"},
      {"Pakistan\tcountry\tPK\nT\xFCrkiye\tcountry\tTR\n", 2, 2, "\\xFC",
       "invalid UTF-8"},
      {"# Bad bytes in comments count too: \xC3\x28\n", 1, 36, "\\xC3",
       "invalid UTF-8"},
      {"Pakistan\tcountry\tP\0K\n"s, 1, 19, "\\x00", "NUL byte"},
      {"Pakistan\tcountry\tPK\rIndia\tcountry\tIN\r", 1, 20,
       "Pakistan\tcountry\tPK\rIndia\tcountry\tIN",
       "carriage return not at the end of a line"},
      {"# Ministries\n"
       "Ministry of Foreign Affairs and International Cooperation of the "
       "Islamic Republic\n",
       2, 82, "Ministry of Foreign Affairs and International Co...",
       "expected phrase, type and id separated by tabs, found 1 field"},
      // Cut before a character that would not fit whole.
      {std::string(47, 'a') + "\xC3\xA9t\tcity\n", 1, 56,
       std::string(47, 'a') + "...",
       "expected phrase, type and id separated by tabs, found 2 fields"},
      // The first error of the file, whatever its kind.
      {"Pakistan\tcountry\nT\xFCrkiye\tcountry\tTR\n", 1, 17,
       "Pakistan\tcountry",
       "expected phrase, type and id separated by tabs, found 2 fields"},
  };
  for (const ParseErrorCase& c : kCases) {
    SCOPED_TRACE(c.tsv);
    const Parsed parsed = Parse(c.tsv, "bad.tsv");
    const Status& status = parsed.status;
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.code(), StatusCode::kParseError);
    EXPECT_EQ(status.message(), c.message);
    ASSERT_TRUE(status.location().has_value());
    EXPECT_EQ(status.location()->file, "bad.tsv");
    EXPECT_EQ(status.location()->line, c.line);
    EXPECT_EQ(status.location()->column, c.column);
    EXPECT_EQ(status.location()->fragment, c.fragment);
  }
}

TEST(GazetteerTsvTest, ErrorsRenderAsFileLineColumn) {
  EXPECT_EQ(
      Parse("# Offices\nprime minister\toffice\tPM\tlevel\n", "offices.tsv")
          .status.ToString(),
      "offices.tsv:2:26: attribute is not key=value: `level`");
  EXPECT_EQ(
      Parse("Kabul\tcity\tKabul\tcountry=AF\tcountry=PK\n", "data/places.tsv")
          .status.ToString(),
      "data/places.tsv:1:29: duplicate attribute: `country=PK`");
  EXPECT_EQ(
      Parse("Kabul\tcity\tKabul\nHerat\t\xE2\x80\x83\tHerat\n", "places.tsv")
          .status.ToString(),
      "places.tsv:2:7: type contains white space: `\xE2\x80\x83`");
}

// Gazetteer::Builder drops what a failed source added; the parser keeps
// the entries before the bad line intact.
TEST(GazetteerTsvTest, KeepsTheEntriesBeforeAnError) {
  std::vector<GazetteerEntry> entries;
  PhraseTokens phrases;
  ASSERT_TRUE(ParseGazetteerTsv("first.tsv", 0, "Pakistan\tcountry\tPK\n",
                                &entries, &phrases)
                  .ok());
  const Status status = ParseGazetteerTsv(
      "second.tsv", 1, "Prime Minister\toffice\tPM\nIran\tcountry\n", &entries,
      &phrases);
  EXPECT_EQ(status.ToString(),
            "second.tsv:2:13: expected phrase, type and id separated by "
            "tabs, found 2 fields: `Iran\tcountry`");
  ASSERT_GE(entries.size(), 2u);
  EXPECT_EQ(entries[0].id, "PK");
  EXPECT_EQ(entries[0].source, 0u);
  EXPECT_EQ(entries[1].id, "PM");
  EXPECT_EQ(entries[1].source, 1u);
  EXPECT_EQ(entries[1].line, 1u);
  ASSERT_EQ(phrases.Norm(phrases.Of(1)[1]), "minister");
}

TEST(PhraseTokensTest, TruncateForgetsLaterEntriesAndAPartialOne) {
  PhraseTokens phrases;
  phrases.AddToken("prime", 0, 5);
  phrases.AddToken("minister", 6, 14);
  phrases.EndEntry();
  phrases.AddToken("kabul", 0, 5);
  phrases.EndEntry();
  phrases.AddToken("herat", 0, 5);  // an entry left unended
  phrases.Truncate(1);
  EXPECT_EQ(phrases.token_count(), 2u);
  phrases.AddToken("iran", 0, 4);
  phrases.EndEntry();
  ASSERT_EQ(phrases.Of(1).size(), 1u);
  EXPECT_EQ(phrases.Norm(phrases.Of(1)[0]), "iran");
  EXPECT_EQ(phrases.Norm(phrases.Of(0)[1]), "minister");
  phrases.Truncate(0);
  EXPECT_EQ(phrases.token_count(), 0u);
}

}  // namespace
}  // namespace parley

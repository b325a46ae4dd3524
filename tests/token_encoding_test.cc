// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/token_encoding.cc: the codes of words, the records of a
// tokenized, annotated sentence byte for byte, the regexes written for
// rules, and RE2 running those regexes over the records.

#include "token_encoding.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rule_matcher.h"
#include "rule_parser.h"
#include "test_rules.h"
#include "token_vocabulary.h"
#include "tokenizer.h"

namespace parley {
namespace {

using ::testing::ElementsAre;

// Selectors: @country (a phrase: facts 0 to 5), @not_name (in a
// condition: fact 6) and @country[form=adjective] (a phrase: facts 7 to
// 12).  Words: "met", "the" and "in" (norm 0 to 2) and c"US" (exact 0).
// Of the 213 bytes below the shapes left after the facts, the exact codes
// get 53 digits from 0xad and the norm codes 160 from 0x0d, of which each
// uses 16.
constexpr std::string_view kRules = R"(
  rule met-us : [Cap] "met" c"US" @country ;
  rule adjective : [Cap & !@not_name] @country[form=adjective] ;
  rule the-us : "the" c"US" ;
  rule in-country : "in" @country ;
)";

TokenVocabulary VocabularyOf(const std::vector<Rule>& rules) {
  TokenVocabulary vocabulary;
  for (const Rule& rule : rules) vocabulary.Collect(rule.pattern);
  return vocabulary;
}

Pattern PatternOf(std::string_view rule) {
  std::vector<Rule> parsed = ParseTestRules(rule);
  return parsed.empty() ? Pattern() : std::move(parsed[0].pattern);
}

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (int byte : bytes) out += static_cast<char>(byte);
  return out;
}

TEST(WordCodesTest, WritesFixedWidthCodesInTheirOwnDigits) {
  // Five words in base 4 take two digits, bytes 10 to 13.
  const WordCodes codes(10, 4, 5);
  EXPECT_EQ(codes.width(), 2);
  EXPECT_EQ(codes.digits().count(), 4u);
  EXPECT_TRUE(codes.digits().test(10));
  EXPECT_TRUE(codes.digits().test(13));
  std::string out;
  codes.AppendCode(0, &out);
  codes.AppendCode(4, &out);
  codes.AppendCode(WordIds::kNoWord, &out);
  EXPECT_EQ(out, Bytes({10, 10, 11, 10}));
}

TEST(WordCodesTest, UsesAtMostSixteenDigits) {
  // 300 words in base 16 take three digits.
  EXPECT_EQ(WordCodes(0, 100, 300).width(), 3);
  EXPECT_EQ(WordCodes(0, 100, 300).digits().count(), 16u);
  EXPECT_EQ(WordCodes(0, 100, 0).width(), 0);
}

TEST(WordCodesTest, WritesRegexesForWordsAndTheOtherWords) {
  WordIds ids;
  ids.Add("met");
  ids.Add("with");
  const WordCodes codes(0x10, 2, 2);
  std::string met;
  codes.AppendRegex(ids, WordSet{{"met"}, false}, &met);
  EXPECT_EQ(met, "\\x10");
  // Another word's code, or none.
  std::string not_met;
  codes.AppendRegex(ids, WordSet{{"met"}, true}, &not_met);
  EXPECT_EQ(not_met, "(?:\\x11)?");
  // Every code: any digit, where only a digit can stand.
  std::string either;
  codes.AppendRegex(ids, WordSet{{"met", "with"}, false}, &either);
  EXPECT_EQ(either, "[\\x00-\\xe1]");
}

class TokenEncodingTest : public ::testing::Test {
 protected:
  TokenEncodingTest()
      : rules_(ParseTestRules(kRules)),
        vocabulary_(VocabularyOf(rules_)),
        encoding_(vocabulary_),
        tokens_(Tokenize(text_)) {
    vocabulary_.ReadFields(text_, tokens_, 0, 9, annotations_, &atoms_,
                           &fields_);
  }

  // The shape byte of token `i`.
  int Shape(int i) const { return 0xe2 + TokenShape(tokens_.tokens[i]); }

  // The tokens that `rule` matches in the encoding of the sentence, as RE2
  // finds them from the start.
  std::pair<int, int> Match(std::string_view rule) {
    RegexWriter writer(vocabulary_, encoding_);
    const RegexWriter::RuleRegex regex = writer.Write(PatternOf(rule));
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_longest_match(true);
    const RE2 re2(regex.regex, options);
    EXPECT_TRUE(re2.ok()) << re2.error();
    std::string encoded;
    std::vector<size_t> starts;
    encoding_.Encode(fields_, &encoded, &starts);
    re2::StringPiece match;
    if (!re2.Match(encoded, 0, encoded.size(), RE2::UNANCHORED, &match, 1)) {
      return {-1, -1};
    }
    auto token = [&](size_t offset) {
      return static_cast<int>(std::find(starts.begin(), starts.end(), offset) -
                              starts.begin());
    };
    // The match ends with the shape byte of the record after it.
    return {token(match.data() - encoded.data()),
            token(match.data() + match.size() - 1 - encoded.data())};
  }

  const std::string text_ = "Dar met the US envoy in New Zealand.";
  // "Dar", and "New Zealand" without the attribute.
  const std::vector<Annotation> annotations_ = {{0, 1, "not_name"},
                                                {6, 8, "country"}};
  std::vector<Rule> rules_;
  TokenVocabulary vocabulary_;
  TokenEncoding encoding_;
  Tokens tokens_;
  std::vector<uint64_t> atoms_;
  TokenFields fields_;
};

TEST_F(TokenEncodingTest, CountsTheFactsOfSelectors) {
  EXPECT_EQ(TokenEncoding::FactCount(vocabulary_), 13);
  EXPECT_EQ(TokenEncoding::kMaxFacts, 0xe2 - 4);
}

TEST_F(TokenEncodingTest, EncodesARecordPerToken) {
  std::string encoded;
  std::vector<size_t> starts;
  encoding_.Encode(fields_, &encoded, &starts);
  const std::string expected = Bytes({
      Shape(0), 6,     // Dar, inside @not_name
      Shape(1), 0x0d,  // met, norm word 0
      Shape(2), 0x0e,  // the, norm word 1
      Shape(3), 0xad,  // US, exact word 0
      Shape(4),        // envoy
      Shape(5), 0x0f,  // in, norm word 2
      Shape(6), 0,     // New: @country begins
      Shape(7), 4,     // Zealand: @country goes on and ends
      Shape(8),        // .
      0xe2,            // the end of the last record
  });
  EXPECT_EQ(encoded, expected);
  EXPECT_THAT(starts, ElementsAre(0, 2, 4, 6, 8, 9, 11, 13, 15, 16));
}

TEST_F(TokenEncodingTest, WritesRegexesOverRecords) {
  RegexWriter writer(vocabulary_, encoding_);
  // Any shape, any facts, the code of "met", any exact code; then the
  // shape of the next record.
  const std::string met_record =
      "[\\xe2-\\xff][\\x00-\\x0c]*\\x0d[\\xad-\\xbc]*";
  const RegexWriter::RuleRegex met =
      writer.Write(PatternOf(R"(rule met : "met" ;)"));
  EXPECT_EQ(met.regex, "(" + met_record + ")[\\xe2-\\xff]");
  EXPECT_TRUE(met.capture_names.empty());
  EXPECT_EQ(met.spelled_out_size, met.regex.size());

  const RegexWriter::RuleRegex repeated =
      writer.Write(PatternOf(R"(rule met : who=("met"{2,4}) ;)"));
  EXPECT_EQ(repeated.regex, "(((?:" + met_record + "){2,4}))[\\xe2-\\xff]");
  EXPECT_THAT(repeated.capture_names, ElementsAre("who"));
  EXPECT_EQ(repeated.spelled_out_size,
            repeated.regex.size() + 3 * met_record.size());
}

TEST_F(TokenEncodingTest, RunsRegexesOverRecords) {
  EXPECT_EQ(Match(R"(rule r : [Cap] "met" ;)"), std::pair(0, 2));
  EXPECT_EQ(Match(R"(rule r : [Cap & !@not_name] "met" ;)"), std::pair(-1, -1));
  EXPECT_EQ(Match(R"(rule r : "the" c"US" ;)"), std::pair(2, 4));
  EXPECT_EQ(Match(R"(rule r : "met" c"US" ;)"), std::pair(-1, -1));
  EXPECT_EQ(Match(R"(rule r : "in" @country ;)"), std::pair(5, 8));
  EXPECT_EQ(Match(R"(rule r : @country[form=adjective] ;)"), std::pair(-1, -1));
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/token_vocabulary.cc: the words and selectors that parsed rules
// test, how they are numbered, and the fields and atoms read of tokenized
// sentences with their annotations.

#include "token_vocabulary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rule_matcher.h"
#include "rule_parser.h"
#include "test_rules.h"
#include "token_program.h"
#include "tokenizer.h"

namespace parley {
namespace {

using ::testing::ElementsAre;

constexpr uint32_t kNo = WordIds::kNoWord;
constexpr unsigned kBegins = TokenProgram::kBegins;
constexpr unsigned kContinues = TokenProgram::kContinues;
constexpr unsigned kEnds = TokenProgram::kEnds;

TokenVocabulary VocabularyOf(std::string_view rules) {
  TokenVocabulary vocabulary;
  for (const Rule& rule : ParseTestRules(rules)) {
    vocabulary.Collect(rule.pattern);
  }
  return vocabulary;
}

AnnotationSelector Selector(std::string type) {
  return AnnotationSelector{std::move(type), {}};
}

AnnotationSelector AdjectiveCountry() {
  return AnnotationSelector{"country", {{"form", "adjective", true}}};
}

// "met" and c"US"; @country (0) as a phrase, @not_name (1) in a condition,
// and @country[form=adjective] (2) as a phrase.
constexpr std::string_view kRules = R"(
  rule met-us : [Cap] "met" c"US" @country ;
  rule adjective : [Cap & !@not_name] @country[form=adjective] ;
)";

TEST(WordIdsTest, NumbersWordsInTheOrderOfTheirFirstMention) {
  WordIds words;
  words.Add("met");
  words.Add("with");
  words.Add("met");
  EXPECT_EQ(words.size(), 2u);
  EXPECT_EQ(words.Id("met"), 0u);
  EXPECT_EQ(words.Id("with"), 1u);
  // Lookups are exact: folding case is the tokenizer's work.
  EXPECT_EQ(words.Id("Met"), kNo);
  EXPECT_EQ(words.Id("talks"), kNo);
}

TEST(WordIdsTest, TellsWordsOfTheSameLengthAndEndsApart) {
  // The sketch that turns most other words away at once knows a word by
  // its length and its first and last bytes: words alike in those, or
  // empty, are looked up in full, and no added word is ever turned away.
  WordIds words;
  words.Add("met");
  words.Add("");
  for (int i = 0; i < 3000; ++i) words.Add("w" + std::to_string(i) + "x");
  EXPECT_EQ(words.Id("met"), 0u);
  EXPECT_EQ(words.Id(""), 1u);
  for (int i = 0; i < 3000; ++i) {
    ASSERT_EQ(words.Id("w" + std::to_string(i) + "x"), 2u + i) << i;
  }
  EXPECT_EQ(words.Id("mat"), kNo);
  EXPECT_EQ(words.Id("w12y"), kNo);
  EXPECT_EQ(words.Id("w3000x"), kNo);
  EXPECT_EQ(words.Id("a"), kNo);
  WordIds none;
  EXPECT_EQ(none.Id(""), kNo);
  EXPECT_EQ(none.Id("met"), kNo);
}

TEST(StringTableTest, FindsKeysOfEveryLength) {
  // Keys of up to sixteen bytes are compared by their first and last
  // bytes; longer ones by their middle too.
  StringTable<int> table;
  std::vector<std::string> keys = {""};
  for (int n = 1; n <= 40; ++n) keys.push_back(std::string(n, 'a'));
  keys.push_back("abcdefgh-1-ijklmnop");
  keys.push_back("abcdefgh-2-ijklmnop");
  keys.push_back("ab");
  keys.push_back("ba");
  keys.push_back("abcb");
  keys.push_back("abdb");
  for (size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(table.Insert(keys[i], static_cast<int>(i)), static_cast<int>(i));
  }
  EXPECT_EQ(table.size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    const int* value = table.Find(keys[i]);
    ASSERT_NE(value, nullptr) << keys[i];
    EXPECT_EQ(*value, static_cast<int>(i)) << keys[i];
  }
  // Present keys keep their values.
  EXPECT_EQ(table.Insert("ab", 99), static_cast<int>(keys.size() - 4));
  EXPECT_EQ(table.size(), keys.size());
  for (std::string_view absent :
       {"abcdefgh-3-ijklmnop", "abcdefgh-ijklmnop", "aba", "abc", "abbb", "b",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
    EXPECT_EQ(table.Find(absent), nullptr) << absent;
  }
  EXPECT_EQ(StringTable<int>().Find("a"), nullptr);
}

TEST(TokenVocabularyTest, CollectsTheWordsAndSelectorsOfRules) {
  const TokenVocabulary vocabulary = VocabularyOf(kRules);
  EXPECT_EQ(vocabulary.norm_words().size(), 1u);
  EXPECT_EQ(vocabulary.norm_words().Id("met"), 0u);
  EXPECT_EQ(vocabulary.exact_words().size(), 1u);
  EXPECT_EQ(vocabulary.exact_words().Id("US"), 0u);
  EXPECT_EQ(vocabulary.exact_words().Id("us"), kNo);
  ASSERT_EQ(vocabulary.selector_count(), 3u);
  EXPECT_EQ(vocabulary.SelectorIndex(Selector("country")), 0u);
  EXPECT_EQ(vocabulary.SelectorIndex(Selector("not_name")), 1u);
  EXPECT_EQ(vocabulary.SelectorIndex(AdjectiveCountry()), 2u);
  EXPECT_EQ(vocabulary.SelectorIndex(Selector("city")), 3u);
  EXPECT_TRUE(vocabulary.UsedAsPhrase(0));
  EXPECT_FALSE(vocabulary.UsedAsPhrase(1));
  EXPECT_TRUE(vocabulary.UsedAsPhrase(2));
  // Norm words, then exact words, then selectors.
  EXPECT_EQ(vocabulary.atom_count(), 5u);
  EXPECT_EQ(vocabulary.AtomWords(), 1u);
  EXPECT_EQ(vocabulary.NormAtom("met"), 0u);
  EXPECT_EQ(vocabulary.ExactAtom("US"), 1u);
  EXPECT_EQ(vocabulary.SelectorAtom(Selector("not_name")), 3u);
}

TEST(TokenVocabularyTest, ASelectorOnceUsedAsAPhraseStaysOne) {
  const TokenVocabulary vocabulary = VocabularyOf(R"(
    rule condition : [Cap & !@title] "said" ;
    rule phrase : @title [Cap] ;
    rule condition-again : [@title] ;
  )");
  ASSERT_EQ(vocabulary.selector_count(), 1u);
  EXPECT_TRUE(vocabulary.UsedAsPhrase(0));
}

TEST(TokenVocabularyTest, ReadsTheFieldsOfEachToken) {
  const TokenVocabulary vocabulary = VocabularyOf(kRules);
  const std::string text = "Dar met the US envoy in New Zealand.";
  const Tokens tokens = Tokenize(text);
  ASSERT_EQ(tokens.tokens.size(), 9u);
  // "New Zealand", without the attribute, and "Dar".
  const std::vector<Annotation> annotations = {{6, 8, "country"},
                                               {0, 1, "not_name"}};
  std::vector<uint64_t> atoms;
  TokenFields fields;
  vocabulary.ReadFields(text, tokens, 0, 9, annotations, &atoms, &fields);

  EXPECT_THAT(fields.norm_ids,
              ElementsAre(kNo, 0u, kNo, kNo, kNo, kNo, kNo, kNo, kNo));
  EXPECT_THAT(fields.exact_ids,
              ElementsAre(kNo, kNo, kNo, 0u, kNo, kNo, kNo, kNo, kNo));
  ASSERT_EQ(fields.shapes.size(), 9u);
  for (uint32_t i = 0; i < 9; ++i) {
    EXPECT_EQ(fields.shapes[i], TokenShape(tokens.tokens[i])) << i;
  }
  EXPECT_EQ(fields.State(5, 0), 0u);
  EXPECT_EQ(fields.State(6, 0), kBegins);
  EXPECT_EQ(fields.State(7, 0), kContinues | kEnds);
  EXPECT_EQ(fields.State(0, 1), kBegins | kEnds);
  // @country[form=adjective] wants an attribute these phrases lack.
  EXPECT_EQ(fields.State(6, 2), 0u);
  ASSERT_EQ(fields.present_words, 1u);
  EXPECT_THAT(fields.present,
              ElementsAre(0b010u, 0u, 0u, 0u, 0u, 0u, 0b001u, 0b001u, 0u));
  // "met", "US", @country and @not_name occur; @country[form=adjective]
  // does not.
  EXPECT_THAT(atoms, ElementsAre(0b01111u));
}

TEST(TokenVocabularyTest, TestsAnnotationAttributes) {
  const TokenVocabulary vocabulary = VocabularyOf(kRules);
  const std::string text = "Pakistani officials met.";
  const Tokens tokens = Tokenize(text);
  const std::vector<std::pair<std::string, std::string>> adjective = {
      {"form", "adjective"}};
  const std::vector<Annotation> annotations = {{0, 1, "country", &adjective}};
  std::vector<uint64_t> atoms;
  TokenFields fields;
  vocabulary.ReadFields(text, tokens, 0, 4, annotations, &atoms, &fields);
  EXPECT_EQ(fields.State(0, 0), kBegins | kEnds);
  EXPECT_EQ(fields.State(0, 2), kBegins | kEnds);
  EXPECT_THAT(atoms, ElementsAre(0b10101u));
}

TEST(TokenVocabularyTest, ReadsASentenceFromItsFirstToken) {
  const TokenVocabulary vocabulary = VocabularyOf(kRules);
  const std::string text = "Talks ended. Dar MET the us envoy.";
  const Tokens tokens = Tokenize(text);
  ASSERT_EQ(tokens.sentences.size(), 2u);
  const Sentence& second = tokens.sentences[1];
  ASSERT_EQ(second.first_token, 3u);
  // Only the part of an annotation inside the sentence counts.
  const std::vector<Annotation> annotations = {{1, 4, "not_name"}};
  std::vector<uint64_t> atoms;
  TokenFields fields;
  vocabulary.ReadFields(text, tokens, second.first_token, second.end_token,
                        annotations, &atoms, &fields);
  // "MET" is normalized "met"; "us" is not c"US".
  EXPECT_THAT(fields.norm_ids, ElementsAre(kNo, 0u, kNo, kNo, kNo, kNo));
  EXPECT_THAT(fields.exact_ids, ElementsAre(kNo, kNo, kNo, kNo, kNo, kNo));
  EXPECT_EQ(fields.State(0, 1), kContinues | kEnds);
  EXPECT_EQ(fields.State(1, 1), 0u);
  EXPECT_THAT(atoms, ElementsAre(0b01001u));
}

TEST(TokenVocabularyTest, NotesTheAtomsOfEachBlockOfTokens) {
  const TokenVocabulary vocabulary = VocabularyOf(kRules);
  // "met" in the second block only, and "US" in the first.
  std::string text;
  for (int i = 0; i < 500; ++i) {
    text += i == 460 ? "met " : i == 3 ? "US " : "word ";
  }
  const Tokens tokens = Tokenize(text);
  ASSERT_EQ(tokens.tokens.size(), 500u);
  std::vector<uint64_t> atoms;
  TokenFields fields;
  vocabulary.ReadFields(text, tokens, 0, 500, {}, &atoms, &fields);
  static_assert(RuleMatcher::kPieceStride < 460);
  EXPECT_THAT(atoms, ElementsAre(0b00010u, 0b00001u));
}

TEST(TokenVocabularyTest, NotesSelectorAtomsAcrossWordsAndBlocks) {
  // 62 norm words, then @a, @b and @c: atoms 62, 63 and 64.
  std::string rules = "rule words : (\"w0\"";
  for (int i = 1; i < 62; ++i) rules += " | \"w" + std::to_string(i) + "\"";
  rules += ") @a @b @c ;";
  const TokenVocabulary vocabulary = VocabularyOf(rules);
  ASSERT_EQ(vocabulary.norm_words().size(), 62u);
  ASSERT_EQ(vocabulary.AtomWords(), 2u);
  std::string text;
  for (int i = 0; i < 500; ++i) text += "word ";
  const Tokens tokens = Tokenize(text);
  ASSERT_EQ(tokens.tokens.size(), 500u);
  // @c in the first block, @a in the second, and @b across both.
  const std::vector<Annotation> annotations = {
      {3, 5, "c"}, {460, 461, "a"}, {440, 450, "b"}};
  std::vector<uint64_t> atoms;
  TokenFields fields;
  vocabulary.ReadFields(text, tokens, 0, 500, annotations, &atoms, &fields);
  static_assert(RuleMatcher::kPieceStride > 440 &&
                RuleMatcher::kPieceStride < 450);
  EXPECT_THAT(atoms, ElementsAre(uint64_t{1} << 63, 1u, uint64_t{3} << 62, 0u));
  EXPECT_EQ(fields.State(4, 2), kContinues | kEnds);
  EXPECT_EQ(fields.State(449, 1), kContinues | kEnds);
  EXPECT_EQ(fields.present[460], 0b001u);
}

}  // namespace
}  // namespace parley

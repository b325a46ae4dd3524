// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/rule_prefilter.cc: which rules it keeps as candidates for
// tokenized, annotated sentences, given the words and annotations that
// each rule needs.

#include "rule_prefilter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rule_matcher.h"
#include "rule_parser.h"
#include "test_rules.h"
#include "token_vocabulary.h"
#include "tokenizer.h"

namespace parley {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::string_view kRules = R"(
  # 0: needs "met".
  rule met : [Cap]+ "met" [Cap]+ ;
  # 1: needs "held", and "talks" or "meetings".
  rule held-talks : "held" ("talks" | "meetings") ;
  # 2: needs a phrase of @country; "the" may be missing.
  rule country : "the"? @country ;
  # 3: needs "said", or a token inside @office_head, or c"US".
  rule said : ("said" | [@office_head & Cap] | c"US") ;
  # 4: needs nothing: [Cap] may be any capitalized word.
  rule either : "told" | [Cap] ;
)";

class RulePrefilterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<Rule> rules = ParseTestRules(kRules);
    ASSERT_FALSE(rules.empty());
    for (const Rule& rule : rules) vocabulary_.Collect(rule.pattern);
    for (const Rule& rule : rules) {
      prefilter_.AddRule(rule.pattern, vocabulary_);
    }
  }

  // The candidates for `text` as one piece.
  std::vector<int> Candidates(const std::string& text,
                              std::span<const Annotation> annotations = {}) {
    const Tokens tokens = Tokenize(text);
    const auto count = static_cast<uint32_t>(tokens.tokens.size());
    std::vector<uint64_t> atoms;
    TokenFields fields;
    vocabulary_.ReadFields(text, tokens, 0, count, annotations, &atoms,
                           &fields);
    std::vector<int> candidates = {99};
    std::vector<uint64_t> scratch = {7};
    prefilter_.Candidates(atoms.data(), &scratch, &candidates);
    return candidates;
  }

  TokenVocabulary vocabulary_;
  RulePrefilter prefilter_;
};

TEST_F(RulePrefilterTest, KeepsTheRulesWhoseWordsOccur) {
  EXPECT_THAT(Candidates("Dar met Wang Yi."), ElementsAre(0, 4));
  EXPECT_THAT(Candidates("They held talks."), ElementsAre(1, 4));
  // "held" alone is not enough, and words are matched normalized.
  EXPECT_THAT(Candidates("They held a meeting."), ElementsAre(4));
  EXPECT_THAT(Candidates("THEY HELD MEETINGS."), ElementsAre(1, 4));
}

TEST_F(RulePrefilterTest, KeepsTheRulesWhoseAnnotationsOccur) {
  const std::string text = "Officials in Kabul agreed.";
  EXPECT_THAT(Candidates(text), ElementsAre(4));
  const std::vector<Annotation> kabul = {{2, 3, "country"}};
  EXPECT_THAT(Candidates(text, kabul), ElementsAre(2, 4));
  const std::vector<Annotation> officials = {{0, 1, "office_head"}};
  EXPECT_THAT(Candidates(text, officials), ElementsAre(3, 4));
}

TEST_F(RulePrefilterTest, NeedsOneAtomOfAnAlternation) {
  EXPECT_THAT(Candidates("He said so."), ElementsAre(3, 4));
  EXPECT_THAT(Candidates("The US agreed."), ElementsAre(3, 4));
  // c"US" is as written.
  EXPECT_THAT(Candidates("Tell us."), ElementsAre(4));
}

TEST(RulePrefilterManyRulesTest, KeepsRulesInOrderWhenEveryClauseHolds) {
  // Rule i needs @country, "wi" and "x" or "y"; the words are told first.
  std::string text;
  for (int i = 0; i < 70; ++i) {
    text += "rule r" + std::to_string(i) + " : @country \"w" +
            std::to_string(i) + "\" (\"x\" | \"y\") ;\n";
  }
  const std::vector<Rule> rules = ParseTestRules(text);
  ASSERT_EQ(rules.size(), 70u);
  TokenVocabulary vocabulary;
  for (const Rule& rule : rules) vocabulary.Collect(rule.pattern);
  RulePrefilter prefilter;
  for (const Rule& rule : rules) prefilter.AddRule(rule.pattern, vocabulary);
  auto candidates = [&](const std::string& sentence,
                        std::span<const Annotation> annotations) {
    const Tokens tokens = Tokenize(sentence);
    const auto count = static_cast<uint32_t>(tokens.tokens.size());
    std::vector<uint64_t> atoms;
    TokenFields fields;
    vocabulary.ReadFields(sentence, tokens, 0, count, annotations, &atoms,
                          &fields);
    std::vector<int> found;
    std::vector<uint64_t> scratch;
    prefilter.Candidates(atoms.data(), &scratch, &found);
    return found;
  };
  const std::vector<Annotation> country = {{0, 1, "country"}};
  EXPECT_THAT(candidates("Chad w69 w3 y w65", country), ElementsAre(3, 65, 69));
  EXPECT_THAT(candidates("Chad w69 w3 w65", country), IsEmpty());
  EXPECT_THAT(candidates("Chad w69 w3 x w65", {}), IsEmpty());
  EXPECT_THAT(candidates("Chad x w64", country), ElementsAre(64));
}

TEST(RulePrefilterWithoutRulesTest, KeepsNothing) {
  const RulePrefilter prefilter;
  const uint64_t no_atoms = 0;
  std::vector<int> candidates = {1};
  std::vector<uint64_t> scratch;
  prefilter.Candidates(&no_atoms, &scratch, &candidates);
  EXPECT_THAT(candidates, IsEmpty());
}

}  // namespace
}  // namespace parley

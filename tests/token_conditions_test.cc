// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/token_conditions.cc: the shapes of tokens and of the token
// classes, and the terms that conditions of lib/data/*.rules normalize to,
// built as the parser builds them; and that the parser gives a rule's
// condition exactly those terms.

#include "token_conditions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rule_parser.h"
#include "test_rules.h"
#include "tokenizer.h"

namespace parley {
namespace {

using ::testing::ElementsAre;
using ::testing::Optional;

// The shapes of each case, for the five kinds of token.
constexpr uint32_t kLowerShapes = 0x02082082;
constexpr uint32_t kUpperShapes = 0x04104104;
constexpr uint32_t kTitleShapes = 0x08208208;
constexpr uint32_t kMixedShapes = 0x30c30c30;
constexpr uint32_t kWordShapes = 0x3f;

// Conditions as the parser builds them from [Cap], ["the"], [c"US"],
// [@type], [!x], [x & y] and [x | y].
Condition Class(std::string_view name) {
  Condition condition;
  condition.op = Condition::Op::kClass;
  condition.atom.shapes = TokenClassShapes(name).value_or(0);
  return condition;
}

Condition Word(std::string word) {
  Condition condition;
  condition.op = Condition::Op::kWord;
  condition.atom.norm = WordSet{{std::move(word)}, false};
  return condition;
}

Condition Exact(std::string word) {
  Condition condition;
  condition.op = Condition::Op::kExactWord;
  condition.atom.exact = WordSet{{std::move(word)}, false};
  return condition;
}

Condition Inside(AnnotationSelector selector) {
  Condition condition;
  condition.op = Condition::Op::kInside;
  condition.atom.annotations.push_back(InsideTest{std::move(selector), true});
  return condition;
}

Condition Inside(std::string type) {
  return Inside(AnnotationSelector{std::move(type), {}});
}

Condition Not(Condition operand) {
  Condition condition;
  condition.op = Condition::Op::kNot;
  condition.operands.push_back(std::move(operand));
  return condition;
}

Condition Combine(Condition::Op op, std::initializer_list<Condition> operands) {
  Condition condition;
  condition.op = op;
  condition.operands = operands;
  return condition;
}

Condition And(std::initializer_list<Condition> operands) {
  return Combine(Condition::Op::kAnd, operands);
}

Condition Or(std::initializer_list<Condition> operands) {
  return Combine(Condition::Op::kOr, operands);
}

InsideTest InsideOf(std::string type, bool inside = true) {
  return InsideTest{AnnotationSelector{std::move(type), {}}, inside};
}

TokenTerm Term(uint32_t shapes, WordSet norm, std::vector<InsideTest> inside) {
  TokenTerm term;
  term.shapes = shapes;
  term.norm = std::move(norm);
  term.annotations = std::move(inside);
  return term;
}

TEST(TokenConditionsTest, ComputesTokenShapes) {
  EXPECT_EQ(TokenShape(Token{}), 4 * 6);  // kOther, no case
  Token dar;
  dar.kind = TokenKind::kWord;
  dar.case_class = CaseClass::kTitle;
  EXPECT_EQ(TokenShape(dar), 3);
  Token mcdonald = dar;
  mcdonald.case_class = CaseClass::kMixed;
  mcdonald.shape = "XxXXXX";
  Token iphone = mcdonald;
  iphone.shape = "xXxxx";
  EXPECT_NE(TokenShape(mcdonald), TokenShape(iphone));
  EXPECT_LT(TokenShape(iphone), kTokenShapeCount);
}

TEST(TokenConditionsTest, ShapesTheTokensOfASentence) {
  const Tokens tokens =
      Tokenize("Pakistan's FM McDONALD met iPhone users, 22%");
  std::vector<int> shapes;
  for (const Token& token : tokens.tokens) shapes.push_back(TokenShape(token));
  // Words: title 3, lower 1, upper 2, mixed 4 or 5; numbers from 6,
  // punctuation from 12, symbols from 18.
  EXPECT_THAT(shapes, ElementsAre(3, 1, 2, 4, 1, 5, 1, 12, 6, 18));
}

TEST(TokenConditionsTest, NamesTokenClasses) {
  EXPECT_THAT(TokenClassShapes("Any"), Optional(kAllTokenShapes));
  EXPECT_THAT(TokenClassShapes("Word"), Optional(kWordShapes));
  EXPECT_THAT(TokenClassShapes("Num"), Optional(kWordShapes << 6));
  EXPECT_THAT(TokenClassShapes("Punct"), Optional(kWordShapes << 12));
  EXPECT_THAT(TokenClassShapes("Sym"), Optional(kWordShapes << 18));
  EXPECT_THAT(TokenClassShapes("Lower"), Optional(kLowerShapes));
  EXPECT_THAT(TokenClassShapes("Upper"), Optional(kUpperShapes));
  EXPECT_THAT(TokenClassShapes("Title"), Optional(kTitleShapes));
  EXPECT_THAT(TokenClassShapes("Mixed"), Optional(kMixedShapes));
  // Mixed case starting upper only: "McDONALD", not "iPhone".
  EXPECT_THAT(TokenClassShapes("Cap"), Optional(0x1c71c71cu));
  EXPECT_EQ(TokenClassShapes("cap"), std::nullopt);
  EXPECT_EQ(TokenClassShapes("Titel"), std::nullopt);
}

TEST(TokenConditionsTest, MultipliesOutConjunctions) {
  // LATER_NAME_WORD in people.rules: [Cap & Word & @group & !@not_name].
  EXPECT_THAT(
      ConditionTerms(And({Class("Cap"), Class("Word"), Inside("group"),
                          Not(Inside("not_name"))})),
      Optional(ElementsAre(Term(
          0x1c, WordSet{}, {InsideOf("group"), InsideOf("not_name", false)}))));

  // APPOSITIVE in meetings.rules: [!"," & !"." & !"and" & !"who" &
  // !"whose" & !@person].
  EXPECT_THAT(
      ConditionTerms(
          And({Not(Word(",")), Not(Word(".")), Not(Word("and")),
               Not(Word("who")), Not(Word("whose")), Not(Inside("person"))})),
      Optional(ElementsAre(Term(
          kAllTokenShapes, WordSet{{",", ".", "and", "who", "whose"}, true},
          {InsideOf("person", false)}))));
}

TEST(TokenConditionsTest, MergesAlternatives) {
  // TITLE_WORD in meetings.rules: the types stay apart, the words merge.
  EXPECT_THAT(
      ConditionTerms(Or(
          {Inside("country"), Inside("office_modifier"), Inside("portfolio"),
           Inside("office_head"), Inside("honorific"), Inside("organization"),
           Word("'s"), Word("the"), Word("his"), Word("her"), Word("their"),
           Word("whose"), Word("of"), Word("for"), Word("and")})),
      Optional(ElementsAre(
          Term(kAllTokenShapes, WordSet{}, {InsideOf("country")}),
          Term(kAllTokenShapes, WordSet{}, {InsideOf("office_modifier")}),
          Term(kAllTokenShapes, WordSet{}, {InsideOf("portfolio")}),
          Term(kAllTokenShapes, WordSet{}, {InsideOf("office_head")}),
          Term(kAllTokenShapes, WordSet{}, {InsideOf("honorific")}),
          Term(kAllTokenShapes, WordSet{}, {InsideOf("organization")}),
          Term(kAllTokenShapes,
               WordSet{{"'s", "and", "for", "her", "his", "of", "the", "their",
                        "whose"},
                       false},
               {}))));

  // RELATIVE_OF in meetings.rules: [@person | Cap] stays two terms, and
  // classes merge into one.
  EXPECT_THAT(ConditionTerms(Or({Inside("person"), Class("Cap")})),
              Optional(ElementsAre(
                  Term(kAllTokenShapes, WordSet{}, {InsideOf("person")}),
                  Term(0x1c71c71c, WordSet{}, {}))));
  EXPECT_THAT(
      ConditionTerms(Or({Class("Title"), Class("Upper")})),
      Optional(ElementsAre(Term(kTitleShapes | kUpperShapes, WordSet{}, {}))));

  // Words as written merge apart from normalized ones.
  std::optional<std::vector<TokenTerm>> terms =
      ConditionTerms(Or({Exact("US"), Exact("UN"), Word("us")}));
  ASSERT_TRUE(terms.has_value());
  ASSERT_EQ(terms->size(), 2u);
  EXPECT_EQ((*terms)[0].exact, (WordSet{{"UN", "US"}, false}));
  EXPECT_EQ((*terms)[0].norm, WordSet{});
  EXPECT_EQ((*terms)[1].exact, WordSet{});
  EXPECT_EQ((*terms)[1].norm, (WordSet{{"us"}, false}));
}

TEST(TokenConditionsTest, PushesNegationDown) {
  // NAME_WORD in people.rules tests attributes: !@office_head[also!=
  // given_name].
  const AnnotationSelector office_head{"office_head",
                                       {{"also", "given_name", false}}};
  EXPECT_THAT(ConditionTerms(
                  Not(Or({Class("Upper"), Word("the"), Inside(office_head)}))),
              Optional(ElementsAre(Term(kAllTokenShapes & ~kUpperShapes,
                                        WordSet{{"the"}, true},
                                        {InsideTest{office_head, false}}))));
  // Not "the" or not Title: either of two terms.
  EXPECT_THAT(ConditionTerms(Not(And({Word("the"), Class("Title")}))),
              Optional(ElementsAre(
                  Term(kAllTokenShapes, WordSet{{"the"}, true}, {}),
                  Term(kAllTokenShapes & ~kTitleShapes, WordSet{}, {}))));
  EXPECT_THAT(ConditionTerms(Not(Not(Exact("US")))),
              Optional(ElementsAre(Exact("US").atom)));
}

TEST(TokenConditionsTest, FindsContradictions) {
  EXPECT_THAT(ConditionTerms(And({Class("Title"), Class("Lower")})),
              Optional(ElementsAre()));
  EXPECT_THAT(ConditionTerms(Not(Class("Any"))), Optional(ElementsAre()));
  EXPECT_THAT(ConditionTerms(And({Word("a"), Word("b")})),
              Optional(ElementsAre()));
  EXPECT_THAT(ConditionTerms(And({Inside("x"), Not(Inside("x"))})),
              Optional(ElementsAre()));
  // A contradiction in one alternative leaves the others.
  EXPECT_THAT(
      ConditionTerms(Or({And({Word("a"), Not(Word("a"))}), Class("Num")})),
      Optional(ElementsAre(Term(kWordShapes << 6, WordSet{}, {}))));
}

TEST(TokenConditionsTest, RefusesMoreThanTheMostTerms) {
  // (@a | !"u") & (@b | !"v") & ...: every factor doubles the terms.
  const std::vector<Condition> factors = {
      Or({Inside("a"), Not(Word("u"))}), Or({Inside("b"), Not(Word("v"))}),
      Or({Inside("c"), Not(Word("w"))}), Or({Inside("d"), Not(Word("x"))}),
      Or({Inside("e"), Not(Word("y"))}), Or({Inside("f"), Not(Word("z"))})};
  Condition condition;
  condition.op = Condition::Op::kAnd;
  condition.operands.assign(factors.begin(), factors.begin() + 5);
  std::optional<std::vector<TokenTerm>> terms = ConditionTerms(condition);
  ASSERT_TRUE(terms.has_value());
  EXPECT_EQ(terms->size(), kMaxConditionTerms);
  condition.operands.push_back(factors[5]);
  EXPECT_EQ(ConditionTerms(condition), std::nullopt);
}

TEST(TokenConditionsTest, GivesTheParsersTerms) {
  const std::vector<Rule> rules = ParseTestRules(
      "rule later-name-word : [Cap & Word & @group & !@not_name] ;\n"
      "rule relative : [@person | Cap] ;\n");
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(ConditionTerms(And({Class("Cap"), Class("Word"), Inside("group"),
                                Not(Inside("not_name"))})),
            rules[0].pattern.terms);
  EXPECT_EQ(ConditionTerms(Or({Inside("person"), Class("Cap")})),
            rules[1].pattern.terms);
}

}  // namespace
}  // namespace parley

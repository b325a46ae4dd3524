// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/token_tests.cc: how the tests of the rules' programs are
// numbered and kept, and which of them the tokens of a tokenized,
// annotated sentence pass.

#include "token_tests.h"

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
#include "token_program.h"
#include "token_vocabulary.h"
#include "tokenizer.h"

namespace parley {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::string_view kRules = R"(
  rule said : [Cap & !@office_head] "said" ;
  rule us : c"US" ;
  rule country : @country ;
  rule country-or-the : [@country | "the"] ;
)";

// The first element of `pattern` of kind `kind`.
const Pattern& First(const Pattern& pattern, Pattern::Kind kind) {
  static const Pattern kNone;
  if (pattern.kind == kind) return pattern;
  for (const Pattern& child : pattern.children) {
    const Pattern& found = First(child, kind);
    if (&found != &kNone) return found;
  }
  return kNone;
}

// The tests of kRules, numbered in the order of the constants below.
class TokenTestsTest : public ::testing::Test {
 protected:
  static constexpr uint32_t kName = 0;     // [Cap & !@office_head]
  static constexpr uint32_t kSaid = 1;     // "said"
  static constexpr uint32_t kUs = 2;       // c"US"
  static constexpr uint32_t kCountry = 3;  // @country begins here
  static constexpr uint32_t kCountryOrThe = 4;

  void SetUp() override {
    rules_ = ParseTestRules(kRules);
    ASSERT_EQ(rules_.size(), 4u);
    for (const Rule& rule : rules_) vocabulary_.Collect(rule.pattern);
    ASSERT_EQ(numbering_.Token(Condition(0)), kName);
    ASSERT_EQ(numbering_.Word("said", true), kSaid);
    ASSERT_EQ(numbering_.Word("US", false), kUs);
    ASSERT_EQ(numbering_.Phrase(Country(), TokenProgram::kBegins), kCountry);
    ASSERT_EQ(numbering_.Token(Condition(3)), kCountryOrThe);
  }

  const Pattern& Condition(int rule) const {
    return First(rules_[rule].pattern, Pattern::Kind::kToken);
  }
  const AnnotationSelector& Country() const {
    return First(rules_[2].pattern, Pattern::Kind::kPhrase).selector;
  }

  std::vector<Rule> rules_;
  TokenVocabulary vocabulary_;
  std::vector<FieldsTest> tests_;
  TokenTests numbering_{vocabulary_, &tests_};
};

TEST_F(TokenTestsTest, NumbersEachDistinctTestOnce) {
  EXPECT_EQ(numbering_.Token(Condition(0)), kName);
  EXPECT_EQ(numbering_.Word("said", true), kSaid);
  EXPECT_EQ(numbering_.Phrase(Country(), TokenProgram::kBegins), kCountry);
  EXPECT_EQ(tests_.size(), 5u);
  // "said" as written, and @country where it ends, are other tests.
  EXPECT_EQ(numbering_.Word("said", false), 5u);
  EXPECT_EQ(numbering_.Phrase(Country(), TokenProgram::kEnds), 6u);
  EXPECT_EQ(tests_.size(), 7u);
}

TEST_F(TokenTestsTest, KeepsTestsOfOneWordOrAnnotationForLookingUp) {
  // [Cap & !@office_head] tests two things at once.
  ASSERT_EQ(tests_[kName].terms.size(), 1u);
  EXPECT_EQ(tests_[kName].terms[0].outside.size(), 1u);
  EXPECT_THAT(tests_[kName].any_norm, IsEmpty());
  // "said" is norm word 0, "the" norm word 1, c"US" exact word 0, and
  // @country selector 1.
  EXPECT_THAT(tests_[kSaid].any_norm, ElementsAre(0u));
  EXPECT_THAT(tests_[kSaid].terms, IsEmpty());
  EXPECT_THAT(tests_[kUs].any_exact, ElementsAre(0u));
  EXPECT_TRUE(tests_[kCountry].phrase);
  EXPECT_EQ(tests_[kCountry].selector, 1u);
  EXPECT_EQ(tests_[kCountry].bits, TokenProgram::kBegins);
  EXPECT_THAT(tests_[kCountryOrThe].any_norm, ElementsAre(1u));
  ASSERT_EQ(tests_[kCountryOrThe].any_inside.size(), 1u);
  EXPECT_EQ(tests_[kCountryOrThe].any_inside[0].word, 0u);
  EXPECT_EQ(tests_[kCountryOrThe].any_inside[0].bits, 0b10u);
  EXPECT_THAT(tests_[kCountryOrThe].terms, IsEmpty());
}

TEST_F(TokenTestsTest, TellsTheTestsEachTokenPasses) {
  const std::string text =
      "Foreign Minister Dar said the US and Pakistan agreed.";
  const Tokens tokens = Tokenize(text);
  ASSERT_EQ(tokens.tokens.size(), 10u);
  const std::vector<Annotation> annotations = {
      {0, 2, "office_head"}, {5, 6, "country"}, {7, 8, "country"}};
  std::vector<uint64_t> atoms;
  TokenFields fields;
  vocabulary_.ReadFields(text, tokens, 0, 10, annotations, &atoms, &fields);
  const TestTable table(tests_, vocabulary_.norm_words().size(),
                        vocabulary_.exact_words().size(),
                        vocabulary_.selector_count());
  ASSERT_EQ(table.words(), 1u);

  constexpr uint64_t kNameBit = 1 << kName;
  constexpr uint64_t kSaidBit = 1 << kSaid;
  constexpr uint64_t kUsBit = 1 << kUs;
  constexpr uint64_t kCountryBit = 1 << kCountry;
  constexpr uint64_t kCountryOrTheBit = 1 << kCountryOrThe;
  const std::vector<uint64_t> every_test = {0b11111};
  std::vector<uint64_t> passed;
  table.Fill(fields, 0, 10, every_test, &passed);
  const std::vector<uint64_t> expected = {
      0,                                                   // Foreign
      0,                                                   // Minister
      kNameBit,                                            // Dar
      kSaidBit,                                            // said
      kCountryOrTheBit,                                    // the
      kNameBit | kUsBit | kCountryBit | kCountryOrTheBit,  // US
      0,                                                   // and
      kNameBit | kCountryBit | kCountryOrTheBit,           // Pakistan
      0,                                                   // agreed
      0,                                                   // .
  };
  EXPECT_EQ(passed, expected);

  // Tokens 2 to 5 ("Dar said the US"): tests that are tried one by one
  // are tried only where wanted; the others are looked up all the same.
  const std::vector<uint64_t> said_only = {kSaidBit};
  table.Fill(fields, 2, 4, said_only, &passed);
  EXPECT_THAT(passed, ElementsAre(0u, kSaidBit, kCountryOrTheBit,
                                  kUsBit | kCountryBit | kCountryOrTheBit));
}

// The rules' tests, numbered as RuleMatcher numbers them.
struct CompiledTests {
  explicit CompiledTests(std::string_view rules_text)
      : rules(ParseTestRules(rules_text)) {
    for (const Rule& rule : rules) vocabulary.Collect(rule.pattern);
    TokenTests numbering(vocabulary, &tests);
    for (const Rule& rule : rules) {
      EXPECT_TRUE(TokenProgram::Compile(rule.pattern, &numbering).has_value())
          << rule.id;
    }
  }

  // The fields of all of `tokens` with `annotations`.
  TokenFields Fields(std::string_view text, const Tokens& tokens,
                     std::span<const Annotation> annotations) const {
    std::vector<uint64_t> atoms;
    TokenFields fields;
    vocabulary.ReadFields(text, tokens, 0,
                          static_cast<uint32_t>(tokens.tokens.size()),
                          annotations, &atoms, &fields);
    return fields;
  }

  TestTable Table() const {
    return TestTable(tests, vocabulary.norm_words().size(),
                     vocabulary.exact_words().size(),
                     vocabulary.selector_count());
  }

  std::vector<Rule> rules;
  TokenVocabulary vocabulary;
  std::vector<FieldsTest> tests;
};

// Whether token `token` of `fields` passes a term of `test`, term by term.
bool PassesATerm(const FieldsTest& test, const TokenFields& fields,
                 uint32_t token) {
  const uint64_t* const present =
      fields.present.data() + token * fields.present_words;
  for (const TermFieldsTest& term : test.terms) {
    bool passes = (term.shapes >> fields.shapes[token] & 1) != 0 &&
                  term.norm.Passes(fields.norm_ids[token]) &&
                  term.exact.Passes(fields.exact_ids[token]);
    for (const BitsInWord& mask : term.inside) {
      passes = passes && (present[mask.word] & mask.bits) == mask.bits;
    }
    for (const BitsInWord& mask : term.outside) {
      passes = passes && (present[mask.word] & mask.bits) == 0;
    }
    if (passes) return true;
  }
  return false;
}

TEST(TestTableTest, TellsTermsByShapeWordsAndAnnotations) {
  const CompiledTests compiled(R"(
    rule titled : [Cap & @title & !@not_name] ;
    rule not-stop : [!"." & !","] ;
    rule us-or-number : [c"US" | Num] ;
    rule lower : [Lower & !"said"] ;
  )");
  // Each rule's condition is one test: the first four.
  ASSERT_EQ(compiled.tests.size(), 4u);
  EXPECT_EQ(compiled.tests[2].any_exact.size(), 1u);
  const std::string text = "President Dar and Khan said, US had 5.";
  const Tokens tokens = Tokenize(text);
  ASSERT_EQ(tokens.tokens.size(), 10u);
  const std::vector<Annotation> annotations = {
      {0, 2, "title"}, {3, 4, "title"}, {3, 4, "not_name"}};
  const TokenFields fields = compiled.Fields(text, tokens, annotations);
  const TestTable table = compiled.Table();
  std::vector<uint64_t> passed;
  table.Fill(fields, 0, 10, std::vector<uint64_t>{0b1111}, &passed);
  EXPECT_THAT(passed, ElementsAre(0b0011u,  // President
                                  0b0011u,  // Dar
                                  0b1010u,  // and
                                  0b0010u,  // Khan: not_name
                                  0b0010u,  // said
                                  0u,       // ,
                                  0b0110u,  // US, looked up
                                  0b1010u,  // had
                                  0b0110u,  // 5
                                  0u));     // .
  // Unwanted, terms are not tried; c"US" is looked up all the same.
  table.Fill(fields, 5, 4, std::vector<uint64_t>{0b0001}, &passed);
  EXPECT_THAT(passed, ElementsAre(0u, 0b0100u, 0u, 0u));
}

TEST(TestTableTest, TellsTokensWithoutWordsOrPhrasesByTheirShape) {
  // Such tokens, most of a sentence, are told once per shape and call:
  // an annotated token or a word of the rules of the same shape is told
  // on its own, and a call wanting other tests tells them anew.
  const CompiledTests compiled(R"(
    rule titled : [Cap & !@not_name] ;
    rule small : [Lower & !"the" | Num] ;
    rule inside : [Title & @place] ;
    rule any-but-comma : [!","] ;
  )");
  ASSERT_EQ(compiled.tests.size(), 4u);
  const std::string text =
      "Dar met Wang and the Mayor of Kabul , then Li met 5 envoys in Herat .";
  const Tokens tokens = Tokenize(text);
  const auto count = static_cast<uint32_t>(tokens.tokens.size());
  ASSERT_EQ(count, 17u);
  const std::vector<Annotation> annotations = {
      {5, 6, "not_name"}, {7, 8, "place"}, {15, 16, "place"}};
  const TokenFields fields = compiled.Fields(text, tokens, annotations);
  const TestTable table = compiled.Table();
  ASSERT_EQ(table.words(), 1u);
  for (const uint64_t wanted : {0b1111u, 0b0101u, 0b1010u, 0b0000u}) {
    std::vector<uint64_t> passed;
    table.Fill(fields, 0, count, std::vector<uint64_t>{wanted}, &passed);
    ASSERT_EQ(passed.size(), count);
    for (uint32_t token = 0; token < count; ++token) {
      uint64_t expected = 0;
      for (uint32_t test = 0; test < 4; ++test) {
        if ((wanted >> test & 1) != 0 &&
            PassesATerm(compiled.tests[test], fields, token)) {
          expected |= uint64_t{1} << test;
        }
      }
      EXPECT_EQ(passed[token], expected)
          << "token " << token << " wanted " << wanted;
    }
  }
  // Dar and Wang alike; the Mayor, @not_name, and Kabul, in a @place, not.
  std::vector<uint64_t> passed;
  table.Fill(fields, 0, count, std::vector<uint64_t>{0b1111}, &passed);
  EXPECT_EQ(passed[0], 0b1001u);
  EXPECT_EQ(passed[2], 0b1001u);
  EXPECT_EQ(passed[5], 0b1000u);
  EXPECT_EQ(passed[7], 0b1101u);
  EXPECT_EQ(passed[8], 0u);
}

TEST(TestTableTest, TellsAsManyTermsAsTestingEachOne) {
  // Some 300 terms, more than the 256 that Fill keeps on its stack, in 205
  // distinct tests.
  std::string rules;
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(i);
    rules += "rule r" + n + " : [" +
             (i % 3 == 0   ? "Cap & !\"w" + n + "\""
              : i % 3 == 1 ? "@a" + std::to_string(i % 5) + " & !@b | Num"
                           : "Lower & !@a" + std::to_string(i % 4) + " | c\"W" +
                                 n + "\" & Cap") +
             "] ;\n";
  }
  const CompiledTests compiled(rules);
  ASSERT_EQ(compiled.tests.size(), 205u);
  std::string text;
  for (int i = 0; i < 60; ++i) {
    text += i % 4 == 0   ? "w" + std::to_string(i * 5) + " "
            : i % 4 == 1 ? "W" + std::to_string(i * 5 + 2) + " "
            : i % 4 == 2 ? std::to_string(i) + " "
                         : "Word ";
  }
  const Tokens tokens = Tokenize(text);
  const auto count = static_cast<uint32_t>(tokens.tokens.size());
  ASSERT_EQ(count, 60u);
  // Annotation types are views: their strings outlive the annotations.
  const std::vector<std::string> types = {"a0", "a1", "a2", "a3", "a4"};
  std::vector<Annotation> annotations;
  for (uint32_t i = 0; i + 3 <= count; i += 3) {
    annotations.push_back({i, i + 2, types[i % 5]});
    if (i % 9 == 0) annotations.push_back({i + 1, i + 3, "b"});
  }
  const TokenFields fields = compiled.Fields(text, tokens, annotations);
  const TestTable table = compiled.Table();
  ASSERT_EQ(table.words(), 4u);
  // All tests wanted, then every other one.
  for (const uint64_t pattern : {~uint64_t{0}, uint64_t{0x5555555555555555}}) {
    const std::vector<uint64_t> wanted(table.words(), pattern);
    std::vector<uint64_t> passed;
    table.Fill(fields, 0, count, wanted, &passed);
    int passes = 0;
    for (uint32_t token = 0; token < count; ++token) {
      for (uint32_t test = 0; test < 205; ++test) {
        const bool is_wanted = (wanted[test / 64] >> (test % 64) & 1) != 0;
        const bool by_terms =
            is_wanted && PassesATerm(compiled.tests[test], fields, token);
        const bool by_lookup =
            !compiled.tests[test].any_exact.empty() &&
            fields.exact_ids[token] != WordIds::kNoWord &&
            compiled.tests[test].any_exact[0] == fields.exact_ids[token];
        const bool got =
            (passed[token * table.words() + test / 64] >> (test % 64) & 1) != 0;
        EXPECT_EQ(got, by_terms || by_lookup)
            << "token " << token << " test " << test;
        passes += got;
      }
    }
    EXPECT_GT(passes, 1000);
  }
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/pattern_printer.cc: the printed form of rules and macros of
// lib/data/*.rules, of every kind of repetition and of quoted literals and
// attribute values; and that the default rules print to text that parses
// back to the same print.

#include "pattern_printer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "default_resources.h"
#include "parley/status.h"
#include "rule_parser.h"
#include "test_rules.h"

namespace parley {
namespace {

TEST(PatternPrinterTest, PrintsMacrosExpanded) {
  // Macros of lib/data/meetings.rules and people.rules.
  const std::vector<Rule> rules = ParseTestRules(R"(
      macro PLACE = @city | @country | @region ;
      macro TO_PLACE = ("to" | "in") "the"? place=(PLACE) ;
      macro WHERE = ","? ("on" [Title])? ("in" | "at") "the"? place=(PLACE) ;
      macro CALL_NOUN = ("phone" | "telephone" | "video")? "call" ;
      macro SUBJECT = @portfolio ("and" @portfolio)? | @country ;
      macro TITLE = @office_modifier[keep=yes]*
                    (@portfolio ("and" @portfolio)? | @office_unit)?
                    @office_head[also!=given_name]
                    (("for" | "on") "the"? SUBJECT | "of" "the"? @portfolio)? ;
      rule to-place : TO_PLACE ;
      rule where : WHERE ;
      rule call : CALL_NOUN "with" ;
      rule title : title=(TITLE) ;
  )");
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(PatternString(rules[0].pattern),
            "(\"to\" | \"in\") \"the\"? place=(@city | @country | @region)");
  EXPECT_EQ(PatternString(rules[1].pattern),
            "\",\"? (\"on\" [Title])? (\"in\" | \"at\") \"the\"? "
            "place=(@city | @country | @region)");
  EXPECT_EQ(PatternString(rules[2].pattern),
            "(\"phone\" | \"telephone\" | \"video\")? \"call\" \"with\"");
  EXPECT_EQ(PatternString(rules[3].pattern),
            "title=(@office_modifier[keep=yes]* (@portfolio (\"and\" "
            "@portfolio)? | @office_unit)? @office_head[also!=given_name] "
            "((\"for\" | \"on\") \"the\"? (@portfolio (\"and\" @portfolio)? | "
            "@country) | \"of\" \"the\"? @portfolio)?)");
}

TEST(PatternPrinterTest, PrintsRepetitions) {
  const std::vector<Rule> rules = ParseTestRules(
      "rule r : [Any]{0,1} [Num]{0,} [Word]{1,} [Cap]{1} [Lower]{2,} "
      "[Upper]{1,3} (\"a\"?)* ((\"a\" \"b\"){2})+ ;");
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(PatternString(rules[0].pattern),
            "[Any]? [Num]* [Word]+ [Cap]{1} [Lower]{2,} [Upper]{1,3} "
            "(\"a\"?)* ((\"a\" \"b\"){2})+");
}

TEST(PatternPrinterTest, PrintsConditionsAsWritten) {
  const std::vector<Rule> rules =
      ParseTestRules("rule r : [Cap&!\"the\"]  [ !\",\" ]+ ;");
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(PatternString(rules[0].pattern), "[Cap&!\"the\"] [ !\",\" ]+");
}

TEST(PatternPrinterTest, QuotesWhatNeedsQuotes) {
  const std::vector<Rule> rules = ParseTestRules(
      "rule r : \"Say \\\"hi\\\"\" c\"a\\\\b\" "
      "@title[kind!=\"honorific\", name=\"Mr. \\\"X\\\"\", form=given-name, "
      "x=\"\", y=\"no way\"] ;");
  ASSERT_EQ(rules.size(), 1u);
  // Literals print their tokens, separated by spaces; a value prints bare
  // when the lexer reads it as one word.
  EXPECT_EQ(PatternString(rules[0].pattern),
            "\"say \\\" hi \\\"\" c\"a \\\\ b\" "
            "@title[form=given-name, kind!=honorific, name=\"Mr. \\\"X\\\"\", "
            "x=\"\", y=\"no way\"]");
}

TEST(PatternPrinterTest, DefaultRulesParseBackToTheSamePrint) {
  std::vector<RuleSource> sources;
  for (const EmbeddedResource& resource : DefaultRules()) {
    sources.push_back({resource.name, resource.text});
  }
  Result<std::vector<Rule>> rules = ParseRules(sources);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  ASSERT_FALSE(rules->empty());
  for (const Rule& rule : *rules) {
    const std::string printed = PatternString(rule.pattern);
    const std::vector<Rule> again =
        ParseTestRules("rule " + rule.id + " : " + printed + " ;");
    ASSERT_EQ(again.size(), 1u) << rule.id;
    EXPECT_EQ(PatternString(again[0].pattern), printed) << rule.id;
  }
}

}  // namespace
}  // namespace parley

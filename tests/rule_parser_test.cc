// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/rule_parser.cc: a valid file with macros, literals, classes,
// conditions and attribute tests; overrides between sources; and every
// kind of error with its exact message, line, column and fragment.
// Matching is tested in rule_matcher_test.cc.

#include "rule_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"
#include "pattern_printer.h"
#include "tokenizer.h"

namespace parley {
namespace {

using ::testing::ElementsAre;

Result<std::vector<Rule>> Parse(std::string_view text) {
  const RuleSource source{"test.rules", text};
  return ParseRules({&source, 1});
}

std::vector<Rule> ParseOk(std::string_view text) {
  Result<std::vector<Rule>> rules = Parse(text);
  EXPECT_TRUE(rules.ok()) << rules.status().message();
  return rules.ok() ? *rules : std::vector<Rule>{};
}

std::vector<std::string> Ids(const std::vector<Rule>& rules) {
  std::vector<std::string> ids;
  for (const Rule& rule : rules) ids.push_back(rule.id);
  return ids;
}

// The terms of the one-token pattern of the one rule in `text`.
std::vector<TokenTerm> Terms(std::string_view text) {
  const std::vector<Rule> rules = ParseOk(text);
  if (rules.size() != 1 || rules[0].pattern.kind != Pattern::Kind::kToken) {
    ADD_FAILURE() << "not one token rule: " << text;
    return {};
  }
  return rules[0].pattern.terms;
}

uint32_t ShapeBit(TokenKind kind, CaseClass case_class,
                  std::string shape = "") {
  Token token;
  token.kind = kind;
  token.case_class = case_class;
  token.shape = std::move(shape);
  return uint32_t{1} << TokenShape(token);
}

// Every shape of words, numbers, ... with `case_class`.
uint32_t CaseBits(CaseClass case_class) {
  uint32_t bits = 0;
  for (TokenKind kind :
       {TokenKind::kWord, TokenKind::kNumber, TokenKind::kPunctuation,
        TokenKind::kSymbol, TokenKind::kOther}) {
    bits |= ShapeBit(kind, case_class, "Xx");
  }
  return bits;
}

struct ExpectedError {
  std::string message;
  int line;
  int column;
  std::string fragment;
};

void ExpectError(const Status& status, const ExpectedError& expected,
                 const std::string& file = "test.rules") {
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.message(), expected.message);
  ASSERT_TRUE(status.location().has_value()) << status.message();
  EXPECT_EQ(status.location()->file, file);
  EXPECT_EQ(status.location()->line, expected.line) << status.message();
  EXPECT_EQ(status.location()->column, expected.column) << status.message();
  EXPECT_EQ(status.location()->fragment, expected.fragment);
}

void ExpectError(std::string_view text, const ExpectedError& expected) {
  SCOPED_TRACE(text);
  ExpectError(Parse(text).status(), expected);
}

TEST(RuleParserTest, ParsesAFile) {
  const std::vector<Rule> rules = ParseOk(
      "# People and offices.\n"
      "macro NAME_WORD = [Title] | [Upper] ;\n"
      "macro PERSON = NAME_WORD{1,3} ;   # used by name\n"
      "rule title-name : title=(@office_head+) person=(PERSON) ;\n"
      "rule met-with   : a=(PERSON) ( \"met\" | \"meets\" ) \"with\"?\n"
      "                  b=(PERSON) ;\n"
      "rule country-adj: @country[form=adjective] ;\n"
      "rule us-talks : \"The\" c\"US\" \"Held Talks\" \",\" ;\n"
      "rule many : [Any]* [Num]{2} [Punct]{1,} [Sym]{0,4} [Word]+ ;\n");

  EXPECT_THAT(Ids(rules), ElementsAre("title-name", "met-with", "country-adj",
                                      "us-talks", "many"));
  EXPECT_EQ(PatternString(rules[0].pattern),
            "title=(@office_head+) person=(([Title] | [Upper]){1,3})");
  EXPECT_EQ(PatternString(rules[1].pattern),
            "a=(([Title] | [Upper]){1,3}) (\"met\" | \"meets\") \"with\"? "
            "b=(([Title] | [Upper]){1,3})");
  EXPECT_EQ(PatternString(rules[2].pattern), "@country[form=adjective]");
  // Literals are tokenized and normalized; exact ones keep their case.
  EXPECT_EQ(PatternString(rules[3].pattern),
            "\"the\" c\"US\" \"held talks\" \",\"");
  EXPECT_THAT(rules[3].pattern.children[2].words, ElementsAre("held", "talks"));
  EXPECT_EQ(PatternString(rules[4].pattern),
            "[Any]* [Num]{2} [Punct]+ [Sym]{0,4} [Word]+");

  EXPECT_EQ(rules[0].location.file, "test.rules");
  EXPECT_EQ(rules[0].location.line, 4);
  EXPECT_EQ(rules[0].location.column, 6);
  EXPECT_EQ(rules[0].location.fragment, "title-name");
  EXPECT_EQ(rules[3].location.line, 8);

  const Pattern& title = rules[0].pattern.children[0];
  ASSERT_EQ(title.kind, Pattern::Kind::kCapture);
  EXPECT_EQ(title.name, "title");
  ASSERT_EQ(title.children[0].kind, Pattern::Kind::kRepeat);
  EXPECT_EQ(title.children[0].min_count, 1);
  EXPECT_EQ(title.children[0].max_count, Pattern::kUnbounded);
  EXPECT_EQ(title.children[0].children[0].kind, Pattern::Kind::kPhrase);
  EXPECT_EQ(title.children[0].children[0].selector.type, "office_head");
}

TEST(RuleParserTest, TokenizesLiteralsLikeText) {
  const std::vector<Rule> rules = ParseOk(
      "rule a : \"Pakistan's\" ;\n"
      "rule b : \"'s\" \"\xE2\x80\x99s\" c\"'s\" \"'\" ;\n"
      "rule c : \"U.S.-Afghan T\xC3\xBCrkiye\" ;\n");
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_THAT(rules[0].pattern.words, ElementsAre("pakistan", "'s"));
  // A possessive ending alone is the token it is after a word.
  EXPECT_EQ(PatternString(rules[1].pattern), "\"'s\" \"'s\" c\"'s\" \"'\"");
  EXPECT_THAT(rules[2].pattern.words,
              ElementsAre("u.s.", "-", "afghan", "turkiye"));
}

TEST(RuleParserTest, ParsesAttributeTests) {
  const std::vector<Rule> rules = ParseOk(
      "rule a : @city[country=AF, capital!=\"no way\"] ;\n"
      "rule b : @city[capital!=\"no way\",country=AF] @city [Title] ;\n");
  ASSERT_EQ(rules.size(), 2u);
  const AnnotationSelector& selector = rules[0].pattern.selector;
  EXPECT_EQ(selector.type, "city");
  ASSERT_EQ(selector.tests.size(), 2u);
  EXPECT_EQ(selector.tests[0].key, "capital");
  EXPECT_EQ(selector.tests[0].value, "no way");
  EXPECT_FALSE(selector.tests[0].equal);
  EXPECT_EQ(selector.tests[1].key, "country");
  EXPECT_EQ(selector.tests[1].value, "AF");
  EXPECT_TRUE(selector.tests[1].equal);
  // Tests are sorted, so the same selector written otherwise is equal; a
  // space before '[' starts a new element.
  EXPECT_EQ(rules[1].pattern.children[0].selector, selector);
  EXPECT_EQ(PatternString(rules[1].pattern),
            "@city[capital!=\"no way\", country=AF] @city [Title]");
}

TEST(RuleParserTest, NormalizesConditions) {
  const uint32_t title = CaseBits(CaseClass::kTitle);
  const uint32_t upper = CaseBits(CaseClass::kUpper);
  const uint32_t mixed_upper =
      ShapeBit(TokenKind::kWord, CaseClass::kMixed, "XxXXX");
  const uint32_t mixed_lower =
      ShapeBit(TokenKind::kWord, CaseClass::kMixed, "xXxxx");

  std::vector<TokenTerm> terms = Terms("rule a : [Cap & !@not_name] ;");
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(terms[0].shapes & (title | upper), title | upper);
  EXPECT_NE(terms[0].shapes & mixed_upper, 0u);
  EXPECT_EQ(terms[0].shapes & mixed_lower, 0u);
  EXPECT_EQ(terms[0].shapes & CaseBits(CaseClass::kLower), 0u);
  EXPECT_EQ(terms[0].norm, WordSet{});
  ASSERT_EQ(terms[0].annotations.size(), 1u);
  EXPECT_EQ(terms[0].annotations[0].selector.type, "not_name");
  EXPECT_FALSE(terms[0].annotations[0].inside);

  // Alternatives that differ in one part only merge into one term.
  terms = Terms("rule a : [Title | Upper] ;");
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(terms[0].shapes, title | upper);
  terms = Terms("rule a : [\"met\" | \"Meets\" | \"met\"] ;");
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(terms[0].norm, (WordSet{{"meets", "met"}, false}));

  // Negation is pushed down to the tests.
  terms = Terms("rule a : [Punct & !(\".\" | \"?\")] ;");
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(terms[0].shapes,
            ShapeBit(TokenKind::kPunctuation, CaseClass::kNone) |
                ShapeBit(TokenKind::kPunctuation, CaseClass::kLower) |
                ShapeBit(TokenKind::kPunctuation, CaseClass::kUpper) |
                ShapeBit(TokenKind::kPunctuation, CaseClass::kTitle) |
                ShapeBit(TokenKind::kPunctuation, CaseClass::kMixed, "X") |
                ShapeBit(TokenKind::kPunctuation, CaseClass::kMixed, "x"));
  EXPECT_EQ(terms[0].norm, (WordSet{{".", "?"}, true}));

  terms = Terms("rule a : [!!c\"US\"] ;");
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(terms[0].exact, (WordSet{{"US"}, false}));
  EXPECT_EQ(terms[0].shapes, kAllTokenShapes);

  // Alternatives that cannot merge stay apart.
  terms = Terms("rule a : [Upper | @title] ;");
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(terms[0].shapes, upper);
  EXPECT_TRUE(terms[0].annotations.empty());
  EXPECT_EQ(terms[1].shapes, kAllTokenShapes);
  ASSERT_EQ(terms[1].annotations.size(), 1u);
  EXPECT_TRUE(terms[1].annotations[0].inside);
}

TEST(RuleParserTest, KeywordsCanNameCaptures) {
  const std::vector<Rule> rules =
      ParseOk("rule a : rule=([Title]) macro=(\"x\") ;\nrule b : \"y\" ;");
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(PatternString(rules[0].pattern), "rule=([Title]) macro=(\"x\")");
}

TEST(RuleParserTest, LaterSourcesOverrideRulesAndMacros) {
  const RuleSource sources[] = {
      {"a.rules",
       "macro X = \"x\" ;\n"
       "rule first : X ;\n"
       "rule second : \"two\" ;\n"},
      {"b.rules",
       "rule first : X X ;\n"
       "macro X = \"y\" ;\n"
       "rule third : X ;\n"},
  };
  Result<std::vector<Rule>> rules = ParseRules(sources);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_THAT(Ids(*rules), ElementsAre("first", "second", "third"));
  EXPECT_EQ(PatternString((*rules)[0].pattern), "\"x\" \"x\"");
  EXPECT_EQ((*rules)[0].location.file, "b.rules");
  EXPECT_EQ(PatternString((*rules)[2].pattern), "\"y\"");
}

TEST(RuleParserTest, AcceptsAnEmptyFile) {
  EXPECT_TRUE(ParseOk("  # nothing here\n\n").empty());
}

TEST(RuleParserTest, ReportsNameErrors) {
  ExpectError("rule a : PERSN ;", {"unknown macro 'PERSN'", 1, 10, "PERSN"});
  ExpectError("rule a : [Titel] ;",
              {"unknown token class 'Titel'", 1, 11, "Titel"});
  ExpectError(
      "rule a : Title ;",
      {"token class 'Title' goes in brackets: [Title]", 1, 10, "Title"});
  ExpectError(
      "rule a : met ;",
      {"bare word 'met'; literal words go in quotes: \"met\"", 1, 10, "met"});
  ExpectError("rule Met_With : \"x\" ;",
              {"bad rule id 'Met_With'; use lowercase letters, digits and '-'",
               1, 6, "Met_With"});
  ExpectError("macro person = \"x\" ;",
              {"bad macro name 'person'; use uppercase letters, digits and '_'",
               1, 7, "person"});
  ExpectError("rule a : Who=([Title]) ;",
              {"bad capture name 'Who'; use lowercase letters, digits and '_'",
               1, 10, "Who"});
  ExpectError("rule a : \"x\" ;\n\nrule a : \"y\" ;",
              {"duplicate rule id 'a' (first defined at line 1)", 3, 6, "a"});
  ExpectError("macro M = \"x\" ;\nmacro M = \"y\" ;",
              {"duplicate macro 'M' (first defined at line 1)", 2, 7, "M"});
  ExpectError("rules a : \"x\" ;",
              {"expected 'rule' or 'macro'", 1, 1, "rules"});
}

TEST(RuleParserTest, ReportsStructureErrors) {
  ExpectError("rule a : (\"met\" \"with\" ;", {"unclosed '('", 1, 10, "("});
  ExpectError("rule a : x=(\"met\" ;", {"unclosed '('", 1, 12, "("});
  ExpectError("rule a : \"met\" ) ;", {"unmatched ')'", 1, 16, ")"});
  ExpectError("rule a : [Title & Upper ;", {"unclosed '['", 1, 10, "["});
  ExpectError("rule a : [Title Upper] ;",
              {"expected '&', '|' or ']' in a condition", 1, 17, "Upper"});
  ExpectError("rule a : \"met\"\n  # comment\nrule b : \"x\" ;",
              {"missing ';' at the end of rule 'a'", 3, 1, "rule"});
  ExpectError("rule a : \"met\"",
              {"missing ';' at the end of rule 'a'", 1, 15, ""});
  ExpectError("macro M = \"x\"\nmacro N = \"y\" ;",
              {"missing ';' at the end of macro 'M'", 2, 1, "macro"});
  ExpectError("rule a \"x\" ;",
              {"expected ':' after rule id 'a'", 1, 8, "\"x\""});
  ExpectError("macro M : \"x\" ;",
              {"expected '=' after macro name 'M'", 1, 9, ":"});
  ExpectError("rule a : ;", {"empty pattern", 1, 10, ";"});
  ExpectError("rule a : \"x\" | ;", {"empty alternative", 1, 16, ";"});
  ExpectError("rule a : | \"x\" ;", {"empty alternative", 1, 10, "|"});
  ExpectError("rule a : \"x\" () ;", {"empty group", 1, 15, ")"});
  ExpectError(
      "rule a : \"with\"? ([Title] | \"x\")* ;",
      {"pattern can match no tokens", 1, 10, "\"with\"? ([Title] | \"x\")*"});
  ExpectError("rule a : !\"the\" ;",
              {"negation goes inside brackets, as in [!\"the\"]", 1, 10, "!"});
  ExpectError("rule a : \"x\" ] ;", {"unexpected ']'", 1, 14, "]"});
  ExpectError("rule a : x= \"x\" ;",
              {"expected '(' after 'x='", 1, 13, "\"x\""});
}

TEST(RuleParserTest, ReportsRepetitionErrors) {
  ExpectError("rule a : [Title]{1,100} ;",
              {"repetition bound 100 exceeds 64", 1, 17, "{1,100}"});
  ExpectError("rule a : [Title]{65,} ;",
              {"repetition bound 65 exceeds 64", 1, 17, "{65,}"});
  ExpectError("rule a : [Title]{3,1} ;",
              {"repetition minimum exceeds maximum", 1, 17, "{3,1}"});
  ExpectError("rule a : [Title]{0} ;",
              {"repetition matches nothing", 1, 17, "{0}"});
  ExpectError("rule a : [Title]{x} ;",
              {"bad repetition; expected {n}, {m,n} or {m,}", 1, 17, "{x"});
  ExpectError("rule a : [Title]{1,2 ;",
              {"bad repetition; expected {n}, {m,n} or {m,}", 1, 17, "{1,2 ;"});
  ExpectError("rule a : [Title]{99999999999} ;",
              {"repetition bound 1000000 exceeds 64", 1, 17, "{99999999999}"});
  ExpectError("rule a : + \"x\" ;", {"'+' must follow an element", 1, 10, "+"});
  ExpectError("rule a : \"x\"+? ;",
              {"'?' cannot follow a repetition; use parentheses", 1, 14, "?"});
  ExpectError("rule a : ([Title]{1,64}){1,64} ;",
              {"nested repetitions too large: bounds multiply to 4096, more "
               "than 1000",
               1, 25, "{1,64}"});
  // ?, * and + do not count; {m,} counts m.
  EXPECT_EQ(
      ParseOk("rule a : (([Title]{1,40}){1,25})+ ((\"x\"?)*){2,} ;").size(),
      1u);
}

TEST(RuleParserTest, ReportsLiteralErrors) {
  ExpectError("rule a : \"met ;", {"unterminated string", 1, 10, "\"met ;"});
  ExpectError("rule a : \"met\n\" ;", {"unterminated string", 1, 10, "\"met"});
  ExpectError(
      "rule a : \"a\\q\" ;",
      {"bad escape in a string; only \\\" and \\\\ are allowed", 1, 12, "\\q"});
  ExpectError("rule a : \"\" ;", {"empty literal", 1, 10, "\"\""});
  ExpectError("rule a : c\"  \" ;", {"empty literal", 1, 10, "c\"  \""});
  ExpectError("rule a : % ;", {"unexpected character '%'", 1, 10, "%"});
  ExpectError("rule a : \"x\" \xC3\xA9 ;",
              {"unexpected character '\xC3\xA9'", 1, 14, "\xC3\xA9"});
  // Escapes work.
  EXPECT_EQ(PatternString(ParseOk("rule a : \"\\\"\" ;")[0].pattern),
            "\"\\\"\"");
}

TEST(RuleParserTest, ReportsConditionErrors) {
  ExpectError("rule a : [Title | \"held talks\"] ;",
              {"a condition tests one token, but \"held talks\" is 2 tokens", 1,
               19, "\"held talks\""});
  ExpectError("rule a : [Title & Lower] ;",
              {"condition never holds", 1, 10, "[Title & Lower]"});
  ExpectError("rule a : [!Any] ;", {"condition never holds", 1, 10, "[!Any]"});
  ExpectError("rule a : [\"a\" & \"b\"] ;",
              {"condition never holds", 1, 10, "[\"a\" & \"b\"]"});
  ExpectError("rule a : [@x & !@x] ;",
              {"condition never holds", 1, 10, "[@x & !@x]"});
  ExpectError("rule a : [] ;",
              {"expected a token class, a literal or an annotation type in a "
               "condition",
               1, 11, "]"});
  ExpectError(
      "rule a : @country[form] ;",
      {"expected an attribute test such as form=adjective", 1, 19, "form"});
  ExpectError("rule a : @country[form=] ;",
              {"expected a value after 'form='", 1, 24, "]"});
  ExpectError("rule a : @country[a=b c=d] ;",
              {"expected ',' or ']' after an attribute test", 1, 23, "c"});
  ExpectError("rule a : @country[a=b ;", {"unclosed '['", 1, 18, "["});
  ExpectError("rule a : @ \"x\" ;",
              {"expected an annotation type after '@'", 1, 12, "\"x\""});
  ExpectError(
      "rule a : [(@a | !\"u\") & (@b | !\"v\") & (@c | !\"w\") & (@d | !\"x\") "
      "& (@e | !\"y\") & (@f | !\"z\")] ;",
      {"condition too complex: more than 32 alternatives", 1, 10,
       "[(@a | !\"u\") & (@b | !\"v\") & (@c | !\"w\") & (@d | !\"x\") & "
       "(@e..."});
}

TEST(RuleParserTest, ReportsSizeErrors) {
  std::string nested = "rule a : " + std::string(40, '(') + "\"x\"" +
                       std::string(40, ')') + " ;";
  ExpectError(nested, {"too many nested brackets: more than 32", 1, 42, "("});

  // Macros that double their size reach the element limit.
  std::string doubling = "macro M0 = \"x\" ;\n";
  for (int i = 1; i <= 14; ++i) {
    doubling += "macro M" + std::to_string(i) + " = M" + std::to_string(i - 1) +
                " M" + std::to_string(i - 1) + " ;\n";
  }
  ExpectError(doubling,
              {"pattern too large: more than 10000 elements after expanding "
               "macros",
               14, 17, "M12"});

  // Macros that each add a level reach the depth limit.
  std::string deep = "macro M0 = \"x\" ;\n";
  for (int i = 1; i <= 100; ++i) {
    deep += "macro M" + std::to_string(i) + " = M" + std::to_string(i - 1) +
            "+ ;\n";
  }
  ExpectError(deep, {"pattern nested too deeply: more than 100 levels after "
                     "expanding macros",
                     101, 14, "M99+"});
}

TEST(RuleParserTest, NamesTheSourceOfAnError) {
  const RuleSource sources[] = {
      {"good.rules", "macro X = \"x\" ;\n"},
      {"bad.rules", "\n  rule b : X Y ;\n"},
  };
  ExpectError(ParseRules(sources).status(), {"unknown macro 'Y'", 2, 14, "Y"},
              "bad.rules");
}

TEST(RuleParserTest, ShortensLongFragments) {
  const std::string word(100, 'a');
  Result<std::vector<Rule>> rules = Parse("rule a : " + word + " ;");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().location()->fragment, std::string(60, 'a') + "...");
}

TEST(PatternListTest, CopiesShareChildrenUntilOneChanges) {
  Pattern word;
  word.kind = Pattern::Kind::kWords;
  word.words = {"met"};
  Pattern original;
  original.children = std::vector<Pattern>{word, word};
  Pattern copy = original;
  EXPECT_EQ(&copy.children[0], &original.children[0]);

  word.words = {"talks"};
  copy.children.push_back(word);
  ASSERT_EQ(copy.children.size(), 3u);
  ASSERT_EQ(original.children.size(), 2u);
  EXPECT_NE(&copy.children[0], &original.children[0]);
  EXPECT_THAT(copy.children[2].words, ElementsAre("talks"));
  EXPECT_THAT(original.children[1].words, ElementsAre("met"));
}

}  // namespace
}  // namespace parley

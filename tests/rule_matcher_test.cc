// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/rule_matcher.cc on hand-built tokens and annotations, so that
// the results do not depend on the tokenizer or the gazetteers: captures on
// real sentences, every kind of element, leftmost-longest successive
// matches, sentences and pieces and the scratch memory reused between them,
// hostile inputs, rules too large for RE2, and concurrent matching.

#include "rule_matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "parley/status.h"
#include "tokenizer.h"

namespace parley {

void PrintTo(const Capture& capture, std::ostream* os) {
  *os << capture.name << "=[" << capture.first_token << "," << capture.end_token
      << ")";
}

void PrintTo(const RuleMatch& match, std::ostream* os) {
  *os << "{rule " << match.rule << " [" << match.first_token << ","
      << match.end_token << ")";
  for (const Capture& capture : match.captures) {
    *os << " ";
    PrintTo(capture, os);
  }
  *os << "}";
}

namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Attributes = std::vector<std::pair<std::string, std::string>>;

// A text of words separated by single spaces, tokenized by hand at the
// spaces, as one sentence.  Case classes follow tokenizer.h for ASCII.
struct Document {
  std::string text;
  Tokens tokens;

  const Sentence& sentence() const { return tokens.sentences[0]; }
};

Token MakeToken(std::string_view word, uint32_t begin) {
  Token token;
  token.begin = begin;
  token.end = begin + static_cast<uint32_t>(word.size());
  int upper = 0;
  int lower = 0;
  bool digits = false;
  for (char c : word) {
    const unsigned char u = static_cast<unsigned char>(c);
    token.norm += static_cast<char>(std::tolower(u));
    if (std::isupper(u)) {
      ++upper;
      token.shape += 'X';
    } else if (std::islower(u)) {
      ++lower;
      token.shape += 'x';
    } else if (std::isdigit(u)) {
      digits = true;
      token.shape += 'd';
    } else {
      token.shape += c;
    }
  }
  token.kind = upper + lower > 0 ? TokenKind::kWord
               : digits          ? TokenKind::kNumber
                                 : TokenKind::kPunctuation;
  const bool first_upper = std::isupper(static_cast<unsigned char>(word[0]));
  if (upper + lower == 0) {
    token.case_class = CaseClass::kNone;
  } else if (upper == 0) {
    token.case_class = CaseClass::kLower;
  } else if (lower == 0) {
    token.case_class = upper >= 2 ? CaseClass::kUpper : CaseClass::kTitle;
  } else if (first_upper && upper == 1) {
    token.case_class = CaseClass::kTitle;
  } else {
    token.case_class = CaseClass::kMixed;
  }
  return token;
}

Document MakeDocument(const std::vector<std::string>& words) {
  Document document;
  for (const std::string& word : words) {
    if (!document.text.empty()) document.text += ' ';
    document.tokens.tokens.push_back(
        MakeToken(word, static_cast<uint32_t>(document.text.size())));
    document.text += word;
  }
  document.tokens.sentences.push_back(
      Sentence{0, static_cast<uint32_t>(document.text.size()), 0,
               static_cast<uint32_t>(words.size())});
  return document;
}

Document MakeDocument(std::string_view spaced) {
  std::vector<std::string> words;
  size_t begin = 0;
  while (begin < spaced.size()) {
    size_t end = spaced.find(' ', begin);
    if (end == std::string_view::npos) end = spaced.size();
    words.emplace_back(spaced.substr(begin, end - begin));
    begin = end + 1;
  }
  return MakeDocument(words);
}

RuleMatcher Compile(std::string_view rules) {
  const RuleSource source{"test.rules", rules};
  Result<RuleMatcher> matcher = RuleMatcher::Create({&source, 1});
  if (!matcher.ok()) {
    ADD_FAILURE() << matcher.status().message();
    const RuleSource none{"none", ""};
    return *RuleMatcher::Create({&none, 1});
  }
  return *std::move(matcher);
}

std::vector<RuleMatch> MatchAll(const RuleMatcher& matcher,
                                const Document& document,
                                std::span<const Annotation> annotations = {}) {
  return matcher.Match(document.text, document.tokens, document.sentence(),
                       annotations);
}

RuleMatch M(uint32_t rule, uint32_t first, uint32_t end,
            std::vector<Capture> captures = {}) {
  return RuleMatch{rule, first, end, std::move(captures)};
}

constexpr std::string_view kPeopleRules = R"(
  # A name word is capitalized and not part of an office title.
  macro NAME_WORD = [Cap & !@office_head] ;
  macro PERSON = NAME_WORD{1,3} ;
  rule title-name : title=(@office_head+) person=(PERSON) ;
  rule met-with : a=(PERSON) ("met" | "meets") "with"? b=(PERSON) ;
)";

TEST(RuleMatcherTest, FindsTitlesAndMeetings) {
  const RuleMatcher matcher = Compile(kPeopleRules);
  ASSERT_EQ(matcher.rule_count(), 2u);
  EXPECT_EQ(matcher.rule_id(0), "title-name");
  EXPECT_EQ(matcher.rule_id(1), "met-with");

  const Document document =
      MakeDocument("Foreign Minister Ishaq Dar met with Wang Yi on Monday .");
  const Annotation office[] = {{0, 2, "office_head", nullptr}};
  EXPECT_THAT(MatchAll(matcher, document, office),
              ElementsAre(M(0, 0, 4, {{"title", 0, 2}, {"person", 2, 4}}),
                          M(1, 2, 8, {{"a", 2, 4}, {"b", 6, 8}})));

  const Document meets = MakeDocument("Dar meets Wang Yi .");
  EXPECT_THAT(MatchAll(matcher, meets),
              ElementsAre(M(1, 0, 4, {{"a", 0, 1}, {"b", 2, 4}})));
}

TEST(RuleMatcherTest, MatchesLeftmostLongest) {
  // Without the office test, "Minister" passes for a name: the match
  // starting leftmost wins, and it is the longest from there.
  const RuleMatcher matcher = Compile(
      "macro PERSON = ([Title] | [Upper]){1,3} ;\n"
      "rule met-with : a=(PERSON) \"met\" \"with\"? b=(PERSON) ;\n");
  const Document document =
      MakeDocument("Foreign Minister Ishaq Dar met with Wang Yi on Monday .");
  EXPECT_THAT(MatchAll(matcher, document),
              ElementsAre(M(0, 1, 8, {{"a", 1, 4}, {"b", 6, 8}})));
}

TEST(RuleMatcherTest, ReportsSuccessiveMatchesOfEachRule) {
  const RuleMatcher matcher = Compile(
      "rule names : [Title]+ ;\n"
      "rule pairs : [Title] [Title] ;\n");
  const Document document =
      MakeDocument("Ishaq Dar met Wang Yi and Li Qiang Zhao on Monday");
  EXPECT_THAT(MatchAll(matcher, document),
              ElementsAre(M(0, 0, 2), M(1, 0, 2), M(0, 3, 5), M(1, 3, 5),
                          M(0, 6, 9), M(1, 6, 8), M(0, 10, 11)));
}

TEST(RuleMatcherTest, TestsAnnotationAttributes) {
  const RuleMatcher matcher = Compile(
      "rule country-adj : @country[form=adjective] ;\n"
      "rule country-name : @country[form!=adjective] ;\n"
      "rule in-country : \"in\" x=([@country & Cap]) ;\n"
      "rule capital : @city[country=AF, capital=yes] ;\n");
  const Document document = MakeDocument(
      "Pakistani and Afghan officials met in Pakistan and in Kabul .");
  const Attributes adjective = {{"form", "adjective"}};
  const Attributes other = {{"form", "short"}};
  const Attributes kabul = {{"country", "AF"}, {"capital", "yes"}};
  const Attributes not_capital = {{"country", "AF"}, {"capital", "no"}};
  const Annotation annotations[] = {
      {0, 1, "country", &adjective}, {2, 3, "country", &adjective},
      {6, 7, "country", &other},     {6, 7, "country", nullptr},
      {9, 10, "city", &kabul},       {9, 10, "city", &not_capital},
      {9, 10, "unused", nullptr},
  };
  EXPECT_THAT(MatchAll(matcher, document, annotations),
              ElementsAre(M(0, 0, 1), M(0, 2, 3), M(2, 5, 7, {{"x", 6, 7}}),
                          M(1, 6, 7), M(3, 9, 10)));
}

TEST(RuleMatcherTest, ChecksTheLastTokenOfAMatchInFull) {
  // "Baloch" is annotated as a group, which a name word must not be; the
  // test holds for the last token of a match as for any other.
  const RuleMatcher matcher = Compile(
      "rule name : [Cap & !@group]+ ;\n"
      "rule before-group : [Cap] [@group] ;\n"
      "rule group-phrase : [Cap] @group ;\n");
  const Document document = MakeDocument("Mumtaz Zahra Baloch told");
  const Annotation group[] = {{2, 3, "group", nullptr}};
  EXPECT_THAT(MatchAll(matcher, document, group),
              ElementsAre(M(0, 0, 2), M(1, 1, 3), M(2, 1, 3)));
  EXPECT_THAT(MatchAll(matcher, document), ElementsAre(M(0, 0, 3)));
}

TEST(RuleMatcherTest, MatchesWholePhrases) {
  const RuleMatcher matcher = Compile(
      "rule city : @city ;\n"
      "rule after-new : \"new\" x=(@city) ;\n"
      "rule inside : [@city]+ ;\n"
      "rule title : @title \"of\" @org ;\n");
  const Document document =
      MakeDocument("New York Secretary General of the United Nations");
  const Annotation annotations[] = {
      {0, 2, "city", nullptr},  {1, 2, "city", nullptr},
      {2, 4, "title", nullptr}, {5, 8, "org", nullptr},
      {6, 8, "org", nullptr},
  };
  EXPECT_THAT(MatchAll(matcher, document, annotations),
              ElementsAre(M(0, 0, 2), M(1, 0, 2, {{"x", 1, 2}}), M(2, 0, 2),
                          M(3, 2, 8)));

  // A phrase must be whole: its first token is not enough, and a phrase
  // cut by the end of the sentence does not match.
  const Document partial = MakeDocument("New York");
  const Annotation longer[] = {{0, 3, "city", nullptr}};
  EXPECT_THAT(MatchAll(matcher, partial, longer), ElementsAre(M(2, 0, 2)));
}

TEST(RuleMatcherTest, PhraseTakesTheLongerOfTwoThatStartTogether) {
  // "Secretary" and "Secretary General" are both titles, and "General" is
  // also a rank: the title takes the longer phrase.  The same rules run as
  // token programs and, since a repeated optional can match no token, on
  // RE2.
  for (const char* rules :
       {"rule title-name : title=(@title) @rank? name=([Cap]+) ;\n",
        "rule title-name : title=(@title) (@rank?)+ name=([Cap]+) ;\n"}) {
    const RuleMatcher matcher = Compile(rules);
    const Document document = MakeDocument("Secretary General Mark Rutte");
    const Annotation annotations[] = {{0, 1, "title", nullptr},
                                      {0, 2, "title", nullptr},
                                      {1, 2, "rank", nullptr}};
    EXPECT_THAT(MatchAll(matcher, document, annotations),
                ElementsAre(M(0, 0, 4, {{"title", 0, 2}, {"name", 2, 4}})))
        << rules;
  }
}

TEST(RuleMatcherTest, MatchesAlternationOptionAndRepetition) {
  const RuleMatcher matcher = Compile(
      "rule talks : \"held\" (\"talks\" | \"a meeting\") (\"with\" | "
      "\"alongside\")? ;\n"
      "rule list : [Title] ((\",\" | \"and\") [Title]){2,3} ;\n"
      "rule star : \"x\" [Num]* \"y\" ;\n");
  EXPECT_THAT(MatchAll(matcher, MakeDocument("Dar held talks with Wang .")),
              ElementsAre(M(0, 1, 4)));
  EXPECT_THAT(MatchAll(matcher, MakeDocument("They held a meeting .")),
              ElementsAre(M(0, 1, 4)));
  EXPECT_THAT(MatchAll(matcher, MakeDocument("They held talks")),
              ElementsAre(M(0, 1, 3)));
  EXPECT_THAT(MatchAll(matcher, MakeDocument("They held meetings")), IsEmpty());
  // Up to three more names; the fourth starts no new match on its own.
  EXPECT_THAT(MatchAll(matcher, MakeDocument("Dar , Wang and Li , Zhao , Kim")),
              ElementsAre(M(1, 0, 7)));
  EXPECT_THAT(MatchAll(matcher, MakeDocument("Dar and Wang")), IsEmpty());
  EXPECT_THAT(MatchAll(matcher, MakeDocument("x y x 1 2 y x 3")),
              ElementsAre(M(2, 0, 2), M(2, 2, 6)));
}

TEST(RuleMatcherTest, MatchesExactCaseAndNormalizedLiterals) {
  const RuleMatcher matcher = Compile(
      "rule exact : c\"US\" ;\n"
      "rule folded : \"us\" ;\n"
      "rule not-exact : [\"us\" & !c\"US\"] ;\n"
      "rule possessive : [Cap] \"'s\" ;\n");
  const Document document = MakeDocument("The US told us US's plan");
  // The hand-built tokens keep "US's" whole, so "'s" matches nothing here.
  EXPECT_THAT(MatchAll(matcher, document),
              ElementsAre(M(0, 1, 2), M(1, 1, 2), M(1, 3, 4), M(2, 3, 4)));
  const Document split = MakeDocument("Pakistan 's plan");
  EXPECT_THAT(MatchAll(matcher, split), ElementsAre(M(3, 0, 2)));
}

TEST(RuleMatcherTest, MatchesTokenClasses) {
  const RuleMatcher matcher = Compile(
      "rule title : [Title] ;\n"
      "rule upper : [Upper] ;\n"
      "rule mixed : [Mixed] ;\n"
      "rule cap : [Cap] ;\n"
      "rule num : [Num] ;\n"
      "rule punct : [Punct] ;\n");
  const Document document = MakeDocument("Dar TTP iPhone McDONALD 2025 ,");
  EXPECT_THAT(
      MatchAll(matcher, document),
      ElementsAre(M(0, 0, 1), M(3, 0, 1), M(1, 1, 2), M(3, 1, 2), M(2, 2, 3),
                  M(2, 3, 4), M(3, 3, 4), M(4, 4, 5), M(5, 5, 6)));
}

TEST(RuleMatcherTest, ReportsCapturesThatMatched) {
  const RuleMatcher matcher = Compile(
      "rule either : a=([Title]) \"met\" b=([Title])\n"
      "            | b=([Title]) \"was\" \"met\" \"by\" a=([Title]) ;\n"
      "rule optional : x=(\"the\"?) y=([Title]) ;\n");
  EXPECT_THAT(
      MatchAll(matcher, MakeDocument("Wang was met by Dar")),
      ElementsAre(M(0, 0, 5, {{"b", 0, 1}, {"a", 4, 5}}),
                  M(1, 0, 1, {{"y", 0, 1}}), M(1, 4, 5, {{"y", 4, 5}})));
  EXPECT_THAT(MatchAll(matcher, MakeDocument("the Dar")),
              ElementsAre(M(1, 0, 2, {{"x", 0, 1}, {"y", 1, 2}})));
}

TEST(RuleMatcherTest, HandlesManyLiteralWords) {
  // More than 256 words need three bytes per word code (codes use at
  // most 16 byte values per digit), and the negated set all the others.
  std::string words;
  for (int i = 0; i < 300; ++i) {
    words += (i > 0 ? " | \"w" : "\"w") + std::to_string(i) + "\"";
  }
  const RuleMatcher matcher = Compile("rule listed : [" + words +
                                      "] ;\n"
                                      "rule other : [Lower & !(" +
                                      words + ")] ;\n");
  const Document document = MakeDocument("w5 w299 zz w150 w300 .");
  EXPECT_THAT(
      MatchAll(matcher, document),
      ElementsAre(M(0, 0, 1), M(0, 1, 2), M(1, 2, 3), M(0, 3, 4), M(1, 4, 5)));
}

TEST(RuleMatcherTest, SkipsOnlyRulesThatCannotMatch) {
  // The prefilter lets a rule run where each thing it needs is present:
  // an optional word, a repetition that may be empty, and a choice
  // between a word and a phrase are not needed.
  const RuleMatcher matcher = Compile(
      "rule optional-verb : [Title] \"met\"? \"with\" [Title] ;\n"
      "rule may-repeat : \"very\"{0,2} c\"US\" ;\n"
      "rule word-or-phrase : (\"envoy\" | @country [Lower]) [Title] ;\n"
      "rule both-words : \"talks\" [Lower]* \"held\" ;\n");
  const Document document =
      MakeDocument("Dar with Wang and US held Chinese envoy Li talks");
  const Annotation country[] = {{6, 7, "country", nullptr}};
  EXPECT_THAT(MatchAll(matcher, document, country),
              ElementsAre(M(0, 0, 3), M(1, 4, 5), M(2, 6, 9)));
  EXPECT_THAT(MatchAll(matcher, document),
              ElementsAre(M(0, 0, 3), M(1, 4, 5), M(2, 7, 9)));
  EXPECT_THAT(MatchAll(matcher, MakeDocument("talks were held")),
              ElementsAre(M(3, 0, 3)));
  EXPECT_THAT(MatchAll(matcher, MakeDocument("us talks")), IsEmpty());

  // Each piece of a long sentence is judged on its own words.
  std::vector<std::string> words(600, "Dar");
  words[550] = "with";
  EXPECT_THAT(MatchAll(matcher, MakeDocument(words)),
              ElementsAre(M(0, 549, 552)));
  words[550] = "Dar";
  words[100] = "with";
  EXPECT_THAT(MatchAll(matcher, MakeDocument(words)),
              ElementsAre(M(0, 99, 102)));
}

TEST(RuleMatcherTest, ReadsCapturesOfRepeatedOptionalPartsWithRe2) {
  // A repeat of what can match no token is left to RE2's own captures
  // (token_program.h); the result is the same kind of record.
  const RuleMatcher matcher =
      Compile("rule loose : a=(\"the\"? [Lower]?)* b=([Title]) ;\n");
  EXPECT_THAT(MatchAll(matcher, MakeDocument("the big Dar")),
              ElementsAre(M(0, 0, 3, {{"a", 0, 2}, {"b", 2, 3}})));
  EXPECT_THAT(MatchAll(matcher, MakeDocument("Dar")),
              ElementsAre(M(0, 0, 1, {{"b", 0, 1}})));
}

TEST(RuleMatcherTest, MatchesRulesTooLargeForATokenProgramWithRe2) {
  // 4,098 token tests are more than a TokenProgram's automaton takes
  // (kMaxStates); RE2 runs the rule, with the same results.
  const RuleMatcher matcher = Compile(
      "macro T64 = [Title]{64} ;\n"
      "macro T512 = T64 T64 T64 T64 T64 T64 T64 T64 ;\n"
      "rule huge : a=(\"x\") (T512 T512 T512 T512 T512 T512 T512 T512 "
      "\"y\")? ;\n");
  EXPECT_THAT(
      MatchAll(matcher, MakeDocument("x Dar x y")),
      ElementsAre(M(0, 0, 1, {{"a", 0, 1}}), M(0, 2, 3, {{"a", 2, 3}})));
}

TEST(RuleMatcherTest, KeepsToTheSentence) {
  Document document = MakeDocument("Dar met Wang . Li met Kim");
  document.tokens.sentences = {{0, 14, 0, 4}, {15, 25, 4, 7}};
  const RuleMatcher matcher = Compile(
      "rule phrase : @x ;\n"
      "rule inside : [@x] ;\n"
      "rule met : [Title] \"met\" [Title] ;\n");
  const Annotation crossing[] = {{2, 5, "x", nullptr}};
  EXPECT_THAT(matcher.Match(document.text, document.tokens,
                            document.tokens.sentences[0], crossing),
              ElementsAre(M(2, 0, 3), M(1, 2, 3), M(1, 3, 4)));
  EXPECT_THAT(matcher.Match(document.text, document.tokens,
                            document.tokens.sentences[1], crossing),
              ElementsAre(M(1, 4, 5), M(2, 4, 7)));
  const Sentence empty{0, 0, 3, 3};
  EXPECT_THAT(matcher.Match(document.text, document.tokens, empty, crossing),
              IsEmpty());
}

TEST(RuleMatcherTest, ReusesScratchFromSentenceToSentence) {
  // One rule runs as a TokenProgram, the other on RE2 over the encoded
  // sentence; nothing of the first sentence may show in the second.  The
  // third has no word or phrase that a rule needs, so no rule runs there,
  // and with Herat annotated both do.
  Document document =
      MakeDocument("Dar met Wang in Kabul . Li met Kim . Talks in Herat");
  document.tokens.sentences = {
      {0, 22, 0, 6}, {23, 33, 6, 9}, {37, 51, 10, 13}};
  const RuleMatcher matcher = Compile(
      "rule met : a=([Title]) \"met\" b=([Title]) (\"in\" @city)? ;\n"
      "rule loose : a=(\"in\"? [Lower]?)* b=(@city) ;\n");
  const Annotation kabul[] = {{4, 5, "city", nullptr}};
  RuleMatcher::Scratch scratch;
  EXPECT_THAT(matcher.Match(document.text, document.tokens,
                            document.tokens.sentences[0], kabul, &scratch),
              ElementsAre(M(0, 0, 5, {{"a", 0, 1}, {"b", 2, 3}}),
                          M(1, 3, 5, {{"a", 3, 4}, {"b", 4, 5}})));
  EXPECT_THAT(matcher.Match(document.text, document.tokens,
                            document.tokens.sentences[1], {}, &scratch),
              ElementsAre(M(0, 6, 9, {{"a", 6, 7}, {"b", 8, 9}})));
  EXPECT_THAT(matcher.Match(document.text, document.tokens,
                            document.tokens.sentences[0], {}, &scratch),
              ElementsAre(M(0, 0, 3, {{"a", 0, 1}, {"b", 2, 3}})));
  EXPECT_THAT(matcher.Match(document.text, document.tokens,
                            document.tokens.sentences[2], {}, &scratch),
              IsEmpty());
  EXPECT_THAT(matcher.Match(document.text, document.tokens,
                            document.tokens.sentences[1], kabul, &scratch),
              ElementsAre(M(0, 6, 9, {{"a", 6, 7}, {"b", 8, 9}})));
  const Annotation herat[] = {{12, 13, "city", nullptr}};
  EXPECT_THAT(matcher.Match(document.text, document.tokens,
                            document.tokens.sentences[2], herat, &scratch),
              ElementsAre(M(1, 11, 13, {{"a", 11, 12}, {"b", 12, 13}})));
}

TEST(RuleMatcherTest, MatchesLongSentencesInPieces) {
  const RuleMatcher matcher = Compile("rule names : [Title]+ ;\n");
  const Document document = MakeDocument(std::vector<std::string>(600, "Dar"));
  EXPECT_THAT(MatchAll(matcher, document),
              ElementsAre(M(0, 0, 512), M(0, 512, 600)));
}

TEST(RuleMatcherTest, FindsMatchesAcrossPieceBoundaries) {
  // The same rules run as token programs and, since a repeated optional
  // can match no token, on RE2.
  for (const char* rules : {"rule pair : \"Dar\" \"met\" ;\n"
                            "rule one : \"x\" ;\n",
                            "rule pair : (\"Dar\"?)+ \"met\" ;\n"
                            "rule one : \"x\" (\"z\"?)+ ;\n"}) {
    const RuleMatcher matcher = Compile(rules);
    for (uint32_t before : {446u, 447u, 448u, 510u, 511u, 512u, 895u, 896u}) {
      std::vector<std::string> words(before, "y");
      words.push_back("Dar");
      words.push_back("met");
      words.resize(1200, "x");
      const std::vector<RuleMatch> matches =
          MatchAll(matcher, MakeDocument(words));
      // The pair wherever it stands, and every "x" once, in order.
      ASSERT_EQ(matches.size(), 1200u - before - 1) << rules << before;
      EXPECT_EQ(matches[0], M(0, before, before + 2)) << rules << before;
      for (uint32_t i = 1; i < matches.size(); ++i) {
        ASSERT_EQ(matches[i], M(1, before + 1 + i, before + 2 + i))
            << rules << before;
      }
    }
  }
}

TEST(RuleMatcherTest, StaysLinearOnHostileInput) {
  // 100,000 tokens, rules with nested repetitions, and a rule whose every
  // match makes RE2 look ahead to the end of the piece.
  std::vector<std::string> words;
  for (int i = 0; i < 100000; ++i) words.push_back(i % 2 == 0 ? "Ab" : "cd");
  words.back() = "met";
  const Document document = MakeDocument(words);
  const RuleMatcher matcher = Compile(
      "rule nested : x=((([Cap] [Lower]?)+ \",\"?)+) \"met\" ;\n"
      "rule lookahead : [Cap] ([Any]* \"never\")? ;\n"
      "rule absent : ([Cap]+ [Lower]*)* \"never\" ;\n");
  const std::vector<RuleMatch> matches = MatchAll(matcher, document);
  ASSERT_EQ(matches.size(), 50001u);
  EXPECT_EQ(matches[0], M(1, 0, 1));
  EXPECT_EQ(matches[50000], M(1, 99998, 99999));
  // The nested rule matches only in the last piece, which starts at
  // 223 * (kMaxPieceTokens - kPieceOverlap).
  EXPECT_EQ(matches[49952], M(0, 99904, 100000, {{"x", 99904, 99999}}));
}

TEST(RuleMatcherTest, RefusesRulesTooLargeForRe2) {
  const RuleSource source{"big.rules",
                          "macro T = ([Title] | [Upper] | \"a\" | \"b\" | "
                          "c\"C\" | @x){1,30} ;\n"
                          "macro U = T T T T T T T T T T ;\n"
                          "rule small : \"x\" ;\n"
                          "rule big : (U U U U U U U U U U){1,30} ;\n"};
  Result<RuleMatcher> matcher = RuleMatcher::Create({&source, 1});
  ASSERT_FALSE(matcher.ok());
  const Status status = matcher.status();
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.message(),
            "rule too large to compile; lower its repetition bounds or split "
            "it");
  ASSERT_TRUE(status.location().has_value());
  EXPECT_EQ(status.location()->file, "big.rules");
  EXPECT_EQ(status.location()->line, 4);
  EXPECT_EQ(status.location()->column, 6);
  EXPECT_EQ(status.location()->fragment, "big");
}

TEST(RuleMatcherTest, TestsTypesUsedInConditionsAndAsPhrases) {
  // @y is first only tested inside brackets, then used as a phrase.
  const RuleMatcher matcher = Compile(
      "rule inside : [@x] [@y] ;\n"
      "rule phrase : @y \"met\" @x ;\n");
  const Document document = MakeDocument("Ab Cd met Ef Gh");
  const Annotation annotations[] = {{0, 1, "x", nullptr},
                                    {1, 2, "y", nullptr},
                                    {0, 2, "y", nullptr},
                                    {3, 5, "x", nullptr},
                                    {4, 5, "y", nullptr}};
  EXPECT_THAT(MatchAll(matcher, document, annotations),
              ElementsAre(M(0, 0, 2), M(1, 0, 5), M(0, 3, 5)));
}

TEST(RuleMatcherTest, RefusesTooManyAnnotationTypes) {
  // A type used as a phrase takes six of the 222 fact bytes: 37 fit.
  std::string rules;
  for (int i = 0; i < 40; ++i) {
    rules +=
        "rule r" + std::to_string(i) + " : @t" + std::to_string(i) + " ;\n";
  }
  const RuleSource source{"types.rules", rules};
  Result<RuleMatcher> matcher = RuleMatcher::Create({&source, 1});
  ASSERT_FALSE(matcher.ok());
  EXPECT_EQ(matcher.status().code(), StatusCode::kParseError);
  EXPECT_EQ(matcher.status().message(),
            "rules test too many annotation types: at most 222 facts, 6 per "
            "type used as a phrase and 1 per type only tested in conditions");
  ASSERT_TRUE(matcher.status().location().has_value());
  EXPECT_EQ(matcher.status().location()->line, 38);
  EXPECT_EQ(matcher.status().location()->fragment, "r37");
}

TEST(RuleMatcherTest, PassesOnParseErrors) {
  const RuleSource source{"bad.rules", "rule a : [Titel] ;"};
  Result<RuleMatcher> matcher = RuleMatcher::Create({&source, 1});
  ASSERT_FALSE(matcher.ok());
  EXPECT_EQ(matcher.status().code(), StatusCode::kParseError);
  EXPECT_EQ(matcher.status().message(), "unknown token class 'Titel'");
}

TEST(RuleMatcherTest, MatchesNothingWithoutRules) {
  const RuleMatcher matcher = Compile("# no rules\n");
  EXPECT_EQ(matcher.rule_count(), 0u);
  EXPECT_THAT(MatchAll(matcher, MakeDocument("Dar met Wang")), IsEmpty());
}

TEST(RuleMatcherTest, MatchesFromManyThreads) {
  const RuleMatcher matcher = Compile(kPeopleRules);
  const Document document =
      MakeDocument("Foreign Minister Ishaq Dar met with Wang Yi on Monday .");
  const Annotation office[] = {{0, 2, "office_head", nullptr}};
  const std::vector<RuleMatch> expected = MatchAll(matcher, document, office);
  ASSERT_EQ(expected.size(), 2u);
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const RuleMatcher copy = matcher;
      for (int i = 0; i < 500; ++i) {
        if (MatchAll(copy, document, office) != expected) ++failures[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(failures, ElementsAre(0, 0, 0, 0));
}

}  // namespace
}  // namespace parley

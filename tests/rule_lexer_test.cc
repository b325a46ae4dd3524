// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/rule_lexer.cc: the lexemes of rules from lib/data with their
// kinds, lines and columns; strings and their escapes; the error lexemes;
// and which attribute values can go without quotes.

#include "rule_lexer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace parley {
namespace {

using ::testing::ElementsAre;

std::string KindName(Lexeme::Kind kind) {
  switch (kind) {
    case Lexeme::Kind::kWord:
      return "word";
    case Lexeme::Kind::kString:
      return "string";
    case Lexeme::Kind::kExactString:
      return "exact";
    case Lexeme::Kind::kSymbol:
      return "symbol";
    case Lexeme::Kind::kEnd:
      return "end";
    case Lexeme::Kind::kError:
      return "error";
  }
  return "?";
}

// "kind text line:column" for each lexeme of `text`, the end included.
std::vector<std::string> Lex(std::string_view text) {
  Lexer lexer(text);
  std::vector<std::string> lexemes;
  while (true) {
    const Lexeme lexeme = lexer.Next();
    lexemes.push_back(KindName(lexeme.kind) + " " + std::string(lexeme.text) +
                      " " + std::to_string(lexeme.line) + ":" +
                      std::to_string(lexeme.column));
    if (lexeme.kind == Lexeme::Kind::kEnd) return lexemes;
  }
}

// The lexemes of `text` up to the end, which is not returned.
std::vector<Lexeme> LexemesOf(std::string_view text) {
  Lexer lexer(text);
  std::vector<Lexeme> lexemes;
  for (Lexeme lexeme = lexer.Next(); lexeme.kind != Lexeme::Kind::kEnd;
       lexeme = lexer.Next()) {
    lexemes.push_back(lexeme);
  }
  return lexemes;
}

TEST(RuleLexerTest, LexesARuleOverLines) {
  // lib/data/meetings.rules, with its comment.
  EXPECT_THAT(
      Lex("# \"a high-level meeting chaired by Foreign Minister Ishaq Dar\"\n"
          "rule meeting-chaired-by :\n"
          "    \"meeting\" [!\".\"]{0,6} (\"chaired\" | \"convened\" | "
          "\"presided\") (\"over\")? \"by\"\n"
          "    chair=(PARTY) ;\n"),
      ElementsAre("word rule 2:1", "word meeting-chaired-by 2:6",
                  "symbol : 2:25", "string \"meeting\" 3:5", "symbol [ 3:15",
                  "symbol ! 3:16", "string \".\" 3:17", "symbol ] 3:20",
                  "symbol { 3:21", "word 0 3:22", "symbol , 3:23",
                  "word 6 3:24", "symbol } 3:25", "symbol ( 3:27",
                  "string \"chaired\" 3:28", "symbol | 3:38",
                  "string \"convened\" 3:40", "symbol | 3:51",
                  "string \"presided\" 3:53", "symbol ) 3:63", "symbol ( 3:65",
                  "string \"over\" 3:66", "symbol ) 3:72", "symbol ? 3:73",
                  "string \"by\" 3:75", "word chair 4:5", "symbol = 4:10",
                  "symbol ( 4:11", "word PARTY 4:12", "symbol ) 4:17",
                  "symbol ; 4:19", "end  5:1"));
}

TEST(RuleLexerTest, LexesAttributeTests) {
  // The first line of NAME_WORD in lib/data/people.rules: "!=" is one
  // symbol, and '@' and '[' are symbols of their own.
  EXPECT_THAT(
      Lex("macro NAME_WORD = [Cap & Word & !@not_name & "
          "!@office_head[also!=given_name]"),
      ElementsAre("word macro 1:1", "word NAME_WORD 1:7", "symbol = 1:17",
                  "symbol [ 1:19", "word Cap 1:20", "symbol & 1:24",
                  "word Word 1:26", "symbol & 1:31", "symbol ! 1:33",
                  "symbol @ 1:34", "word not_name 1:35", "symbol & 1:44",
                  "symbol ! 1:46", "symbol @ 1:47", "word office_head 1:48",
                  "symbol [ 1:59", "word also 1:60", "symbol != 1:64",
                  "word given_name 1:66", "symbol ] 1:76", "end  1:77"));
}

TEST(RuleLexerTest, UnescapesStrings) {
  // The "the US" rule of rule_parser.h, and a quote and a backslash.
  const std::vector<Lexeme> lexemes =
      LexemesOf("rule us : \"the\" c\"US\" \"say \\\"hi\\\" \\\\ \" ;");
  ASSERT_EQ(lexemes.size(), 7u);
  EXPECT_EQ(lexemes[3].kind, Lexeme::Kind::kString);
  EXPECT_EQ(lexemes[3].text, "\"the\"");
  EXPECT_EQ(lexemes[3].value, "the");
  EXPECT_EQ(lexemes[4].kind, Lexeme::Kind::kExactString);
  EXPECT_EQ(lexemes[4].text, "c\"US\"");
  EXPECT_EQ(lexemes[4].value, "US");
  EXPECT_EQ(lexemes[4].offset, 16u);
  EXPECT_EQ(lexemes[4].end(), 21u);
  EXPECT_EQ(lexemes[5].kind, Lexeme::Kind::kString);
  EXPECT_EQ(lexemes[5].text, "\"say \\\"hi\\\" \\\\ \"");
  EXPECT_EQ(lexemes[5].value, "say \"hi\" \\ ");
  // A 'c' not right before a quote starts a word.
  EXPECT_THAT(Lex("c \"x\" cx"), ElementsAre("word c 1:1", "string \"x\" 1:3",
                                             "word cx 1:7", "end  1:9"));
}

TEST(RuleLexerTest, ReportsErrorsAsLexemes) {
  std::vector<Lexeme> lexemes = LexemesOf("rule a : \"met ;\nrule b");
  ASSERT_EQ(lexemes.size(), 6u);
  EXPECT_EQ(lexemes[3].kind, Lexeme::Kind::kError);
  EXPECT_EQ(lexemes[3].text, "\"met ;");
  EXPECT_EQ(lexemes[3].value, "unterminated string");
  EXPECT_EQ(lexemes[4].text, "rule");
  EXPECT_EQ(lexemes[4].line, 2);

  // A bad escape is the escape, not the string: "\q", "\é", or a
  // backslash at the end of the line.
  lexemes = LexemesOf("\"a\\q\"");
  ASSERT_FALSE(lexemes.empty());
  EXPECT_EQ(lexemes[0].kind, Lexeme::Kind::kError);
  EXPECT_EQ(lexemes[0].text, "\\q");
  EXPECT_EQ(lexemes[0].offset, 2u);
  EXPECT_EQ(lexemes[0].column, 3);
  EXPECT_EQ(lexemes[0].value,
            "bad escape in a string; only \\\" and \\\\ are allowed");
  lexemes = LexemesOf("\"\\\xC3\xA9\"");
  ASSERT_FALSE(lexemes.empty());
  EXPECT_EQ(lexemes[0].kind, Lexeme::Kind::kError);
  EXPECT_EQ(lexemes[0].text, "\\\xC3\xA9");
  lexemes = LexemesOf("x\n \"a\\\n\"");
  ASSERT_GE(lexemes.size(), 2u);
  EXPECT_EQ(lexemes[1].kind, Lexeme::Kind::kError);
  EXPECT_EQ(lexemes[1].text, "\\");
  EXPECT_EQ(lexemes[1].line, 2);
  EXPECT_EQ(lexemes[1].column, 4);

  // An unexpected character is the whole UTF-8 character.
  EXPECT_THAT(Lex("\"x\" \xC3\xA9 % ;"),
              ElementsAre("string \"x\" 1:1", "error \xC3\xA9 1:5",
                          "error % 1:8", "symbol ; 1:10", "end  1:11"));
  lexemes = LexemesOf("%");
  ASSERT_EQ(lexemes.size(), 1u);
  EXPECT_EQ(lexemes[0].value, "unexpected character '%'");
}

TEST(RuleLexerTest, EndsForGood) {
  Lexer lexer("x # a comment to the end");
  EXPECT_EQ(lexer.Next().text, "x");
  for (int i = 0; i < 2; ++i) {
    const Lexeme end = lexer.Next();
    EXPECT_EQ(end.kind, Lexeme::Kind::kEnd);
    EXPECT_EQ(end.offset, 24u);
    EXPECT_EQ(end.column, 25);
  }
}

TEST(RuleLexerTest, TellsWhichValuesNeedNoQuotes) {
  // Attribute values of lib/data/people.rules and rule_parser.h.
  EXPECT_TRUE(LexesAsOneWord("adjective"));
  EXPECT_TRUE(LexesAsOneWord("given-name"));
  EXPECT_TRUE(LexesAsOneWord("AF"));
  EXPECT_TRUE(LexesAsOneWord("given_name"));
  EXPECT_FALSE(LexesAsOneWord("no way"));
  EXPECT_FALSE(LexesAsOneWord(""));
  EXPECT_FALSE(LexesAsOneWord("-x"));
  EXPECT_FALSE(LexesAsOneWord("t\xC3\xBCrkiye"));
  EXPECT_FALSE(LexesAsOneWord("a\"b"));
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests of lib/sentence_splitter.cc: the sentences a stream of tokens with
// given roles, gaps and first characters makes, after terminals, closers,
// wide terminals and continuers, across single and blank lines, and at the
// ends of the stream.

#include "sentence_splitter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "code_point.h"
#include "tokenizer.h"

namespace parley {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr SentenceRole kPlain = SentenceRole::kPlain;
constexpr SentenceRole kTerminal = SentenceRole::kTerminal;
constexpr SentenceRole kWideTerminal = SentenceRole::kWideTerminal;
constexpr SentenceRole kCloser = SentenceRole::kCloser;
constexpr SentenceRole kContinuer = SentenceRole::kContinuer;

// A token as the tokenizer would give it to the splitter: the white space
// before it ("" when glued to the previous token), its text and its role.
struct Piece {
  std::string_view gap;
  std::string_view text;
  SentenceRole role = kPlain;
};

// The texts of the sentences `pieces` make, each checked against the
// tokens it spans.
std::vector<std::string> Split(std::initializer_list<Piece> pieces) {
  std::string text;
  Tokens out;
  SentenceSplitter splitter(&out);
  for (const Piece& piece : pieces) {
    text += piece.gap;
    const int line_breaks =
        static_cast<int>(std::count(piece.gap.begin(), piece.gap.end(), '\n'));
    Token& token = out.tokens.emplace_back();
    token.begin = static_cast<uint32_t>(text.size());
    text += piece.text;
    token.end = static_cast<uint32_t>(text.size());
    token.space_before = !piece.gap.empty();
    token.newline_before = line_breaks > 0;
    splitter.Add(CodePointAt(piece.text, 0).c, line_breaks, piece.role);
  }
  splitter.Finish();

  std::vector<std::string> sentences;
  uint32_t next_token = 0;
  for (const Sentence& sentence : out.sentences) {
    EXPECT_EQ(sentence.first_token, next_token);
    EXPECT_EQ(sentence.begin, out.tokens[sentence.first_token].begin);
    EXPECT_EQ(sentence.end, out.tokens[sentence.end_token - 1].end);
    next_token = sentence.end_token;
    sentences.push_back(
        text.substr(sentence.begin, sentence.end - sentence.begin));
  }
  EXPECT_EQ(next_token, out.tokens.size());
  return sentences;
}

TEST(SentenceSplitterTest, TerminalThenSpaceAndCapitalEndsASentence) {
  EXPECT_THAT(Split({{"", "They"},
                     {" ", "met"},
                     {"", ".", kTerminal},
                     {" ", "Talks"},
                     {" ", "resumed"},
                     {"", ".", kTerminal}}),
              ElementsAre("They met.", "Talks resumed."));
}

TEST(SentenceSplitterTest, TerminalThenLowerCaseOrGluedDoesNot) {
  EXPECT_THAT(Split({{"", "Why"},
                     {"", "?", kTerminal},
                     {" ", "yes"},
                     {"", ".", kTerminal},
                     {"", "Then"}}),
              ElementsAre("Why? yes.Then"));
}

TEST(SentenceSplitterTest, WhatMayStartASentence) {
  // Digits, opening quotes and brackets, currency signs, upper-case and
  // uncased letters.
  for (const std::string_view first : {"2025", "\"", "'", "(", "[", "{", "$",
                                       "€", "“", "Émile", "北", "وزير"}) {
    EXPECT_THAT(Split({{"", "ends"}, {"", ".", kTerminal}, {" ", first}}),
                ElementsAre("ends.", std::string(first)))
        << first;
  }
  // Lower-case letters and other punctuation do not.
  for (const std::string_view first : {"and", "émile", "-", ",", "%"}) {
    EXPECT_THAT(Split({{"", "ends"}, {"", ".", kTerminal}, {" ", first}}),
                ElementsAre("ends. " + std::string(first)))
        << first;
  }
}

TEST(SentenceSplitterTest, ClosersGluedToATerminalStayWithIt) {
  EXPECT_THAT(Split({{"", "He"},
                     {" ", "said"},
                     {" ", "\"", kCloser},
                     {"", "No"},
                     {"", ".", kTerminal},
                     {"", "\"", kCloser},
                     {"", ")", kCloser},
                     {" ", "Then"}}),
              ElementsAre("He said \"No.\")", "Then"));
  // With space before it, a quote after a terminal opens the next one.
  EXPECT_THAT(Split({{"", "He"},
                     {" ", "left"},
                     {"", ".", kTerminal},
                     {" ", "\"", kCloser},
                     {"", "We"}}),
              ElementsAre("He left.", "\"We"));
}

TEST(SentenceSplitterTest, WideTerminalsEndASentenceBeforeAnything) {
  EXPECT_THAT(Split({{"", "北"},
                     {"", "京"},
                     {"", "。", kWideTerminal},
                     {"", "他"},
                     {"", "！", kWideTerminal},
                     {"", "”", kCloser},
                     {"", "好"}}),
              ElementsAre("北京。", "他！”", "好"));
}

TEST(SentenceSplitterTest, ALineBreakEndsASentenceUnlessItContinues) {
  // A headline without a final period.
  EXPECT_THAT(Split({{"", "Talks"}, {" ", "resume"}, {"\n", "ISLAMABAD"}}),
              ElementsAre("Talks resume", "ISLAMABAD"));
  // Hard-wrapped text: the next line starts lower-case, or the line ends
  // in a continuer.
  EXPECT_THAT(Split({{"", "the"}, {" ", "talks"}, {"\n", "would"}}),
              ElementsAre("the talks\nwould"));
  EXPECT_THAT(Split({{"", "officials"},
                     {" ", "said"},
                     {"", ",", kContinuer},
                     {"\n", "Amir"}}),
              ElementsAre("officials said,\nAmir"));
  EXPECT_THAT(Split({{"", "met"}, {" ", "Dr.", kContinuer}, {"\n", "Khan"}}),
              ElementsAre("met Dr.\nKhan"));
  // Nor does a terminal, when the next line starts lower-case.
  EXPECT_THAT(Split({{"", "at"}, {" ", "9"}, {" ", "a.m."}, {"\n", "the"}}),
              ElementsAre("at 9 a.m.\nthe"));
  EXPECT_THAT(Split({{"", "left"}, {"", ".", kTerminal}, {"\n", "then"}}),
              ElementsAre("left.\nthen"));
}

TEST(SentenceSplitterTest, ABlankLineAlwaysEndsASentence) {
  EXPECT_THAT(Split({{"", "talks"}, {"", ",", kContinuer}, {"\n\n", "will"}}),
              ElementsAre("talks,", "will"));
  EXPECT_THAT(Split({{"", "met"}, {" ", "Dr.", kContinuer}, {"\n \n", "Khan"}}),
              ElementsAre("met Dr.", "Khan"));
}

TEST(SentenceSplitterTest, TheFirstTokenSetsTheState) {
  EXPECT_THAT(Split({{"", ".", kTerminal}, {" ", "The"}}),
              ElementsAre(".", "The"));
  EXPECT_THAT(Split({{"", ",", kContinuer}, {"\n", "The"}}),
              ElementsAre(",\nThe"));
}

TEST(SentenceSplitterTest, FinishClosesTheLastSentenceIfAny) {
  EXPECT_THAT(Split({}), IsEmpty());
  EXPECT_THAT(Split({{"", "Kabul"}}), ElementsAre("Kabul"));
}

}  // namespace
}  // namespace parley

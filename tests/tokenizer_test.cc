// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests of lib/tokenizer.cc: exact token texts, byte offsets, flags and
// sentence spans on news-like text; that every kind of token gets its norm,
// shape and case class (whose rules token_normalizer_test and
// token_shape_test check); and that no byte sequence breaks the
// tokenizer's invariants.

#include "tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "code_point.h"
#include "token_normalizer.h"
#include "token_shape.h"

namespace parley {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A token's text and byte offsets, printed as "text"@begin-end.
struct Span {
  std::string text;
  uint32_t begin = 0;
  uint32_t end = 0;

  friend bool operator==(const Span&, const Span&) = default;
  friend void PrintTo(const Span& span, std::ostream* os) {
    *os << '"' << span.text << "\"@" << span.begin << '-' << span.end;
  }
};

// Checks what holds for every text: tokens in order, inside the text and
// not empty; sentences covering all tokens, in order, with matching
// offsets.
void ExpectInvariants(std::string_view text, const Tokens& tokens) {
  uint32_t previous_end = 0;
  for (const Token& token : tokens.tokens) {
    EXPECT_LE(previous_end, token.begin);
    EXPECT_LT(token.begin, token.end);
    EXPECT_LE(token.end, text.size());
    previous_end = token.end;
  }
  uint32_t next_token = 0;
  for (const Sentence& sentence : tokens.sentences) {
    EXPECT_EQ(sentence.first_token, next_token);
    ASSERT_LT(sentence.first_token, sentence.end_token);
    ASSERT_LE(sentence.end_token, tokens.tokens.size());
    EXPECT_EQ(sentence.begin, tokens.tokens[sentence.first_token].begin);
    EXPECT_EQ(sentence.end, tokens.tokens[sentence.end_token - 1].end);
    next_token = sentence.end_token;
  }
  EXPECT_EQ(next_token, tokens.tokens.size());
}

Tokens TokenizeChecked(std::string_view text) {
  Tokens tokens = Tokenize(text);
  ExpectInvariants(text, tokens);
  return tokens;
}

std::vector<Span> Spans(std::string_view text) {
  std::vector<Span> spans;
  for (const Token& token : TokenizeChecked(text).tokens) {
    spans.push_back(
        {std::string(text.substr(token.begin, token.end - token.begin)),
         token.begin, token.end});
  }
  return spans;
}

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> sentences;
  for (const Sentence& sentence : TokenizeChecked(text).sentences) {
    sentences.emplace_back(
        text.substr(sentence.begin, sentence.end - sentence.begin));
  }
  return sentences;
}

std::vector<std::string> Norms(std::string_view text) {
  std::vector<std::string> norms;
  for (const Token& token : TokenizeChecked(text).tokens) {
    norms.push_back(token.norm);
  }
  return norms;
}

std::vector<std::string> Shapes(std::string_view text) {
  std::vector<std::string> shapes;
  for (const Token& token : TokenizeChecked(text).tokens) {
    shapes.push_back(token.shape);
  }
  return shapes;
}

std::vector<TokenKind> Kinds(std::string_view text) {
  std::vector<TokenKind> kinds;
  for (const Token& token : TokenizeChecked(text).tokens) {
    kinds.push_back(token.kind);
  }
  return kinds;
}

std::vector<bool> SpaceBefore(std::string_view text) {
  std::vector<bool> flags;
  for (const Token& token : TokenizeChecked(text).tokens) {
    flags.push_back(token.space_before);
  }
  return flags;
}

std::vector<bool> NewlineBefore(std::string_view text) {
  std::vector<bool> flags;
  for (const Token& token : TokenizeChecked(text).tokens) {
    flags.push_back(token.newline_before);
  }
  return flags;
}

std::vector<CaseClass> CaseClasses(std::string_view text) {
  std::vector<CaseClass> classes;
  for (const Token& token : TokenizeChecked(text).tokens) {
    classes.push_back(token.case_class);
  }
  return classes;
}

constexpr TokenKind kWord = TokenKind::kWord;
constexpr TokenKind kNumber = TokenKind::kNumber;
constexpr TokenKind kPunctuation = TokenKind::kPunctuation;
constexpr TokenKind kSymbol = TokenKind::kSymbol;
constexpr TokenKind kOther = TokenKind::kOther;

TEST(TokenizerTest, CurlyAndStraightPossessives) {
  constexpr std::string_view kText =
      "Pakistan’s envoy met Afghanistan's minister.";
  EXPECT_THAT(Spans(kText),
              ElementsAre(Span{"Pakistan", 0, 8}, Span{"’s", 8, 12},
                          Span{"envoy", 13, 18}, Span{"met", 19, 22},
                          Span{"Afghanistan", 23, 34}, Span{"'s", 34, 36},
                          Span{"minister", 37, 45}, Span{".", 45, 46}));
  EXPECT_THAT(Norms(kText), ElementsAre("pakistan", "'s", "envoy", "met",
                                        "afghanistan", "'s", "minister", "."));
  EXPECT_THAT(Kinds(kText), ElementsAre(kWord, kWord, kWord, kWord, kWord,
                                        kWord, kWord, kPunctuation));
  EXPECT_THAT(SpaceBefore(kText),
              ElementsAre(true, false, true, true, true, false, true, false));
}

TEST(TokenizerTest, PluralPossessiveApostropheIsPunctuation) {
  constexpr std::string_view kText = "the Pakistanis' demands";
  EXPECT_THAT(Spans(kText),
              ElementsAre(Span{"the", 0, 3}, Span{"Pakistanis", 4, 14},
                          Span{"'", 14, 15}, Span{"demands", 16, 23}));
  EXPECT_THAT(Kinds(kText), ElementsAre(kWord, kWord, kPunctuation, kWord));
}

TEST(TokenizerTest, InnerApostrophesStayInWordsButApostropheSSplits) {
  constexpr std::string_view kText = "O’Brien said it's Shi'ite, don't.";
  EXPECT_THAT(Spans(kText),
              ElementsAre(Span{"O’Brien", 0, 9}, Span{"said", 10, 14},
                          Span{"it", 15, 17}, Span{"'s", 17, 19},
                          Span{"Shi'ite", 20, 27}, Span{",", 27, 28},
                          Span{"don't", 29, 34}, Span{".", 34, 35}));
  EXPECT_EQ(TokenizeChecked(kText).tokens[0].norm, "o'brien");
}

TEST(TokenizerTest, HyphenatedNamesSplitWithoutSpaces) {
  constexpr std::string_view kText = "Khyber-Pakhtunkhwa";
  EXPECT_THAT(Spans(kText), ElementsAre(Span{"Khyber", 0, 6}, Span{"-", 6, 7},
                                        Span{"Pakhtunkhwa", 7, 18}));
  EXPECT_THAT(SpaceBefore(kText), ElementsAre(true, false, false));
  EXPECT_THAT(Kinds(kText), ElementsAre(kWord, kPunctuation, kWord));
}

TEST(TokenizerTest, TehreekETalibanIsFiveTokens) {
  constexpr std::string_view kText = "the Tehreek-e-Taliban Pakistan (TTP)";
  EXPECT_THAT(
      Spans(kText),
      ElementsAre(Span{"the", 0, 3}, Span{"Tehreek", 4, 11}, Span{"-", 11, 12},
                  Span{"e", 12, 13}, Span{"-", 13, 14}, Span{"Taliban", 14, 21},
                  Span{"Pakistan", 22, 30}, Span{"(", 31, 32},
                  Span{"TTP", 32, 35}, Span{")", 35, 36}));
  EXPECT_THAT(SpaceBefore(kText), ElementsAre(true, true, false, false, false,
                                              false, true, true, false, false));
}

TEST(TokenizerTest, AcronymKeepsPeriodsBeforeHyphen) {
  constexpr std::string_view kText = "U.S.-Pakistan ties";
  EXPECT_THAT(Spans(kText),
              ElementsAre(Span{"U.S.", 0, 4}, Span{"-", 4, 5},
                          Span{"Pakistan", 5, 13}, Span{"ties", 14, 18}));
  EXPECT_THAT(SpaceBefore(kText), ElementsAre(true, false, false, true));
}

TEST(TokenizerTest, AbbreviationsAndInitialsDoNotEndSentences) {
  constexpr std::string_view kText =
      "On Feb. 5, Dr. Ayesha Khan met Gen. Asim Munir and S. Jaishankar "
      "in the U.S. capital at 10 a.m. Then they left.";
  EXPECT_THAT(
      Spans(kText),
      ElementsAre(
          Span{"On", 0, 2}, Span{"Feb.", 3, 7}, Span{"5", 8, 9},
          Span{",", 9, 10}, Span{"Dr.", 11, 14}, Span{"Ayesha", 15, 21},
          Span{"Khan", 22, 26}, Span{"met", 27, 30}, Span{"Gen.", 31, 35},
          Span{"Asim", 36, 40}, Span{"Munir", 41, 46}, Span{"and", 47, 50},
          Span{"S.", 51, 53}, Span{"Jaishankar", 54, 64}, Span{"in", 65, 67},
          Span{"the", 68, 71}, Span{"U.S.", 72, 76}, Span{"capital", 77, 84},
          Span{"at", 85, 87}, Span{"10", 88, 90}, Span{"a.m.", 91, 95},
          Span{"Then", 96, 100}, Span{"they", 101, 105}, Span{"left", 106, 110},
          Span{".", 110, 111}));
  EXPECT_THAT(Sentences(kText), ElementsAre(std::string(kText)));
}

TEST(TokenizerTest, MoreAcronymsAndAbbreviationsKeepTheirPeriods) {
  EXPECT_THAT(
      Spans("U.S.A. U.K. U.N. Ph.D. Mr. Mrs. Ms. St. Lt. Col. Sen."),
      ElementsAre(Span{"U.S.A.", 0, 6}, Span{"U.K.", 7, 11},
                  Span{"U.N.", 12, 16}, Span{"Ph.D.", 17, 22},
                  Span{"Mr.", 23, 26}, Span{"Mrs.", 27, 31},
                  Span{"Ms.", 32, 35}, Span{"St.", 36, 39}, Span{"Lt.", 40, 43},
                  Span{"Col.", 44, 48}, Span{"Sen.", 49, 53}));
  EXPECT_THAT(Spans("Rep. Gov. Prof. Jr. vs. Inc. Co. Corp. Sept. p.m."),
              ElementsAre(Span{"Rep.", 0, 4}, Span{"Gov.", 5, 9},
                          Span{"Prof.", 10, 15}, Span{"Jr.", 16, 19},
                          Span{"vs.", 20, 23}, Span{"Inc.", 24, 28},
                          Span{"Co.", 29, 32}, Span{"Corp.", 33, 38},
                          Span{"Sept.", 39, 44}, Span{"p.m.", 45, 49}));
}

TEST(TokenizerTest, MonthAbbreviationsKeepTheirPeriods) {
  EXPECT_THAT(Spans("Jan. Apr. Aug. Oct. Nov. Dec."),
              ElementsAre(Span{"Jan.", 0, 4}, Span{"Apr.", 5, 9},
                          Span{"Aug.", 10, 14}, Span{"Oct.", 15, 19},
                          Span{"Nov.", 20, 24}, Span{"Dec.", 25, 29}));
}

TEST(TokenizerTest, PeriodAfterOrdinaryWordIsOwnToken) {
  EXPECT_THAT(
      Spans("talks. Then"),
      ElementsAre(Span{"talks", 0, 5}, Span{".", 5, 6}, Span{"Then", 7, 11}));
  // Abbreviations match case-sensitively; "i." is no initial.
  EXPECT_THAT(Spans("the dr. i."),
              ElementsAre(Span{"the", 0, 3}, Span{"dr", 4, 6}, Span{".", 6, 7},
                          Span{"i", 8, 9}, Span{".", 9, 10}));
}

TEST(TokenizerTest, NoIsAnAbbreviationOnlyBeforeANumber) {
  constexpr std::string_view kText = "He was No. 2 and said \"No.\" Then";
  EXPECT_THAT(
      Spans(kText),
      ElementsAre(Span{"He", 0, 2}, Span{"was", 3, 6}, Span{"No.", 7, 10},
                  Span{"2", 11, 12}, Span{"and", 13, 16}, Span{"said", 17, 21},
                  Span{"\"", 22, 23}, Span{"No", 23, 25}, Span{".", 25, 26},
                  Span{"\"", 26, 27}, Span{"Then", 28, 32}));
  EXPECT_THAT(Sentences(kText),
              ElementsAre("He was No. 2 and said \"No.\"", "Then"));
}

TEST(TokenizerTest, AcronymEndsSentenceOnlyAtLineBreakOrEnd) {
  EXPECT_THAT(Sentences("He flew to the U.S. The talks began."),
              ElementsAre("He flew to the U.S. The talks began."));
  EXPECT_THAT(Sentences("He flew to the U.S.\nThe talks began."),
              ElementsAre("He flew to the U.S.", "The talks began."));
  EXPECT_THAT(Sentences("They met at 9 a.m.\nThe talks began at the U.S."),
              ElementsAre("They met at 9 a.m.", "The talks began at the U.S."));
}

TEST(TokenizerTest, TitlesAndInitialsContinueAcrossLineBreaks) {
  EXPECT_THAT(Sentences("He met Dr.\nAyesha Khan and S.\nJaishankar."),
              ElementsAre("He met Dr.\nAyesha Khan and S.\nJaishankar."));
  EXPECT_THAT(Sentences("He met Dr.\n\nAyesha Khan."),
              ElementsAre("He met Dr.", "Ayesha Khan."));
}

TEST(TokenizerTest, HeadlineWithoutPeriodIsOwnSentence) {
  constexpr std::string_view kText =
      "Pakistan, Afghanistan agree to resume talks\n"
      "ISLAMABAD: Pakistan and Afghanistan agreed on Monday.";
  EXPECT_THAT(
      Sentences(kText),
      ElementsAre("Pakistan, Afghanistan agree to resume talks",
                  "ISLAMABAD: Pakistan and Afghanistan agreed on Monday."));
  const Tokens tokens = TokenizeChecked(kText);
  ASSERT_EQ(tokens.sentences.size(), 2u);
  EXPECT_EQ(tokens.sentences[0].begin, 0u);
  EXPECT_EQ(tokens.sentences[0].end, 43u);
  EXPECT_EQ(tokens.sentences[0].first_token, 0u);
  EXPECT_EQ(tokens.sentences[0].end_token, 7u);
  EXPECT_EQ(tokens.sentences[1].begin, 44u);
  EXPECT_EQ(tokens.sentences[1].end, 97u);
  EXPECT_EQ(tokens.sentences[1].first_token, 7u);
  EXPECT_EQ(tokens.sentences[1].end_token, 16u);
  EXPECT_TRUE(tokens.tokens[7].newline_before);
  EXPECT_FALSE(tokens.tokens[6].newline_before);
}

TEST(TokenizerTest, HardWrappedLinesStayOneSentence) {
  constexpr std::string_view kText =
      "The minister said the talks would\n"
      "continue next week, officials said,\n"
      "Amir Khan Muttaqi said.";
  EXPECT_THAT(Sentences(kText), ElementsAre(std::string(kText)));
}

TEST(TokenizerTest, BlankLineAlwaysEndsSentence) {
  EXPECT_THAT(Sentences("the talks,\n\nwill resume"),
              ElementsAre("the talks,", "will resume"));
  EXPECT_THAT(Sentences("the talks\n \t\nwill resume"),
              ElementsAre("the talks", "will resume"));
  // A paragraph separator counts as a blank line.
  EXPECT_THAT(Sentences("the talks\u2029will resume"),
              ElementsAre("the talks", "will resume"));
}

TEST(TokenizerTest, TerminalsEndSentencesBeforeCapitalsDigitsAndOpeners) {
  EXPECT_THAT(
      Sentences("It rose 3.5 percent. 2025 was calm! (Reuters) Why? "
                "“We agree,” he said. Wait... what? yes"),
      ElementsAre("It rose 3.5 percent.", "2025 was calm!", "(Reuters) Why?",
                  "“We agree,” he said.", "Wait... what? yes"));
}

TEST(TokenizerTest, ClosingQuotesAndBracketsStayWithTheTerminal) {
  constexpr std::string_view kText =
      "He said “No.” Then: \"Why?\" he asked. (He left.) Next";
  EXPECT_THAT(Sentences(kText),
              ElementsAre("He said “No.”", "Then: \"Why?\" he asked.",
                          "(He left.)", "Next"));
}

TEST(TokenizerTest, QuotesAndBrackets) {
  constexpr std::string_view kText = "“Peace,” he said [in Urdu] ‘now’.";
  EXPECT_THAT(
      Spans(kText),
      ElementsAre(Span{"“", 0, 3}, Span{"Peace", 3, 8}, Span{",", 8, 9},
                  Span{"”", 9, 12}, Span{"he", 13, 15}, Span{"said", 16, 20},
                  Span{"[", 21, 22}, Span{"in", 22, 24}, Span{"Urdu", 25, 29},
                  Span{"]", 29, 30}, Span{"‘", 31, 34}, Span{"now", 34, 37},
                  Span{"’", 37, 40}, Span{".", 40, 41}));
  EXPECT_THAT(Norms(kText),
              ElementsAre("\"", "peace", ",", "\"", "he", "said", "[", "in",
                          "urdu", "]", "'", "now", "'", "."));
}

TEST(TokenizerTest, Numbers) {
  constexpr std::string_view kText =
      "1,000 troops, 3.5 percent, 10:30:15, 1990s, 10th, G20, 2020-21.";
  EXPECT_THAT(
      Spans(kText),
      ElementsAre(Span{"1,000", 0, 5}, Span{"troops", 6, 12}, Span{",", 12, 13},
                  Span{"3.5", 14, 17}, Span{"percent", 18, 25},
                  Span{",", 25, 26}, Span{"10:30:15", 27, 35},
                  Span{",", 35, 36}, Span{"1990s", 37, 42}, Span{",", 42, 43},
                  Span{"10th", 44, 48}, Span{",", 48, 49}, Span{"G20", 50, 53},
                  Span{",", 53, 54}, Span{"2020", 55, 59}, Span{"-", 59, 60},
                  Span{"21", 60, 62}, Span{".", 62, 63}));
  EXPECT_THAT(Kinds("1,000 3.5 10th G20 ²"),
              ElementsAre(kNumber, kNumber, kWord, kWord, kNumber));
}

TEST(TokenizerTest, IsoDatesAreOneNumberAndTimesJoinColons) {
  constexpr std::string_view kText = "On 2025-03-22 at 3:30pm, 22-03-2025.";
  EXPECT_THAT(
      Spans(kText),
      ElementsAre(Span{"On", 0, 2}, Span{"2025-03-22", 3, 13},
                  Span{"at", 14, 16}, Span{"3:30", 17, 21}, Span{"pm", 21, 23},
                  Span{",", 23, 24}, Span{"22", 25, 27}, Span{"-", 27, 28},
                  Span{"03", 28, 30}, Span{"-", 30, 31}, Span{"2025", 31, 35},
                  Span{".", 35, 36}));
  const Tokens tokens = TokenizeChecked(kText);
  EXPECT_EQ(tokens.tokens[1].kind, kNumber);
  EXPECT_EQ(tokens.tokens[1].shape, "dddd-dd-dd");
  EXPECT_EQ(tokens.tokens[3].kind, kNumber);
  EXPECT_EQ(tokens.tokens[3].shape, "d:dd");
  EXPECT_THAT(
      Spans("10a.m. 10am"),
      ElementsAre(Span{"10", 0, 2}, Span{"a.m.", 2, 6}, Span{"10am", 7, 11}));
  // Not an ISO date when more of a word follows.
  EXPECT_THAT(Spans("2025-03-22a"),
              ElementsAre(Span{"2025", 0, 4}, Span{"-", 4, 5}, Span{"03", 5, 7},
                          Span{"-", 7, 8}, Span{"22a", 8, 11}));
}

TEST(TokenizerTest, CrlfIsOneLineBreakAndNeverInAToken) {
  constexpr std::string_view kText =
      "Talks resume\r\nKabul said.\r\n\r\nmore\r";
  EXPECT_THAT(Spans(kText),
              ElementsAre(Span{"Talks", 0, 5}, Span{"resume", 6, 12},
                          Span{"Kabul", 14, 19}, Span{"said", 20, 24},
                          Span{".", 24, 25}, Span{"more", 29, 33}));
  EXPECT_THAT(NewlineBefore(kText),
              ElementsAre(false, false, true, false, false, true));
  EXPECT_THAT(Sentences(kText),
              ElementsAre("Talks resume", "Kabul said.", "more"));
}

TEST(TokenizerTest, NonLatinScripts) {
  // Arabic and Cyrillic words are separated by spaces.
  EXPECT_THAT(
      Spans("وزير الخارجية، Москва — столица."),
      ElementsAre(Span{"وزير", 0, 8}, Span{"الخارجية", 9, 25},
                  Span{"،", 25, 27}, Span{"Москва", 28, 40}, Span{"—", 41, 44},
                  Span{"столица", 45, 59}, Span{".", 59, 60}));
  // Devanagari vowel signs and virama stay in the word and in its norm.
  constexpr std::string_view kHindi = "नमस्ते दुनिया।";
  EXPECT_THAT(Spans(kHindi),
              ElementsAre(Span{"नमस्ते", 0, 18}, Span{"दुनिया", 19, 37},
                          Span{"।", 37, 40}));
  EXPECT_THAT(Norms(kHindi), ElementsAre("नमस्ते", "दुनिया", "।"));
  // Han ideographs are one token each; 。 ends a sentence without a space.
  constexpr std::string_view kChinese = "北京是首都。他说：“好！”";
  EXPECT_THAT(
      Spans(kChinese),
      ElementsAre(Span{"北", 0, 3}, Span{"京", 3, 6}, Span{"是", 6, 9},
                  Span{"首", 9, 12}, Span{"都", 12, 15}, Span{"。", 15, 18},
                  Span{"他", 18, 21}, Span{"说", 21, 24}, Span{"：", 24, 27},
                  Span{"“", 27, 30}, Span{"好", 30, 33}, Span{"！", 33, 36},
                  Span{"”", 36, 39}));
  EXPECT_THAT(Sentences(kChinese), ElementsAre("北京是首都。", "他说：“好！”"));
  // Kana runs are not segmented.
  EXPECT_THAT(
      Spans("トヨタ東京"),
      ElementsAre(Span{"トヨタ", 0, 9}, Span{"東", 9, 12}, Span{"京", 12, 15}));
}

TEST(TokenizerTest, EmojiAreSymbolTokens) {
  // Thumbs up with a skin tone, the flag of Pakistan, a ZWJ family, keycap.
  constexpr std::string_view kText =
      "Win 👍🏽🇵🇰! 👨‍👩‍👧 #️⃣";
  EXPECT_THAT(
      Spans(kText),
      ElementsAre(Span{"Win", 0, 3}, Span{"👍🏽", 4, 12},
                  Span{"🇵🇰", 12, 20}, Span{"!", 20, 21},
                  Span{"👨‍👩‍👧", 22, 40}, Span{"#️⃣", 41, 48}));
  EXPECT_THAT(Kinds(kText), ElementsAre(kWord, kSymbol, kSymbol, kPunctuation,
                                        kSymbol, kSymbol));
}

TEST(TokenizerTest, NulBytesAreOneByteOtherTokens) {
  constexpr std::string_view kText("\0Kabul\0 x\0", 10);
  EXPECT_THAT(Spans(kText),
              ElementsAre(Span{std::string(1, '\0'), 0, 1}, Span{"Kabul", 1, 6},
                          Span{std::string(1, '\0'), 6, 7}, Span{"x", 8, 9},
                          Span{std::string(1, '\0'), 9, 10}));
  EXPECT_THAT(Kinds(kText), ElementsAre(kOther, kWord, kOther, kWord, kOther));
  EXPECT_THAT(SpaceBefore(kText), ElementsAre(true, false, false, true, false));
}

TEST(TokenizerTest, FormatCharactersAreInvisible) {
  // A byte order mark and a left-to-right mark between words are skipped; a
  // soft hyphen inside a word stays in its text but not in its norm.
  constexpr std::string_view kText = "\uFEFFPaki\u00ADstan \u200Esaid";
  EXPECT_THAT(Spans(kText),
              ElementsAre(Span{"Paki\u00ADstan", 3, 13}, Span{"said", 17, 21}));
  EXPECT_THAT(Norms(kText), ElementsAre("pakistan", "said"));
  EXPECT_THAT(SpaceBefore(kText), ElementsAre(true, true));
}

// How text folds is tests/token_normalizer_test.cc's to check; these check
// that every token, ASCII or not, and Normalize get their norms.
TEST(TokenizerTest, NormFoldsCaseAndDiacritics) {
  EXPECT_THAT(Norms("Türkiye São MUTTAQI İstanbul Straße ﬁnal ＴＯＫＹＯ"),
              ElementsAre("turkiye", "sao", "muttaqi", "istanbul", "strasse",
                          "final", "tokyo"));
  // Decomposed input folds to the same norm.
  EXPECT_THAT(Norms("Tu\u0308rkiye"), ElementsAre("turkiye"));
  EXPECT_EQ(Normalize("Türkiye"), "turkiye");
  EXPECT_EQ(Normalize("MUTTAQI"), "muttaqi");
  EXPECT_EQ(Normalize(""), "");
}

// Shapes and case classes are tests/token_shape_test.cc's to check; this
// checks that ASCII, other and ill-formed tokens all get theirs.
TEST(TokenizerTest, TokensGetShapesAndCaseClasses) {
  constexpr std::string_view kText = "Pakistan’s U.S. Ünal iPhone \xFF";
  EXPECT_THAT(Shapes(kText),
              ElementsAre("Xxxxx", "’x", "X.X.", "Xxxx", "xXxxxx", "\uFFFD"));
  EXPECT_THAT(
      CaseClasses(kText),
      ElementsAre(CaseClass::kTitle, CaseClass::kLower, CaseClass::kUpper,
                  CaseClass::kTitle, CaseClass::kMixed, CaseClass::kNone));
}

TEST(TokenizerTest, IllFormedBytesAreOneByteOtherTokens) {
  // A stray continuation byte, a truncated three-byte sequence, an encoded
  // surrogate.
  constexpr std::string_view kText = "a\x80 \xE2\x82 \xED\xA0\x80";
  EXPECT_THAT(Spans(kText), ElementsAre(Span{"a", 0, 1}, Span{"\x80", 1, 2},
                                        Span{"\xE2", 3, 4}, Span{"\x82", 4, 5},
                                        Span{"\xED", 6, 7}, Span{"\xA0", 7, 8},
                                        Span{"\x80", 8, 9}));
  EXPECT_THAT(Kinds(kText), ElementsAre(kWord, kOther, kOther, kOther, kOther,
                                        kOther, kOther));
  EXPECT_THAT(Norms("\xFF"), ElementsAre("\uFFFD"));
}

TEST(TokenizerTest, AnyBytesKeepTheInvariants) {
  std::mt19937 random(20260322);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 64);
  for (int i = 0; i < 2000; ++i) {
    std::string text(length(random), '\0');
    for (char& c : text) c = static_cast<char>(byte(random));
    TokenizeChecked(text);
  }
  // Every prefix of well-formed text, cutting sequences short.
  const std::string text =
      "Pakistan’s U.S.-Türkiye “talks” 👨‍👩‍👧 北京。 "
      "2025-03-22 "
      "Dr. "
      "S.";
  for (size_t n = 0; n <= text.size(); ++n) {
    TokenizeChecked(std::string_view(text).substr(0, n));
  }
}

TEST(TokenizerTest, AsciiPunctuationHasTheRolesOfItsUnicodeProperties) {
  for (UChar32 c = 0; c < 0x80; ++c) {
    if (CodePointAt(std::string(1, static_cast<char>(c)), 0).cls !=
            CharClass::kPunctuation ||
        c == '.' || c == '!' || c == '?' || c == '"' || c == '\'') {
      continue;
    }
    const int8_t type = u_charType(c);
    const bool continuer = u_hasBinaryProperty(c, UCHAR_TERMINAL_PUNCTUATION) ||
                           type == U_DASH_PUNCTUATION ||
                           type == U_START_PUNCTUATION ||
                           type == U_INITIAL_PUNCTUATION;
    const bool closer =
        type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION;
    const std::string mark(1, static_cast<char>(c));
    // A continuer holds the sentence open across a line break; a closer
    // glued to a terminal leaves the sentence to end after it.
    EXPECT_EQ(Sentences("They said" + mark + "\nThen").size(),
              continuer ? 1u : 2u)
        << mark;
    EXPECT_EQ(Sentences("It ended." + mark + " Then").size(), closer ? 2u : 1u)
        << mark;
  }
}

TEST(TokenizerTest, WordsOfAsciiLettersEndAtAnyByte) {
  // Words of seven to seventeen letters, then a non-ASCII letter, whose
  // bytes' low seven bits look like letters (0xC3 0xA9, 0xE1 0x88 0x80),
  // then the end of the text seven bytes or less after.
  EXPECT_THAT(
      Spans("abcdefgh\u00E9 abcdefgh\u1200 abcdefghijklmnopq, x"),
      ElementsAre(Span{"abcdefgh\u00E9", 0, 10}, Span{"abcdefgh\u1200", 11, 22},
                  Span{"abcdefghijklmnopq", 23, 40}, Span{",", 40, 41},
                  Span{"x", 42, 43}));
  EXPECT_THAT(Spans("abcdefg\xC3"),
              ElementsAre(Span{"abcdefg", 0, 7}, Span{"\xC3", 7, 8}));
  EXPECT_THAT(
      Spans("abcdefgh-ij"),
      ElementsAre(Span{"abcdefgh", 0, 8}, Span{"-", 8, 9}, Span{"ij", 9, 11}));
  EXPECT_THAT(Spans("abcdefghijklmnop1 abc@"),
              ElementsAre(Span{"abcdefghijklmnop1", 0, 17}, Span{"abc", 18, 21},
                          Span{"@", 21, 22}));
}

TEST(TokenizerTest, AcronymsWithNonAsciiLettersAndMarks) {
  EXPECT_THAT(Spans("aé.b. x"),
              ElementsAre(Span{"aé.b.", 0, 6}, Span{"x", 7, 8}));
  EXPECT_THAT(Spans("ab\u0301.c. x"),
              ElementsAre(Span{"ab\u0301.c.", 0, 7}, Span{"x", 8, 9}));
  EXPECT_THAT(Spans("É.U. x"),
              ElementsAre(Span{"É.U.", 0, 5}, Span{"x", 6, 7}));
  EXPECT_THAT(Spans("ab, c.d"), ElementsAre(Span{"ab", 0, 2}, Span{",", 2, 3},
                                            Span{"c.d", 4, 7}));
}

// Every token's norm, shape and case class as the general path gives them
// from its text alone.
void ExpectGeneralDescriptions(std::string_view text, const Tokens& tokens) {
  for (const Token& token : tokens.tokens) {
    const std::string_view token_text =
        text.substr(token.begin, token.end - token.begin);
    Token general;
    NormalizeToken(token_text, &general.norm);
    DescribeShapeAndCase(token_text, &general);
    EXPECT_EQ(token.norm, general.norm) << token_text;
    EXPECT_EQ(token.shape, general.shape) << token_text;
    EXPECT_EQ(token.case_class, general.case_class) << token_text;
  }
}

// Whether two tokens are the same but for where they start.
void ExpectSameToken(const Token& a, const Token& b, uint32_t shift) {
  EXPECT_EQ(a.begin + shift, b.begin);
  EXPECT_EQ(a.end + shift, b.end);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.case_class, b.case_class);
  EXPECT_EQ(a.space_before, b.space_before);
  EXPECT_EQ(a.newline_before, b.newline_before);
  EXPECT_EQ(a.norm, b.norm);
  EXPECT_EQ(a.shape, b.shape);
}

TEST(TokenizerTest, FastPathsAgreeWithTheGeneralPath) {
  // ASCII next to non-ASCII, apostrophes, abbreviations, initials, ISO
  // dates, numbers with inner punctuation, long runs, tokens at every
  // distance from the end of the text, and control characters.
  const std::vector<std::string> texts = {
      "Pakistan’s U.S.-Türkiye talks",
      "O'Brien's don't Shi’ite Pakistanis' rock 'n' roll",
      "Dr. S. Jaishankar met Gen. Asad Munir, Feb. 3, No. 10 No. x",
      "2025-03-22 2025-03-221 1,000,000 3.5 3:30pm 10a.m. 2020-21",
      "AAAAAAAAAAAAAAAAAAAA aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa "
      "xxxxXXXXxxxxxxxxxXXXXXXXXddddddddddddddddddddddddddddddddddddddddddd"
      "ddddddddddd McDONALD iPhone G20 1990s",
      "naïve café Ünal Émile ÉMILE Москва 北京 “quoted” — dash – ‐ ‑ …",
      "a\x01b\x7F c\td\ne\r\nf \x80g \xFFh",
      std::string("NUL\0byte\0", 9),
      "x",
      "ab",
      "abc.",
      "U.S",
      "e.g.",
      "I",
      "...?!",
      "'s",
      "’s",
      "Tu\u0308rkiye Paki\u00ADstan 12345678 123456789 ABCDEFGHI abcdefgh",
  };
  for (const std::string& text : texts) {
    const Tokens tokens = TokenizeChecked(text);
    ExpectGeneralDescriptions(text, tokens);
    // Non-ASCII text far before or after leaves every token as it was.
    const std::string far(20, ' ');
    const std::string before = "é" + far;
    const std::string after = far + "é";
    const Tokens later = TokenizeChecked(before + text + after);
    const Tokens earlier = TokenizeChecked(text + after);
    ASSERT_EQ(later.tokens.size(), tokens.tokens.size() + 2) << text;
    ASSERT_EQ(earlier.tokens.size(), tokens.tokens.size() + 1) << text;
    for (size_t i = 0; i < tokens.tokens.size(); ++i) {
      Token first = tokens.tokens[i];
      if (i == 0) first.space_before = true;  // after "é" and spaces too
      ExpectSameToken(first, later.tokens[i + 1], before.size());
      ExpectSameToken(tokens.tokens[i], earlier.tokens[i], 0);
    }
  }
}

TEST(TokenizerTest, EmptyAndBlankText) {
  const Tokens empty = TokenizeChecked("");
  EXPECT_THAT(empty.tokens, IsEmpty());
  EXPECT_THAT(empty.sentences, IsEmpty());
  const Tokens blank = TokenizeChecked(" \t\r\n\u00A0\u2028 ");
  EXPECT_THAT(blank.tokens, IsEmpty());
  EXPECT_THAT(blank.sentences, IsEmpty());
}

}  // namespace
}  // namespace parley

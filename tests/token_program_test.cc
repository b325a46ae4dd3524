// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/token_program.cc on patterns whose tokens are letters, so that
// each pattern is also an RE2 regular expression over a string: the
// program must find the matches RE2 finds, and report the captures RE2
// reports, in longest-match mode, the mode RuleMatcher compiled rules to
// RE2 in, for hand-picked cases (preference among alternatives and
// repetitions, failed starts, long texts, tests numbered far apart) and
// for thousands of random patterns and texts, some with automata of many
// states.

#include "token_program.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "rule_parser.h"

namespace parley {
namespace {

// A token test is a letter: kToken's `text` and kWords' word name it.
// Search's tests may be numbered `offset` on, as when one caller numbers
// the tests of many programs, and `stride` apart, as when a program's
// tests are far from one another in that numbering.
class LetterTests : public TokenProgram::Tests {
 public:
  explicit LetterTests(uint32_t offset = 0, uint32_t stride = 1)
      : offset_(offset), stride_(stride) {}

  uint32_t Test(char letter) const {
    return offset_ + stride_ * static_cast<unsigned char>(letter);
  }

  uint32_t Token(const Pattern& pattern) override {
    ++made_;
    return Test(pattern.text[0]);
  }
  uint32_t Word(const std::string& word, bool) override {
    ++made_;
    return Test(word[0]);
  }
  uint32_t Phrase(const AnnotationSelector&, unsigned) override {
    ADD_FAILURE() << "no phrases here";
    return 0;
  }

  // How many tests programs compiled with these make: a state each.
  int made() const { return made_; }

 private:
  uint32_t offset_;
  uint32_t stride_;
  int made_ = 0;
};

Pattern Letter(char letter) {
  Pattern pattern;
  pattern.kind = Pattern::Kind::kToken;
  pattern.text = std::string(1, letter);
  return pattern;
}

Pattern Node(Pattern::Kind kind, std::vector<Pattern> children) {
  Pattern pattern;
  pattern.kind = kind;
  pattern.children = std::move(children);
  return pattern;
}

Pattern Seq(std::vector<Pattern> children) {
  return Node(Pattern::Kind::kSequence, std::move(children));
}
Pattern Alt(std::vector<Pattern> children) {
  return Node(Pattern::Kind::kAlternation, std::move(children));
}
Pattern Cap(Pattern child) {
  return Node(Pattern::Kind::kCapture, {std::move(child)});
}
Pattern Rep(Pattern child, int min, int max) {
  Pattern pattern = Node(Pattern::Kind::kRepeat, {std::move(child)});
  pattern.min_count = min;
  pattern.max_count = max;
  return pattern;
}

// The pattern as RuleMatcher's RegexWriter would shape it, over letters.
std::string Regex(const Pattern& pattern) {
  std::string regex;
  switch (pattern.kind) {
    case Pattern::Kind::kToken:
      return pattern.text;
    case Pattern::Kind::kSequence:
      for (const Pattern& child : pattern.children) regex += Regex(child);
      return regex;
    case Pattern::Kind::kAlternation:
      for (const Pattern& child : pattern.children) {
        regex += (regex.empty() ? "(?:" : "|") + Regex(child);
      }
      return regex + ")";
    case Pattern::Kind::kRepeat:
      regex = "(?:" + Regex(pattern.children[0]) + "){" +
              std::to_string(pattern.min_count) + ",";
      if (pattern.max_count != Pattern::kUnbounded) {
        regex += std::to_string(pattern.max_count);
      }
      return regex + "}";
    case Pattern::Kind::kCapture:
      return "(" + Regex(pattern.children[0]) + ")";
    default:
      ADD_FAILURE() << "unexpected kind";
      return regex;
  }
}

// What RE2 reports for `pattern` matching all of `text`: nothing if it
// does not, else two positions per capture, -1 for one that took no part.
std::optional<std::vector<int>> Re2Captures(const Pattern& pattern,
                                            const std::string& text) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_longest_match(true);
  const RE2 regex(Regex(pattern), options);
  EXPECT_TRUE(regex.ok()) << regex.error();
  std::vector<re2::StringPiece> groups(1 + regex.NumberOfCapturingGroups());
  if (!regex.Match(text, 0, text.size(), RE2::ANCHOR_BOTH, groups.data(),
                   static_cast<int>(groups.size()))) {
    return std::nullopt;
  }
  std::vector<int> captures;
  for (size_t i = 1; i < groups.size(); ++i) {
    if (groups[i].data() == nullptr) {
      captures.insert(captures.end(), {-1, -1});
    } else {
      const int begin = static_cast<int>(groups[i].data() - text.data());
      captures.insert(captures.end(),
                      {begin, begin + static_cast<int>(groups[i].size())});
    }
  }
  return captures;
}

using Spans = std::vector<TokenProgram::Span>;

// The matches RE2 finds of `pattern` in `text`, searching on from the end
// of each as RuleMatcher did (from one past its start if it is empty).
Spans Re2Matches(const Pattern& pattern, const std::string& text) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_longest_match(true);
  const RE2 regex(Regex(pattern), options);
  EXPECT_TRUE(regex.ok()) << regex.error();
  Spans spans;
  re2::StringPiece match;
  size_t pos = 0;
  while (pos <= text.size() &&
         regex.Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const auto begin = static_cast<uint32_t>(match.data() - text.data());
    const auto end = begin + static_cast<uint32_t>(match.size());
    spans.push_back({begin, end});
    pos = std::max(end, begin + 1);
  }
  return spans;
}

// The program of `pattern` and its search of `text`, with tests numbered
// as LetterTests(`offset`, `stride`) numbers them, told for the letters
// below `below` only: a caller's bitmap ends at the highest test of the
// programs it runs, which need not be this one's.
class Searched {
 public:
  Searched(const Pattern& pattern, const std::string& text,
           uint32_t offset = 0, uint32_t stride = 1, char below = 127) {
    LetterTests tests(offset, stride);
    program_ = TokenProgram::Compile(pattern, &tests);
    if (!program_) {
      ADD_FAILURE() << "refused " << Regex(pattern);
      return;
    }
    const size_t words = tests.Test(static_cast<char>(below - 1)) / 64 + 1;
    std::vector<uint64_t> passed(words * text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] >= below) continue;
      const uint32_t test = tests.Test(text[i]);
      passed[words * i + test / 64] |= uint64_t{1} << (test % 64);
    }
    program_->Search(static_cast<uint32_t>(text.size()), passed.data(), words,
                     &scratch_, &spans_);
  }

  const Spans& spans() const { return spans_; }

  // FullMatch's captures of `span` of the text, or nothing if it does not
  // match.
  std::optional<std::vector<int>> Captures(TokenProgram::Span span) {
    std::vector<int> captures;
    if (!program_ || !program_->FullMatch(span, &scratch_, &captures)) {
      return std::nullopt;
    }
    return captures;
  }

 private:
  std::optional<TokenProgram> program_;
  TokenProgram::Scratch scratch_;
  Spans spans_;
};

Spans ProgramMatches(const Pattern& pattern, const std::string& text,
                     uint32_t offset = 0, uint32_t stride = 1,
                     char below = 127) {
  return Searched(pattern, text, offset, stride, below).spans();
}

std::optional<std::vector<int>> ProgramCaptures(const Pattern& pattern,
                                                const std::string& text) {
  return Searched(pattern, text).Captures(
      {0, static_cast<uint32_t>(text.size())});
}

// Whether FullMatch reports for each of `spans` of `text` the captures RE2
// reports for the pattern on that span alone.
void ExpectCapturesOfSpans(const Pattern& pattern, const std::string& text,
                           const Spans& spans) {
  Searched searched(pattern, text, 0, 67);
  for (const TokenProgram::Span& span : spans) {
    EXPECT_EQ(searched.Captures(span),
              Re2Captures(pattern, text.substr(span.begin,
                                               span.end - span.begin)))
        << Regex(pattern) << " in " << text << " from " << span.begin;
  }
}

std::vector<int> Positions(std::initializer_list<int> positions) {
  return positions;
}

TEST(TokenProgramTest, PrefersTheFirstAlternative) {
  // (a|ab)(b?) on "ab": RE2 takes "a" first, leaving "b" to the second.
  const Pattern pattern =
      Seq({Cap(Alt({Letter('a'), Seq({Letter('a'), Letter('b')})})),
           Cap(Rep(Letter('b'), 0, 1))});
  EXPECT_EQ(ProgramCaptures(pattern, "ab"), Positions({0, 1, 1, 2}));
  EXPECT_EQ(Re2Captures(pattern, "ab"), Positions({0, 1, 1, 2}));
}

TEST(TokenProgramTest, RepeatsGreedilyAndCapturesTheLastRepeat) {
  // (a+)(a*) on "aaa": the first group takes all; x=(a){1,3} reports its
  // last repeat.
  const Pattern greedy = Seq({Cap(Rep(Letter('a'), 1, Pattern::kUnbounded)),
                              Cap(Rep(Letter('a'), 0, Pattern::kUnbounded))});
  EXPECT_EQ(ProgramCaptures(greedy, "aaa"), Positions({0, 3, 3, 3}));
  const Pattern last = Rep(Cap(Letter('a')), 1, 3);
  EXPECT_EQ(ProgramCaptures(last, "aaa"), Positions({2, 3}));
  EXPECT_EQ(ProgramCaptures(last, "aaaa"), std::nullopt);
}

TEST(TokenProgramTest, LeavesOutCapturesThatTookNoPart) {
  const Pattern pattern = Alt({Seq({Cap(Letter('a')), Letter('b')}),
                               Seq({Letter('a'), Cap(Letter('c'))})});
  EXPECT_EQ(ProgramCaptures(pattern, "ac"), Positions({-1, -1, 1, 2}));
  EXPECT_EQ(ProgramCaptures(pattern, "ab"), Positions({0, 1, -1, -1}));
  EXPECT_EQ(ProgramCaptures(pattern, "bb"), std::nullopt);
}

TEST(TokenProgramTest, RefusesRepeatsOfWhatCanMatchNothing) {
  LetterTests tests;
  EXPECT_FALSE(TokenProgram::Compile(
      Rep(Rep(Letter('a'), 0, 1), 0, Pattern::kUnbounded), &tests));
  EXPECT_TRUE(TokenProgram::Compile(Rep(Rep(Letter('a'), 0, 1), 0, 1), &tests));
}

TEST(TokenProgramTest, StaysBoundedOnNestedRepetition) {
  // ((a|aa)+)+b on 3,000 a's and no b: each instruction is tried once per
  // position, not once per way of splitting the a's.
  const Pattern pattern =
      Seq({Rep(Cap(Rep(Alt({Letter('a'), Seq({Letter('a'), Letter('a')})}), 1,
                       Pattern::kUnbounded)),
               1, Pattern::kUnbounded),
           Letter('b')});
  EXPECT_EQ(ProgramCaptures(pattern, std::string(3000, 'a')), std::nullopt);
  EXPECT_EQ(ProgramCaptures(pattern, std::string(3000, 'a') + "b"),
            Re2Captures(pattern, std::string(3000, 'a') + "b"));
}

TEST(TokenProgramTest, SearchFindsLeftmostThenLongestMatches) {
  // a(b|bc)? in "xabcab": "abc" (the longer), then "ab".
  const Pattern pattern =
      Seq({Letter('a'),
           Rep(Alt({Letter('b'), Seq({Letter('b'), Letter('c')})}), 0, 1)});
  EXPECT_EQ(ProgramMatches(pattern, "xabcab"), (Spans{{1, 4}, {4, 6}}));
  EXPECT_EQ(Re2Matches(pattern, "xabcab"), (Spans{{1, 4}, {4, 6}}));
  EXPECT_EQ(ProgramMatches(pattern, "bcx"), Spans{});
}

TEST(TokenProgramTest, SearchFindsMatchesAfterFailedStartsAndEarlierMatches) {
  // (a|b)+c: the starts at the a's of "aab" fail, "aabc" matches whole,
  // and what the failed starts tried must not hide the later match.
  const Pattern pattern =
      Seq({Rep(Alt({Letter('a'), Letter('b')}), 1, Pattern::kUnbounded),
           Letter('c')});
  EXPECT_EQ(ProgramMatches(pattern, "aab aabc bc"),
            Re2Matches(pattern, "aab aabc bc"));
  EXPECT_EQ(ProgramMatches(pattern, "aab aabc bc"), (Spans{{4, 8}, {9, 11}}));
}

TEST(TokenProgramTest, SearchReadsTestsNumberedFarAbove) {
  // Tests numbered from 1,000,000 on: the program keeps rows for its own
  // tests only, and finds the same matches.
  const Pattern pattern =
      Seq({Rep(Alt({Letter('a'), Letter('b')}), 1, Pattern::kUnbounded),
           Letter('c')});
  EXPECT_EQ(ProgramMatches(pattern, "aab aabc bc", 1000000),
            (Spans{{4, 8}, {9, 11}}));
}

TEST(TokenProgramTest, SearchStaysBoundedOnLongTexts) {
  // (a+)+b over 3,000 a's: no start matches, and each instruction is
  // tried once per position over all the starts together.
  const Pattern pattern =
      Seq({Rep(Cap(Rep(Letter('a'), 1, Pattern::kUnbounded)), 1,
               Pattern::kUnbounded),
           Letter('b')});
  EXPECT_EQ(ProgramMatches(pattern, std::string(3000, 'a')), Spans{});
  EXPECT_EQ(ProgramMatches(pattern, std::string(3000, 'a') + "b"),
            (Spans{{0, 3001}}));
}

TEST(TokenProgramTest, SearchReadsTestsManyWordsApart) {
  // a, b and c numbered 67 apart, a word of the bitmap each.
  const Pattern pattern =
      Seq({Rep(Alt({Letter('a'), Letter('b')}), 1, Pattern::kUnbounded),
           Letter('c')});
  EXPECT_EQ(ProgramMatches(pattern, "aab aabc bc", 0, 67),
            (Spans{{4, 8}, {9, 11}}));
  EXPECT_EQ(ProgramMatches(pattern, "aab aabc bc", 5, 67),
            (Spans{{4, 8}, {9, 11}}));
}

TEST(TokenProgramTest, SearchTakesBitmapsThatEndBeforeTheProgramsTests) {
  // The caller tells no test as high as c's: a(b|c)? still finds the a's,
  // and the ab, where the bitmap ends in a's and b's word or before b's.
  const Pattern pattern =
      Seq({Letter('a'), Rep(Alt({Letter('b'), Letter('c')}), 0, 1)});
  EXPECT_EQ(ProgramMatches(pattern, "acab", 0, 67, 'c'),
            (Spans{{0, 1}, {2, 4}}));
  EXPECT_EQ(ProgramMatches(pattern, "acab", 0, 67, 'b'),
            (Spans{{0, 1}, {2, 3}}));
  EXPECT_EQ(ProgramMatches(pattern, "acab", 0, 67), (Spans{{0, 2}, {2, 4}}));
}

TEST(TokenProgramTest, SearchReachesAStateFromStatesManyWordsApart) {
  // (a|b{70}c)d: d's state follows a's, in the first word of states, and
  // c's, in the second, and their tests lie in two words of tests, more
  // words before it than most states have.
  const Pattern pattern =
      Seq({Alt({Letter('a'), Seq({Rep(Letter('b'), 70, 70), Letter('c')})}),
           Letter('d')});
  const std::string text = "xad" + std::string(70, 'b') + "cdbcd" +
                           std::string(69, 'b') + "cdad";
  EXPECT_EQ(Re2Matches(pattern, text), (Spans{{1, 3}, {3, 75}, {149, 151}}));
  EXPECT_EQ(ProgramMatches(pattern, text, 0, 67), Re2Matches(pattern, text));
  EXPECT_EQ(ProgramMatches(pattern, text), Re2Matches(pattern, text));
}

TEST(TokenProgramTest, SearchBeginsNoMatchBeforeTheFirstTokenOfABeginning) {
  // ac*b: the b's and c's before the first a end matches that have no
  // beginning; (ab)? matches nothing before it, and ab from it.
  const Pattern pattern =
      Seq({Letter('a'), Rep(Letter('c'), 0, Pattern::kUnbounded),
           Letter('b')});
  EXPECT_EQ(ProgramMatches(pattern, "bcbccbacb"), (Spans{{6, 9}}));
  EXPECT_EQ(ProgramMatches(pattern, "bcbccb"), Spans{});
  const Pattern empty = Rep(Seq({Letter('a'), Letter('b')}), 0, 1);
  EXPECT_EQ(ProgramMatches(empty, "bbab"), Re2Matches(empty, "bbab"));
  EXPECT_EQ(ProgramMatches(empty, "bbab"),
            (Spans{{0, 0}, {1, 1}, {2, 4}, {4, 4}}));
}

// A random pattern over the letters a, b and c whose repeats never repeat
// something that can match nothing.
Pattern RandomPattern(std::mt19937& random, int depth) {
  auto pick = [&](int n) {
    return std::uniform_int_distribution<int>(0, n - 1)(random);
  };
  if (depth == 0 || pick(4) == 0) return Letter("abc"[pick(3)]);
  switch (pick(4)) {
    case 0: {
      std::vector<Pattern> children;
      for (int i = 0, n = 2 + pick(2); i < n; ++i) {
        children.push_back(RandomPattern(random, depth - 1));
      }
      return Seq(std::move(children));
    }
    case 1: {
      std::vector<Pattern> children;
      for (int i = 0, n = 2 + pick(2); i < n; ++i) {
        children.push_back(RandomPattern(random, depth - 1));
      }
      return Alt(std::move(children));
    }
    case 2: {
      const int min = pick(3);
      const int max = pick(3) == 0 ? Pattern::kUnbounded : min + pick(3);
      Pattern child = RandomPattern(random, depth - 1);
      if (max == Pattern::kUnbounded || max > 1) {
        child = Seq({Letter("abc"[pick(3)]), std::move(child)});
      }
      return max == 0 ? child : Rep(std::move(child), min, max);
    }
    default:
      return Cap(RandomPattern(random, depth - 1));
  }
}

// A text that `pattern` matches, chosen at random.
std::string RandomMatch(const Pattern& pattern, std::mt19937& random) {
  std::string text;
  switch (pattern.kind) {
    case Pattern::Kind::kToken:
      return pattern.text;
    case Pattern::Kind::kSequence:
      for (const Pattern& child : pattern.children) {
        text += RandomMatch(child, random);
      }
      return text;
    case Pattern::Kind::kAlternation:
      return RandomMatch(pattern.children[std::uniform_int_distribution<size_t>(
                             0, pattern.children.size() - 1)(random)],
                         random);
    case Pattern::Kind::kRepeat: {
      const int max = pattern.max_count == Pattern::kUnbounded
                          ? pattern.min_count + 3
                          : pattern.max_count;
      const int count =
          std::uniform_int_distribution<int>(pattern.min_count, max)(random);
      for (int i = 0; i < count; ++i) {
        text += RandomMatch(pattern.children[0], random);
      }
      return text;
    }
    case Pattern::Kind::kCapture:
      return RandomMatch(pattern.children[0], random);
    default:
      return text;
  }
}

TEST(TokenProgramTest, AgreesWithRe2OnRandomPatterns) {
  std::mt19937 random(20261127);
  int matched = 0;
  for (int round = 0; round < 3000; ++round) {
    const Pattern pattern = Cap(RandomPattern(random, 4));
    for (int t = 0; t < 8; ++t) {
      // Texts the pattern matches, and random ones, mostly not.
      std::string text;
      if (t % 2 == 0) {
        text = RandomMatch(pattern, random);
      } else {
        const int length = std::uniform_int_distribution<int>(1, 8)(random);
        for (int i = 0; i < length; ++i) {
          text += "abc"[std::uniform_int_distribution<int>(0, 2)(random)];
        }
      }
      const std::optional<std::vector<int>> expected =
          Re2Captures(pattern, text);
      ASSERT_EQ(ProgramCaptures(pattern, text), expected)
          << Regex(pattern) << " on " << text;
      if (expected) ++matched;
    }
  }
  // Enough of the cases match for the captures to have been compared.
  EXPECT_GT(matched, 12000);
}

TEST(TokenProgramTest, SearchAgreesWithRe2OnRandomPatterns) {
  std::mt19937 random(20261128);
  int found = 0;
  for (int round = 0; round < 3000; ++round) {
    const Pattern pattern = Cap(RandomPattern(random, 4));
    for (int t = 0; t < 4; ++t) {
      // Matches among random letters.
      std::string text;
      const int parts = std::uniform_int_distribution<int>(1, 4)(random);
      for (int i = 0; i < parts; ++i) {
        const int noise = std::uniform_int_distribution<int>(0, 4)(random);
        for (int j = 0; j < noise; ++j) {
          text += "abcx"[std::uniform_int_distribution<int>(0, 3)(random)];
        }
        if (t % 2 == 0) text += RandomMatch(pattern, random);
      }
      const Spans expected = Re2Matches(pattern, text);
      ASSERT_EQ(ProgramMatches(pattern, text), expected)
          << Regex(pattern) << " in " << text;
      ExpectCapturesOfSpans(pattern, text, expected);
      found += static_cast<int>(expected.size());
    }
  }
  EXPECT_GT(found, 10000);
}

TEST(TokenProgramTest, SearchAgreesWithRe2OnLargePatterns) {
  // Automata of more than 64 states, whose sets take several words, with
  // tests a word or more apart, on texts longer than 64 tokens.
  std::mt19937 random(20261129);
  int found = 0;
  int rounds = 0;
  while (rounds < 300) {
    const Pattern pattern = Cap(Seq({RandomPattern(random, 5),
                                     RandomPattern(random, 5),
                                     RandomPattern(random, 5)}));
    LetterTests tests;
    if (!TokenProgram::Compile(pattern, &tests) || tests.made() <= 64) {
      continue;
    }
    ++rounds;
    for (int t = 0; t < 4; ++t) {
      std::string text;
      for (int i = 0; i < 4; ++i) {
        const int noise = std::uniform_int_distribution<int>(0, 30)(random);
        for (int j = 0; j < noise; ++j) {
          text += "abcx"[std::uniform_int_distribution<int>(0, 3)(random)];
        }
        if (t % 2 == 0) text += RandomMatch(pattern, random);
      }
      const Spans expected = Re2Matches(pattern, text);
      ASSERT_EQ(ProgramMatches(pattern, text, 0, 67), expected)
          << Regex(pattern) << " in " << text;
      ExpectCapturesOfSpans(pattern, text, expected);
      found += static_cast<int>(expected.size());
    }
  }
  EXPECT_GT(found, 600);
}

}  // namespace
}  // namespace parley

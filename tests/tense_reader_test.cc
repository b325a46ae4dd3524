// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/tense_reader.cc: the tense and separation read for a date in
// English sentences: past and future cues, plans ("agreed to meet", "is
// due"), plans overtaken ("had planned"), participles that are no past
// tense, contractions, clause breaks, and the bounds of the span read.

#include "tense_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>
#include <utility>

namespace parley {

void PrintTo(Tense tense, std::ostream* os) {
  switch (tense) {
    case Tense::kNone:
      *os << "kNone";
      return;
    case Tense::kPast:
      *os << "kPast";
      return;
    case Tense::kFuture:
      *os << "kFuture";
      return;
    case Tense::kOvertaken:
      *os << "kOvertaken";
      return;
  }
}

void PrintTo(const TenseReading& reading, std::ostream* os) {
  *os << "{";
  PrintTo(reading.tense, os);
  *os << ", " << reading.separation << "}";
}

namespace {

TenseReading Reading(Tense tense, int separation) {
  return {.tense = tense, .separation = separation};
}

const CueLexicon& Lexicon() {
  static const CueLexicon* const lexicon = new CueLexicon();
  return *lexicon;
}

// The read of `date`, which `sentence` must hold, with the whole sentence
// as the span.
TenseReading ReadAt(std::string_view sentence, std::string_view date) {
  const size_t begin = sentence.find(date);
  EXPECT_NE(begin, std::string_view::npos) << date;
  const TenseReader reader(
      sentence, {0, static_cast<uint32_t>(sentence.size())}, Lexicon());
  return reader.Read(begin, begin + date.size());
}

TEST(TenseReaderTest, PastAndFuture) {
  EXPECT_EQ(ReadAt("The ministers will meet on Friday.", "Friday"),
            Reading(Tense::kFuture, 2));
  EXPECT_EQ(ReadAt("The ministers met on Friday.", "Friday"),
            Reading(Tense::kPast, 1));
  EXPECT_EQ(ReadAt("The talks ended on Friday.", "Friday"),
            Reading(Tense::kPast, 1));
  // A present-tense travel verb is a plan.
  EXPECT_EQ(ReadAt("Yellen arrives in Guangzhou on Thursday.", "Thursday"),
            Reading(Tense::kFuture, 3));
  EXPECT_EQ(ReadAt("He'll fly to Kabul on Monday.", "Monday"),
            Reading(Tense::kFuture, 4));
  EXPECT_EQ(ReadAt("He won't attend on Monday.", "Monday"),
            Reading(Tense::kFuture, 2));
}

TEST(TenseReaderTest, Plans) {
  EXPECT_EQ(ReadAt("They agreed to meet on Friday.", "Friday"),
            Reading(Tense::kFuture, 1));
  EXPECT_EQ(ReadAt("The envoy is due in Paris on June 3.", "June 3"),
            Reading(Tense::kFuture, 3));
  // "due to" without a form of "be" gives a cause; "agreed" is then
  // the nearest cue.
  EXPECT_EQ(ReadAt("They agreed, due to the storm, on Friday.", "Friday"),
            Reading(Tense::kPast, 17));
  // The cue is "to travel", one word before the date.
  EXPECT_EQ(ReadAt("She had planned to travel in February.", "February"),
            Reading(Tense::kOvertaken, 1));
  EXPECT_EQ(ReadAt("The vote had been scheduled for May.", "May"),
            Reading(Tense::kOvertaken, 1));
}

TEST(TenseReaderTest, ParticiplesAreNoPastTense) {
  // "led by" and "the disputed" are no cue; nor is "Will", a name, nor
  // "speed".
  EXPECT_EQ(ReadAt("The delegation led by Will on Monday", "Monday"),
            Reading(Tense::kNone, -1));
  EXPECT_EQ(ReadAt("On Monday the disputed frontier", "Monday"),
            Reading(Tense::kNone, -1));
  EXPECT_EQ(ReadAt("On Monday, Will and the speed of it", "Monday"),
            Reading(Tense::kNone, -1));
}

TEST(TenseReaderTest, NearestCueWins) {
  // After the date, a cue must be strictly nearer than the one before.
  EXPECT_EQ(ReadAt("They met on Friday and will meet again.", "Friday"),
            Reading(Tense::kPast, 1));
  EXPECT_EQ(ReadAt("As agreed, on Friday they will sign.", "Friday"),
            Reading(Tense::kFuture, 1));
  // A cue that opens a second verb phrase after "and" weighs a clause
  // break more.
  EXPECT_EQ(ReadAt("Rubio met Israeli Prime Minister Benjamin Netanyahu on "
                   "Monday and will meet Al Thani.",
                   "Monday"),
            Reading(Tense::kPast, 6));
  EXPECT_EQ(ReadAt("Talks on Monday and will resume.", "Monday"),
            Reading(Tense::kFuture, 7));
}

TEST(TenseReaderTest, ReadsWithinItsSpan) {
  constexpr std::string_view kText = "They met. On Friday the talks go on.";
  const size_t begin = kText.find("Friday");
  const TenseReader sentence(kText, {10, static_cast<uint32_t>(kText.size())},
                             Lexicon());
  EXPECT_EQ(sentence.Read(begin, begin + 6), Reading(Tense::kNone, -1));
  const TenseReader text(kText, {0, static_cast<uint32_t>(kText.size())},
                         Lexicon());
  EXPECT_EQ(text.Read(begin, begin + 6), Reading(Tense::kPast, 1));
}

// Separation counts words, digits and non-ASCII letters included, and
// clause breaks however long the run of letters between them.
TEST(TenseReaderTest, SeparationCountsWordsAndBreaks) {
  EXPECT_EQ(ReadAt("They met with 42 envoys of caf\u00E9 owners on Monday.",
                   "Monday"),
            Reading(Tense::kPast, 7));
  EXPECT_EQ(
      ReadAt("They met, in Reykjavikreykjavikreykjavik; on Monday.", "Monday"),
      Reading(Tense::kPast, 15));
  EXPECT_EQ(ReadAt("They met \u2014 in\u00A0Oslo \u2013 on Monday.", "Monday"),
            Reading(Tense::kPast, 17));
}

// Roles are found for the words of the lists only, in lower case: not for
// words of a cue's length and initial, nor for longer words.
TEST(CueLexiconTest, RolesOfTheListedWordsOnly) {
  const CueLexicon& lexicon = Lexicon();
  EXPECT_EQ(lexicon.Role("will"), CueRole::kFuture);
  EXPECT_EQ(lexicon.Role("undertook"), CueRole::kPast);
  EXPECT_EQ(lexicon.Role("concludes"), CueRole::kFuture);
  EXPECT_EQ(lexicon.Role("hundred"), CueRole::kNotPast);
  EXPECT_EQ(lexicon.Role("planning"), CueRole::kPlanPair);
  EXPECT_EQ(lexicon.Role("meet"), CueRole::kPlanVerb);
  EXPECT_EQ(lexicon.Role("to"), CueRole::kTo);
  EXPECT_EQ(lexicon.Role("due"), CueRole::kDue);
  EXPECT_EQ(lexicon.Role("Will"), std::nullopt);
  EXPECT_EQ(lexicon.Role("wall"), std::nullopt);
  EXPECT_EQ(lexicon.Role("wills"), std::nullopt);
  EXPECT_EQ(lexicon.Role("undertooks"), std::nullopt);
  EXPECT_EQ(lexicon.Role("zeal"), std::nullopt);
  EXPECT_EQ(lexicon.Role("t"), std::nullopt);
  EXPECT_EQ(lexicon.Role(""), std::nullopt);
  EXPECT_EQ(lexicon.Partner("plans"), "to");
  EXPECT_EQ(lexicon.Partner("ahead"), "of");
  EXPECT_EQ(lexicon.Partner("will"), "");
}

}  // namespace
}  // namespace parley

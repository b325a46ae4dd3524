// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/date_resolver.cc: weekdays, months and days valued by tense
// against a fixed document date, "last"/"next" and counted moves, days
// that refer back to the dates before them, and the X placeholders of a
// document without a date.

#include "date_resolver.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace parley {
namespace {

// A Monday in ISO week 2025-W13.
constexpr std::string_view kMonday = "2025-03-24";

std::optional<CivilDate> Date(std::string_view text) {
  const std::optional<CivilDate> date = ParseCivilDate(text);
  EXPECT_TRUE(date.has_value()) << text;
  return date;
}

// The value `resolver` gives `e`; "none" where it has none.
std::string ValueIn(DateResolver& resolver, const DateExpression& e) {
  const std::optional<ResolvedDate> r = resolver.Resolve(e);
  return r ? r->value : "none";
}

// The value of `e` resolved first in a document of `document_date`.
std::string ValueOf(const DateExpression& e,
                    std::string_view document_date = kMonday,
                    UntensedDates untensed = UntensedDates::kPast) {
  DateResolver resolver(
      document_date.empty() ? std::nullopt : Date(document_date), untensed);
  return ValueIn(resolver, e);
}

DateExpression NamedWeekday(Weekday weekday, Tense tense,
                            DateModifier modifier = DateModifier::kNone) {
  return {.form = DateForm::kWeekday,
          .weekday = weekday,
          .modifier = modifier,
          .tense = tense};
}

DateExpression NamedMonthDay(int month, int day, Tense tense) {
  return {
      .form = DateForm::kMonthDay, .month = month, .day = day, .tense = tense};
}

DateExpression Move(DateForm form, DateUnit unit, int amount,
                    bool from_antecedent) {
  return {.form = form,
          .unit = unit,
          .amount = amount,
          .from_antecedent = from_antecedent};
}

TEST(DateResolverTest, WeekdaysByTense) {
  // "met on Friday", "will meet on Friday".
  EXPECT_EQ(ValueOf(NamedWeekday(Weekday::kFriday, Tense::kPast)),
            "2025-03-21");
  EXPECT_EQ(ValueOf(NamedWeekday(Weekday::kFriday, Tense::kFuture)),
            "2025-03-28");
  // "last Tuesday", "next Monday", whatever the tense.
  EXPECT_EQ(ValueOf(NamedWeekday(Weekday::kTuesday, Tense::kFuture,
                                 DateModifier::kLast)),
            "2025-03-18");
  EXPECT_EQ(ValueOf(NamedWeekday(Weekday::kMonday, Tense::kPast,
                                 DateModifier::kNext)),
            "2025-03-31");
  // The document's own weekday is its day, said in either tense.
  EXPECT_EQ(ValueOf(NamedWeekday(Weekday::kMonday, Tense::kFuture)),
            "2025-03-24");
  // With no cue the caller's default decides.
  EXPECT_EQ(ValueOf(NamedWeekday(Weekday::kFriday, Tense::kNone)),
            "2025-03-21");
  EXPECT_EQ(ValueOf(NamedWeekday(Weekday::kFriday, Tense::kNone), kMonday,
                    UntensedDates::kFuture),
            "2025-03-28");
}

TEST(DateResolverTest, MonthsAndDaysByTense) {
  // "was signed on March 22", "will resume on March 22".
  EXPECT_EQ(ValueOf(NamedMonthDay(3, 22, Tense::kPast)), "2025-03-22");
  EXPECT_EQ(ValueOf(NamedMonthDay(3, 22, Tense::kFuture)), "2026-03-22");
  EXPECT_EQ(ValueOf(NamedMonthDay(2, 29, Tense::kPast)), "2024-02-29");
  // "had planned to travel in February": the nearest February.
  EXPECT_EQ(
      ValueOf(
          {.form = DateForm::kMonth, .month = 2, .tense = Tense::kOvertaken}),
      "2025-02");
  EXPECT_EQ(ValueOf({.form = DateForm::kMonth,
                     .month = 2,
                     .modifier = DateModifier::kNext}),
            "2026-02");
  // "Tuesday, March 24": the year nearest the document's whose March 24
  // is a Tuesday.
  EXPECT_EQ(ValueOf({.form = DateForm::kWeekdayMonthDay,
                     .month = 3,
                     .day = 24,
                     .weekday = Weekday::kTuesday}),
            "2026-03-24");
}

TEST(DateResolverTest, MovesFromTheDocumentDate) {
  // "last week", "two days ago", "tomorrow", "next year".
  EXPECT_EQ(ValueOf(Move(DateForm::kRelative, DateUnit::kWeek, -1, false)),
            "2025-W12");
  EXPECT_EQ(ValueOf(Move(DateForm::kOffset, DateUnit::kDay, -2, false)),
            "2025-03-22");
  EXPECT_EQ(ValueOf(Move(DateForm::kDayWord, DateUnit::kDay, 1, false)),
            "2025-03-25");
  EXPECT_EQ(ValueOf(Move(DateForm::kRelative, DateUnit::kYear, 1, false)),
            "2026");
}

TEST(DateResolverTest, DaysThatReferBack) {
  // "The ministers met on June 2.  The previous day ...  A month earlier
  // ...  The same day ...  Two days ago ..."
  DateResolver resolver(Date(kMonday), UntensedDates::kPast);
  EXPECT_EQ(ValueIn(resolver, NamedMonthDay(6, 2, Tense::kPast)), "2024-06-02");
  EXPECT_EQ(
      ValueIn(resolver, Move(DateForm::kAnaphor, DateUnit::kDay, -1, true)),
      "2024-06-01");
  EXPECT_EQ(
      ValueIn(resolver, Move(DateForm::kOffset, DateUnit::kMonth, -1, true)),
      "2024-05");
  // A month is no day: "the same day" goes back to June 1.
  EXPECT_EQ(
      ValueIn(resolver, Move(DateForm::kAnaphor, DateUnit::kDay, 0, true)),
      "2024-06-01");
  // "ago" counts from the document date.
  EXPECT_EQ(
      ValueIn(resolver, Move(DateForm::kOffset, DateUnit::kDay, -2, false)),
      "2025-03-22");
}

TEST(DateResolverTest, TheSameDayNeedsADayBeforeIt) {
  EXPECT_EQ(ValueOf(Move(DateForm::kAnaphor, DateUnit::kDay, 0, true)), "none");
}

TEST(DateResolverTest, PlaceholdersWithoutADocumentDate) {
  EXPECT_EQ(ValueOf(NamedWeekday(Weekday::kFriday, Tense::kPast), ""),
            "XXXX-WXX-5");
  EXPECT_EQ(ValueOf(Move(DateForm::kRelative, DateUnit::kWeek, -1, false), ""),
            "XXXX-WXX");
  // A month and day of an unknown year still moves by days.
  DateResolver resolver(std::nullopt, UntensedDates::kPast);
  EXPECT_EQ(ValueIn(resolver, NamedMonthDay(2, 28, Tense::kPast)),
            "XXXX-02-28");
  EXPECT_EQ(
      ValueIn(resolver, Move(DateForm::kAnaphor, DateUnit::kDay, 1, true)),
      "XXXX-02-29");
}

TEST(DateResolverTest, NeedsTense) {
  EXPECT_TRUE(NeedsTense(NamedWeekday(Weekday::kFriday, Tense::kNone)));
  EXPECT_TRUE(NeedsTense(
      NamedWeekday(Weekday::kFriday, Tense::kNone, DateModifier::kThis)));
  EXPECT_FALSE(NeedsTense(
      NamedWeekday(Weekday::kFriday, Tense::kNone, DateModifier::kLast)));
  EXPECT_TRUE(NeedsTense(NamedMonthDay(3, 22, Tense::kNone)));
  DateExpression with_year = NamedMonthDay(3, 22, Tense::kNone);
  with_year.year = 2025;
  EXPECT_FALSE(NeedsTense(with_year));
  DateExpression dateline = NamedMonthDay(3, 22, Tense::kNone);
  dateline.dateline = true;
  EXPECT_FALSE(NeedsTense(dateline));
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/date_normalizer.cc: leap years, day counts across centuries,
// weekdays, ISO weeks at year ends (week 53 and week 1 of the next year),
// the relations that place a weekday, a month and day or a month against a
// reference date, shifted values and the X placeholders.

#include "date_normalizer.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace parley {

void PrintTo(const CivilDate& date, std::ostream* os) {
  *os << FormatCivilDate(date);
}

namespace {

CivilDate Date(std::string_view text) {
  const std::optional<CivilDate> date = ParseCivilDate(text);
  EXPECT_TRUE(date.has_value()) << text;
  return date.value_or(CivilDate{});
}

std::string Week(std::string_view date) {
  return FormatIsoWeek(IsoWeekOf(Date(date)));
}

TEST(CivilDateTest, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(DaysInMonth(2025, 4), 30);
  EXPECT_EQ(DaysInMonth(2025, 12), 31);
  EXPECT_EQ(DaysInMonth(2025, 13), 0);
}

TEST(CivilDateTest, ParsesOnlyExistingDates) {
  EXPECT_EQ(ParseCivilDate("2024-02-29"), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(ParseCivilDate("2023-02-29"), std::nullopt);
  EXPECT_EQ(ParseCivilDate("2025-04-31"), std::nullopt);
  EXPECT_EQ(ParseCivilDate("2025-13-01"), std::nullopt);
  EXPECT_EQ(ParseCivilDate("2025-3-22"), std::nullopt);
  EXPECT_EQ(ParseCivilDate("2025/03/22"), std::nullopt);
  EXPECT_EQ(ParseCivilDate("2025-03-22 "), std::nullopt);
  EXPECT_EQ(ParseCivilDate("+025-03-22"), std::nullopt);
  EXPECT_EQ(ParseCivilDate(""), std::nullopt);
}

TEST(CivilDateTest, Formats) {
  EXPECT_EQ(FormatCivilDate(CivilDate{2025, 3, 2}), "2025-03-02");
  EXPECT_EQ(FormatCivilDate(CivilDate{987, 11, 30}), "0987-11-30");
  EXPECT_EQ(FormatYearMonth(2025, 7), "2025-07");
  EXPECT_EQ(FormatYear(1964), "1964");
  EXPECT_EQ(FormatIsoWeek(IsoWeek{2025, 3}), "2025-W03");
  EXPECT_EQ(FormatUnknownYear(3, 22), "XXXX-03-22");
  EXPECT_EQ(FormatUnknownYear(12), "XXXX-12");
  EXPECT_EQ(FormatUnknownWeek(Weekday::kFriday), "XXXX-WXX-5");
  EXPECT_EQ(UnknownValue(DateUnit::kDay), "XXXX-XX-XX");
  EXPECT_EQ(UnknownValue(DateUnit::kWeek), "XXXX-WXX");
  EXPECT_EQ(UnknownValue(DateUnit::kMonth), "XXXX-XX");
  EXPECT_EQ(UnknownValue(DateUnit::kYear), "XXXX");
}

TEST(CivilDateTest, DayCountsRoundTrip) {
  EXPECT_EQ(DaysFromCivil(CivilDate{1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil(CivilDate{1969, 12, 31}), -1);
  EXPECT_EQ(DaysFromCivil(CivilDate{2000, 3, 1}), 11017);
  EXPECT_EQ(CivilFromDays(11016), (CivilDate{2000, 2, 29}));
  for (int64_t days = -800000; days <= 800000; days += 997) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(days)), days);
  }
}

TEST(CivilDateTest, AddsDaysAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(AddDays(Date("2024-02-28"), 1), Date("2024-02-29"));
  EXPECT_EQ(AddDays(Date("2023-02-28"), 1), Date("2023-03-01"));
  EXPECT_EQ(AddDays(Date("2024-12-31"), 1), Date("2025-01-01"));
  EXPECT_EQ(AddDays(Date("2025-01-01"), -1), Date("2024-12-31"));
  EXPECT_EQ(AddDays(Date("2100-02-28"), 1), Date("2100-03-01"));
  EXPECT_EQ(AddDays(Date("2024-03-01"), -366), Date("2023-03-01"));
}

TEST(CivilDateTest, Weekdays) {
  EXPECT_EQ(WeekdayOf(Date("1970-01-01")), Weekday::kThursday);
  EXPECT_EQ(WeekdayOf(Date("2025-03-24")), Weekday::kMonday);
  EXPECT_EQ(WeekdayOf(Date("2024-02-29")), Weekday::kThursday);
  EXPECT_EQ(WeekdayOf(Date("2000-01-01")), Weekday::kSaturday);
  EXPECT_EQ(WeekdayOf(Date("1900-01-01")), Weekday::kMonday);
  EXPECT_EQ(WeekdayOf(Date("2023-12-31")), Weekday::kSunday);
}

TEST(IsoWeekTest, YearEnds) {
  // 2020 began on a Wednesday and was a leap year: it has 53 weeks.
  EXPECT_EQ(Week("2020-12-31"), "2020-W53");
  EXPECT_EQ(Week("2021-01-01"), "2020-W53");
  EXPECT_EQ(Week("2021-01-03"), "2020-W53");
  EXPECT_EQ(Week("2021-01-04"), "2021-W01");
  // 2015 began on a Thursday: 53 weeks.
  EXPECT_EQ(Week("2015-12-31"), "2015-W53");
  // A late December day in week 1 of the next year.
  EXPECT_EQ(Week("2024-12-30"), "2025-W01");
  EXPECT_EQ(Week("2019-12-30"), "2020-W01");
  EXPECT_EQ(Week("2025-12-28"), "2025-W52");
  EXPECT_EQ(Week("2026-01-01"), "2026-W01");
  // An early January day in the last week of the year before.
  EXPECT_EQ(Week("2023-01-01"), "2022-W52");
  EXPECT_EQ(Week("2027-01-01"), "2026-W53");
  EXPECT_EQ(Week("2025-03-24"), "2025-W13");
  EXPECT_EQ(Week("2025-03-23"), "2025-W12");
}

TEST(ResolveWeekdayTest, BothDirectionsAroundAWednesday) {
  const CivilDate wednesday = Date("2025-05-14");
  auto resolve = [&](Weekday weekday, DateRelation relation) {
    return FormatCivilDate(ResolveWeekday(wednesday, weekday, relation));
  };
  // Past tense: the latest such day on or before.
  EXPECT_EQ(resolve(Weekday::kMonday, DateRelation::kOnOrBefore), "2025-05-12");
  EXPECT_EQ(resolve(Weekday::kThursday, DateRelation::kOnOrBefore),
            "2025-05-08");
  EXPECT_EQ(resolve(Weekday::kWednesday, DateRelation::kOnOrBefore),
            "2025-05-14");
  // Future tense: the first such day strictly after.
  EXPECT_EQ(resolve(Weekday::kThursday, DateRelation::kAfter), "2025-05-15");
  EXPECT_EQ(resolve(Weekday::kMonday, DateRelation::kAfter), "2025-05-19");
  EXPECT_EQ(resolve(Weekday::kWednesday, DateRelation::kAfter), "2025-05-21");
  // "this Wednesday" in the future keeps the day itself.
  EXPECT_EQ(resolve(Weekday::kWednesday, DateRelation::kOnOrAfter),
            "2025-05-14");
  // "last Wednesday": strictly before.
  EXPECT_EQ(resolve(Weekday::kWednesday, DateRelation::kBefore), "2025-05-07");
  EXPECT_EQ(resolve(Weekday::kTuesday, DateRelation::kBefore), "2025-05-13");
}

TEST(ResolveWeekdayTest, Nearest) {
  const CivilDate wednesday = Date("2025-05-14");
  EXPECT_EQ(ResolveWeekday(wednesday, Weekday::kFriday, DateRelation::kNearest),
            Date("2025-05-16"));
  EXPECT_EQ(ResolveWeekday(wednesday, Weekday::kMonday, DateRelation::kNearest),
            Date("2025-05-12"));
  EXPECT_EQ(ResolveWeekday(wednesday, Weekday::kSunday, DateRelation::kNearest),
            Date("2025-05-11"));
  EXPECT_EQ(
      ResolveWeekday(wednesday, Weekday::kWednesday, DateRelation::kNearest),
      wednesday);
}

TEST(ResolveWeekdayTest, AcrossAYearEnd) {
  const CivilDate thursday = Date("2026-01-01");
  EXPECT_EQ(
      ResolveWeekday(thursday, Weekday::kMonday, DateRelation::kOnOrBefore),
      Date("2025-12-29"));
  EXPECT_EQ(ResolveWeekday(thursday, Weekday::kSunday, DateRelation::kAfter),
            Date("2026-01-04"));
}

TEST(ResolveMonthDayTest, NearestYearInTheDirection) {
  const CivilDate doc = Date("2025-03-24");
  EXPECT_EQ(ResolveMonthDay(doc, 3, 22, DateRelation::kOnOrBefore),
            Date("2025-03-22"));
  EXPECT_EQ(ResolveMonthDay(doc, 3, 24, DateRelation::kOnOrBefore),
            Date("2025-03-24"));
  EXPECT_EQ(ResolveMonthDay(doc, 3, 25, DateRelation::kOnOrBefore),
            Date("2024-03-25"));
  EXPECT_EQ(ResolveMonthDay(doc, 12, 5, DateRelation::kOnOrBefore),
            Date("2024-12-05"));
  EXPECT_EQ(ResolveMonthDay(doc, 6, 9, DateRelation::kOnOrAfter),
            Date("2025-06-09"));
  EXPECT_EQ(ResolveMonthDay(doc, 3, 24, DateRelation::kOnOrAfter),
            Date("2025-03-24"));
  EXPECT_EQ(ResolveMonthDay(doc, 1, 10, DateRelation::kOnOrAfter),
            Date("2026-01-10"));
  EXPECT_EQ(ResolveMonthDay(doc, 3, 24, DateRelation::kAfter),
            Date("2026-03-24"));
  EXPECT_EQ(ResolveMonthDay(doc, 3, 24, DateRelation::kBefore),
            Date("2024-03-24"));
}

TEST(ResolveMonthDayTest, LeapDayAndImpossibleDays) {
  const CivilDate doc = Date("2025-03-24");
  EXPECT_EQ(ResolveMonthDay(doc, 2, 29, DateRelation::kOnOrBefore),
            Date("2024-02-29"));
  EXPECT_EQ(ResolveMonthDay(doc, 2, 29, DateRelation::kOnOrAfter),
            Date("2028-02-29"));
  // 1900 is no leap year: the search reaches 1896.
  EXPECT_EQ(
      ResolveMonthDay(Date("1903-06-01"), 2, 29, DateRelation::kOnOrBefore),
      Date("1896-02-29"));
  EXPECT_EQ(ResolveMonthDay(doc, 2, 30, DateRelation::kOnOrBefore),
            std::nullopt);
  EXPECT_EQ(ResolveMonthDay(doc, 4, 31, DateRelation::kOnOrAfter),
            std::nullopt);
  EXPECT_EQ(ResolveMonthDay(doc, 13, 1, DateRelation::kOnOrAfter),
            std::nullopt);
}

TEST(ResolveMonthDayTest, Nearest) {
  const CivilDate doc = Date("2025-03-24");
  // 2025-09-20 is 180 days ahead, 2024-09-20 185 days back.
  EXPECT_EQ(ResolveMonthDay(doc, 9, 20, DateRelation::kNearest),
            Date("2025-09-20"));
  EXPECT_EQ(ResolveMonthDay(doc, 9, 30, DateRelation::kNearest),
            Date("2024-09-30"));
  EXPECT_EQ(ResolveMonthDay(doc, 2, 29, DateRelation::kNearest),
            Date("2024-02-29"));
}

TEST(ResolveMonthYearTest, Relations) {
  const CivilDate doc = Date("2025-05-07");
  EXPECT_EQ(ResolveMonthYear(doc, 3, DateRelation::kOnOrBefore), 2025);
  EXPECT_EQ(ResolveMonthYear(doc, 5, DateRelation::kOnOrBefore), 2025);
  EXPECT_EQ(ResolveMonthYear(doc, 12, DateRelation::kOnOrBefore), 2024);
  EXPECT_EQ(ResolveMonthYear(doc, 6, DateRelation::kOnOrAfter), 2025);
  EXPECT_EQ(ResolveMonthYear(doc, 5, DateRelation::kOnOrAfter), 2025);
  EXPECT_EQ(ResolveMonthYear(doc, 3, DateRelation::kOnOrAfter), 2026);
  EXPECT_EQ(ResolveMonthYear(doc, 5, DateRelation::kBefore), 2024);
  EXPECT_EQ(ResolveMonthYear(doc, 5, DateRelation::kAfter), 2026);
  EXPECT_EQ(ResolveMonthYear(doc, 2, DateRelation::kNearest), 2025);
  EXPECT_EQ(ResolveMonthYear(doc, 10, DateRelation::kNearest), 2025);
  EXPECT_EQ(ResolveMonthYear(doc, 11, DateRelation::kNearest), 2024);
}

TEST(ShiftedValueTest, EachUnit) {
  const CivilDate doc = Date("2025-01-02");
  EXPECT_EQ(ShiftedValue(doc, DateUnit::kDay, -2), "2024-12-31");
  EXPECT_EQ(ShiftedValue(doc, DateUnit::kDay, 0), "2025-01-02");
  EXPECT_EQ(ShiftedValue(doc, DateUnit::kWeek, 0), "2025-W01");
  EXPECT_EQ(ShiftedValue(doc, DateUnit::kWeek, -1), "2024-W52");
  EXPECT_EQ(ShiftedValue(doc, DateUnit::kWeek, 1), "2025-W02");
  EXPECT_EQ(ShiftedValue(doc, DateUnit::kMonth, -1), "2024-12");
  EXPECT_EQ(ShiftedValue(doc, DateUnit::kMonth, 12), "2026-01");
  EXPECT_EQ(ShiftedValue(doc, DateUnit::kMonth, -13), "2023-12");
  EXPECT_EQ(ShiftedValue(doc, DateUnit::kYear, -1), "2024");
  EXPECT_EQ(ShiftedValue(doc, DateUnit::kYear, 2), "2027");
  EXPECT_EQ(ShiftedValue(Date("2021-01-08"), DateUnit::kWeek, -1), "2020-W53");
}

}  // namespace
}  // namespace parley

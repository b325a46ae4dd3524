// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Calendar arithmetic for date normalization: proleptic Gregorian dates,
// weekdays, ISO 8601 weeks, and the rules that place a named day, month or
// relative amount against a document date, written as TIMEX3 values.
//
//   parley::CivilDate doc = *parley::ParseCivilDate("2025-03-24");
//   parley::CivilDate monday = parley::ResolveWeekday(
//       doc, parley::Weekday::kMonday, parley::DateRelation::kBefore);
//   parley::FormatCivilDate(monday);                        // "2025-03-17"
//   parley::ShiftedValue(doc, parley::DateUnit::kWeek, -1);  // "2025-W12"
//
// Values:  YYYY-MM-DD (day), YYYY-Www (ISO week, zero-padded), YYYY-MM
// (month), YYYY (year).  Where there is no document date the unknown parts
// are X placeholders, as TIMEX3 writes them: XXXX-03-22 for a month and day,
// XXXX-WXX-1 for a Monday of an unknown week, and XXXX-XX-XX, XXXX-WXX,
// XXXX-XX and XXXX for a day, week, month or year reached from the unknown
// document date ("yesterday", "last week", "this month", "next year").
//
// It does not read text (DateRecognizer does), know time zones or times of
// day, or handle years outside 1..9999.

#ifndef PARLEY_LIB_DATE_NORMALIZER_H_
#define PARLEY_LIB_DATE_NORMALIZER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley {

// A day of the proleptic Gregorian calendar.  A value type: it may hold an
// invalid date, which IsValidCivilDate() tells.
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// ISO 8601 numbering: Monday is 1, Sunday 7.
enum class Weekday {
  kMonday = 1,
  kTuesday,
  kWednesday,
  kThursday,
  kFriday,
  kSaturday,
  kSunday,
};

// An ISO 8601 week: `year` is the week-numbering year, which differs from
// the calendar year for a few days around January 1 (2021-01-03 is in
// 2020-W53).
struct IsoWeek {
  int year = 1970;
  int week = 1;  // 1..53

  friend bool operator==(const IsoWeek&, const IsoWeek&) = default;
};

// The grain of a value: what "three days/weeks/months/years ago" counts in,
// and the precision its value is written at.
enum class DateUnit {
  kDay,
  kWeek,
  kMonth,
  kYear,
};

// Where a named day or month lies relative to the document date:
//
//   relation      weekday, month-day       month
//   kOnOrBefore   latest on or before      latest month on or before
//   kOnOrAfter    first on or after        first month on or after
//   kBefore       latest strictly before   latest month strictly before
//   kAfter        first strictly after     first month strictly after
//   kNearest      nearest either side      nearest month either side
//
// News past tense is kOnOrBefore; future tense is kAfter for a weekday and
// kOnOrAfter for a month and day; "last Monday" is kBefore, "next Monday"
// kAfter; a plan the text gives as overtaken ("had planned to travel in
// February") kNearest.  kNearest prefers the earlier date on a tie.
enum class DateRelation {
  kOnOrBefore,
  kOnOrAfter,
  kBefore,
  kAfter,
  kNearest,
};

bool IsLeapYear(int year);

// 28..31; 0 for a month outside 1..12.
int DaysInMonth(int year, int month);

// Whether the date exists, with its year in 1..9999.
bool IsValidCivilDate(const CivilDate& date);

// Parses exactly "YYYY-MM-DD" naming an existing date; nullopt otherwise.
std::optional<CivilDate> ParseCivilDate(std::string_view text);

// "YYYY-MM-DD".  `date` must be valid.
std::string FormatCivilDate(const CivilDate& date);

// "YYYY-MM".
std::string FormatYearMonth(int year, int month);

// "YYYY".
std::string FormatYear(int year);

// "YYYY-Www".
std::string FormatIsoWeek(const IsoWeek& week);

// "XXXX-MM-DD": a month and day whose year is unknown.
std::string FormatUnknownYear(int month, int day);

// "XXXX-MM": a month whose year is unknown.
std::string FormatUnknownYear(int month);

// "XXXX-WXX-D": a weekday of an unknown week.
std::string FormatUnknownWeek(Weekday weekday);

// The value of a `unit` reached from an unknown document date:
// "XXXX-XX-XX", "XXXX-WXX", "XXXX-XX" or "XXXX".
std::string UnknownValue(DateUnit unit);

// Days since 1970-01-01 (negative before it), after Howard Hinnant's
// days_from_civil; and its inverse.
int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(int64_t days);

CivilDate AddDays(const CivilDate& date, int64_t days);

Weekday WeekdayOf(const CivilDate& date);

IsoWeek IsoWeekOf(const CivilDate& date);

// The `weekday` that stands in `relation` to `reference`.
CivilDate ResolveWeekday(const CivilDate& reference, Weekday weekday,
                         DateRelation relation);

// The date with this month and day whose year puts it in `relation` to
// `reference` and nearest to it; nullopt when no year within eight of the
// reference's has the day (February 30, or February 29 near no leap year).
std::optional<CivilDate> ResolveMonthDay(const CivilDate& reference, int month,
                                         int day, DateRelation relation);

// The year of the month `month` that stands in `relation` to the month of
// `reference`: in May 2025, March kOnOrBefore is 2025, kAfter 2026.
int ResolveMonthYear(const CivilDate& reference, int month,
                     DateRelation relation);

// The value, at the precision of `unit`, of `reference` moved by `amount`
// units: (2025-03-24, kWeek, -1) is "2025-W12", (2025-03-24, kMonth, 1) is
// "2025-04".  Only the year of `reference` counts for kYear and only its
// year and month for kMonth.
std::string ShiftedValue(const CivilDate& reference, DateUnit unit, int amount);

}  // namespace parley

#endif  // PARLEY_LIB_DATE_NORMALIZER_H_

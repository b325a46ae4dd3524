// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Calendar arithmetic on day counts (Howard Hinnant's civil-date
// algorithms, http://howardhinnant.github.io/date_algorithms.html) and the
// TIMEX3 formatting of its results.
//
// It does not read text nor decide which relation a mention stands in.

#include "date_normalizer.h"

namespace parley {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The value of `text`, all decimal digits, or -1.
int ParseDigits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Appends `value` in decimal, zero-padded to `width` digits.
void AppendNumber(std::string* out, int value, int width) {
  if (value < 0) {
    out->push_back('-');
    value = -value;
  }
  char digits[12];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = count; i < width; ++i) out->push_back('0');
  while (count > 0) out->push_back(digits[--count]);
}

// Whether `date` is on the `relation` side of `reference` (for the strict
// relations, not equal to it).
bool InRelation(const CivilDate& date, const CivilDate& reference,
                DateRelation relation) {
  switch (relation) {
    case DateRelation::kOnOrBefore:
      return date <= reference;
    case DateRelation::kOnOrAfter:
      return date >= reference;
    case DateRelation::kBefore:
      return date < reference;
    case DateRelation::kAfter:
      return date > reference;
    case DateRelation::kNearest:
      return true;
  }
  return false;
}

bool Backward(DateRelation relation) {
  return relation == DateRelation::kOnOrBefore ||
         relation == DateRelation::kBefore;
}

// A February 29 may need this many years of search to reach a leap year
// (1896 to 1904 has none at 1900).
constexpr int kMaxYearSearch = 8;

}  // namespace

bool IsLeapYear(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidCivilDate(const CivilDate& date) {
  return date.year >= 1 && date.year <= 9999 && date.day >= 1 &&
         date.day <= DaysInMonth(date.year, date.month);
}

std::optional<CivilDate> ParseCivilDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const CivilDate date{ParseDigits(text.substr(0, 4)),
                       ParseDigits(text.substr(5, 2)),
                       ParseDigits(text.substr(8, 2))};
  if (!IsValidCivilDate(date)) return std::nullopt;
  return date;
}

std::string FormatCivilDate(const CivilDate& date) {
  std::string out = FormatYearMonth(date.year, date.month);
  out.push_back('-');
  AppendNumber(&out, date.day, 2);
  return out;
}

std::string FormatYearMonth(int year, int month) {
  std::string out = FormatYear(year);
  out.push_back('-');
  AppendNumber(&out, month, 2);
  return out;
}

std::string FormatYear(int year) {
  std::string out;
  AppendNumber(&out, year, 4);
  return out;
}

std::string FormatIsoWeek(const IsoWeek& week) {
  std::string out = FormatYear(week.year);
  out += "-W";
  AppendNumber(&out, week.week, 2);
  return out;
}

std::string FormatUnknownYear(int month, int day) {
  std::string out = FormatUnknownYear(month);
  out.push_back('-');
  AppendNumber(&out, day, 2);
  return out;
}

std::string FormatUnknownYear(int month) {
  std::string out = "XXXX-";
  AppendNumber(&out, month, 2);
  return out;
}

std::string FormatUnknownWeek(Weekday weekday) {
  std::string out = "XXXX-WXX-";
  AppendNumber(&out, static_cast<int>(weekday), 1);
  return out;
}

std::string UnknownValue(DateUnit unit) {
  switch (unit) {
    case DateUnit::kDay:
      return "XXXX-XX-XX";
    case DateUnit::kWeek:
      return "XXXX-WXX";
    case DateUnit::kMonth:
      return "XXXX-XX";
    case DateUnit::kYear:
      return "XXXX";
  }
  return "XXXX";
}

int64_t DaysFromCivil(const CivilDate& date) {
  const int64_t year = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;
  const int64_t shifted_month =
      date.month > 2 ? date.month - 3 : date.month + 9;
  const int64_t day_of_year = (153 * shifted_month + 2) / 5 + date.day - 1;
  const int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era = (day_of_era - day_of_era / 1460 +
                               day_of_era / 36524 - day_of_era / 146096) /
                              365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t shifted_month = (5 * day_of_year + 2) / 153;
  const int day =
      static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3
                                                        : shifted_month - 9);
  const int year =
      static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return CivilDate{year, month, day};
}

CivilDate AddDays(const CivilDate& date, int64_t days) {
  return CivilFromDays(DaysFromCivil(date) + days);
}

Weekday WeekdayOf(const CivilDate& date) {
  // 1970-01-01 was a Thursday (ISO 4).
  const int64_t days = DaysFromCivil(date);
  const int64_t from_monday = ((days + 3) % 7 + 7) % 7;
  return static_cast<Weekday>(from_monday + 1);
}

IsoWeek IsoWeekOf(const CivilDate& date) {
  // The week belongs to the year that holds its Thursday.
  const CivilDate thursday =
      AddDays(date, 4 - static_cast<int>(WeekdayOf(date)));
  const int64_t day_of_year =
      DaysFromCivil(thursday) - DaysFromCivil(CivilDate{thursday.year, 1, 1});
  return IsoWeek{thursday.year, static_cast<int>(day_of_year / 7 + 1)};
}

CivilDate ResolveWeekday(const CivilDate& reference, Weekday weekday,
                         DateRelation relation) {
  const int from = static_cast<int>(WeekdayOf(reference));
  const int to = static_cast<int>(weekday);
  if (relation == DateRelation::kNearest) {
    const int back = (from - to + 7) % 7;
    const int ahead = (to - from + 7) % 7;
    return AddDays(reference, back <= ahead ? -back : ahead);
  }
  if (Backward(relation)) {
    int back = (from - to + 7) % 7;
    if (back == 0 && relation == DateRelation::kBefore) back = 7;
    return AddDays(reference, -back);
  }
  int ahead = (to - from + 7) % 7;
  if (ahead == 0 && relation == DateRelation::kAfter) ahead = 7;
  return AddDays(reference, ahead);
}

std::optional<CivilDate> ResolveMonthDay(const CivilDate& reference, int month,
                                         int day, DateRelation relation) {
  if (day < 1 || day > DaysInMonth(2000, month)) return std::nullopt;
  if (relation == DateRelation::kNearest) {
    const std::optional<CivilDate> before =
        ResolveMonthDay(reference, month, day, DateRelation::kOnOrBefore);
    const std::optional<CivilDate> after =
        ResolveMonthDay(reference, month, day, DateRelation::kOnOrAfter);
    if (!before || !after) return before ? before : after;
    const int64_t days = DaysFromCivil(reference);
    return days - DaysFromCivil(*before) <= DaysFromCivil(*after) - days
               ? before
               : after;
  }
  const int step = Backward(relation) ? -1 : 1;
  for (int offset = 0; offset <= kMaxYearSearch + 1; ++offset) {
    const CivilDate date{reference.year + step * offset, month, day};
    if (IsValidCivilDate(date) && InRelation(date, reference, relation)) {
      return date;
    }
  }
  return std::nullopt;
}

int ResolveMonthYear(const CivilDate& reference, int month,
                     DateRelation relation) {
  if (relation == DateRelation::kNearest) {
    const int back = (reference.month - month + 12) % 12;
    const int ahead = (month - reference.month + 12) % 12;
    const bool earlier = back <= ahead;
    return ResolveMonthYear(
        reference, month,
        earlier ? DateRelation::kOnOrBefore : DateRelation::kOnOrAfter);
  }
  const CivilDate first{reference.year, month, 1};
  const CivilDate reference_month{reference.year, reference.month, 1};
  if (InRelation(first, reference_month, relation)) return reference.year;
  return Backward(relation) ? reference.year - 1 : reference.year + 1;
}

std::string ShiftedValue(const CivilDate& reference, DateUnit unit,
                         int amount) {
  switch (unit) {
    case DateUnit::kDay:
      return FormatCivilDate(AddDays(reference, amount));
    case DateUnit::kWeek:
      return FormatIsoWeek(IsoWeekOf(AddDays(reference, int64_t{7} * amount)));
    case DateUnit::kMonth: {
      const int months = reference.year * 12 + (reference.month - 1) + amount;
      return FormatYearMonth(months / 12, months % 12 + 1);
    }
    case DateUnit::kYear:
      return FormatYear(reference.year + amount);
  }
  return UnknownValue(unit);
}

}  // namespace parley

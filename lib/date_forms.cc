// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The date forms as RE2 patterns, built from shared pieces so that every
// form spells a month, a day, a year or a space the same way.  The groups
// of a form are read by position (DateRecognizer::Patterns::Parse): a
// group added to a piece moves the groups of every form that uses it.
//
// It does not compile the patterns.

#include "date_forms.h"

#include <string>
#include <vector>

namespace parley {
namespace {

// Pattern pieces.  Month and weekday names are matched capitalized: lower
// case "march" and "may" are other words.  A date may wrap at one line
// break.
constexpr char kSpace[] =
    R"((?:[ \t\x{00A0}]+(?:\r?\n[ \t\x{00A0}]*)?|\r?\n[ \t\x{00A0}]*))";
constexpr char kWeekdayName[] =
    R"((Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)";
constexpr char kFullMonthName[] =
    R"((January|February|March|April|May|June|July|August|September|)"
    R"(October|November|December)\b)";
constexpr char kMonthName[] =
    R"(((?:January|February|March|April|May|June|July|August|September|)"
    R"(October|November|December)\b|)"
    R"((?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?))";
constexpr char kDayNumber[] = R"((0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?\b)";
constexpr char kYearNumber[] = R"((1[89][0-9][0-9]|20[0-9][0-9])\b)";

}  // namespace

std::vector<DateFormSpec> DateFormSpecs() {
  const std::string sp = kSpace;
  const std::string weekday = kWeekdayName;
  const std::string month = kMonthName;
  const std::string full_month = kFullMonthName;
  const std::string day = kDayNumber;
  const std::string year = kYearNumber;
  const std::string comma_sp = ",?" + sp;
  const std::string of = "(?:of" + sp + ")?";
  return {
      {DateForm::kWeekdayMonthDay, "date:weekday-month-day",
       weekday + comma_sp + month + sp + day + "(?:" + comma_sp + year + ")?"},
      {DateForm::kWeekdayDayMonth, "date:weekday-day-month",
       weekday + comma_sp + day + sp + of + month + "(?:" + comma_sp + year +
           ")?"},
      {DateForm::kMonthDayYear, "date:month-day-year",
       month + sp + day + comma_sp + year},
      {DateForm::kDayMonthYear, "date:day-month-year",
       day + sp + of + month + comma_sp + year},
      {DateForm::kMonthDay, "date:month-day", month + sp + day},
      {DateForm::kDayMonth, "date:day-month", day + sp + of + month},
      {DateForm::kMonthYear, "date:month-year",
       "(?:(?i:early|late)" + sp + "|(?i:mid)-?)?" + month + comma_sp + of +
           year},
      {DateForm::kIso, "date:iso", R"(([0-9]{4})-([0-9]{2})-([0-9]{2})\b)"},
      {DateForm::kNumeric, "date:numeric",
       R"(([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\b)"},
      {DateForm::kRelative, "date:relative",
       "(?i:(?:(earlier|later|early|late)" + sp + ")?(last|this|next)" + sp +
           R"((week|month|year))\b)"},
      {DateForm::kOffset, "date:offset",
       "(?i:(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
       "twelve|[0-9]{1,2})" +
           sp + "(day|week|month|year)s?" + sp +
           R"((ago|earlier|later|before|after))\b)"},
      {DateForm::kDayWord, "date:day-word",
       "(?i:(today|yesterday|tomorrow)|the" + sp + "day" + sp + "(before)" +
           sp + "yesterday|the" + sp + "day" + sp + "(after)" + sp +
           R"(tomorrow)\b)"},
      {DateForm::kAnaphor, "date:anaphor",
       "(?i:(?:the|that)" + sp + "(same|previous|following|next)" + sp +
           "day|the" + sp + "day" + sp + R"((before|after))\b)"},
      {DateForm::kWeekday, "date:weekday",
       "(?:(?i:(last|next|this))" + sp + ")?" + weekday},
      {DateForm::kMonth, "date:month",
       "(?:(?i:(early|late|last|next|this))" + sp + "|(?i:(mid))-?)?" +
           full_month + "(?:" + sp + "(?i:(last|this|next))" + sp +
           "(?i:year)\\b)?"},
      {DateForm::kYear, "date:year",
       "(?:(?i:(early|late))" + sp + "|(?i:(mid))-?)?" + year},
  };
}

}  // namespace parley

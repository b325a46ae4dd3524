// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The grammar of the date expressions that DateRecognizer finds: one RE2
// pattern per form, whose groups capture the parts the date is valued from
// (weekday and month names, day and year numbers, "last"/"next"/"this",
// "early"/"late"/"mid", counts and units), and the rule name its mentions
// carry.
//
//   for (const parley::DateFormSpec& spec : parley::DateFormSpecs()) {
//     // spec.rule "date:month-day", spec.pattern matches "March 22" whole
//     // and captures "March" and "22".
//   }
//
// Month and weekday names match capitalized only ("march" and "may" are
// other words); the keywords ("last", "ago", "the day before") in any case.
// A date may wrap at one line break.
//
// It does not compile the patterns, judge the words around a match ("every
// Monday", "April Ryan", "of 2000 troops"), or value a match: DateRecognizer
// and DateResolver do.

#ifndef PARLEY_LIB_DATE_FORMS_H_
#define PARLEY_LIB_DATE_FORMS_H_

#include <string>
#include <vector>

namespace parley {

// The forms of date expression, in order of precedence for a span that
// several forms match whole.
enum class DateForm {
  kWeekdayMonthDay,  // "Monday, March 24", "Monday, March 24, 2025"
  kWeekdayDayMonth,  // "Monday, 24 March", "Monday 24 March 2025"
  kMonthDayYear,     // "March 22, 2025"
  kDayMonthYear,     // "22 March 2025", "22nd of March, 2025"
  kMonthDay,         // "March 22", "Sept. 3", "March 22nd"
  kDayMonth,         // "22 March", "22nd of March"
  kMonthYear,        // "March 2025", "early March 2025"
  kIso,              // "2025-03-22"
  kNumeric,          // "03/22/2025"
  kRelative,         // "last week", "earlier this month", "next year"
  kOffset,           // "two days ago", "a month earlier"
  kDayWord,          // "today", "the day before yesterday"
  kAnaphor,          // "the same day", "the previous day", "the day after"
  kWeekday,          // "Monday", "last Tuesday"
  kMonth,            // "March", "late March", "last March", "April last year"
  kYear,             // "2023", "early 2024"
};

struct DateFormSpec {
  DateForm form;
  const char* rule;     // DateMention::rule: "date:month-day"
  std::string pattern;  // RE2 syntax, with its capturing groups
};

// One spec per form, in DateForm order: a spec's index is its form's
// precedence.
std::vector<DateFormSpec> DateFormSpecs();

}  // namespace parley

#endif  // PARLEY_LIB_DATE_FORMS_H_

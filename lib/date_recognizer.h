// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Finds the calendar-date expressions of an English news text and
// normalizes each to a TIMEX3 value against the document date
// (corpus/ANNOTATION.md, "Dates").
//
//   parley::Result<parley::DateRecognizer> dates =
//       parley::DateRecognizer::Create();
//   parley::DateContext context;
//   context.document_date = parley::ParseCivilDate("2025-03-24");
//   for (const parley::DateMention& mention :
//        dates->Find(text, sentences, context)) {
//     // text.substr(mention.begin, mention.end - mention.begin) is
//     // "March 22", mention.value "2025-03-22", mention.rule
//     // "date:month-day".
//   }
//
// It does:
//   - weekdays ("Monday", "last Tuesday", "next Friday", "this Thursday"),
//     day words ("today", "yesterday", "tomorrow"), and days that refer
//     back to the last day mentioned ("the same day", "the previous day",
//     "the next day", "the day before");
//   - month and day in either order, with or without a year ("March 22",
//     "22nd of March", "Sept. 3", "Monday, March 24, 2025", "Tuesday 10
//     June"), datelines
//     ("ISLAMABAD, March 24 (Reuters) -"), ISO dates, slashed numeric dates
//     (only where DateContext::numeric_order allows a single reading);
//   - months ("in March", "March 2025", "late March", "last March") and
//     years ("in 2023", "early 2024");
//   - "last/this/next week/month/year", with "earlier"/"later"/"early"/
//     "late" before them, and counted amounts ("two days ago", "a month
//     earlier"; "earlier"/"later" count from the last date mentioned, "ago"
//     from the document date).
//
// Spans leave out prepositions and possessive endings and keep "earlier",
// "later", "early", "late" only before a week, month or year.
//
// A date whose year or day depends on tense (a bare weekday, month and
// day, or month) reads the nearest tense cue of its sentence, clause
// punctuation counting as distance: future after "will", "would", "is
// due", "scheduled", "planned", "expected", "ahead of", "plans to", "to
// meet", or a present-tense travel or schedule verb ("heads", "arrives",
// "takes over"); past after a past tense ("met", "-ed") and where no cue
// stands, the news default; the nearest date either side for a plan in the
// past perfect ("had planned to travel in February").  Repeated mentions of
// the same bare weekday, month and day, or month take one reading per
// document, that of the mention whose cue stands nearest.  A bare weekday
// that is the document date's own is the document date, in either tense.
//
// Values follow date_normalizer.h, X placeholders included when the
// context has no document date (a bare weekday is then XXXX-WXX-D).
//
// It does not: find durations ("for three months", "24 hours"), times of
// day, sets ("every Monday"), decades ("the 1990s"), weekends, seasons,
// holidays ("Good Friday") or ranges beyond their first date ("March 22-23"
// gives "March 22"); read "May", "March", "April" or "June" alone as a
// month without a preposition or modifier before it ("April Ryan said",
// "they may"); or merge mentions with equal values (the caller does).
//
// A DateRecognizer is immutable after Create(): Find() is const and may be
// called from many threads at once.  Copies share the compiled patterns.

#ifndef PARLEY_LIB_DATE_RECOGNIZER_H_
#define PARLEY_LIB_DATE_RECOGNIZER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "date_normalizer.h"
#include "parley/extractor.h"
#include "parley/status.h"

namespace parley {

// One date expression in a text.
struct DateMention {
  uint32_t begin = 0;  // byte offset into the text
  uint32_t end = 0;    // one past the last byte
  std::string value;   // TIMEX3: "2025-03-22", "2025-03", "2025", "2025-W12"
  std::string rule;    // what found it: "date:month-day", "date:weekday", ...

  friend bool operator==(const DateMention&, const DateMention&) = default;
};

// What dates are resolved against.
struct DateContext {
  // The day the text was written; nullopt keeps X placeholders.
  std::optional<CivilDate> document_date;
  NumericDateOrder numeric_order = NumericDateOrder::kUnambiguousOnly;
  UntensedDates untensed = UntensedDates::kPast;
};

class DateRecognizer {
 public:
  // Compiles the patterns.  Fails only with kInternal, for a pattern that
  // does not compile (a bug in parley).
  static Result<DateRecognizer> Create();

  // The date mentions of `text`, sorted by begin and not overlapping (the
  // longest expression wins).  `sentences` are the [begin, end) byte spans
  // of its sentences, sorted and not overlapping; tense is read within the
  // sentence of each mention, or within its line where no sentence holds
  // it.
  std::vector<DateMention> Find(
      std::string_view text,
      const std::vector<std::pair<uint32_t, uint32_t>>& sentences,
      const DateContext& context) const;

 private:
  struct Patterns;
  explicit DateRecognizer(std::shared_ptr<const Patterns> patterns);

  std::shared_ptr<const Patterns> patterns_;
};

}  // namespace parley

#endif  // PARLEY_LIB_DATE_RECOGNIZER_H_

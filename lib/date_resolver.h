// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Values parsed date expressions as TIMEX3, in text order, against the
// document date and the dates mentioned before them:
//
//   parley::DateResolver resolver(parley::ParseCivilDate("2025-03-24"),
//                                 parley::UntensedDates::kPast);
//   parley::DateExpression last_tuesday;
//   last_tuesday.form = parley::DateForm::kWeekday;
//   last_tuesday.weekday = parley::Weekday::kTuesday;
//   last_tuesday.modifier = parley::DateModifier::kLast;
//   resolver.Resolve(last_tuesday)->value;  // "2025-03-18"
//   // "the day before" (kAnaphor, amount -1, from_antecedent) is then
//   // "2025-03-17".
//
// The tense of an expression picks the relation its day or month stands
// in to the document date (date_normalizer.h, DateRelation): past on or
// before; future after for a weekday, on or after for a month and day or a
// month; a plan overtaken the nearest either side.
//
// It does not find or parse expressions in text, read their tense, or
// choose one reading for repeated mentions: DateRecognizer and
// TenseReader do.

#ifndef PARLEY_LIB_DATE_RESOLVER_H_
#define PARLEY_LIB_DATE_RESOLVER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "date_forms.h"
#include "date_normalizer.h"
#include "parley/extractor.h"
#include "tense_reader.h"

namespace parley {

enum class DateModifier { kNone, kLast, kThis, kNext };

// One candidate date, parsed but not yet valued.  `rule`, `begin` and
// `end` are carried for the mention made of it; the resolver does not read
// them.
struct DateExpression {
  DateForm form = DateForm::kYear;
  const char* rule = "";
  uint32_t begin = 0;
  uint32_t end = 0;
  int year = 0;   // 0: not written
  int month = 0;  // 0: not written
  int day = 0;    // 0: not written
  // A month's year counted from the document's: -1 in "April last year", 0
  // in "March this year", 1 in "May next year".
  std::optional<int> relative_year;
  Weekday weekday = Weekday::kMonday;
  DateModifier modifier = DateModifier::kNone;
  DateUnit unit = DateUnit::kDay;
  // The move in units: -1 for "yesterday", -3 for "three weeks earlier".
  int amount = 0;
  // The move counts from the last date mentioned, not the document date.
  bool from_antecedent = false;
  bool dateline = false;
  Tense tense = Tense::kNone;  // kNone: no cue; see UntensedDates
  // How far the cue that set `tense` stands; -1 for no cue.
  int cue_separation = -1;
};

// Whether the value of `e` depends on tense.
bool NeedsTense(const DateExpression& e);

// A leap year, for the arithmetic of a month and day whose year is unknown.
inline constexpr int kPlaceholderYear = 2000;

// A valued date, kept as an antecedent for those that refer back.
struct ResolvedDate {
  std::string value;
  DateUnit unit = DateUnit::kDay;
  // The date, or a day within its week, month or year; nullopt where the
  // value has placeholders other than the year.
  std::optional<CivilDate> date;
  // False where the year is a placeholder; `date` then holds a leap year.
  bool year_known = true;
};

// Values expressions in text order against a document date, remembering
// the last date of each unit for the expressions that refer back.  One
// resolver serves one document.
class DateResolver {
 public:
  // Without a document date, values keep X placeholders.
  DateResolver(const std::optional<CivilDate>& document_date,
               UntensedDates untensed)
      : doc_(document_date), untensed_(untensed) {}

  // The value of `e`, or nullopt when it has none ("the same day" with no
  // day before it, "February 29" near no leap year).
  std::optional<ResolvedDate> Resolve(const DateExpression& e);

 private:
  std::optional<ResolvedDate> ResolveDay(const DateExpression& e) const;
  ResolvedDate ResolveMonth(const DateExpression& e) const;
  ResolvedDate ResolveWeekday(const DateExpression& e) const;
  std::optional<ResolvedDate> ResolveMove(const DateExpression& e) const;
  // The most recent date at `unit` or finer, or nullptr.
  const ResolvedDate* Antecedent(DateUnit unit) const;

  std::optional<CivilDate> doc_;
  UntensedDates untensed_;
  // The last date of each unit, with its position in text order.
  std::array<std::optional<std::pair<size_t, ResolvedDate>>, 4> last_;
  size_t order_ = 0;
};

}  // namespace parley

#endif  // PARLEY_LIB_DATE_RESOLVER_H_

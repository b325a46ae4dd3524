// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Each form valued through the calendar arithmetic of date_normalizer.h;
// anaphors and counted moves from the latest date of their unit or finer.
//
// It does not check that an expression's parts make a date (the parser
// refuses "February 30" with a year): a resolver trusts what it is given.

#include "date_resolver.h"

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <utility>

namespace parley {
namespace {

// The relation a tense puts a date in; `future` is the one for the future,
// `untensed` says which to take when no tense is read.
DateRelation RelationOf(Tense tense, DateRelation future,
                        UntensedDates untensed) {
  if (tense == Tense::kNone) {
    tense = untensed == UntensedDates::kFuture    ? Tense::kFuture
            : untensed == UntensedDates::kNearest ? Tense::kOvertaken
                                                  : Tense::kPast;
  }
  switch (tense) {
    case Tense::kFuture:
      return future;
    case Tense::kOvertaken:
      return DateRelation::kNearest;
    default:
      return DateRelation::kOnOrBefore;
  }
}

}  // namespace

bool NeedsTense(const DateExpression& e) {
  switch (e.form) {
    case DateForm::kWeekday:
      return e.modifier == DateModifier::kNone ||
             e.modifier == DateModifier::kThis;
    case DateForm::kWeekdayMonthDay:
    case DateForm::kWeekdayDayMonth:
    case DateForm::kMonthDay:
    case DateForm::kDayMonth:
      return e.year == 0 && !e.dateline;
    case DateForm::kMonth:
      return e.modifier == DateModifier::kNone && !e.relative_year;
    default:
      return false;
  }
}

std::optional<ResolvedDate> DateResolver::Resolve(const DateExpression& e) {
  std::optional<ResolvedDate> r;
  switch (e.form) {
    case DateForm::kWeekdayMonthDay:
    case DateForm::kWeekdayDayMonth:
    case DateForm::kMonthDayYear:
    case DateForm::kDayMonthYear:
    case DateForm::kMonthDay:
    case DateForm::kDayMonth:
    case DateForm::kIso:
    case DateForm::kNumeric:
      r = ResolveDay(e);
      break;
    case DateForm::kMonthYear:
      r = ResolvedDate{FormatYearMonth(e.year, e.month), DateUnit::kMonth,
                       CivilDate{e.year, e.month, 1}};
      break;
    case DateForm::kMonth:
      r = ResolveMonth(e);
      break;
    case DateForm::kYear:
      r = ResolvedDate{FormatYear(e.year), DateUnit::kYear,
                       CivilDate{e.year, 1, 1}};
      break;
    case DateForm::kWeekday:
      r = ResolveWeekday(e);
      break;
    case DateForm::kRelative:
    case DateForm::kOffset:
    case DateForm::kDayWord:
    case DateForm::kAnaphor:
      r = ResolveMove(e);
      break;
  }
  if (r) last_[static_cast<int>(r->unit)] = std::make_pair(order_++, *r);
  return r;
}

std::optional<ResolvedDate> DateResolver::ResolveDay(
    const DateExpression& e) const {
  ResolvedDate r;
  if (e.year != 0) {
    r.date = CivilDate{e.year, e.month, e.day};
  } else if (!doc_) {
    r.date = CivilDate{kPlaceholderYear, e.month, e.day};
    r.year_known = false;
  } else {
    r.date = ResolveMonthDay(
        *doc_, e.month, e.day,
        RelationOf(e.tense, DateRelation::kOnOrAfter, untensed_));
    // "Monday, March 24": of the years around the document's, the one
    // nearest it whose March 24 is a Monday.
    if (e.form == DateForm::kWeekdayMonthDay ||
        e.form == DateForm::kWeekdayDayMonth) {
      const int64_t doc_days = DaysFromCivil(*doc_);
      for (int year = doc_->year - 1; year <= doc_->year + 1; ++year) {
        const CivilDate candidate{year, e.month, e.day};
        if (!IsValidCivilDate(candidate) || WeekdayOf(candidate) != e.weekday) {
          continue;
        }
        if (!r.date || WeekdayOf(*r.date) != e.weekday ||
            std::abs(DaysFromCivil(candidate) - doc_days) <
                std::abs(DaysFromCivil(*r.date) - doc_days)) {
          r.date = candidate;
        }
      }
    }
    if (!r.date) return std::nullopt;
  }
  r.value = r.year_known ? FormatCivilDate(*r.date)
                         : FormatUnknownYear(e.month, e.day);
  return r;
}

ResolvedDate DateResolver::ResolveMonth(const DateExpression& e) const {
  ResolvedDate r;
  r.unit = DateUnit::kMonth;
  if (!doc_) {
    r.value = FormatUnknownYear(e.month);
    return r;
  }
  if (e.relative_year) {
    const int year = doc_->year + *e.relative_year;
    r.date = CivilDate{year, e.month, 1};
    r.value = FormatYearMonth(year, e.month);
    return r;
  }
  DateRelation relation =
      RelationOf(e.tense, DateRelation::kOnOrAfter, untensed_);
  if (e.modifier == DateModifier::kLast) relation = DateRelation::kBefore;
  if (e.modifier == DateModifier::kNext) relation = DateRelation::kAfter;
  const int year = e.modifier == DateModifier::kThis
                       ? doc_->year
                       : ResolveMonthYear(*doc_, e.month, relation);
  r.date = CivilDate{year, e.month, 1};
  r.value = FormatYearMonth(year, e.month);
  return r;
}

ResolvedDate DateResolver::ResolveWeekday(const DateExpression& e) const {
  ResolvedDate r;
  if (!doc_) {
    r.value = FormatUnknownWeek(e.weekday);
    return r;
  }
  DateRelation relation = RelationOf(e.tense, DateRelation::kAfter, untensed_);
  switch (e.modifier) {
    case DateModifier::kLast:
      relation = DateRelation::kBefore;
      break;
    case DateModifier::kNext:
      relation = DateRelation::kAfter;
      break;
    case DateModifier::kThis:
      relation = RelationOf(e.tense, DateRelation::kOnOrAfter, untensed_);
      break;
    case DateModifier::kNone:
      // The document's own weekday is its day, said in either tense: a
      // week later would be "next Wednesday".
      if (e.weekday == WeekdayOf(*doc_)) relation = DateRelation::kOnOrBefore;
      break;
  }
  r.date = parley::ResolveWeekday(*doc_, e.weekday, relation);
  r.value = FormatCivilDate(*r.date);
  return r;
}

std::optional<ResolvedDate> DateResolver::ResolveMove(
    const DateExpression& e) const {
  const ResolvedDate* from = e.from_antecedent ? Antecedent(e.unit) : nullptr;
  ResolvedDate r;
  r.unit = e.unit;
  if (e.form == DateForm::kAnaphor) {
    // "The same day" needs a day to refer to.
    if (from == nullptr) return std::nullopt;
    if (e.amount == 0) return *from;
    if (!from->date) {
      r.value = UnknownValue(DateUnit::kDay);
      return r;
    }
  }
  if (from != nullptr && from->date) {
    r.date = from->date;
    r.year_known = from->year_known;
  } else if (doc_) {
    r.date = doc_;
  } else {
    r.value = UnknownValue(e.unit);
    return r;
  }
  if (!r.year_known) {
    // A month and day of an unknown year can move by days only.
    if (e.unit != DateUnit::kDay) {
      r.date.reset();
      r.value = UnknownValue(e.unit);
      return r;
    }
    r.date = AddDays(*r.date, e.amount);
    r.value = FormatUnknownYear(r.date->month, r.date->day);
    return r;
  }
  r.value = ShiftedValue(*r.date, e.unit, e.amount);
  switch (e.unit) {
    case DateUnit::kDay:
      r.date = AddDays(*r.date, e.amount);
      break;
    case DateUnit::kWeek:
      r.date = AddDays(*r.date, int64_t{7} * e.amount);
      break;
    case DateUnit::kMonth: {
      const int months = r.date->year * 12 + r.date->month - 1 + e.amount;
      r.date = CivilDate{months / 12, months % 12 + 1, 1};
      break;
    }
    case DateUnit::kYear:
      r.date = CivilDate{r.date->year + e.amount, 1, 1};
      break;
  }
  return r;
}

const ResolvedDate* DateResolver::Antecedent(DateUnit unit) const {
  const std::pair<size_t, ResolvedDate>* best = nullptr;
  for (int u = 0; u <= static_cast<int>(unit); ++u) {
    if (last_[u] && (best == nullptr || last_[u]->first > best->first)) {
      best = &*last_[u];
    }
  }
  return best == nullptr ? nullptr : &best->second;
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/date_forms.cc: one spec per form in precedence order, each
// pattern compiling, matching its English phrases whole with the groups
// the recognizer reads, and refusing lower-case month names and
// impossible day and year numbers.

#include "date_forms.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace parley {
namespace {

using ::testing::ElementsAre;

const DateFormSpec& Spec(DateForm form) {
  static const std::vector<DateFormSpec>* const specs =
      new std::vector<DateFormSpec>(DateFormSpecs());
  return (*specs)[static_cast<size_t>(form)];
}

// The groups of `form`'s pattern matched against all of `text` ("" for a
// group that took no part), or {"NO MATCH"}.
std::vector<std::string> Groups(DateForm form, std::string_view text) {
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 re(Spec(form).pattern, options);
  EXPECT_TRUE(re.ok()) << Spec(form).rule << ": " << re.error();
  std::array<re2::StringPiece, 8> groups;
  const int count = re.NumberOfCapturingGroups();
  if (count > static_cast<int>(groups.size()) ||
      !re.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(),
                RE2::ANCHOR_BOTH, groups.data(), count + 1)) {
    return {"NO MATCH"};
  }
  std::vector<std::string> parts;
  for (int i = 1; i <= count; ++i) {
    parts.emplace_back(groups[i].data(), groups[i].size());
  }
  return parts;
}

TEST(DateFormsTest, OneSpecPerFormInPrecedenceOrder) {
  const std::vector<DateFormSpec> specs = DateFormSpecs();
  ASSERT_EQ(specs.size(), static_cast<size_t>(DateForm::kYear) + 1);
  for (size_t i = 0; i < specs.size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(specs[i].form), i) << specs[i].rule;
  }
  EXPECT_STREQ(Spec(DateForm::kWeekdayMonthDay).rule, "date:weekday-month-day");
  EXPECT_STREQ(Spec(DateForm::kMonthDay).rule, "date:month-day");
  EXPECT_STREQ(Spec(DateForm::kYear).rule, "date:year");
}

TEST(DateFormsTest, MonthAndDay) {
  EXPECT_THAT(Groups(DateForm::kWeekdayMonthDay, "Monday, March 24, 2025"),
              ElementsAre("Monday", "March", "24", "2025"));
  EXPECT_THAT(Groups(DateForm::kWeekdayMonthDay, "Monday, March 24"),
              ElementsAre("Monday", "March", "24", ""));
  EXPECT_THAT(Groups(DateForm::kWeekdayDayMonth, "Tuesday, 10th of June 2025"),
              ElementsAre("Tuesday", "10", "June", "2025"));
  EXPECT_THAT(Groups(DateForm::kWeekdayDayMonth, "Friday 20 June"),
              ElementsAre("Friday", "20", "June", ""));
  EXPECT_THAT(Groups(DateForm::kMonthDay, "Sept. 3"),
              ElementsAre("Sept.", "3"));
  EXPECT_THAT(Groups(DateForm::kMonthDay, "March 22nd"),
              ElementsAre("March", "22"));
  EXPECT_THAT(Groups(DateForm::kDayMonthYear, "22nd of March, 2025"),
              ElementsAre("22", "March", "2025"));
  // A date may wrap at one line break, not two.
  EXPECT_THAT(Groups(DateForm::kMonthDay, "March\n22"),
              ElementsAre("March", "22"));
  EXPECT_THAT(Groups(DateForm::kMonthDay, "March\n\n22"),
              ElementsAre("NO MATCH"));
  EXPECT_THAT(Groups(DateForm::kMonthDay, "March 32"), ElementsAre("NO MATCH"));
  EXPECT_THAT(Groups(DateForm::kMonthDay, "march 22"), ElementsAre("NO MATCH"));
}

TEST(DateFormsTest, MonthsAndYears) {
  EXPECT_THAT(Groups(DateForm::kMonthYear, "early March 2025"),
              ElementsAre("March", "2025"));
  EXPECT_THAT(Groups(DateForm::kMonth, "late March"),
              ElementsAre("late", "", "March", ""));
  EXPECT_THAT(Groups(DateForm::kMonth, "mid-June"),
              ElementsAre("", "mid", "June", ""));
  EXPECT_THAT(Groups(DateForm::kMonth, "April last year"),
              ElementsAre("", "", "April", "last"));
  // Only full names stand alone as a month: "Mar" is no month.
  EXPECT_THAT(Groups(DateForm::kMonth, "Mar"), ElementsAre("NO MATCH"));
  EXPECT_THAT(Groups(DateForm::kYear, "Early 2024"),
              ElementsAre("Early", "", "2024"));
  EXPECT_THAT(Groups(DateForm::kYear, "2125"), ElementsAre("NO MATCH"));
  EXPECT_THAT(Groups(DateForm::kIso, "2025-03-22"),
              ElementsAre("2025", "03", "22"));
  EXPECT_THAT(Groups(DateForm::kNumeric, "3/22/2025"),
              ElementsAre("3", "22", "2025"));
}

TEST(DateFormsTest, RelativeDays) {
  EXPECT_THAT(Groups(DateForm::kRelative, "earlier this month"),
              ElementsAre("earlier", "this", "month"));
  EXPECT_THAT(Groups(DateForm::kOffset, "Two days ago"),
              ElementsAre("Two", "day", "ago"));
  EXPECT_THAT(Groups(DateForm::kOffset, "a month earlier"),
              ElementsAre("a", "month", "earlier"));
  EXPECT_THAT(Groups(DateForm::kDayWord, "the day before yesterday"),
              ElementsAre("", "before", ""));
  EXPECT_THAT(Groups(DateForm::kDayWord, "Tomorrow"),
              ElementsAre("Tomorrow", "", ""));
  EXPECT_THAT(Groups(DateForm::kAnaphor, "the same day"),
              ElementsAre("same", ""));
  EXPECT_THAT(Groups(DateForm::kAnaphor, "the day after"),
              ElementsAre("", "after"));
  EXPECT_THAT(Groups(DateForm::kWeekday, "last Tuesday"),
              ElementsAre("last", "Tuesday"));
  EXPECT_THAT(Groups(DateForm::kWeekday, "tuesday"), ElementsAre("NO MATCH"));
}

}  // namespace
}  // namespace parley

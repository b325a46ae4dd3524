// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/date_recognizer.cc: a table of sentences, each with a document
// date and the exact mention texts and values expected (none for the
// non-dates), then the rules, byte offsets, numeric date orders, sentence
// boundaries, documents without a date, and concurrent use.

#include "date_recognizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace parley {

void PrintTo(const DateMention& mention, std::ostream* os) {
  *os << "{" << mention.begin << ", " << mention.end << ", " << mention.value
      << ", " << mention.rule << "}";
}

namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using ::testing::Pair;

using Spans = std::vector<std::pair<uint32_t, uint32_t>>;
using TextValue = std::pair<std::string, std::string>;

const DateRecognizer& Recognizer() {
  static const DateRecognizer* const recognizer = [] {
    Result<DateRecognizer> created = DateRecognizer::Create();
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return new DateRecognizer(std::move(created).value());
  }();
  return *recognizer;
}

DateContext Context(
    std::string_view document_date,
    NumericDateOrder order = NumericDateOrder::kUnambiguousOnly) {
  DateContext context;
  if (!document_date.empty()) {
    context.document_date = ParseCivilDate(document_date);
    EXPECT_TRUE(context.document_date.has_value()) << document_date;
  }
  context.numeric_order = order;
  return context;
}

// Sentence spans that end after ". " and at line ends: enough for test
// texts without abbreviations.
Spans SplitSentences(std::string_view text) {
  Spans spans;
  size_t begin = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool end_of_text = i == text.size();
    const bool line_end = !end_of_text && text[i] == '\n';
    const bool full_stop = !end_of_text && text[i] == '.' &&
                           i + 1 < text.size() && text[i + 1] == ' ';
    if (end_of_text || line_end || full_stop) {
      const size_t end = full_stop ? i + 1 : i;
      if (end > begin)
        spans.push_back(
            {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
      begin = end + 1;
    }
  }
  return spans;
}

std::vector<TextValue> Dates(std::string_view text,
                             const DateContext& context) {
  std::vector<TextValue> found;
  for (const DateMention& mention :
       Recognizer().Find(text, SplitSentences(text), context)) {
    found.emplace_back(
        std::string(text.substr(mention.begin, mention.end - mention.begin)),
        mention.value);
  }
  return found;
}

struct Case {
  const char* text;
  const char* document_date;
  std::vector<TextValue> expected;
};

// The document date of most cases, 2025-06-11, is a Wednesday in ISO week
// 2025-W24.
constexpr char kWednesday[] = "2025-06-11";

const Case kCases[] = {
    // Year ends, leap days and ISO week 53.
    {"The talks were held on Monday.",
     "2025-01-01",
     {{"Monday", "2024-12-30"}}},
    {"The envoy will arrive on Friday.",
     "2024-12-30",
     {{"Friday", "2025-01-03"}}},
    {"The minister returns next week.",
     "2020-12-22",
     {{"next week", "2020-W53"}}},
    {"The summit was held last week.",
     "2021-01-05",
     {{"last week", "2020-W53"}}},
    {"The treaty was signed on February 29.",
     "2024-03-05",
     {{"February 29", "2024-02-29"}}},
    {"The treaty was signed on Feb. 29, 2024.",
     "2025-06-11",
     {{"Feb. 29, 2024", "2024-02-29"}}},
    // A weekday before a day and month: the year that gives that weekday.
    {"The summit was held on Tuesday, 10 June, in Brussels.",
     "2025-06-15",
     {{"Tuesday, 10 June", "2025-06-10"}}},
    {"The president will visit on Friday 19 June.",
     "2025-06-15",
     {{"Friday 19 June", "2026-06-19"}}},
    {"The cabinet met on December 31.",
     "2025-01-02",
     {{"December 31", "2024-12-31"}}},
    {"The talks will resume on January 2.",
     "2024-12-30",
     {{"January 2", "2025-01-02"}}},
    // A month with its year counted from the document's.
    {"Leaders met in April last year and will meet in May next year.",
     kWednesday,
     {{"April last year", "2024-04"}, {"May next year", "2026-05"}}},
    {"Exports grew in March this year.",
     kWednesday,
     {{"March this year", "2025-03"}}},
    // The end of a range is in the time of its start, whatever cue is
    // nearer it.
    {"He will tour the region from July 2 to July 6, the ministry said.",
     kWednesday,
     {{"July 2", "2025-07-02"}, {"July 6", "2025-07-06"}}},
    {"The envoys will meet on Thursday or Friday, officials said.",
     kWednesday,
     {{"Thursday", "2025-06-12"}, {"Friday", "2025-06-13"}}},
    // Day words that refer back: "the previous day" and "a month earlier"
    // count from the date before them.
    {"The ministers met on June 2. The previous day, the envoys arrived.",
     kWednesday,
     {{"June 2", "2025-06-02"}, {"The previous day", "2025-06-01"}}},
    {"The accord was signed on May 20. A month earlier, talks had stalled.",
     kWednesday,
     {{"May 20", "2025-05-20"}, {"A month earlier", "2025-04"}}},
    // A dateline without a date is no date.
    {"KABUL (AP) — The minister arrived.", kWednesday, {}},
    // Weekdays: past tense on or before the document date, future strictly
    // after, "last"/"next" strictly before/after, "this" in the tense.
    {"The envoy met the minister on Monday.",
     kWednesday,
     {{"Monday", "2025-06-09"}}},
    {"The minister will travel to Oslo on Friday.",
     kWednesday,
     {{"Friday", "2025-06-13"}}},
    {"The talks were held last Tuesday.",
     kWednesday,
     {{"last Tuesday", "2025-06-10"}}},
    {"The delegation arrives next Friday.",
     kWednesday,
     {{"next Friday", "2025-06-13"}}},
    {"Last Thursday, the rebels withdrew.",
     kWednesday,
     {{"Last Thursday", "2025-06-05"}}},
    {"The leaders are due to meet this Thursday.",
     kWednesday,
     {{"this Thursday", "2025-06-12"}}},
    {"The council met this Monday.",
     kWednesday,
     {{"this Monday", "2025-06-09"}}},
    {"The summit, scheduled for Saturday, follows talks held on Tuesday.",
     kWednesday,
     {{"Saturday", "2025-06-14"}, {"Tuesday", "2025-06-10"}}},
    {"The premier arrives in Rome on Sunday.",
     kWednesday,
     {{"Sunday", "2025-06-15"}}},
    {"They agreed to meet on Thursday.",
     kWednesday,
     {{"Thursday", "2025-06-12"}}},
    {"The budget vote, led by the speaker on Monday, passed.",
     kWednesday,
     {{"Monday", "2025-06-09"}}},
    {"Talks went ahead on Monday.", kWednesday, {{"Monday", "2025-06-09"}}},
    {"The flight was delayed due to a storm on Friday.",
     kWednesday,
     {{"Friday", "2025-06-06"}}},
    // A plan in the past perfect may have been for either side: the
    // nearest day or month.
    {"He had hoped to meet the king on Friday.",
     kWednesday,
     {{"Friday", "2025-06-13"}}},
    {"The envoy had planned to travel in February but stayed home.",
     kWednesday,
     {{"February", "2025-02"}}},
    {"Talks had been scheduled for May 20 but were delayed.",
     kWednesday,
     {{"May 20", "2025-05-20"}}},
    // The document's own weekday is the document date, in either tense.
    {"Later on Wednesday, the president flew to Rome.",
     kWednesday,
     {{"Wednesday", "2025-06-11"}}},
    {"The minister will speak on Wednesday.",
     kWednesday,
     {{"Wednesday", "2025-06-11"}}},
    {"Tuesday's vote was close.", kWednesday, {{"Tuesday", "2025-06-10"}}},
    // One reading per weekday in a document: the nearest cue decides.
    {"The rivals proposed a meeting on Friday. Aides said the two would "
     "meet on Friday in Geneva.",
     kWednesday,
     {{"Friday", "2025-06-13"}, {"Friday", "2025-06-13"}}},

    // Day words and the days that refer back.
    {"Officials confirmed the deal yesterday and will sign it tomorrow, a "
     "spokesman said today.",
     kWednesday,
     {{"yesterday", "2025-06-10"},
      {"tomorrow", "2025-06-12"},
      {"today", "2025-06-11"}}},
    {"Today's ceasefire follows one agreed the day before yesterday.",
     kWednesday,
     {{"Today", "2025-06-11"}, {"the day before yesterday", "2025-06-09"}}},
    {"The envoy arrived in Doha on June 3. He met the emir the next day and "
     "left the same day.",
     kWednesday,
     {{"June 3", "2025-06-03"},
      {"the next day", "2025-06-04"},
      {"the same day", "2025-06-04"}}},
    {"The ministers signed the accord on May 30. They had agreed on the "
     "wording the day before.",
     kWednesday,
     {{"May 30", "2025-05-30"}, {"the day before", "2025-05-29"}}},
    {"The rebels freed a hostage on Saturday and a second one the following "
     "day.",
     kWednesday,
     {{"Saturday", "2025-06-07"}, {"the following day", "2025-06-08"}}},
    {"Both teams trained again the same day.", kWednesday, {}},
    {"Protesters gathered on June 1, the day before the vote.",
     kWednesday,
     {{"June 1", "2025-06-01"}}},
    {"A runoff will be held on June 29, the same day as the referendum.",
     kWednesday,
     {{"June 29", "2025-06-29"}}},

    // Months and days.
    {"Talks resumed on March 22.", kWednesday, {{"March 22", "2025-03-22"}}},
    {"The accord was signed on 22 March.",
     kWednesday,
     {{"22 March", "2025-03-22"}}},
    {"The treaty was ratified on March 22, 2019.",
     kWednesday,
     {{"March 22, 2019", "2019-03-22"}}},
    {"The treaty entered into force on 1 July 2019.",
     kWednesday,
     {{"1 July 2019", "2019-07-01"}}},
    {"Parliament approved it on the 22nd of March.",
     kWednesday,
     {{"22nd of March", "2025-03-22"}}},
    {"Parliament approved the plan on Feb. 17 and the budget on Sept. 3.",
     kWednesday,
     {{"Feb. 17", "2025-02-17"}, {"Sept. 3", "2024-09-03"}}},
    {"The cabinet met on Dec 30th.", kWednesday, {{"Dec 30th", "2024-12-30"}}},
    {"Voters will go to the polls on October 5.",
     kWednesday,
     {{"October 5", "2025-10-05"}}},
    {"Trump called off the summit planned for January 15.",
     kWednesday,
     {{"January 15", "2026-01-15"}}},
    {"Parliament approved the plan on Feb. 10.",
     kWednesday,
     {{"Feb. 10", "2025-02-10"}}},
    {"The election on July 2 was close.",
     kWednesday,
     {{"July 2", "2024-07-02"}}},
    {"Campaigning ends ahead of the vote on June 20.",
     kWednesday,
     {{"June 20", "2025-06-20"}}},
    {"The vote took place on Monday, March 3.",
     kWednesday,
     {{"Monday, March 3", "2025-03-03"}}},
    {"The pact was signed on Friday, March 7, 2014.",
     kWednesday,
     {{"Friday, March 7, 2014", "2014-03-07"}}},
    {"Fighting paused from May 12-14.", kWednesday, {{"May 12", "2025-05-12"}}},
    {"GENEVA, June 10 (Reuters) - Negotiators resumed work.",
     kWednesday,
     {{"June 10", "2025-06-10"}}},
    {"The notice was posted 2025-06-02.",
     kWednesday,
     {{"2025-06-02", "2025-06-02"}}},
    {"The decree dated 23/04/2025 took effect and the order of 04/24/2025 "
     "followed.",
     kWednesday,
     {{"23/04/2025", "2025-04-23"}, {"04/24/2025", "2025-04-24"}}},
    {"The memo dated 03/04/2025 leaked.", kWednesday, {}},

    // Months.
    {"Inflation peaked in March 2025.",
     kWednesday,
     {{"March 2025", "2025-03"}}},
    {"The law was passed in March.", kWednesday, {{"March", "2025-03"}}},
    {"In May, the talks stalled.", kWednesday, {{"May", "2025-05"}}},
    {"In April Xi visited Paris.", kWednesday, {{"April", "2025-04"}}},
    {"The ministers will meet again in September.",
     kWednesday,
     {{"September", "2025-09"}}},
    {"Elections are planned for May.", kWednesday, {{"May", "2026-05"}}},
    {"Fighting resumed in December.", kWednesday, {{"December", "2024-12"}}},
    {"Prices rose in August and September.",
     kWednesday,
     {{"August", "2024-08"}, {"September", "2024-09"}}},
    {"Output slowed in late March and will recover by mid-July.",
     kWednesday,
     {{"late March", "2025-03"}, {"mid-July", "2025-07"}}},
    {"The plant closed last March and will reopen next March.",
     kWednesday,
     {{"last March", "2025-03"}, {"next March", "2026-03"}}},
    {"The plan dates from early June 2023.",
     kWednesday,
     {{"early June 2023", "2023-06"}}},

    // Years.
    {"The border has been closed since 2019.", kWednesday, {{"2019", "2019"}}},
    {"The 2024 elections reshaped parliament.", kWednesday, {{"2024", "2024"}}},
    {"He led the bank from 2013 to 2020.",
     kWednesday,
     {{"2013", "2013"}, {"2020", "2020"}}},
    {"The pipeline should open in early 2026.",
     kWednesday,
     {{"early 2026", "2026"}}},
    {"Growth stalled in mid-2024.", kWednesday, {{"mid-2024", "2024"}}},
    {"Pakistan's 2023 budget was cut.", kWednesday, {{"2023", "2023"}}},
    {"A 2021 meeting ended in acrimony.", kWednesday, {{"2021", "2021"}}},

    // Last, this and next week, month and year.
    {"Trade grew last year and is expected to slow this year and next "
     "year.",
     kWednesday,
     {{"last year", "2024"}, {"this year", "2025"}, {"next year", "2026"}}},
    {"The minister resigned last week, and her successor takes office next "
     "week.",
     kWednesday,
     {{"last week", "2025-W23"}, {"next week", "2025-W25"}}},
    {"Prices fell earlier this month and may rise later this week.",
     kWednesday,
     {{"earlier this month", "2025-06"}, {"later this week", "2025-W24"}}},
    {"Exports dropped last month; talks resume early next year.",
     kWednesday,
     {{"last month", "2025-05"}, {"early next year", "2026"}}},
    {"Last year's floods hit the south this week.",
     kWednesday,
     {{"Last year", "2024"}, {"this week", "2025-W24"}}},
    {"The army said next month's drills were cancelled.",
     kWednesday,
     {{"next month", "2025-07"}}},
    {"Late last year, the two sides resumed contact.",
     kWednesday,
     {{"Late last year", "2024"}}},

    // Counted moves: "ago" from the document date, "earlier"/"later" from
    // the last date mentioned, else from the document date.
    {"The blockade began two days ago.",
     kWednesday,
     {{"two days ago", "2025-06-09"}}},
    {"The talks collapsed a month ago.",
     kWednesday,
     {{"a month ago", "2025-05"}}},
    {"The envoys first met three weeks ago.",
     kWednesday,
     {{"three weeks ago", "2025-W21"}}},
    {"The ministers met on June 2. Three weeks later, the treaty was signed.",
     kWednesday,
     {{"June 2", "2025-06-02"}, {"Three weeks later", "2025-W26"}}},
    {"The accord was signed in March 2024. A year later, it collapsed.",
     kWednesday,
     {{"March 2024", "2024-03"}, {"A year later", "2025"}}},
    {"The truce began on May 1. Two days earlier, shelling had stopped.",
     kWednesday,
     {{"May 1", "2025-05-01"}, {"Two days earlier", "2025-04-29"}}},
    {"A day earlier, the cabinet resigned.",
     kWednesday,
     {{"A day earlier", "2025-06-10"}}},
    {"Voting ends in 2 months, 10 days after the census.", kWednesday, {}},

    // Not dates.
    {"The siege lasted for three months.", kWednesday, {}},
    {"The truce held for months.", kWednesday, {}},
    {"Talks went on for 24 hours.", kWednesday, {}},
    {"He had served for two years before.", kWednesday, {}},
    {"The meeting began at 3 p.m. and ended at 17:30.", kWednesday, {}},
    {"The council meets every Monday.", kWednesday, {}},
    {"Markets close on Sundays.", kWednesday, {}},
    {"Shoppers crowded the stores on Black Friday.", kWednesday, {}},
    {"The two sides signed 22 agreements.", kWednesday, {}},
    {"The minister may visit Kabul.", kWednesday, {}},
    {"May they succeed, the bishop said.", kWednesday, {}},
    {"Thousands joined the march to the capital.", kWednesday, {}},
    {"March organizers said police blocked the road.", kWednesday, {}},
    {"April Ryan asked about the talks.", kWednesday, {}},
    {"June Carter sang at the gala.", kWednesday, {}},
    {"The prize went to a poem for April Ryan.", kWednesday, {}},
    {"The feud dates back to the 1990s.", kWednesday, {}},
    {"The feud dates back to the 1990's.", kWednesday, {}},
    {"The deployment of 2000 troops began.", kWednesday, {}},
    {"Saudi Vision 2030 aims to diversify the economy.", kWednesday, {}},
    {"Inspectors will visit over the next week.", kWednesday, {}},
    {"Revenue grew 12% over the last year.", kWednesday, {}},
    {"The 2024-25 season ended.", kWednesday, {}},
    {"Each Friday, the market closes early.", kWednesday, {}},
    {"The last Monday of the month is a holiday.", kWednesday, {}},
    {"Two days before the election, the polls closed.", kWednesday, {}},
    {"A ruling is due in 2 days.", kWednesday, {}},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.text; }

class DateTableTest : public ::testing::TestWithParam<Case> {};

TEST_P(DateTableTest, FindsExactlyTheExpectedDates) {
  const Case& c = GetParam();
  EXPECT_THAT(Dates(c.text, Context(c.document_date)),
              ElementsAreArray(c.expected))
      << c.text;
}

INSTANTIATE_TEST_SUITE_P(Sentences, DateTableTest, ::testing::ValuesIn(kCases));

TEST(DateRecognizerTest, RulesAndByteOffsets) {
  // Multi-byte characters before the dates: offsets count bytes.
  const std::string text =
      "ANKARA, June 10 - Türkiye’s envoy met Erdoğan on Monday; the "
      "ministers met on 2025-06-02 and the same day.";
  const std::vector<DateMention> mentions = Recognizer().Find(
      text, {{0, static_cast<uint32_t>(text.size())}}, Context(kWednesday));
  ASSERT_EQ(mentions.size(), 4u);
  const size_t monday = text.find("Monday");
  const size_t iso = text.find("2025-06-02");
  const size_t same = text.find("the same day");
  EXPECT_EQ(mentions[0], (DateMention{8, 15, "2025-06-10", "date:dateline"}));
  EXPECT_EQ(mentions[1], (DateMention{static_cast<uint32_t>(monday),
                                      static_cast<uint32_t>(monday + 6),
                                      "2025-06-09", "date:weekday"}));
  EXPECT_EQ(mentions[2], (DateMention{static_cast<uint32_t>(iso),
                                      static_cast<uint32_t>(iso + 10),
                                      "2025-06-02", "date:iso"}));
  EXPECT_EQ(mentions[3], (DateMention{static_cast<uint32_t>(same),
                                      static_cast<uint32_t>(same + 12),
                                      "2025-06-02", "date:anaphor"}));
}

TEST(DateRecognizerTest, RuleNames) {
  auto rules = [](std::string_view text) {
    std::vector<std::string> names;
    for (const DateMention& mention :
         Recognizer().Find(text, SplitSentences(text), Context(kWednesday))) {
      names.push_back(mention.rule);
    }
    return names;
  };
  EXPECT_THAT(rules("On March 22, 22 March, March 22, 2019 and 2 May 2019."),
              ElementsAre("date:month-day", "date:day-month",
                          "date:month-day-year", "date:day-month-year"));
  EXPECT_THAT(rules("In June 2020, in June, in 2021, on Monday, today."),
              ElementsAre("date:month-year", "date:month", "date:year",
                          "date:weekday", "date:day-word"));
  EXPECT_THAT(rules("Last week, two days ago, the next day, Monday, May 5."),
              ElementsAre("date:relative", "date:offset", "date:anaphor",
                          "date:weekday-month-day"));
  EXPECT_THAT(rules("On Tuesday, 10 June, and on Friday 20 June 2025."),
              ElementsAre("date:weekday-day-month", "date:weekday-day-month"));
  EXPECT_THAT(rules("Dated 2025-01-02 and 13/01/2025."),
              ElementsAre("date:iso", "date:numeric"));
}

TEST(DateRecognizerTest, NumericOrderOption) {
  const std::string text = "The memo dated 03/04/2025 leaked.";
  EXPECT_THAT(Dates(text, Context(kWednesday)), IsEmpty());
  EXPECT_THAT(Dates(text, Context(kWednesday, NumericDateOrder::kMonthFirst)),
              ElementsAre(Pair("03/04/2025", "2025-03-04")));
  EXPECT_THAT(Dates(text, Context(kWednesday, NumericDateOrder::kDayFirst)),
              ElementsAre(Pair("03/04/2025", "2025-04-03")));
  // One reading only: the order does not matter.
  EXPECT_THAT(Dates("Dated 05/05/2025.", Context(kWednesday)),
              ElementsAre(Pair("05/05/2025", "2025-05-05")));
  EXPECT_THAT(Dates("Dated 31/02/2025.", Context(kWednesday)), IsEmpty());
}

TEST(DateRecognizerTest, UntensedDatesOption) {
  const std::string text = "Talks resume on January 2 and on Friday.";
  DateContext context = Context("2024-12-30");
  EXPECT_THAT(Dates(text, context), ElementsAre(Pair("January 2", "2024-01-02"),
                                                Pair("Friday", "2024-12-27")));
  context.untensed = UntensedDates::kFuture;
  EXPECT_THAT(Dates(text, context), ElementsAre(Pair("January 2", "2025-01-02"),
                                                Pair("Friday", "2025-01-03")));
  context.untensed = UntensedDates::kNearest;
  EXPECT_THAT(Dates(text, context), ElementsAre(Pair("January 2", "2025-01-02"),
                                                Pair("Friday", "2024-12-27")));
  // A tense the sentence states wins over the option.
  EXPECT_THAT(Dates("Talks resumed on January 2.", context),
              ElementsAre(Pair("January 2", "2024-01-02")));
}

TEST(DateRecognizerTest, TenseIsReadPerSentence) {
  const std::string text =
      "The minister will speak. On Friday, the envoy left.";
  EXPECT_THAT(Dates(text, Context(kWednesday)),
              ElementsAre(Pair("Friday", "2025-06-06")));
  // Read as one sentence, "will" is the nearest cue.
  EXPECT_THAT(Recognizer().Find(text, {{0, static_cast<uint32_t>(text.size())}},
                                Context(kWednesday)),
              ElementsAre(DateMention{28, 34, "2025-06-13", "date:weekday"}));
}

TEST(DateRecognizerTest, WithoutDocumentDateKeepsPlaceholders) {
  EXPECT_THAT(
      Dates("The talks on March 22 ended. They met on Monday, and prices rose "
            "last week. The plan was approved yesterday, in March, and in "
            "March 2023. It lapsed two years ago.",
            Context("")),
      ElementsAre(Pair("March 22", "XXXX-03-22"), Pair("Monday", "XXXX-WXX-1"),
                  Pair("last week", "XXXX-WXX"),
                  Pair("yesterday", "XXXX-XX-XX"), Pair("March", "XXXX-03"),
                  Pair("March 2023", "2023-03"),
                  Pair("two years ago", "XXXX")));
  EXPECT_THAT(
      Dates("They met on March 22, 2025 and again the next day.", Context("")),
      ElementsAre(Pair("March 22, 2025", "2025-03-22"),
                  Pair("the next day", "2025-03-23")));
  EXPECT_THAT(
      Dates("They met on March 31 and again the next day.", Context("")),
      ElementsAre(Pair("March 31", "XXXX-03-31"),
                  Pair("the next day", "XXXX-04-01")));
}

// The commonest shapes ("March 22", "last week", "late October") in other
// spellings (abbreviations, capitals, line breaks, no-break spaces), and
// near misses.
TEST(DateRecognizerTest, SpellingsOfCommonShapes) {
  auto dates = [](std::string_view text) {
    std::vector<TextValue> found;
    for (const DateMention& mention :
         Recognizer().Find(text, {{0, static_cast<uint32_t>(text.size())}},
                           Context(kWednesday))) {
      found.emplace_back(
          std::string(text.substr(mention.begin, mention.end - mention.begin)),
          mention.value);
    }
    return found;
  };
  EXPECT_THAT(dates("They met on Sept. 3, on March\r\n22nd and on Dec\u00A005 "
                    "before talks on May 31st."),
              ElementsAre(Pair("Sept. 3", "2024-09-03"),
                          Pair("March\r\n22nd", "2025-03-22"),
                          Pair("Dec\u00A005", "2024-12-05"),
                          Pair("May 31st", "2025-05-31")));
  EXPECT_THAT(dates("It was agreed EARLIER THIS MONTH and will be reviewed "
                    "Later  next\tyear."),
              ElementsAre(Pair("EARLIER THIS MONTH", "2025-06"),
                          Pair("Later  next\tyear", "2026")));
  EXPECT_THAT(dates("Last Tuesday, this Thursday, late October and LAST March "
                    "were busy."),
              ElementsAre(Pair("Last Tuesday", "2025-06-10"),
                          Pair("this Thursday", "2025-06-05"),
                          Pair("late October", "2024-10"),
                          Pair("LAST March", "2025-03")));
  // Two line breaks end a date; days beyond 31 or of 00 are no days.
  EXPECT_THAT(dates("On March\n\n22 they met, and on March 32 and March 00 "
                    "nothing happened."),
              ElementsAre(Pair("March", "2025-03"), Pair("March", "2025-03")));
}

// Spans of one word (a weekday, a month, a year, a day word) are valued
// without the RE2 of their form: the same words glued to others, in other
// cases, or out of range are still no dates, and the same words inside a
// longer date still take that date's form.
TEST(DateRecognizerTest, DatesOfOneWord) {
  const std::string text =
      "TODAY, Yesterday and tomorrow; in 1850, in 1999 and 2099, not in 1776, "
      "2100 or 2024_25; on Monday, not Monday_2 or monday; in June, not "
      "Junes; on Friday, June 13, and in 2024-06-13; then Sunday";
  std::vector<std::string> rules;
  std::vector<TextValue> found;
  for (const DateMention& mention :
       Recognizer().Find(text, {}, Context(kWednesday))) {
    rules.push_back(mention.rule);
    found.emplace_back(
        std::string(text.substr(mention.begin, mention.end - mention.begin)),
        mention.value);
  }
  EXPECT_THAT(
      found,
      ElementsAre(Pair("TODAY", "2025-06-11"), Pair("Yesterday", "2025-06-10"),
                  Pair("tomorrow", "2025-06-12"), Pair("1850", "1850"),
                  Pair("1999", "1999"), Pair("2099", "2099"),
                  Pair("Monday", "2025-06-09"), Pair("June", "2025-06"),
                  Pair("Friday, June 13", "2025-06-13"),
                  Pair("2024-06-13", "2024-06-13"),
                  Pair("Sunday", "2025-06-08")));
  EXPECT_THAT(rules,
              ElementsAre("date:day-word", "date:day-word", "date:day-word",
                          "date:year", "date:year", "date:year", "date:weekday",
                          "date:month", "date:weekday-month-day", "date:iso",
                          "date:weekday"));
}

// The commonest forms of more than one word are read from their runs of
// letters and digits where they are ASCII, and captured by their RE2 where
// a no-break space stands in them: both give the same values.
TEST(DateRecognizerTest, DatesOfSeveralWordsWithAndWithoutNoBreakSpaces) {
  const TextValue kDates[] = {{"Monday, March 24th, 2025", "2025-03-24"},
                              {"Tuesday 25 March", "2025-03-25"},
                              {"Sept. 3, 2024", "2024-09-03"},
                              {"March 22nd", "2025-03-22"},
                              {"earlier this month", "2025-06"},
                              {"next week", "2025-W25"},
                              {"last Monday", "2025-06-09"},
                              {"This Friday", "2025-06-06"},
                              {"22nd of March", "2025-03-22"},
                              {"3 Sept.", "2024-09-03"},
                              {"mid-March 2024", "2024-03"},
                              {"Early March, 2024", "2024-03"},
                              {"March of 2024", "2024-03"}};
  for (const auto& [date, value] : kDates) {
    for (const bool no_break : {false, true}) {
      std::string spelling = date;
      if (no_break) spelling.replace(spelling.find(' '), 1, "\u00A0");
      EXPECT_THAT(Dates("They met on " + spelling + ".", Context(kWednesday)),
                  ElementsAre(Pair(spelling, value)));
    }
  }
  // ISO dates have no space; "midMarch" is one run of letters.
  EXPECT_THAT(Dates("They met on 2024-03-22 and in midMarch 2024 and "
                    "MIDMay 2024.",
                    Context(kWednesday)),
              ElementsAre(Pair("2024-03-22", "2024-03-22"),
                          Pair("midMarch 2024", "2024-03"),
                          Pair("MIDMay 2024", "2024-05")));
}

TEST(DateRecognizerTest, LinesWithoutSentencesAndEmptyText) {
  const std::string text = "Officials met on Monday\nand will meet on Friday";
  EXPECT_THAT(Recognizer().Find(text, {}, Context(kWednesday)),
              ElementsAre(DateMention{17, 23, "2025-06-09", "date:weekday"},
                          DateMention{41, 47, "2025-06-13", "date:weekday"}));
  EXPECT_THAT(Recognizer().Find("", {}, Context(kWednesday)), IsEmpty());
}

TEST(DateRecognizerTest, SharedAcrossThreads) {
  const std::string text =
      "The envoy met the minister on Monday and will return on June 30. "
      "Talks resumed on March 22, 2025, two days ago and last week.";
  const Spans sentences = SplitSentences(text);
  const std::vector<DateMention> expected =
      Recognizer().Find(text, sentences, Context(kWednesday));
  ASSERT_EQ(expected.size(), 5u);
  const DateRecognizer copy = Recognizer();
  std::vector<std::thread> threads;
  std::array<bool, 4> same{};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      bool all = true;
      for (int i = 0; i < 200; ++i) {
        all =
            all && copy.Find(text, sentences, Context(kWednesday)) == expected;
      }
      same[t] = all;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(same, ElementsAre(true, true, true, true));
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The records built from findings: here the meetings, whose participants
// and dates refer to the country and date records by their values.

#include "record_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "meeting_finder.h"
#include "parley/records.h"

namespace parley {
namespace {

Document CountriesAndDates() {
  Document document;
  document.countries = {Country{.id = "C1", .code = "PK"},
                        Country{.id = "C2", .code = "CN"},
                        Country{.id = "C3", .code = "AF"}};
  document.dates = {Date{.id = "D1", .value = "2025-03-22"},
                    Date{.id = "D2", .value = "2025-03"},
                    Date{.id = "D3", .value = "2025"}};
  return document;
}

TEST(BuildMeetingRecordsTest, ParticipantsAndDatesReferToRecordsByValue) {
  const Document document = CountriesAndDates();
  const std::vector<MeetingFinding> findings = {
      {.participants = {{.person = 0}, {.country = "CN", .role = "host"}},
       .date = "2025-03",
       .rule = "meeting-a"},
      // No record for "IN": left out, and one party is too few.
      {.participants = {{.country = "AF"}, {.country = "IN"}},
       .date = "2025-03-22",
       .rule = "meeting-b"},
      // A date with no record of its own gives the meeting none.
      {.participants = {{.country = "AF"}, {.person = 2}},
       .date = "2024",
       .rule = "meeting-c"}};
  const std::vector<Meeting> meetings =
      BuildMeetingRecords(findings, document);
  ASSERT_EQ(meetings.size(), 2u);
  EXPECT_EQ(meetings[0].id, "M1");
  EXPECT_EQ(meetings[0].participants,
            (std::vector<std::string>{"P1", "C2"}));
  ASSERT_EQ(meetings[0].roles.size(), 1u);
  EXPECT_EQ(meetings[0].roles[0].participant, "C2");
  EXPECT_EQ(meetings[0].date, "D2");
  EXPECT_EQ(meetings[0].evidence.rule, "meeting-a");
  EXPECT_EQ(meetings[1].id, "M2");
  EXPECT_EQ(meetings[1].participants,
            (std::vector<std::string>{"C3", "P3"}));
  EXPECT_EQ(meetings[1].date, std::nullopt);
}

TEST(BuildMeetingRecordsTest, NoCountriesOrDates) {
  const std::vector<MeetingFinding> findings = {
      {.participants = {{.person = 1}, {.country = "PK"}}, .date = "2025"}};
  const std::vector<Meeting> meetings = BuildMeetingRecords(findings, {});
  EXPECT_TRUE(meetings.empty());
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Meetings through the whole pipeline with the default gazetteers and
// rules: each form as a sentence with its exact record.

#include "meeting_finder.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "parley/extractor.h"

namespace parley {
namespace {

// A meeting with its participants, roles and date resolved to names,
// codes and values.
struct MeetingView {
  std::string kind;
  std::vector<std::string> participants;
  std::optional<std::string> date;
  std::optional<std::string> location;
  std::string status = "happened";
  std::map<std::string, std::string> roles;
  std::string rule;

  friend bool operator==(const MeetingView&, const MeetingView&) = default;
  friend std::ostream& operator<<(std::ostream& out, const MeetingView& m) {
    out << m.kind << " [";
    for (const std::string& p : m.participants) out << p << ";";
    out << "] " << m.date.value_or("-") << " " << m.location.value_or("-")
        << " " << m.status << " {";
    for (const auto& [who, role] : m.roles) out << who << "=" << role << ";";
    return out << "} " << m.rule;
  }
};

std::vector<MeetingView> Meetings(const std::string& text) {
  static const Extractor* extractor =
      new Extractor(std::move(Extractor::Create()).value());
  Result<Document> doc =
      extractor->Extract(text, {.document_date = "2025-03-24"});
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  std::map<std::string, std::string> names;
  for (const Person& p : doc->people) names[p.id] = p.name;
  for (const Country& c : doc->countries) names[c.id] = c.code;
  std::map<std::string, std::string> values;
  for (const Date& d : doc->dates) values[d.id] = d.value;
  std::vector<MeetingView> out;
  for (const Meeting& m : doc->meetings) {
    MeetingView view{.kind = MeetingKindName(m.kind),
                     .location = m.location,
                     .status = MeetingStatusName(m.status),
                     .rule = m.evidence.rule};
    for (const std::string& p : m.participants) {
      view.participants.push_back(names[p]);
    }
    if (m.date) view.date = values[*m.date];
    for (const ParticipantRole& r : m.roles) {
      view.roles[names[r.participant]] = r.role;
    }
    EXPECT_LE(m.evidence.end, text.size());
    out.push_back(view);
  }
  return out;
}

TEST(MeetingFinderTest, MetWithInACityOnAWeekday) {
  EXPECT_EQ(Meetings("Foreign Minister Ishaq Dar met with Wang Yi in Beijing "
                     "on Monday."),
            (std::vector<MeetingView>{{.kind = "meeting",
                                       .participants = {"Ishaq Dar", "Wang Yi"},
                                       .date = "2025-03-24",
                                       .location = "Beijing",
                                       .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, HeldTalksWithAnAppositiveParticipant) {
  EXPECT_EQ(
      Meetings("Ambassador Muhammad Sadiq held talks with Afghanistan's "
               "Acting Commerce Minister, Nooruddin Azizi, on March 22."),
      (std::vector<MeetingView>{
          {.kind = "talks",
           .participants = {"Muhammad Sadiq", "Nooruddin Azizi"},
           .date = "2025-03-22",
           .rule = "talks-held"}}));
}

TEST(MeetingFinderTest, WillMeetIsPlanned) {
  EXPECT_EQ(Meetings("Secretary of State Marco Rubio will meet Syrian "
                     "Foreign Minister Asaad al-Shaibani on Thursday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Marco Rubio", "Asaad al-Shaibani"},
                 .date = "2025-03-27",
                 .status = "planned",
                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, HostedGivesTheHostRole) {
  EXPECT_EQ(Meetings("Prime Minister Narendra Modi hosted US President Joe "
                     "Biden on Friday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Narendra Modi", "Joe Biden"},
                 .date = "2025-03-21",
                 .roles = {{"Narendra Modi", "host"}},
                 .rule = "meeting-hosted"}}));
}

TEST(MeetingFinderTest, VisitToACityOfAMentionedCountry) {
  EXPECT_EQ(Meetings("Pakistan's envoy to Afghanistan, Ambassador Muhammad "
                     "Sadiq, visited Kabul last week."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Muhammad Sadiq", "AF"},
                 .date = "2025-W12",
                 .location = "Kabul",
                 .roles = {{"Muhammad Sadiq", "visitor"}},
                 .rule = "visit-went"}}));
}

TEST(MeetingFinderTest, PossessivePronounVisitIsTheLastNamedPersons) {
  EXPECT_EQ(Meetings("Ambassador Muhammad Sadiq briefed reporters on his "
                     "recent visit to Afghanistan."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Muhammad Sadiq", "AF"},
                 .location = "Afghanistan",
                 .roles = {{"Muhammad Sadiq", "visitor"}},
                 .rule = "visit-noun"}}));
}

TEST(MeetingFinderTest, PaidAVisit) {
  EXPECT_EQ(Meetings("Iran's Foreign Minister Mohammad Javad Zarif paid a "
                     "surprise visit to France on Sunday."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Mohammad Javad Zarif", "FR"},
                 .date = "2025-03-23",
                 .location = "France",
                 .roles = {{"Mohammad Javad Zarif", "visitor"}},
                 .rule = "visit-paid"}}));
}

TEST(MeetingFinderTest, PartiesHoldTalksTogether) {
  EXPECT_EQ(Meetings("National Security Adviser Ajit Doval and Foreign "
                     "Minister Wang Yi held the 23rd round of talks in "
                     "Beijing on Wednesday."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"Ajit Doval", "Wang Yi"},
                 .date = "2025-03-19",
                 .location = "Beijing",
                 .rule = "talks-held-together"}}));
}

TEST(MeetingFinderTest, BriefedCountriesOfficials) {
  EXPECT_EQ(Meetings("Foreign Minister Mohammad Javad Zarif also briefed "
                     "German and British officials."),
            (std::vector<MeetingView>{
                {.kind = "briefing",
                 .participants = {"Mohammad Javad Zarif", "DE", "GB"},
                 .rule = "briefing-briefed"}}));
}

TEST(MeetingFinderTest, CallBetween) {
  EXPECT_EQ(Meetings("The telephone call between Joe Biden and Xi Jinping "
                     "lasted an hour."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Joe Biden", "Xi Jinping"},
                 .rule = "call-between"}}));
}

TEST(MeetingFinderTest, Briefed) {
  EXPECT_EQ(Meetings("Upon his return, Muhammad Sadiq briefed Foreign "
                     "Minister Ishaq Dar."),
            (std::vector<MeetingView>{
                {.kind = "briefing",
                 .participants = {"Muhammad Sadiq", "Ishaq Dar"},
                 .rule = "briefing-briefed"}}));
}

TEST(MeetingFinderTest, ChairedMeetingHasOneParticipant) {
  EXPECT_EQ(Meetings("The decision was made during a meeting chaired by "
                     "Foreign Minister Ishaq Dar on Monday."),
            (std::vector<MeetingView>{{.kind = "meeting",
                                       .participants = {"Ishaq Dar"},
                                       .date = "2025-03-24",
                                       .roles = {{"Ishaq Dar", "chair"}},
                                       .rule = "meeting-chaired-by"}}));
}

TEST(MeetingFinderTest, CountriesStandForTheirOfficials) {
  EXPECT_EQ(Meetings("Chinese and Japanese officials met in Tokyo."),
            (std::vector<MeetingView>{{.kind = "meeting",
                                       .participants = {"CN", "JP"},
                                       .location = "Tokyo",
                                       .rule = "meeting-officials-met"}}));
}

TEST(MeetingFinderTest, CancelledMeetingIsNotARecord) {
  EXPECT_EQ(Meetings("President Donald Trump called off the talks between "
                     "Mike Pompeo and Kim Yong Chol."),
            std::vector<MeetingView>{});
  EXPECT_EQ(Meetings("Prime Minister Narendra Modi refused to meet Foreign "
                     "Minister Wang Yi."),
            std::vector<MeetingView>{});
}

TEST(MeetingFinderTest, CancellingWordElsewhereInTheSentenceDoesNotCount) {
  EXPECT_EQ(Meetings("A meeting between Prime Minister Narendra Modi and "
                     "Rishi Sunak on Saturday focused on the long-delayed "
                     "trade deal."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Narendra Modi", "Rishi Sunak"},
                 .date = "2025-03-22",
                 .rule = "meeting-between"}}));
}

TEST(MeetingFinderTest, KindComesFromTheRuleId) {
  EXPECT_EQ(MeetingKindOfRule("talks-held"), MeetingKind::kTalks);
  EXPECT_EQ(MeetingKindOfRule("visit-noun"), MeetingKind::kVisit);
  EXPECT_EQ(MeetingKindOfRule("title-name"), std::nullopt);
  EXPECT_EQ(MeetingKindOfRule("meeting"), std::nullopt);
}

}  // namespace
}  // namespace parley

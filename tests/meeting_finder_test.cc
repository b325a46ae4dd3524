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

#include "default_extractor.h"
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
  std::vector<std::string> topics;
  std::string status = "happened";
  std::map<std::string, std::string> roles;
  std::string rule;

  friend bool operator==(const MeetingView&, const MeetingView&) = default;
  friend std::ostream& operator<<(std::ostream& out, const MeetingView& m) {
    out << m.kind << " [";
    for (const std::string& p : m.participants) out << p << ";";
    out << "] " << m.date.value_or("-") << " " << m.location.value_or("-")
        << " (";
    for (const std::string& t : m.topics) out << t << ";";
    out << ") " << m.status << " {";
    for (const auto& [who, role] : m.roles) out << who << "=" << role << ";";
    return out << "} " << m.rule;
  }
};

std::vector<MeetingView> Meetings(const std::string& text) {
  Result<Document> doc =
      DefaultExtractor().Extract(text, {.document_date = "2025-03-24"});
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
                     .topics = m.topics,
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
  EXPECT_EQ(Meetings("Ambassador Muhammad Sadiq held talks with Afghanistan's "
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
  EXPECT_EQ(
      Meetings("Prime Minister Narendra Modi hosted US President Joe "
               "Biden on Friday."),
      (std::vector<MeetingView>{{.kind = "meeting",
                                 .participants = {"Narendra Modi", "Joe Biden"},
                                 .date = "2025-03-21",
                                 .roles = {{"Narendra Modi", "host"}},
                                 .rule = "meeting-hosted"}}));
}

TEST(MeetingFinderTest, VisitToACityOfAMentionedCountry) {
  EXPECT_EQ(Meetings("Pakistan's envoy to Afghanistan, Ambassador Muhammad "
                     "Sadiq, visited Kabul last week."),
            (std::vector<MeetingView>{{.kind = "visit",
                                       .participants = {"Muhammad Sadiq", "AF"},
                                       .date = "2025-W12",
                                       .location = "Kabul",
                                       .roles = {{"Muhammad Sadiq", "visitor"}},
                                       .rule = "visit-went"}}));
}

TEST(MeetingFinderTest, PossessivePronounVisitIsTheLastNamedPersons) {
  EXPECT_EQ(Meetings("Ambassador Muhammad Sadiq briefed reporters on his "
                     "recent visit to Afghanistan."),
            (std::vector<MeetingView>{{.kind = "visit",
                                       .participants = {"Muhammad Sadiq", "AF"},
                                       .location = "Afghanistan",
                                       .roles = {{"Muhammad Sadiq", "visitor"}},
                                       .rule = "visit-noun"}}));
}

TEST(MeetingFinderTest, PaidAVisit) {
  EXPECT_EQ(
      Meetings("Iran's Foreign Minister Mohammad Javad Zarif paid a "
               "surprise visit to France on Sunday."),
      (std::vector<MeetingView>{{.kind = "visit",
                                 .participants = {"Mohammad Javad Zarif", "FR"},
                                 .date = "2025-03-23",
                                 .location = "France",
                                 .roles = {{"Mohammad Javad Zarif", "visitor"}},
                                 .rule = "visit-paid"}}));
}

TEST(MeetingFinderTest, PartiesHoldTalksTogether) {
  EXPECT_EQ(
      Meetings("National Security Adviser Ajit Doval and Foreign "
               "Minister Wang Yi held the 23rd round of talks in "
               "Beijing on Wednesday."),
      (std::vector<MeetingView>{{.kind = "talks",
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
  EXPECT_EQ(
      Meetings("The telephone call between Joe Biden and Xi Jinping "
               "lasted an hour."),
      (std::vector<MeetingView>{{.kind = "call",
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
                                       .rule = "meeting-met-together"}}));
}

TEST(MeetingFinderTest, MeetingsTheTextUndoesAreNotRecords) {
  EXPECT_EQ(Meetings("President Donald Trump called off the talks between "
                     "Mike Pompeo and Kim Yong Chol."),
            std::vector<MeetingView>{});
  EXPECT_EQ(Meetings("Prime Minister Narendra Modi refused to meet Foreign "
                     "Minister Wang Yi."),
            std::vector<MeetingView>{});
  EXPECT_EQ(Meetings("President Donald Trump did not meet Foreign Minister "
                     "Mohammad Javad Zarif."),
            std::vector<MeetingView>{});
  EXPECT_EQ(Meetings("The summit between President Donald Trump and Kim Jong "
                     "Un was postponed."),
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
                 .topics = {"long-delayed trade deal"},
                 .rule = "meeting-between"}}));
}

TEST(MeetingFinderTest, PartiesWithAppositives) {
  EXPECT_EQ(
      Meetings("Ayman Safadi, the foreign minister of Jordan, and Egypt's "
               "Foreign Minister, Sameh Shoukry, met in Cairo on Sunday."),
      (std::vector<MeetingView>{
          {.kind = "meeting",
           .participants = {"Ayman Safadi", "Sameh Shoukry"},
           .date = "2025-03-23",
           .location = "Cairo",
           .rule = "meeting-met-together"}}));
}

TEST(MeetingFinderTest, PartyNamedAfterARelative) {
  EXPECT_EQ(
      Meetings("In 1998, President Bill Clinton sat down with Prime "
               "Minister Benjamin Netanyahu's adviser, Ron Dermer, in "
               "Washington."),
      (std::vector<MeetingView>{{.kind = "meeting",
                                 .participants = {"Bill Clinton", "Ron Dermer"},
                                 .date = "1998",
                                 .location = "Washington",
                                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, PronounSubjectIsTheSubjectOfTheSentenceBefore) {
  EXPECT_EQ(Meetings("Foreign Minister Penny Wong arrived in Jakarta on "
                     "Sunday. On Monday, she met Indonesian President "
                     "Prabowo Subianto."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Penny Wong", "ID"},
                 .date = "2025-03-23",
                 .location = "Jakarta",
                 .roles = {{"Penny Wong", "visitor"}},
                 .rule = "visit-went"},
                {.kind = "meeting",
                 .participants = {"Penny Wong", "Prabowo Subianto"},
                 .date = "2025-03-24",
                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, ObjectPronounIsTheSentencesFirstPerson) {
  EXPECT_EQ(
      Meetings("Foreign Minister Wang Yi travels on to Tokyo, where "
               "Japan's Foreign Minister Takeshi Iwaya will host him."),
      (std::vector<MeetingView>{{.kind = "visit",
                                 .participants = {"Wang Yi", "JP"},
                                 .location = "Tokyo",
                                 .roles = {{"Wang Yi", "visitor"}},
                                 .rule = "visit-went"},
                                {.kind = "meeting",
                                 .participants = {"Takeshi Iwaya", "Wang Yi"},
                                 .status = "planned",
                                 .roles = {{"Takeshi Iwaya", "host"}},
                                 .rule = "meeting-hosted"}}));
}

TEST(MeetingFinderTest, RelativeClauseAboutTheSubject) {
  EXPECT_EQ(
      Meetings("Chancellor Olaf Scholz, who had met President Joe "
               "Biden in Washington on Friday, flew home."),
      (std::vector<MeetingView>{{.kind = "meeting",
                                 .participants = {"Olaf Scholz", "Joe Biden"},
                                 .date = "2025-03-21",
                                 .location = "Washington",
                                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, SecondVerbOfTheSameSubject) {
  EXPECT_EQ(Meetings("Secretary of State Antony Blinken flew to Egypt, where "
                     "he made a one-day visit and met President Abdel Fattah "
                     "el-Sisi."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Antony Blinken", "EG"},
                 .location = "Egypt",
                 .roles = {{"Antony Blinken", "visitor"}},
                 .rule = "visit-went"},
                {.kind = "meeting",
                 .participants = {"Antony Blinken", "Abdel Fattah el-Sisi"},
                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, GroupStandsForTheLastMeetingsParties) {
  EXPECT_EQ(Meetings("Foreign Minister Hakan Fidan met Foreign Minister "
                     "Ayman Safadi in Ankara on Sunday. President Recep "
                     "Tayyip Erdoğan received both ministers later."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Hakan Fidan", "Ayman Safadi"},
                 .date = "2025-03-23",
                 .location = "Ankara",
                 .rule = "meeting-met"},
                {.kind = "meeting",
                 .participants = {"Recep Tayyip Erdoğan", "Hakan Fidan",
                                  "Ayman Safadi"},
                 .date = "2025-03-23",
                 .roles = {{"Recep Tayyip Erdoğan", "host"}},
                 .rule = "meeting-hosted"}}));
}

TEST(MeetingFinderTest, GroupMustAgreeInNumber) {
  EXPECT_EQ(Meetings("Foreign Minister Hakan Fidan met Foreign Minister "
                     "Ayman Safadi in Ankara on Sunday. The three leaders "
                     "spoke by phone with President Joe Biden."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Hakan Fidan", "Ayman Safadi"},
                 .date = "2025-03-23",
                 .location = "Ankara",
                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, CountriesOfTheLastMeetingsParties) {
  EXPECT_EQ(Meetings("Prime Minister Keir Starmer of Britain met Prime "
                     "Minister Narendra Modi of India in London on Friday. "
                     "Negotiators from the two countries will meet in New "
                     "Delhi next week."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Keir Starmer", "Narendra Modi"},
                 .date = "2025-03-21",
                 .location = "London",
                 .rule = "meeting-met"},
                {.kind = "meeting",
                 .participants = {"GB", "IN"},
                 .date = "2025-W14",
                 .location = "New Delhi",
                 .status = "planned",
                 .rule = "meeting-met-together"}}));
}

TEST(MeetingFinderTest, LaterSentencesAddToTheLastMeeting) {
  EXPECT_EQ(Meetings("President Emmanuel Macron met Prime Minister Keir "
                     "Starmer in Paris on Friday. The meeting, hosted by "
                     "Chancellor Friedrich Merz, lasted an hour. President "
                     "Volodymyr Zelensky joined by video link."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Emmanuel Macron", "Keir Starmer",
                                  "Friedrich Merz", "Volodymyr Zelensky"},
                 .date = "2025-03-21",
                 .location = "Paris",
                 .roles = {{"Friedrich Merz", "host"}},
                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, DateOfTheSentenceBeforeThatNamesAParty) {
  EXPECT_EQ(
      Meetings("President Joe Biden and President Xi Jinping spoke for "
               "an hour on Tuesday. The telephone call between Biden "
               "and Xi covered trade."),
      (std::vector<MeetingView>{{.kind = "call",
                                 .participants = {"Joe Biden", "Xi Jinping"},
                                 .date = "2025-03-18",
                                 .topics = {"trade"},
                                 .rule = "call-between"}}));
}

TEST(MeetingFinderTest, HostingForAStateVisitIsAVisitToTheHostsCountry) {
  EXPECT_EQ(Meetings("US President Joe Biden will host Prime Minister "
                     "Anthony Albanese of Australia for a state visit on "
                     "April 10."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Joe Biden", "Anthony Albanese"},
                 .date = "2025-04-10",
                 .status = "planned",
                 .roles = {{"Joe Biden", "host"}},
                 .rule = "meeting-hosted"},
                {.kind = "visit",
                 .participants = {"US", "Anthony Albanese"},
                 .date = "2025-04-10",
                 .status = "planned",
                 .roles = {{"Anthony Albanese", "visitor"}},
                 .rule = "visit-hosted"}}));
}

TEST(MeetingFinderTest, MeetingNounWithAParty) {
  EXPECT_EQ(Meetings("Relations improved after President Javier Milei's "
                     "first meeting with President Donald Trump on March 3."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Javier Milei", "Donald Trump"},
                 .date = "2025-03-03",
                 .rule = "meeting-noun-with"}}));
}

TEST(MeetingFinderTest, CoChairedAndHeldASummit) {
  EXPECT_EQ(Meetings("President Lula da Silva and President Gustavo Petro "
                     "co-chaired the forum. President Lula da Silva and "
                     "President Javier Milei held their first summit in "
                     "Brasília on Friday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Lula da Silva", "Gustavo Petro"},
                 .rule = "meeting-co-chaired"},
                {.kind = "meeting",
                 .participants = {"Lula da Silva", "Javier Milei"},
                 .date = "2025-03-21",
                 .location = "Brasília",
                 .rule = "meeting-held-together"}}));
}

TEST(MeetingFinderTest, JoinedPartiesAtASession) {
  EXPECT_EQ(Meetings("On Sunday, Foreign Minister Sergey Lavrov joined "
                     "Foreign Minister Wang Yi and Foreign Minister Mauro "
                     "Vieira at the opening session."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Sergey Lavrov", "Wang Yi", "Mauro Vieira"},
                 .date = "2025-03-23",
                 .rule = "meeting-joined"}}));
}

TEST(MeetingFinderTest, TravelForTalksWithAParty) {
  EXPECT_EQ(Meetings("German Foreign Minister Annalena Baerbock heads to "
                     "Beijing for talks on Wednesday with Chinese Foreign "
                     "Minister Wang Yi."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"Annalena Baerbock", "Wang Yi"},
                 .date = "2025-03-26",
                 .status = "planned",
                 .rule = "talks-travelled-for"},
                {.kind = "visit",
                 .participants = {"Annalena Baerbock", "CN"},
                 .date = "2025-03-26",
                 .location = "Beijing",
                 .status = "planned",
                 .roles = {{"Annalena Baerbock", "visitor"}},
                 .rule = "visit-went"}}));
}

TEST(MeetingFinderTest, TalksBroughtTogetherTheirParties) {
  EXPECT_EQ(Meetings("The talks in Doha brought together Prime Minister "
                     "Mohammed bin Abdulrahman Al Thani, Envoy Steve Witkoff "
                     "and Foreign Minister Badr Abdelatty."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"Mohammed bin Abdulrahman Al Thani",
                                  "Steve Witkoff", "Badr Abdelatty"},
                 .rule = "talks-brought-together"}}));
}

TEST(MeetingFinderTest, ReportedWouldMeetIsPlanned) {
  EXPECT_EQ(
      Meetings("Officials said Foreign Minister Wang Yi would meet "
               "Foreign Minister Penny Wong in Canberra."),
      (std::vector<MeetingView>{{.kind = "meeting",
                                 .participants = {"Wang Yi", "Penny Wong"},
                                 .location = "Canberra",
                                 .status = "planned",
                                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, ReceivedByGivesTheHostRole) {
  EXPECT_EQ(Meetings("Prime Minister Anthony Albanese was received by "
                     "President Xi Jinping in Beijing on Friday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Anthony Albanese", "Xi Jinping"},
                 .date = "2025-03-21",
                 .location = "Beijing",
                 .roles = {{"Xi Jinping", "host"}},
                 .rule = "meeting-received-by"}}));
}

TEST(MeetingFinderTest, ThreePartiesMetOnTheSidelines) {
  EXPECT_EQ(
      Meetings("President Joe Biden, Prime Minister Fumio Kishida and "
               "President Yoon Suk Yeol met on the sidelines of the "
               "summit on Friday."),
      (std::vector<MeetingView>{
          {.kind = "meeting",
           .participants = {"Joe Biden", "Fumio Kishida", "Yoon Suk Yeol"},
           .date = "2025-03-21",
           .rule = "meeting-met-together"}}));
}

TEST(MeetingFinderTest, PhonedAndHeldACallAreCalls) {
  EXPECT_EQ(Meetings("President Emmanuel Macron phoned President Volodymyr "
                     "Zelensky on Sunday."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Emmanuel Macron", "Volodymyr Zelensky"},
                 .date = "2025-03-23",
                 .rule = "call-phoned"}}));
  EXPECT_EQ(Meetings("Prime Minister Narendra Modi held a phone call with "
                     "President Vladimir Putin."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Narendra Modi", "Vladimir Putin"},
                 .rule = "call-held"}}));
  EXPECT_EQ(
      Meetings("President Joe Biden spoke by phone with President Xi "
               "Jinping."),
      (std::vector<MeetingView>{{.kind = "call",
                                 .participants = {"Joe Biden", "Xi Jinping"},
                                 .rule = "call-spoke"}}));
}

TEST(MeetingFinderTest, TravelToMeetAParty) {
  EXPECT_EQ(Meetings("Secretary of State Antony Blinken flew to Egypt. He is "
                     "due to travel to Qatar on Thursday to meet Emir Sheikh "
                     "Tamim bin Hamad Al Thani."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Antony Blinken", "EG"},
                 .location = "Egypt",
                 .roles = {{"Antony Blinken", "visitor"}},
                 .rule = "visit-went"},
                {.kind = "meeting",
                 .participants = {"Antony Blinken", "Tamim bin Hamad Al Thani"},
                 .date = "2025-03-27",
                 .status = "planned",
                 .rule = "meeting-travelled-to-meet"},
                {.kind = "visit",
                 .participants = {"Antony Blinken", "QA"},
                 .date = "2025-03-27",
                 .location = "Qatar",
                 .status = "planned",
                 .roles = {{"Antony Blinken", "visitor"}},
                 .rule = "visit-went"}}));
}

TEST(MeetingFinderTest, VisitingAPersonIsAMeetingAndAVisit) {
  EXPECT_EQ(
      Meetings("North Korean leader Kim Jong Un said President Moon "
               "Jae-in had visited him in Pyongyang last year."),
      (std::vector<MeetingView>{{.kind = "visit",
                                 .participants = {"Moon Jae-in", "KP"},
                                 .date = "2024",
                                 .location = "Pyongyang",
                                 .roles = {{"Moon Jae-in", "visitor"}},
                                 .rule = "visit-went"},
                                {.kind = "meeting",
                                 .participants = {"Moon Jae-in", "Kim Jong Un"},
                                 .date = "2024",
                                 .rule = "meeting-visited-party"}}));
}

TEST(MeetingFinderTest, LongDescriptionsOfTalks) {
  EXPECT_EQ(Meetings("President Lula da Silva and President Javier Milei held "
                     "their first face-to-face talks on Monday."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"Lula da Silva", "Javier Milei"},
                 .date = "2025-03-24",
                 .rule = "talks-held-together"}}));
}

TEST(MeetingFinderTest, ThenToASecondPlace) {
  EXPECT_EQ(Meetings("Foreign Minister Wang Yi travels to Spain today, and "
                     "then to Portugal on Friday."),
            (std::vector<MeetingView>{{.kind = "visit",
                                       .participants = {"Wang Yi", "ES"},
                                       .date = "2025-03-24",
                                       .location = "Spain",
                                       .roles = {{"Wang Yi", "visitor"}},
                                       .rule = "visit-went"},
                                      {.kind = "visit",
                                       .participants = {"Wang Yi", "PT"},
                                       .date = "2025-03-28",
                                       .location = "Portugal",
                                       .status = "planned",
                                       .roles = {{"Wang Yi", "visitor"}},
                                       .rule = "visit-went-then"}}));
}

TEST(MeetingFinderTest, VisitWithoutAPlaceIsToTheDateline) {
  EXPECT_EQ(
      Meetings("NEW DELHI - Australian Prime Minister Anthony Albanese, "
               "on a three-day visit, praised India's economy."),
      (std::vector<MeetingView>{{.kind = "visit",
                                 .participants = {"Anthony Albanese", "IN"},
                                 .location = "New Delhi",
                                 .roles = {{"Anthony Albanese", "visitor"}},
                                 .rule = "visit-on-a-visit"}}));
  // Not to the visitor's own country.
  EXPECT_EQ(Meetings("CANBERRA - Australian Prime Minister Anthony Albanese, "
                     "on a three-day visit, praised India's economy."),
            std::vector<MeetingView>{});
}

TEST(MeetingFinderTest, UrgingAMeetingIsNoMeeting) {
  EXPECT_EQ(Meetings("Secretary of State Antony Blinken urged President Xi "
                     "Jinping to meet President Joe Biden."),
            std::vector<MeetingView>{});
}

TEST(MeetingFinderTest, HostedAMealAndWhatTheyDiscussedAfter) {
  EXPECT_EQ(Meetings("Chancellor Olaf Scholz hosted a dinner for President "
                     "Emmanuel Macron on Friday. The two leaders discussed "
                     "defence spending, energy and Ukraine."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Olaf Scholz", "Emmanuel Macron"},
                 .date = "2025-03-21",
                 .topics = {"defence spending", "energy and Ukraine"},
                 .roles = {{"Olaf Scholz", "host"}},
                 .rule = "meeting-hosted-meal"}}));
}

TEST(MeetingFinderTest, TopicsAreTheListAfterACue) {
  EXPECT_EQ(Meetings("Foreign Minister Hakan Fidan met Foreign Minister "
                     "Ayman Safadi in Ankara, where they discussed border "
                     "security, refugees, and water sharing, the ministry "
                     "said."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Hakan Fidan", "Ayman Safadi"},
                 .location = "Ankara",
                 .topics = {"border security", "refugees", "water sharing"},
                 .rule = "meeting-met"}}));
  EXPECT_EQ(Meetings("Foreign Minister Hakan Fidan held talks with Foreign "
                     "Minister Ayman Safadi, focusing on the reconstruction "
                     "of Syria."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"Hakan Fidan", "Ayman Safadi"},
                 .topics = {"reconstruction of Syria"},
                 .rule = "talks-held"}}));
}

TEST(MeetingFinderTest, DescriptionsStandWhereTitlesWould) {
  EXPECT_EQ(Meetings("Iran's top diplomat Abbas Araghchi met his Omani "
                     "counterpart Badr Albusaidi in Muscat on Saturday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Abbas Araghchi", "Badr Albusaidi"},
                 .date = "2025-03-22",
                 .location = "Muscat",
                 .rule = "meeting-met"}}));
  EXPECT_EQ(
      Meetings("Chinese President Xi Jinping hosted North Korean "
               "leader Kim Jong Un in Beijing."),
      (std::vector<MeetingView>{{.kind = "meeting",
                                 .participants = {"Xi Jinping", "Kim Jong Un"},
                                 .location = "Beijing",
                                 .roles = {{"Xi Jinping", "host"}},
                                 .rule = "meeting-hosted"}}));
}

TEST(MeetingFinderTest, ARegionInATitle) {
  EXPECT_EQ(Meetings("Crown Prince Mohammed bin Salman received U.S. Middle "
                     "East envoy Steve Witkoff in Riyadh on Saturday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Mohammed bin Salman", "Steve Witkoff"},
                 .date = "2025-03-22",
                 .location = "Riyadh",
                 .roles = {{"Mohammed bin Salman", "host"}},
                 .rule = "meeting-hosted"}}));
}

TEST(MeetingFinderTest, OfficialsOfCountriesStandForThem) {
  EXPECT_EQ(Meetings("Foreign ministers of Egypt and Jordan met in Cairo on "
                     "March 3."),
            (std::vector<MeetingView>{{.kind = "meeting",
                                       .participants = {"EG", "JO"},
                                       .date = "2025-03-03",
                                       .location = "Cairo",
                                       .rule = "meeting-met-together"}}));
  EXPECT_EQ(Meetings("Officials from India and the United States held talks "
                     "in Geneva."),
            (std::vector<MeetingView>{{.kind = "talks",
                                       .participants = {"IN", "US"},
                                       .location = "Geneva",
                                       .rule = "talks-held-together"}}));
}

TEST(MeetingFinderTest, WhatPartiesDidAtAMeeting) {
  EXPECT_EQ(Meetings("Ukrainian President Volodymyr Zelensky and Polish "
                     "President Andrzej Duda discussed air defence during a "
                     "meeting in Warsaw."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Volodymyr Zelensky", "Andrzej Duda"},
                 .location = "Warsaw",
                 .topics = {"air defence"},
                 .rule = "meeting-did-at"}}));
  EXPECT_EQ(Meetings("Prime Minister Narendra Modi discussed trade with "
                     "President Lula da Silva at a meeting in Brasilia."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Narendra Modi", "Lula da Silva"},
                 .location = "Brasília",
                 .topics = {"trade"},
                 .rule = "meeting-did-at"}}));
  EXPECT_EQ(
      Meetings("Foreign Secretary David Lammy and Foreign Minister Wang "
               "Yi agreed on a hotline during talks in London."),
      (std::vector<MeetingView>{{.kind = "talks",
                                 .participants = {"David Lammy", "Wang Yi"},
                                 .location = "London",
                                 .rule = "talks-did-at"}}));
  // Attending is not meeting.
  EXPECT_EQ(Meetings("President Joe Biden discussed trade at a meeting in "
                     "Paris."),
            std::vector<MeetingView>{});
}

TEST(MeetingFinderTest, VisitToACityOfACountryTheTextDoesNotName) {
  const std::string text =
      "Prime Minister Narendra Modi arrived in Washington on Friday.";
  EXPECT_EQ(Meetings(text),
            (std::vector<MeetingView>{{.kind = "visit",
                                       .participants = {"Narendra Modi", "US"},
                                       .date = "2025-03-21",
                                       .location = "Washington",
                                       .roles = {{"Narendra Modi", "visitor"}},
                                       .rule = "visit-went"}}));
  // The country's record has the city for its mention.
  Result<Document> doc =
      DefaultExtractor().Extract(text, {.document_date = "2025-03-24"});
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->countries.size(), 1u);
  EXPECT_EQ(doc->countries[0].code, "US");
  ASSERT_EQ(doc->countries[0].mentions.size(), 1u);
  EXPECT_EQ(doc->countries[0].mentions[0].text, "Washington");
  EXPECT_EQ(doc->countries[0].mentions[0].begin, text.find("Washington"));
  EXPECT_TRUE(doc->countries[0].mentions[0].source.starts_with("places.tsv:"));
}

TEST(MeetingFinderTest, SpokeWithAPartyByPhone) {
  EXPECT_EQ(Meetings("President Claudia Sheinbaum spoke with President "
                     "Donald Trump by phone on Sunday."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Claudia Sheinbaum", "Donald Trump"},
                 .date = "2025-03-23",
                 .rule = "call-spoke-with"}}));
  EXPECT_EQ(Meetings("President Emmanuel Macron spoke with reporters on the "
                     "phone."),
            std::vector<MeetingView>{});
}

TEST(MeetingFinderTest, LeavingForAPlaceIsAVisit) {
  EXPECT_EQ(Meetings("Foreign Minister Ishaq Dar left for Beijing on "
                     "Sunday."),
            (std::vector<MeetingView>{{.kind = "visit",
                                       .participants = {"Ishaq Dar", "CN"},
                                       .date = "2025-03-23",
                                       .location = "Beijing",
                                       .roles = {{"Ishaq Dar", "visitor"}},
                                       .rule = "visit-went"}}));
  // Leaving a place is not visiting it.
  EXPECT_EQ(Meetings("Foreign Minister Ishaq Dar left Beijing on Sunday."),
            std::vector<MeetingView>{});
}

TEST(MeetingFinderTest, GreetedByAndTheTwoHeldTalks) {
  EXPECT_EQ(Meetings("President Lee Jae-myung was greeted by Prime Minister "
                     "Shigeru Ishiba on Saturday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Lee Jae-myung", "Shigeru Ishiba"},
                 .date = "2025-03-22",
                 .roles = {{"Shigeru Ishiba", "host"}},
                 .rule = "meeting-received-by"}}));
  // "The two" with no noun stands for the parties of the last meeting.
  EXPECT_EQ(Meetings("President Lee Jae-myung met Prime Minister Shigeru "
                     "Ishiba on Friday. The two held talks in Tokyo on "
                     "Saturday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Lee Jae-myung", "Shigeru Ishiba"},
                 .date = "2025-03-21",
                 .rule = "meeting-met"},
                {.kind = "talks",
                 .participants = {"Lee Jae-myung", "Shigeru Ishiba"},
                 .date = "2025-03-22",
                 .location = "Tokyo",
                 .rule = "talks-held-together"}}));
}

TEST(MeetingFinderTest, DateOfASincePeriodIsNotTheMeetings) {
  // "in June" dates the taking of office; the visit has no date here.
  EXPECT_EQ(Meetings("President Lee Jae-myung, on his first trip to Japan "
                     "since taking office in June, praised the ties."),
            (std::vector<MeetingView>{{.kind = "visit",
                                       .participants = {"Lee Jae-myung", "JP"},
                                       .location = "Japan",
                                       .roles = {{"Lee Jae-myung", "visitor"}},
                                       .rule = "visit-noun"}}));
}

TEST(MeetingFinderTest, TitlesAfterACommaBeforeAParty) {
  EXPECT_EQ(Meetings("Foreign Minister Abbas Araghchi met his Qatari "
                     "counterpart, Prime Minister and Foreign Minister Sheikh "
                     "Mohammed bin Abdulrahman Al Thani."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Abbas Araghchi",
                                  "Mohammed bin Abdulrahman Al Thani"},
                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, OnAVisitToTheCountryOfTheDateline) {
  EXPECT_EQ(
      Meetings("DOHA - President Masoud Pezeshkian, who is on his first "
               "visit to the Gulf state since his election in July, "
               "praised the ties."),
      (std::vector<MeetingView>{{.kind = "visit",
                                 .participants = {"Masoud Pezeshkian", "QA"},
                                 .location = "Doha",
                                 .roles = {{"Masoud Pezeshkian", "visitor"}},
                                 .rule = "visit-on-a-visit"}}));
}

TEST(MeetingFinderTest, SpokeByPhoneThenWhenThenWithWhom) {
  EXPECT_EQ(Meetings("President Masoud Pezeshkian spoke by phone last week "
                     "with Crown Prince Mohammed bin Salman, and a visit to "
                     "Riyadh has been discussed but not scheduled."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Masoud Pezeshkian", "Mohammed bin Salman"},
                 .date = "2025-W12",
                 .rule = "call-spoke"}}));
}

TEST(MeetingFinderTest, TopicsEndBeforeAnAttribution) {
  EXPECT_EQ(Meetings("President Volodymyr Zelenskyy met Chancellor Friedrich "
                     "Merz to discuss air defense, a German government "
                     "spokesman, Stefan Kornelius, said."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Volodymyr Zelenskyy", "Friedrich Merz"},
                 .topics = {"air defense"},
                 .rule = "meeting-met"}}));
  EXPECT_EQ(Meetings("President Prabowo Subianto met President Emmanuel "
                     "Macron to discuss defence cooperation, including the "
                     "purchase of fighter jets."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Prabowo Subianto", "Emmanuel Macron"},
                 .topics = {"defence cooperation"},
                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, LeadersOfCountriesAreTheLeadersJustNamed) {
  EXPECT_EQ(
      Meetings("Chancellor Friedrich Merz and President Emmanuel Macron "
               "travelled to Kyiv. The leaders of Germany and France held "
               "talks with President Volodymyr Zelenskyy on Saturday."),
      (std::vector<MeetingView>{
          {.kind = "visit",
           .participants = {"Friedrich Merz", "Emmanuel Macron", "UA"},
           .location = "Kyiv",
           .roles = {{"Emmanuel Macron", "visitor"},
                     {"Friedrich Merz", "visitor"}},
           .rule = "visit-went"},
          {.kind = "talks",
           .participants = {"Friedrich Merz", "Emmanuel Macron",
                            "Volodymyr Zelenskyy"},
           .date = "2025-03-22",
           .rule = "talks-held"}}));
  // Officials are not the leaders: they stay countries.
  EXPECT_EQ(Meetings("Chancellor Friedrich Merz and President Emmanuel Macron "
                     "travelled to Kyiv. Officials of Germany and France held "
                     "talks with President Volodymyr Zelenskyy on Saturday."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Friedrich Merz", "Emmanuel Macron", "UA"},
                 .location = "Kyiv",
                 .roles = {{"Emmanuel Macron", "visitor"},
                           {"Friedrich Merz", "visitor"}},
                 .rule = "visit-went"},
                {.kind = "talks",
                 .participants = {"DE", "FR", "Volodymyr Zelenskyy"},
                 .date = "2025-03-22",
                 .rule = "talks-held"}}));
}

TEST(MeetingFinderTest, JoinedByAddsAPartyToTheLastMeeting) {
  EXPECT_EQ(
      Meetings("Chancellor Friedrich Merz and President Emmanuel "
               "Macron met in Kyiv. They were joined by Prime Minister "
               "Donald Tusk."),
      (std::vector<MeetingView>{
          {.kind = "meeting",
           .participants = {"Friedrich Merz", "Emmanuel Macron", "Donald Tusk"},
           .location = "Kyiv",
           .rule = "meeting-met-together"}}));
}

TEST(MeetingFinderTest, ThenPresidentAndWasDueToMeet) {
  EXPECT_EQ(
      Meetings("Prime Minister Leo Varadkar met then-President Joe "
               "Biden in March 2023."),
      (std::vector<MeetingView>{{.kind = "meeting",
                                 .participants = {"Leo Varadkar", "Joe Biden"},
                                 .date = "2023-03",
                                 .rule = "meeting-met"}}));
  EXPECT_EQ(Meetings("Prime Minister Micheal Martin was due to meet Commerce "
                     "Secretary Howard Lutnick on Friday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Micheal Martin", "Howard Lutnick"},
                 .date = "2025-03-28",
                 .status = "planned",
                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, TheDatelinesDateIsNotTheMeetings) {
  // The story is filed on March 24 (a Monday); the meeting was on the
  // Thursday before.
  EXPECT_EQ(Meetings("BOGOTA, March 24 (Reuters) - President Gustavo Petro "
                     "met President Nicolas Maduro in Cucuta on Thursday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Gustavo Petro", "Nicolas Maduro"},
                 .date = "2025-03-20",
                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, ADelegationLedByAParty) {
  EXPECT_EQ(Meetings("President Nicolas Maduro received a delegation led by "
                     "presidential adviser Celso Amorim in Caracas."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Nicolas Maduro", "Celso Amorim"},
                 .location = "Caracas",
                 .roles = {{"Nicolas Maduro", "host"}},
                 .rule = "meeting-hosted"}}));
}

TEST(MeetingFinderTest, CallsStatedAsAConversationOrOpeningTheSentence) {
  EXPECT_EQ(Meetings("In a phone call with President Emmanuel Macron on "
                     "Sunday, President Volodymyr Zelensky discussed security "
                     "guarantees."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Emmanuel Macron", "Volodymyr Zelensky"},
                 .date = "2025-03-23",
                 .topics = {"security guarantees"},
                 .rule = "call-in-a-call-with"}}));
  EXPECT_EQ(Meetings("President Emmanuel Macron and President Volodymyr "
                     "Zelensky had a telephone conversation on Sunday."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Emmanuel Macron", "Volodymyr Zelensky"},
                 .date = "2025-03-23",
                 .rule = "call-held-together"}}));
}

TEST(MeetingFinderTest, LandedInAndOnAVisitTo) {
  EXPECT_EQ(Meetings("Prime Minister Narendra Modi landed in Paris on "
                     "Sunday."),
            (std::vector<MeetingView>{{.kind = "visit",
                                       .participants = {"Narendra Modi", "FR"},
                                       .date = "2025-03-23",
                                       .location = "Paris",
                                       .roles = {{"Narendra Modi", "visitor"}},
                                       .rule = "visit-went"}}));
  EXPECT_EQ(Meetings("Prime Minister Keir Starmer is on a two-day official "
                     "visit to India."),
            (std::vector<MeetingView>{{.kind = "visit",
                                       .participants = {"Keir Starmer", "IN"},
                                       .location = "India",
                                       .roles = {{"Keir Starmer", "visitor"}},
                                       .rule = "visit-is-on"}}));
  // In a clause about the subject, the sentence's date is the main verb's.
  EXPECT_EQ(Meetings("Minister S. Jaishankar, who is on a visit to Russia, "
                     "held talks with Minister Sergey Lavrov on Sunday."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"S. Jaishankar", "Sergey Lavrov"},
                 .date = "2025-03-23",
                 .rule = "talks-held"}}));
}

TEST(MeetingFinderTest, HeldAMeetingWithAParty) {
  EXPECT_EQ(Meetings("On the sidelines, President Abdel Fattah el-Sisi held a "
                     "one-on-one meeting with Prime Minister Mohammed Shia "
                     "al-Sudani on Sunday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Abdel Fattah el-Sisi",
                                  "Mohammed Shia al-Sudani"},
                 .date = "2025-03-23",
                 .rule = "meeting-held-with"}}));
}

TEST(MeetingFinderTest, ReceivedACallFrom) {
  EXPECT_EQ(Meetings("Egypt's Foreign Minister Badr Abdelatty received a "
                     "phone call from his Iranian counterpart Abbas Araghchi "
                     "on Thursday."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Badr Abdelatty", "Abbas Araghchi"},
                 .date = "2025-03-20",
                 .rule = "call-received-from"}}));
}

TEST(MeetingFinderTest, VisitingBeforeAPartysTitle) {
  EXPECT_EQ(Meetings("Vietnamese Prime Minister Pham Minh Chinh received "
                     "visiting Singaporean Prime Minister Lawrence Wong in "
                     "Hanoi on Thursday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Pham Minh Chinh", "Lawrence Wong"},
                 .date = "2025-03-20",
                 .location = "Hanoi",
                 .roles = {{"Pham Minh Chinh", "host"}},
                 .rule = "meeting-hosted"}}));
}

TEST(MeetingFinderTest, MetAWeekdayWith) {
  EXPECT_EQ(Meetings("Secretary of State Marco Rubio met Thursday with "
                     "Philippine Foreign Secretary Enrique Manalo."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Marco Rubio", "Enrique Manalo"},
                 .date = "2025-03-20",
                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, TravelledForDaysOfTalksWithCountriesOfficials) {
  EXPECT_EQ(Meetings("Foreign Secretary David Lammy flew to Beijing on Friday "
                     "for two days of talks with Chinese officials."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"David Lammy", "CN"},
                 .date = "2025-03-21",
                 .location = "Beijing",
                 .rule = "talks-travelled-for"}}));
}

TEST(MeetingFinderTest, BeganAStateVisit) {
  EXPECT_EQ(Meetings("Indonesian President Prabowo Subianto began a three-day "
                     "state visit to Japan on Sunday."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Prabowo Subianto", "JP"},
                 .date = "2025-03-23",
                 .location = "Japan",
                 .roles = {{"Prabowo Subianto", "visitor"}},
                 .rule = "visit-paid"}}));
}

TEST(MeetingFinderTest, OfficialsOfCountriesNamedAfterThem) {
  EXPECT_EQ(Meetings("The prime ministers of India and Japan, Narendra Modi "
                     "and Shigeru Ishiba, held a summit in Tokyo on Friday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Narendra Modi", "Shigeru Ishiba"},
                 .date = "2025-03-21",
                 .location = "Tokyo",
                 .rule = "meeting-held-together"}}));
}

TEST(MeetingFinderTest, MeetingInAClauseAboutTheSubject) {
  EXPECT_EQ(
      Meetings("President Anura Kumara Dissanayake made his first visit "
               "abroad to India in December, meeting Prime Minister Narendra "
               "Modi in New Delhi."),
      (std::vector<MeetingView>{
          {.kind = "meeting",
           .participants = {"Anura Kumara Dissanayake", "Narendra Modi"},
           .date = "2024-12",
           .location = "New Delhi",
           .rule = "meeting-meeting-clause"},
          {.kind = "visit",
           .participants = {"Anura Kumara Dissanayake", "IN"},
           .date = "2024-12",
           .location = "India",
           .roles = {{"Anura Kumara Dissanayake", "visitor"}},
           .rule = "visit-paid"}}));
}

TEST(MeetingFinderTest, AfterMeeting) {
  EXPECT_EQ(Meetings("After meeting Chinese President Xi Jinping in Beijing, "
                     "Brazilian President Lula flew home."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Xi Jinping", "Lula"},
                 .location = "Beijing",
                 .rule = "meeting-after-meeting"}}));
}

TEST(MeetingFinderTest, DateNearestThePartyMet) {
  EXPECT_EQ(Meetings("Japan's Prime Minister Shigeru Ishiba arrived in "
                     "Washington on Thursday, and met President Donald Trump "
                     "on Friday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Shigeru Ishiba", "Donald Trump"},
                 .date = "2025-03-21",
                 .rule = "meeting-met"},
                {.kind = "visit",
                 .participants = {"Shigeru Ishiba", "US"},
                 .date = "2025-03-20",
                 .location = "Washington",
                 .roles = {{"Shigeru Ishiba", "visitor"}},
                 .rule = "visit-went"}}));
}

TEST(MeetingFinderTest, AnAdverbAfterWill) {
  EXPECT_EQ(Meetings("Foreign Minister Johann Wadephul spoke to reporters. "
                     "He will also hold talks with Palestinian Prime Minister "
                     "Mohammad Mustafa in Ramallah."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"Johann Wadephul", "Mohammad Mustafa"},
                 .location = "Ramallah",
                 .status = "planned",
                 .rule = "talks-held"}}));
}

TEST(MeetingFinderTest, EmbarkedOnATour) {
  EXPECT_EQ(Meetings("Prime Minister Narendra Modi will embark on a "
                     "two-nation tour to Ghana on July 2."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Narendra Modi", "GH"},
                 .date = "2025-07-02",
                 .location = "Ghana",
                 .status = "planned",
                 .roles = {{"Narendra Modi", "visitor"}},
                 .rule = "visit-paid"}}));
}

TEST(MeetingFinderTest, InAMeetingWithOrDuringTalksWith) {
  EXPECT_EQ(Meetings("In a meeting with Saudi Foreign Minister Prince Faisal "
                     "bin Farhan on Sunday, Secretary of State Marco Rubio "
                     "discussed Gaza."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Faisal bin Farhan", "Marco Rubio"},
                 .date = "2025-03-23",
                 .topics = {"Gaza"},
                 .rule = "meeting-in-a-meeting-with"}}));
  EXPECT_EQ(Meetings("During talks with Chinese Foreign Minister Wang Yi in "
                     "Beijing on Tuesday, Russian Foreign Minister Sergei "
                     "Lavrov praised ties."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"Wang Yi", "Sergei Lavrov"},
                 .date = "2025-03-18",
                 .location = "Beijing",
                 .rule = "talks-in-talks-with"}}));
}

TEST(MeetingFinderTest, WasVisitedBy) {
  EXPECT_EQ(Meetings("President Donald Trump was visited by Hungarian Prime "
                     "Minister Viktor Orban on Friday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Donald Trump", "Viktor Orban"},
                 .date = "2025-03-21",
                 .rule = "meeting-visited-by"}}));
}

TEST(MeetingFinderTest, IsVisitingAPlace) {
  EXPECT_EQ(Meetings("Italian Prime Minister Giorgia Meloni is visiting "
                     "Washington this week."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Giorgia Meloni", "US"},
                 .date = "2025-W13",
                 .location = "Washington",
                 .roles = {{"Giorgia Meloni", "visitor"}},
                 .rule = "visit-went"}}));
}

TEST(MeetingFinderTest, AVisitToEachOfTwoCountries) {
  EXPECT_EQ(Meetings("Secretary of State Marco Rubio travelled to Israel and "
                     "Qatar on Sunday."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Marco Rubio", "IL"},
                 .date = "2025-03-23",
                 .location = "Israel",
                 .roles = {{"Marco Rubio", "visitor"}},
                 .rule = "visit-went"},
                {.kind = "visit",
                 .participants = {"Marco Rubio", "QA"},
                 .date = "2025-03-23",
                 .location = "Qatar",
                 .roles = {{"Marco Rubio", "visitor"}},
                 .rule = "visit-went-and"}}));
  EXPECT_EQ(Meetings("Prime Minister Narendra Modi will embark on a tour to "
                     "Ghana and Namibia on July 2."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Narendra Modi", "GH"},
                 .date = "2025-07-02",
                 .location = "Ghana",
                 .status = "planned",
                 .roles = {{"Narendra Modi", "visitor"}},
                 .rule = "visit-paid"},
                {.kind = "visit",
                 .participants = {"Narendra Modi", "NA"},
                 .date = "2025-07-02",
                 .location = "Namibia",
                 .status = "planned",
                 .roles = {{"Narendra Modi", "visitor"}},
                 .rule = "visit-paid-and"}}));
}

TEST(MeetingFinderTest, HostedTalksWith) {
  EXPECT_EQ(Meetings("Foreign Secretary David Lammy hosted talks with Irish "
                     "Foreign Minister Simon Harris in London on Thursday."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"David Lammy", "Simon Harris"},
                 .date = "2025-03-20",
                 .location = "London",
                 .rule = "talks-held"}}));
}

TEST(MeetingFinderTest, APlaceAfterAMeetingNounAndBeingThereForMeetings) {
  EXPECT_EQ(Meetings("U.S. Secretary of State Marco Rubio's meeting with "
                     "Chinese Foreign Minister Wang Yi in Kuala Lumpur lasted "
                     "an hour."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Marco Rubio", "Wang Yi"},
                 .location = "Kuala Lumpur",
                 .rule = "meeting-noun-with"}}));
  EXPECT_EQ(Meetings("British Foreign Secretary David Lammy is in Washington "
                     "this week for meetings with Secretary of State Marco "
                     "Rubio."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"David Lammy", "Marco Rubio"},
                 .date = "2025-W13",
                 .location = "Washington",
                 .rule = "meeting-travelled-for"}}));
}

TEST(MeetingFinderTest, LeftAPlaceForAnother) {
  EXPECT_EQ(Meetings("The Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, "
                     "left Doha for Washington on Tuesday."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Tamim bin Hamad Al Thani", "US"},
                 .date = "2025-03-18",
                 .location = "Washington",
                 .roles = {{"Tamim bin Hamad Al Thani", "visitor"}},
                 .rule = "visit-went"}}));
}

TEST(MeetingFinderTest, ATimeBetweenAMeetingNounAndItsParties) {
  EXPECT_EQ(Meetings("The talks followed a call last week between Armenian "
                     "Prime Minister Nikol Pashinyan and Azerbaijani "
                     "President Ilham Aliyev."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Nikol Pashinyan", "Ilham Aliyev"},
                 .date = "2025-W12",
                 .rule = "call-between"}}));
}

TEST(MeetingFinderTest, ARequestOrInvitationUndoesOnlyTheMeetingAfterIt) {
  EXPECT_EQ(Meetings("In a call with German Chancellor Friedrich Merz on "
                     "Sunday, Polish Prime Minister Donald Tusk urged more "
                     "support for Ukraine."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Friedrich Merz", "Donald Tusk"},
                 .date = "2025-03-23",
                 .rule = "call-in-a-call-with"}}));
  EXPECT_EQ(Meetings("Indian Prime Minister Narendra Modi visited Ghana at "
                     "the invitation of President John Mahama."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Narendra Modi", "GH"},
                 .location = "Ghana",
                 .roles = {{"Narendra Modi", "visitor"}},
                 .rule = "visit-went"}}));
  EXPECT_EQ(Meetings("Polish Prime Minister Donald Tusk urged German "
                     "Chancellor Friedrich Merz to visit Warsaw."),
            (std::vector<MeetingView>{}));
}

TEST(MeetingFinderTest, AMeetingAgreedInACallIsAnotherEvent) {
  EXPECT_EQ(Meetings("Kenya's Foreign Minister Musalia Mudavadi spoke by "
                     "phone with his Ugandan counterpart Odongo Jeje "
                     "Abubakhar. The two ministers agreed to meet in Kampala "
                     "next month."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Musalia Mudavadi", "Odongo Jeje Abubakhar"},
                 .rule = "call-spoke"},
                {.kind = "meeting",
                 .participants = {"Musalia Mudavadi", "Odongo Jeje Abubakhar"},
                 .date = "2025-04",
                 .location = "Kampala",
                 .status = "planned",
                 .rule = "meeting-met-together"}}));
}

TEST(MeetingFinderTest, AVisitToEachStopOfATour) {
  EXPECT_EQ(Meetings("New Zealand's Foreign Minister Winston Peters visited "
                     "Fiji, Samoa and Tonga last week."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Winston Peters", "FJ"},
                 .date = "2025-W12",
                 .location = "Fiji",
                 .roles = {{"Winston Peters", "visitor"}},
                 .rule = "visit-went"},
                {.kind = "visit",
                 .participants = {"Winston Peters", "WS"},
                 .date = "2025-W12",
                 .location = "Samoa",
                 .roles = {{"Winston Peters", "visitor"}},
                 .rule = "visit-went-and"},
                {.kind = "visit",
                 .participants = {"Winston Peters", "TO"},
                 .date = "2025-W12",
                 .location = "Tonga",
                 .roles = {{"Winston Peters", "visitor"}},
                 .rule = "visit-went-and"}}));
  EXPECT_EQ(Meetings("Kenyan President William Ruto will begin a tour of "
                     "Ethiopia, Djibouti, Eritrea and Somalia on Monday."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"William Ruto", "ET"},
                 .date = "2025-03-24",
                 .location = "Ethiopia",
                 .status = "planned",
                 .roles = {{"William Ruto", "visitor"}},
                 .rule = "visit-paid"},
                {.kind = "visit",
                 .participants = {"William Ruto", "DJ"},
                 .date = "2025-03-24",
                 .location = "Djibouti",
                 .status = "planned",
                 .roles = {{"William Ruto", "visitor"}},
                 .rule = "visit-paid-and"},
                {.kind = "visit",
                 .participants = {"William Ruto", "ER"},
                 .date = "2025-03-24",
                 .location = "Eritrea",
                 .status = "planned",
                 .roles = {{"William Ruto", "visitor"}},
                 .rule = "visit-paid-and"},
                {.kind = "visit",
                 .participants = {"William Ruto", "SO"},
                 .date = "2025-03-24",
                 .location = "Somalia",
                 .status = "planned",
                 .roles = {{"William Ruto", "visitor"}},
                 .rule = "visit-paid-and"}}));
}

TEST(MeetingFinderTest, SecondVerbPhraseWithItsSubjectLeftOut) {
  EXPECT_EQ(Meetings("Secretary of State Marco Rubio met Israeli Prime "
                     "Minister Benjamin Netanyahu on Monday and will meet "
                     "Qatari Prime Minister Mohammed bin Abdulrahman Al Thani "
                     "on Wednesday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Marco Rubio", "Benjamin Netanyahu"},
                 .date = "2025-03-24",
                 .rule = "meeting-met"},
                {.kind = "meeting",
                 .participants = {"Marco Rubio",
                                  "Mohammed bin Abdulrahman Al Thani"},
                 .date = "2025-03-26",
                 .status = "planned",
                 .rule = "meeting-and-met"}}));
  EXPECT_EQ(Meetings("Secretary of State Marco Rubio travelled to Israel and "
                     "will then fly to Qatar."),
            (std::vector<MeetingView>{
                {.kind = "visit",
                 .participants = {"Marco Rubio", "QA"},
                 .location = "Qatar",
                 .status = "planned",
                 .roles = {{"Marco Rubio", "visitor"}},
                 .rule = "visit-went"},
                {.kind = "visit",
                 .participants = {"Marco Rubio", "IL"},
                 .location = "Israel",
                 .roles = {{"Marco Rubio", "visitor"}},
                 .rule = "visit-went-first"}}));
}

TEST(MeetingFinderTest, TravelledForAMeetingWith) {
  EXPECT_EQ(Meetings("Ukraine's President Volodymyr Zelensky arrived in "
                     "Washington on Friday for a meeting with President "
                     "Donald Trump."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Volodymyr Zelensky", "Donald Trump"},
                 .date = "2025-03-21",
                 .rule = "meeting-travelled-for"},
                {.kind = "visit",
                 .participants = {"Volodymyr Zelensky", "US"},
                 .date = "2025-03-21",
                 .location = "Washington",
                 .roles = {{"Volodymyr Zelensky", "visitor"}},
                 .rule = "visit-went"}}));
}

TEST(MeetingFinderTest, DiscussedInACallEndsTheTopicAtTheCall) {
  EXPECT_EQ(Meetings("Iranian Foreign Minister Abbas Araghchi and his Omani "
                     "counterpart Badr Albusaidi discussed the nuclear talks "
                     "in a phone call on Saturday."),
            (std::vector<MeetingView>{
                {.kind = "call",
                 .participants = {"Abbas Araghchi", "Badr Albusaidi"},
                 .date = "2025-03-22",
                 .topics = {"nuclear talks"},
                 .rule = "call-did-in"}}));
}

TEST(MeetingFinderTest, MetSeparatelyIsAMeetingWithEach) {
  EXPECT_EQ(Meetings("Spain's Prime Minister Pedro Sanchez met separately "
                     "with Moroccan King Mohammed VI and Algerian President "
                     "Abdelmadjid Tebboune on Monday."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Pedro Sanchez", "Mohammed VI"},
                 .date = "2025-03-24",
                 .rule = "meeting-met"},
                {.kind = "meeting",
                 .participants = {"Pedro Sanchez", "Abdelmadjid Tebboune"},
                 .date = "2025-03-24",
                 .rule = "meeting-met"}}));
}

TEST(MeetingFinderTest, TalksNounWithAndMeetingBetweenInAPlace) {
  EXPECT_EQ(Meetings("Secretary of State Antony Blinken's talks with Chinese "
                     "Foreign Minister Wang Yi lasted five hours."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"Antony Blinken", "Wang Yi"},
                 .rule = "talks-noun-with"}}));
  EXPECT_EQ(Meetings("The meeting between U.S. President Donald Trump and "
                     "Russian President Vladimir Putin in Anchorage lasted "
                     "three hours."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Donald Trump", "Vladimir Putin"},
                 .location = "Anchorage",
                 .rule = "meeting-between"}}));
}

TEST(MeetingFinderTest, PlaceBetweenTalksAndTheirParty) {
  EXPECT_EQ(Meetings("Russian Foreign Minister Sergei Lavrov on Thursday held "
                     "talks in Moscow with his Syrian counterpart Asaad "
                     "al-Shaibani."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"Sergei Lavrov", "Asaad al-Shaibani"},
                 .date = "2025-03-20",
                 .location = "Moscow",
                 .rule = "talks-held"}}));
}

TEST(MeetingFinderTest, GroupNamedAfterItAndWhatItDidAfterTalks) {
  EXPECT_EQ(Meetings("The two leaders, President Xi Jinping and President "
                     "Vladimir Putin, signed a joint statement after their "
                     "talks."),
            (std::vector<MeetingView>{
                {.kind = "talks",
                 .participants = {"Xi Jinping", "Vladimir Putin"},
                 .rule = "talks-did-at"}}));
}

TEST(MeetingFinderTest, BuildingBeforeTheCity) {
  EXPECT_EQ(Meetings("Kenyan President William Ruto on Monday hosted "
                     "Ethiopian Prime Minister Abiy Ahmed at State House in "
                     "Nairobi."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"William Ruto", "Abiy Ahmed"},
                 .date = "2025-03-24",
                 .location = "Nairobi",
                 .roles = {{"William Ruto", "host"}},
                 .rule = "meeting-hosted"}}));
}

TEST(MeetingFinderTest, StateVisitToTheHostsCountryOnlyWhereItIsNamed) {
  EXPECT_EQ(Meetings("King Charles III welcomed French President Emmanuel "
                     "Macron to Britain on Tuesday at the start of a "
                     "three-day state visit."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Charles III", "Emmanuel Macron"},
                 .date = "2025-03-18",
                 .roles = {{"Charles III", "host"}},
                 .rule = "meeting-hosted"},
                {.kind = "visit",
                 .participants = {"GB", "Emmanuel Macron"},
                 .date = "2025-03-18",
                 .roles = {{"Emmanuel Macron", "visitor"}},
                 .rule = "visit-hosted"}}));
  // Without "Britain" the visit would have one party: it is no record.
  EXPECT_EQ(Meetings("King Charles III welcomed French President Emmanuel "
                     "Macron to Windsor Castle on Tuesday at the start of a "
                     "three-day state visit."),
            (std::vector<MeetingView>{
                {.kind = "meeting",
                 .participants = {"Charles III", "Emmanuel Macron"},
                 .date = "2025-03-18",
                 .roles = {{"Charles III", "host"}},
                 .rule = "meeting-hosted"}}));
}

TEST(MeetingFinderTest, KindComesFromTheRuleId) {
  EXPECT_EQ(MeetingKindOfRule("talks-held"), MeetingKind::kTalks);
  EXPECT_EQ(MeetingKindOfRule("visit-noun"), MeetingKind::kVisit);
  EXPECT_EQ(MeetingKindOfRule("title-name"), std::nullopt);
  EXPECT_EQ(MeetingKindOfRule("meeting"), std::nullopt);
}

}  // namespace
}  // namespace parley

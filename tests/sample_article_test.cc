// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The bundled sample article (examples/data/seed-pak-afg-diplomacy.txt),
// end to end: every record, exactly.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "parley/extractor.h"

namespace parley {
namespace {

class SampleArticleTest : public testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(PARLEY_SAMPLE_ARTICLE, std::ios::binary);
    ASSERT_TRUE(in) << PARLEY_SAMPLE_ARTICLE;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    text_ = bytes.str();
    Result<Extractor> extractor = Extractor::Create();
    ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
    Result<Document> doc = extractor->Extract(
        text_, {.id = "seed", .document_date = "2025-03-24"});
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    doc_ = std::move(doc).value();
    for (const Person& p : doc_.people) names_[p.id] = p.name;
    for (const Country& c : doc_.countries) names_[c.id] = c.code;
    for (const Date& d : doc_.dates) names_[d.id] = d.value;
  }

  std::string text_;
  Document doc_;
  std::map<std::string, std::string> names_;  // record id -> name, code, value
};

TEST_F(SampleArticleTest, People) {
  std::vector<std::pair<std::string, std::vector<std::string>>> people;
  for (const Person& p : doc_.people) {
    std::vector<std::string> mentions;
    for (const Mention& m : p.mentions) mentions.push_back(m.text);
    people.emplace_back(p.name, mentions);
  }
  EXPECT_EQ(people,
            (std::vector<std::pair<std::string, std::vector<std::string>>>{
                {"Ishaq Dar", {"Ishaq Dar", "Dar", "Dar"}},
                {"Muhammad Sadiq",
                 {"Muhammad Sadiq", "Sadiq", "Sadiq", "Sadiq", "Sadiq"}},
                {"Amir Khan Muttaqi", {"Amir Khan Muttaqi"}},
                {"Nooruddin Azizi", {"Nooruddin Azizi"}}}));
}

TEST_F(SampleArticleTest, Countries) {
  std::vector<std::pair<std::string, std::size_t>> countries;
  for (const Country& c : doc_.countries) {
    countries.emplace_back(c.code, c.mentions.size());
  }
  // Not "Pakistan" inside "Tehreek-e-Taliban Pakistan"; "Afghan" counts.
  EXPECT_EQ(countries, (std::vector<std::pair<std::string, std::size_t>>{
                           {"PK", 5}, {"AF", 11}}));
}

TEST_F(SampleArticleTest, Offices) {
  std::vector<std::vector<std::string>> offices;
  for (const Office& o : doc_.offices) {
    offices.push_back({o.title, o.country.value_or("-"), names_[*o.holder]});
  }
  EXPECT_EQ(
      offices,
      (std::vector<std::vector<std::string>>{
          {"Foreign Minister", "PK", "Ishaq Dar"},
          {"Special Representative on Afghanistan", "PK", "Muhammad Sadiq"},
          {"Ambassador", "PK", "Muhammad Sadiq"},
          {"Acting Foreign Minister", "AF", "Amir Khan Muttaqi"},
          {"Acting Commerce Minister", "AF", "Nooruddin Azizi"}}));
}

TEST_F(SampleArticleTest, Dates) {
  std::vector<std::pair<std::string, std::string>> dates;
  for (const Date& d : doc_.dates) {
    for (const Mention& m : d.mentions) dates.emplace_back(m.text, d.value);
  }
  EXPECT_EQ(dates, (std::vector<std::pair<std::string, std::string>>{
                       {"Monday", "2025-03-24"}, {"March 22", "2025-03-22"}}));
}

TEST_F(SampleArticleTest, Meetings) {
  std::vector<std::vector<std::string>> meetings;
  for (const Meeting& m : doc_.meetings) {
    std::vector<std::string> row = {MeetingKindName(m.kind)};
    for (const std::string& p : m.participants) row.push_back(names_[p]);
    row.push_back(m.date ? names_[*m.date] : "-");
    row.push_back(m.location.value_or("-"));
    meetings.push_back(row);
  }
  EXPECT_EQ(
      meetings,
      (std::vector<std::vector<std::string>>{
          {"meeting", "Ishaq Dar", "2025-03-24", "-"},
          {"visit", "Muhammad Sadiq", "AF", "-", "Kabul"},
          {"meeting", "Muhammad Sadiq", "Amir Khan Muttaqi", "2025-03-22", "-"},
          {"talks", "Muhammad Sadiq", "Nooruddin Azizi", "-", "-"},
          {"briefing", "Muhammad Sadiq", "Ishaq Dar", "-", "-"}}));
}

TEST_F(SampleArticleTest, MeetingTopics) {
  std::vector<std::vector<std::string>> topics;
  for (const Meeting& m : doc_.meetings) topics.push_back(m.topics);
  EXPECT_EQ(topics, (std::vector<std::vector<std::string>>{
                        {},
                        {},
                        {"peace", "security", "trade", "people-to-people ties"},
                        {"economic collaboration and transit agreements"},
                        {}}));
}

}  // namespace
}  // namespace parley

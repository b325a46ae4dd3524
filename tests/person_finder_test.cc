// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// People through the whole pipeline with the default gazetteers and rules:
// the cues that find names, and the merging of short forms.

#include "person_finder.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "default_extractor.h"
#include "gazetteer.h"
#include "parley/extractor.h"
#include "tokenizer.h"

namespace parley {
namespace {

struct PersonView {
  std::string name;
  std::vector<std::string> mentions;
  std::optional<std::string> country;

  friend bool operator==(const PersonView&, const PersonView&) = default;
  friend std::ostream& operator<<(std::ostream& out, const PersonView& p) {
    out << p.name << " [";
    for (const std::string& m : p.mentions) out << m << ";";
    return out << "] " << p.country.value_or("-");
  }
};

// Countries are left out unless asked for: most people here are well-known
// office holders whose country the public_figure gazetteer supplies.
std::vector<PersonView> People(const std::string& text,
                               bool with_country = false) {
  Result<Document> doc = DefaultExtractor().Extract(text);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  std::vector<PersonView> out;
  for (const Person& person : doc->people) {
    PersonView view{.name = person.name};
    if (with_country) view.country = person.country;
    for (const Mention& m : person.mentions) {
      EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.text);
      view.mentions.push_back(m.text);
    }
    out.push_back(view);
  }
  return out;
}

TEST(PersonFinderTest, TitleBeforeNameAndLaterSurname) {
  EXPECT_EQ(People("Foreign Minister Ishaq Dar chaired the meeting. Dar "
                   "stressed the importance of talks."),
            (std::vector<PersonView>{
                {.name = "Ishaq Dar", .mentions = {"Ishaq Dar", "Dar"}}}));
}

TEST(PersonFinderTest, PossessiveShortFormJoinsTheFullName) {
  EXPECT_EQ(
      People("Ambassador Muhammad Sadiq arrived. Sadiq’s report was "
             "positive."),
      (std::vector<PersonView>{{.name = "Muhammad Sadiq",
                                .mentions = {"Muhammad Sadiq", "Sadiq"}}}));
}

TEST(PersonFinderTest, ShortFormInAHeadlineBeforeTheFullName) {
  EXPECT_EQ(People("Modi hosts summit\nPrime Minister Narendra Modi opened "
                   "it."),
            (std::vector<PersonView>{{.name = "Narendra Modi",
                                      .mentions = {"Modi", "Narendra Modi"}}}));
}

TEST(PersonFinderTest, SpeechVerbAndGivenNameCues) {
  EXPECT_EQ(
      People("Lavrov told reporters that Sergey Lavrov would travel."),
      (std::vector<PersonView>{
          {.name = "Sergey Lavrov", .mentions = {"Lavrov", "Sergey Lavrov"}}}));
}

TEST(PersonFinderTest, ParticlesAndHyphens) {
  EXPECT_EQ(
      People("Crown Prince Mohammed bin Salman met Ahmed al-Sharaa. "
             "Al-Sharaa said little."),
      (std::vector<PersonView>{
          {.name = "Mohammed bin Salman", .mentions = {"Mohammed bin Salman"}},
          {.name = "Ahmed al-Sharaa",
           .mentions = {"Ahmed al-Sharaa", "Al-Sharaa"}}}));
}

TEST(PersonFinderTest, FamilyNameFirst) {
  EXPECT_EQ(People("Xi Jinping and Wang Yi arrived. Xi spoke first."),
            (std::vector<PersonView>{
                {.name = "Xi Jinping", .mentions = {"Xi Jinping", "Xi"}},
                {.name = "Wang Yi", .mentions = {"Wang Yi"}}}));
}

TEST(PersonFinderTest, RomanizedGivenNameWithAHyphen) {
  EXPECT_EQ(People("President Moon Jae-in welcomed the talks. Moon spoke."),
            (std::vector<PersonView>{
                {.name = "Moon Jae-in", .mentions = {"Moon Jae-in", "Moon"}}}));
}

TEST(PersonFinderTest, SharedSurnameGoesToTheMostRecentlyNamed) {
  EXPECT_EQ(People("President Bashar al-Assad spoke. His father Hafez al-Assad "
                   "ruled before him. Assad died in 2000."),
            (std::vector<PersonView>{
                {.name = "Bashar al-Assad", .mentions = {"Bashar al-Assad"}},
                {.name = "Hafez al-Assad",
                 .mentions = {"Hafez al-Assad", "Assad"}}}));
}

TEST(PersonFinderTest, CountryComesFromTheOffice) {
  EXPECT_EQ(People("Pakistani Prime Minister Shehbaz Sharif spoke.",
                   /*with_country=*/true),
            (std::vector<PersonView>{{.name = "Shehbaz Sharif",
                                      .mentions = {"Shehbaz Sharif"},
                                      .country = "PK"}}));
}

TEST(PersonFinderTest, CountryOfAWellKnownHolder) {
  EXPECT_EQ(People("Lavrov told reporters that Sergey Lavrov would travel.",
                   /*with_country=*/true),
            (std::vector<PersonView>{{.name = "Sergey Lavrov",
                                      .mentions = {"Lavrov", "Sergey Lavrov"},
                                      .country = "RU"}}));
}

TEST(PersonFinderTest, WellKnownHolderWithInitialsOrFamilyNameFirst) {
  // The gazetteer lists "Gilberto Teodoro" and "Yoko Kamikawa".
  EXPECT_EQ(People("Secretary Gilberto C. Teodoro Jr. and Minister KAMIKAWA "
                   "Yoko met.",
                   /*with_country=*/true),
            (std::vector<PersonView>{{.name = "Gilberto C. Teodoro Jr.",
                                      .mentions = {"Gilberto C. Teodoro Jr."},
                                      .country = "PH"},
                                     {.name = "KAMIKAWA Yoko",
                                      .mentions = {"KAMIKAWA Yoko"},
                                      .country = "JP"}}));
  // Two words of an unknown name, either way round, are nobody known.
  EXPECT_EQ(People("Minister Kamikawa Tanaka met.", /*with_country=*/true),
            (std::vector<PersonView>{
                {.name = "Kamikawa Tanaka", .mentions = {"Kamikawa Tanaka"}}}));
}

TEST(PersonFinderTest, HonorificsAndInitials) {
  EXPECT_EQ(
      People("Dr. Amani Khalil met Foreign Secretary S. Venkatesh. Khalil and "
             "Venkatesh spoke."),
      (std::vector<PersonView>{
          {.name = "Amani Khalil", .mentions = {"Amani Khalil", "Khalil"}},
          {.name = "S. Venkatesh",
           .mentions = {"S. Venkatesh", "Venkatesh"}}}));
}

TEST(PersonFinderTest, DiacriticsAndHyphenatedNamesAtTheStartOfASentence) {
  EXPECT_EQ(People("José Ramos-Horta and Dagmar Šimková spoke in Dili."),
            (std::vector<PersonView>{
                {.name = "José Ramos-Horta", .mentions = {"José Ramos-Horta"}},
                {.name = "Dagmar Šimková", .mentions = {"Dagmar Šimková"}}}));
}

TEST(PersonFinderTest, AppositionAfterACountrysTitle) {
  EXPECT_EQ(People("Kenya's Foreign Minister, Musalia Mudavadi, arrived.",
                   /*with_country=*/true),
            (std::vector<PersonView>{{.name = "Musalia Mudavadi",
                                      .mentions = {"Musalia Mudavadi"},
                                      .country = "KE"}}));
}

TEST(PersonFinderTest, TitleCaseHeadlinesMonthsAndWeekdaysAreNotPeople) {
  EXPECT_EQ(People("Monday Talks Resume As Leaders Gather In Geneva\n"
                   "Officials said on Friday that May would be busy."),
            std::vector<PersonView>{});
}

TEST(PersonFinderTest, LaterNameWordMayNameAPeople) {
  EXPECT_EQ(People("Spokesperson Sardar Ali Baloch said talks would resume."),
            (std::vector<PersonView>{{.name = "Sardar Ali Baloch",
                                      .mentions = {"Sardar Ali Baloch"}}}));
}

TEST(PersonFinderTest, SingleNameAfterADescription) {
  EXPECT_EQ(People("Penny Wong held talks with her Indonesian counterpart "
                   "Sugiono."),
            (std::vector<PersonView>{
                {.name = "Penny Wong", .mentions = {"Penny Wong"}},
                {.name = "Sugiono", .mentions = {"Sugiono"}}}));
  // A weekday where the name would stand is none.
  EXPECT_EQ(People("Her counterpart Wednesday said the deal was close."),
            std::vector<PersonView>{});
}

TEST(PersonFinderTest, CapitalizedRoleNounsStayOutOfTheName) {
  EXPECT_EQ(People("Coach Carlo Ancelotti said his side met the challenge. "
                   "Founder Jeff Bezos agreed."),
            (std::vector<PersonView>{
                {.name = "Carlo Ancelotti", .mentions = {"Carlo Ancelotti"}},
                {.name = "Jeff Bezos", .mentions = {"Jeff Bezos"}}}));
}

TEST(PersonFinderTest, NotPeople) {
  EXPECT_EQ(People("According to the Foreign Office, Islamabad and the "
                   "White House said on Monday in March that talks help."),
            std::vector<PersonView>{});
}


// ResolvePeople alone, on spans given by token: each mention as
// "text=person" and each person as its words, so that the indexes by word
// and by whole name are tested apart from the rules.
struct Resolved {
  std::vector<std::string> mentions;
  std::vector<std::string> persons;

  friend bool operator==(const Resolved&, const Resolved&) = default;
  friend std::ostream& operator<<(std::ostream& out, const Resolved& r) {
    for (const std::string& m : r.mentions) out << m << ";";
    out << " |";
    for (const std::string& p : r.persons) out << " " << p << ";";
    return out;
  }
};

Resolved Resolve(const std::string& text,
                 const std::vector<std::pair<uint32_t, uint32_t>>& spans,
                 const std::vector<uint32_t>& particles = {}) {
  const Tokens tokens = Tokenize(text);
  NameWordClasses classes = ClassifyNameWords(tokens, Gazetteer(), {});
  for (uint32_t t : particles) classes.particle[t] = true;
  std::vector<NameSpan> names;
  for (const auto& [first, end] : spans) {
    names.push_back(NameSpan{.first_token = first, .end_token = end,
                             .rule = "test"});
  }
  const parley::People people = ResolvePeople(tokens, names, classes);
  Resolved out;
  for (const PersonMention& m : people.mentions) {
    const uint32_t begin = tokens.tokens[m.first_token].begin;
    const uint32_t end = tokens.tokens[m.end_token - 1].end;
    out.mentions.push_back(text.substr(begin, end - begin) + "=" +
                           std::to_string(m.person) + " " + m.source);
  }
  for (const PersonEntity& p : people.persons) {
    std::string words;
    for (std::string_view w : p.words) words.append(w).push_back(' ');
    out.persons.push_back(words + std::to_string(p.first_token) + "-" +
                          std::to_string(p.end_token));
  }
  return out;
}

TEST(ResolvePeopleTest, FullerNamesSharedSurnamesAndShortForms) {
  // 0 Ishaq 1 Dar 2 said 3 Muhammad 4 Ishaq 5 Dar 6 met 7 Ahmed 8 Dar
  // 9 then 10 Dar 11 and 12 Ishaq 13 left
  EXPECT_EQ(Resolve("Ishaq Dar said Muhammad Ishaq Dar met Ahmed Dar then "
                    "Dar and Ishaq left",
                    {{7, 9}, {0, 2}, {10, 11}, {3, 6}, {4, 6}}),
            (Resolved{.mentions = {"Ishaq Dar=0 rule:test",
                                   "Muhammad Ishaq Dar=0 rule:test",
                                   "Ahmed Dar=1 rule:test",
                                   "Dar=1 rule:test", "Ishaq=0 alias"},
                      .persons = {"muhammad ishaq dar 3-6",
                                  "ahmed dar 7-9"}}));
}

TEST(ResolvePeopleTest, ANameInsideALongerOneAndOneNamedLater) {
  // 0 Sharif 1 met 2 Shehbaz 3 Sharif 4 and 5 Nawaz 6 Sharif 7 then
  // 8 Nawaz 9 Sharif 10 spoke
  EXPECT_EQ(Resolve("Sharif met Shehbaz Sharif and Nawaz Sharif then Nawaz "
                    "Sharif spoke",
                    {{0, 1}, {2, 4}, {5, 7}, {8, 10}}),
            (Resolved{.mentions = {"Sharif=0 rule:test",
                                   "Shehbaz Sharif=0 rule:test",
                                   "Nawaz Sharif=1 rule:test",
                                   "Nawaz Sharif=1 rule:test"},
                      .persons = {"shehbaz sharif 2-4", "nawaz sharif 5-7"}}));
}

TEST(ResolvePeopleTest, ParticlesHyphensAndWordlessSpans) {
  // 0 Ahmed 1 al 2 - 3 Sharaa 4 spoke 5 and 6 al 7 - 8 Sharaa 9 left
  EXPECT_EQ(Resolve("Ahmed al-Sharaa spoke and al-Sharaa left", {{0, 4}},
                    {1, 6}),
            (Resolved{.mentions = {"Ahmed al-Sharaa=0 rule:test",
                                   "al-Sharaa=0 alias"},
                      .persons = {"ahmed al sharaa 0-4"}}));
  // A span of a hyphen alone has no words, and one that ends in a hyphen
  // is a one-word name whose word is that hyphen: odd, but no crash.
  // 0 Dar 1 - 2 Khan 3 - 4 x
  EXPECT_EQ(Resolve("Dar - Khan - x", {{0, 2}, {3, 4}}),
            (Resolved{.mentions = {"Dar -=0 rule:test", "-=1 rule:test"},
                      .persons = {"- 1-2", "3-4"}}));
}

}  // namespace
}  // namespace parley

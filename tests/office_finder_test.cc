// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Offices through the whole pipeline with the default gazetteers and rules:
// each form news uses, with its exact (title, country, holder).

#include "office_finder.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "default_extractor.h"
#include "gazetteer.h"
#include "parley/extractor.h"
#include "person_finder.h"
#include "tokenizer.h"

namespace parley {
namespace {

struct OfficeView {
  std::string title;
  std::optional<std::string> country;
  std::optional<std::string> organization;
  std::string holder;  // the holder's name
  bool former = false;
  bool elect = false;

  friend bool operator==(const OfficeView&, const OfficeView&) = default;
  friend std::ostream& operator<<(std::ostream& out, const OfficeView& o) {
    return out << o.title << " / " << o.country.value_or("-") << " / "
               << o.organization.value_or("-") << " / " << o.holder
               << (o.former ? " (former)" : "") << (o.elect ? " (elect)" : "");
  }
};

std::vector<OfficeView> Offices(const std::string& text) {
  Result<Document> doc = DefaultExtractor().Extract(text);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  std::vector<OfficeView> out;
  for (const Office& office : doc->offices) {
    std::string holder;
    for (const Person& person : doc->people) {
      if (office.holder == person.id) holder = person.name;
    }
    for (const Mention& m : office.mentions) {
      EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.text);
    }
    out.push_back(OfficeView{.title = office.title,
                             .country = office.country,
                             .organization = office.organization,
                             .holder = holder,
                             .former = office.former,
                             .elect = office.elect});
  }
  return out;
}

TEST(OfficeFinderTest, AdjectiveTitleName) {
  EXPECT_EQ(Offices("Pakistani Prime Minister Shehbaz Sharif spoke."),
            (std::vector<OfficeView>{{.title = "Prime Minister",
                                      .country = "PK",
                                      .holder = "Shehbaz Sharif"}}));
}

TEST(OfficeFinderTest, PossessiveTitleCommaName) {
  EXPECT_EQ(Offices("He met Afghanistan’s Acting Foreign Minister, Amir Khan "
                    "Muttaqi, in Kabul."),
            (std::vector<OfficeView>{{.title = "Acting Foreign Minister",
                                      .country = "AF",
                                      .holder = "Amir Khan Muttaqi"}}));
}

TEST(OfficeFinderTest, TwoTitlesBeforeOneName) {
  EXPECT_EQ(Offices("Saudi Crown Prince and Prime Minister Mohammed bin "
                    "Salman arrived."),
            (std::vector<OfficeView>{{.title = "Crown Prince",
                                      .country = "SA",
                                      .holder = "Mohammed bin Salman"},
                                     {.title = "Prime Minister",
                                      .country = "SA",
                                      .holder = "Mohammed bin Salman"}}));
}

TEST(OfficeFinderTest, TitleNameOfCountry) {
  EXPECT_EQ(Offices("President Emmanuel Macron of France arrived."),
            (std::vector<OfficeView>{{.title = "President",
                                      .country = "FR",
                                      .holder = "Emmanuel Macron"}}));
}

TEST(OfficeFinderTest, TitleOfAnOrganizationBeforeTheName) {
  EXPECT_EQ(Offices("Secretary-General of NATO Mark Rutte spoke in Brussels."),
            (std::vector<OfficeView>{{.title = "Secretary-General",
                                      .organization = "NATO",
                                      .holder = "Mark Rutte"}}));
  EXPECT_EQ(Offices("The president of the European Commission, Ursula von "
                    "der Leyen, spoke."),
            (std::vector<OfficeView>{{.title = "president",
                                      .organization = "European Commission",
                                      .holder = "Ursula von der Leyen"}}));
}

TEST(OfficeFinderTest, NameCommaTitleWithSubject) {
  EXPECT_EQ(Offices("Keith Kellogg, the US Special Envoy for Ukraine, said "
                    "so."),
            (std::vector<OfficeView>{{.title = "Special Envoy for Ukraine",
                                      .country = "US",
                                      .holder = "Keith Kellogg"}}));
}

TEST(OfficeFinderTest, FormerIsAFlagNotPartOfTheTitle) {
  EXPECT_EQ(
      Offices("Former President Bill Clinton spoke."),
      (std::vector<OfficeView>{
          {.title = "President", .holder = "Bill Clinton", .former = true}}));
}

TEST(OfficeFinderTest, InternationalOfficeHasAnOrganization) {
  EXPECT_EQ(Offices("UN Secretary-General António Guterres spoke."),
            (std::vector<OfficeView>{{.title = "Secretary-General",
                                      .organization = "UN",
                                      .holder = "António Guterres"}}));
}

TEST(OfficeFinderTest, LongestTitlePhraseBeforeARankThatIsAlsoAWordOfIt) {
  // "General" is also a rank ("General Asim Munir"): the title is the
  // longer phrase, not "Secretary" followed by a rank.
  EXPECT_EQ(Offices("NATO Secretary General Mark Rutte spoke."),
            (std::vector<OfficeView>{{.title = "Secretary General",
                                      .organization = "NATO",
                                      .holder = "Mark Rutte"}}));
}

TEST(OfficeFinderTest, CompanyPostsAreNoOffices) {
  // A post that companies have too needs a state or an organization.
  EXPECT_EQ(Offices("Apple chief executive Tim Cook met reporters."),
            std::vector<OfficeView>{});
  EXPECT_EQ(Offices("Hong Kong Chief Executive John Lee met reporters."),
            (std::vector<OfficeView>{{.title = "Chief Executive",
                                      .country = "HK",
                                      .holder = "John Lee"}}));
  // A portfolio makes it a state's; so does a longer head that is no
  // company's ("Army Chief", not "Chief").
  EXPECT_EQ(Offices("Secretary of National Defense Gilberto Teodoro and "
                    "Army Chief General Asad Munir spoke."),
            (std::vector<OfficeView>{
                {.title = "Secretary of National Defense",
                 .country = "PH",
                 .holder = "Gilberto Teodoro"},
                {.title = "Army Chief", .holder = "Asad Munir"}}));
}

TEST(OfficeFinderTest, WhereAnEnvoyIsSentStaysInTheTitle) {
  EXPECT_EQ(Offices("Russia's Ambassador to the UN Vassily Nebenzia and "
                    "Special Envoy for the Middle East Steve Witkoff spoke."),
            (std::vector<OfficeView>{
                {.title = "Ambassador to the UN",
                 .country = "RU",
                 .holder = "Vassily Nebenzia"},
                {.title = "Special Envoy for the Middle East",
                 .country = "US",
                 .holder = "Steve Witkoff"}}));
}

TEST(OfficeFinderTest, ShortTitleTakesTheHoldersCountry) {
  EXPECT_EQ(
      Offices("Japan's Minister for Foreign Affairs Yoko Kamikawa "
              "arrived. Minister Kamikawa spoke."),
      (std::vector<OfficeView>{
          {.title = "Minister for Foreign Affairs",
           .country = "JP",
           .holder = "Yoko Kamikawa"},
          {.title = "Minister", .country = "JP", .holder = "Yoko Kamikawa"}}));
}

TEST(OfficeFinderTest, KnownHolderGivesTheStateTheTextLeavesOut) {
  Result<Extractor> extractor = Extractor::Create(
      {.gazetteers = {{.name = "figures.tsv",
                       .text = "Alma Quist\tpublic_figure\tAlma_Quist\t"
                               "country=SE\tname=Alma Quist\n"}}});
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  Result<Document> doc =
      extractor->Extract("Prime Minister Alma Quist spoke. Quist left.");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->people.size(), 1u);
  EXPECT_EQ(doc->people[0].name, "Alma Quist");
  EXPECT_EQ(doc->people[0].country, "SE");
  ASSERT_EQ(doc->offices.size(), 1u);
  EXPECT_EQ(doc->offices[0].title, "Prime Minister");
  EXPECT_EQ(doc->offices[0].country, "SE");
}

TEST(OfficeFinderTest, StatedStateWinsOverTheKnownOne) {
  Result<Extractor> extractor = Extractor::Create(
      {.gazetteers = {{.name = "figures.tsv",
                       .text = "Alma Quist\tpublic_figure\tAlma_Quist\t"
                               "country=SE\tname=Alma Quist\n"}}});
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  Result<Document> doc =
      extractor->Extract("Norwegian Ambassador Alma Quist spoke.");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->offices.size(), 1u);
  EXPECT_EQ(doc->offices[0].country, "NO");
}

TEST(OfficeFinderTest, LowercaseTitleOfACountryBeforeTheName) {
  EXPECT_EQ(Offices("The foreign minister of Egypt, Badr Abdelatty, spoke."),
            (std::vector<OfficeView>{{.title = "foreign minister",
                                      .country = "EG",
                                      .holder = "Badr Abdelatty"}}));
}

TEST(OfficeFinderTest, WhoHeadsAMinistry) {
  EXPECT_EQ(Offices("Amina Mohammed, who heads the finance ministry, spoke."),
            (std::vector<OfficeView>{{.title = "head of the finance ministry",
                                      .holder = "Amina Mohammed"}}));
  EXPECT_EQ(Offices("Li Qiang, who leads China's commerce ministry, spoke."),
            (std::vector<OfficeView>{{.title = "head of the commerce ministry",
                                      .country = "CN",
                                      .holder = "Li Qiang"}}));
}

TEST(OfficeFinderTest, ElectIsAFlagNotPartOfTheTitle) {
  EXPECT_EQ(Offices("Kenya's President-elect William Ruto thanked voters."),
            (std::vector<OfficeView>{{.title = "President",
                                      .country = "KE",
                                      .holder = "William Ruto",
                                      .elect = true}}));
}

TEST(OfficeFinderTest, WhoServesAs) {
  EXPECT_EQ(Offices("Pakistan's Deputy Prime Minister Ishaq Dar, who also "
                    "serves as foreign minister, spoke."),
            (std::vector<OfficeView>{{.title = "Deputy Prime Minister",
                                      .country = "PK",
                                      .holder = "Ishaq Dar"},
                                     {.title = "foreign minister",
                                      .country = "PK",
                                      .holder = "Ishaq Dar"}}));
}

TEST(OfficeFinderTest, AsTitleCommaName) {
  EXPECT_EQ(Offices("On her first trip as Britain's foreign secretary, Yvette "
                    "Cooper met reporters."),
            (std::vector<OfficeView>{{.title = "foreign secretary",
                                      .country = "GB",
                                      .holder = "Yvette Cooper"}}));
}

TEST(OfficeFinderTest, CountryWhoseTitleName) {
  EXPECT_EQ(Offices("He travels on to Slovakia, whose Prime Minister, Robert "
                    "Fico, will host him."),
            (std::vector<OfficeView>{{.title = "Prime Minister",
                                      .country = "SK",
                                      .holder = "Robert Fico"}}));
}

TEST(OfficeFinderTest, PossessiveTitleOfAnAide) {
  EXPECT_EQ(Offices("The president summoned his national security adviser, "
                    "Jake Sullivan, on Friday."),
            (std::vector<OfficeView>{{.title = "national security adviser",
                                      .country = "US",
                                      .holder = "Jake Sullivan"}}));
}

TEST(OfficeFinderTest, TitleBeforeAFamilyNameThatIsAlsoAWord) {
  EXPECT_EQ(
      Offices("China's Vice Premier He Lifeng met the delegation."),
      (std::vector<OfficeView>{
          {.title = "Vice Premier", .country = "CN", .holder = "He Lifeng"}}));
}

TEST(OfficeFinderTest, GivenNameThatIsAlsoACity) {
  EXPECT_EQ(
      Offices("Paraguayan President Santiago Peña met envoys in "
              "Santiago."),
      (std::vector<OfficeView>{
          {.title = "President", .country = "PY", .holder = "Santiago Peña"}}));
}

TEST(OfficeFinderTest, GivenNamesThatAreAlsoPlacesNotMarkedSo) {
  EXPECT_EQ(Offices("French Defence Minister Florence Parly met Czech Prime "
                    "Minister Milan Hovorka in Prague."),
            (std::vector<OfficeView>{{.title = "Defence Minister",
                                      .country = "FR",
                                      .holder = "Florence Parly"},
                                     {.title = "Prime Minister",
                                      .country = "CZ",
                                      .holder = "Milan Hovorka"}}));
  EXPECT_EQ(Offices("The President of Kuwait, Sheikh Sabah Al-Ahmad, spoke."),
            (std::vector<OfficeView>{{.title = "President",
                                      .country = "KW",
                                      .holder = "Sabah Al-Ahmad"}}));
}

TEST(OfficeFinderTest, TitleThatIsAlsoAGivenNameBeforeAnHonorificOrOf) {
  EXPECT_EQ(Offices("Kuwait's Emir Sheikh Meshal spoke."),
            (std::vector<OfficeView>{
                {.title = "Emir", .country = "KW", .holder = "Meshal"}}));
  EXPECT_EQ(Offices("The Sultan of Oman, Haitham bin Tariq, received the "
                    "envoy in Muscat."),
            (std::vector<OfficeView>{{.title = "Sultan",
                                      .country = "OM",
                                      .holder = "Haitham bin Tariq"}}));
  EXPECT_EQ(Offices("Amir Khan Muttaqi met Sultan Al Jaber in Dubai."),
            (std::vector<OfficeView>{}));
}

TEST(OfficeFinderTest, TitleBetweenTwoNamesBelongsToTheNearer) {
  EXPECT_EQ(Offices("The talks brought together Tillerson, Prime Minister "
                    "Shahid Khaqan Abbasi and Foreign Minister Khawaja Asif."),
            (std::vector<OfficeView>{{.title = "Prime Minister",
                                      .country = "PK",
                                      .holder = "Shahid Khaqan Abbasi"},
                                     {.title = "Foreign Minister",
                                      .country = "PK",
                                      .holder = "Khawaja Asif"}}));
}


// FindOffices alone, on claims given by token: one office per title (in
// any case) and holder, in the order of their first claims, and a title
// claimed for two people goes to the nearer.
TEST(FindOfficesTest, OneOfficePerTitleAndHolderInClaimOrder) {
  // 0 Foreign 1 Minister 2 Dar 3 met 4 Foreign 5 Minister 6 Wang 7 and
  // 8 foreign 9 minister 10 Dar
  const std::string text =
      "Foreign Minister Dar met Foreign Minister Wang and foreign minister Dar";
  const Tokens tokens = Tokenize(text);
  const Gazetteer gazetteer;
  const std::vector<NameSpan> names = {
      {.first_token = 2, .end_token = 3, .rule = "n"},
      {.first_token = 6, .end_token = 7, .rule = "n"},
      {.first_token = 10, .end_token = 11, .rule = "n"}};
  const parley::People people =
      ResolvePeople(tokens, names, ClassifyNameWords(tokens, gazetteer, {}));
  ASSERT_EQ(people.persons.size(), 2u);  // Dar, Wang
  const auto claim = [](uint32_t title_first, uint32_t person_first,
                        std::string_view rule) {
    return OfficeClaim{.title_first = title_first,
                       .title_end = title_first + 2,
                       .person_first = person_first,
                       .person_end = person_first + 1,
                       .rule = rule};
  };
  const std::vector<OfficeClaim> claims = {claim(4, 6, "b"), claim(0, 2, "a"),
                                           claim(8, 10, "c"), claim(0, 6, "d")};
  const std::vector<OfficeFinding> offices = FindOffices(
      text, tokens, claims, people, gazetteer, {}, {"", ""});
  ASSERT_EQ(offices.size(), 2u);
  EXPECT_EQ(offices[0].title, "Foreign Minister");
  EXPECT_EQ(offices[0].holder, 1u);
  ASSERT_EQ(offices[0].mentions.size(), 1u);
  EXPECT_EQ(offices[0].mentions[0].first_token, 4u);
  EXPECT_EQ(offices[0].mentions[0].source, "rule:b");
  EXPECT_EQ(offices[1].title, "Foreign Minister");
  EXPECT_EQ(offices[1].holder, 0u);
  ASSERT_EQ(offices[1].mentions.size(), 2u);
  EXPECT_EQ(offices[1].mentions[0].first_token, 0u);
  EXPECT_EQ(offices[1].mentions[0].source, "rule:a");
  EXPECT_EQ(offices[1].mentions[1].first_token, 8u);
  EXPECT_EQ(offices[1].mentions[1].source, "rule:c");
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Countries through the whole pipeline with the default gazetteers: each
// trap of news text as a sentence with its exact country records.

#include "country_finder.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "default_extractor.h"
#include "parley/extractor.h"

namespace parley {
namespace {

// (code, mention texts) per country record, in record order.
using CountryView =
    std::vector<std::pair<std::string, std::vector<std::string>>>;

CountryView Countries(const std::string& text) {
  Result<Document> doc = DefaultExtractor().Extract(text);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  CountryView out;
  for (const Country& country : doc->countries) {
    std::vector<std::string> texts;
    for (const Mention& m : country.mentions) {
      EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.text);
      texts.push_back(m.text);
    }
    out.emplace_back(country.code, texts);
  }
  return out;
}

TEST(CountryFinderTest, NamesShortFormsAndAdjectives) {
  EXPECT_EQ(Countries("Pakistan’s envoy met Afghan officials and a "
                      "U.S. delegation in Britain."),
            (CountryView{{"PK", {"Pakistan"}},
                         {"AF", {"Afghan"}},
                         {"US", {"U.S."}},
                         {"GB", {"Britain"}}}));
}

TEST(CountryFinderTest, RecordCarriesCanonicalNameAndProvenance) {
  Result<Document> doc =
      DefaultExtractor().Extract("Talks with Türkiye resumed.");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->countries.size(), 1u);
  EXPECT_EQ(doc->countries[0].id, "C1");
  EXPECT_EQ(doc->countries[0].code, "TR");
  EXPECT_EQ(doc->countries[0].name, "Türkiye");
  ASSERT_EQ(doc->countries[0].mentions.size(), 1u);
  EXPECT_EQ(doc->countries[0].mentions[0].begin, 11u);
  EXPECT_EQ(doc->countries[0].mentions[0].end, 19u);
  EXPECT_EQ(doc->countries[0].mentions[0].source.rfind("countries.tsv:", 0),
            0u);
}

TEST(CountryFinderTest, HyphenatedCompounds) {
  EXPECT_EQ(Countries("U.S.-Pakistan ties and the Sino-Indian border."),
            (CountryView{{"US", {"U.S."}},
                         {"PK", {"Pakistan"}},
                         {"CN", {"Sino"}},
                         {"IN", {"Indian"}}}));
}

TEST(CountryFinderTest, PrefixAloneIsNotACountry) {
  EXPECT_EQ(Countries("Indo is a word here."), CountryView{});
}

TEST(CountryFinderTest, CountryWordsInsideOrganizationNames) {
  EXPECT_EQ(Countries("The banned Tehreek-e-Taliban Pakistan (TTP) and "
                      "Pakistan Tehreek-e-Insaf were named."),
            CountryView{});
  EXPECT_EQ(Countries("The Bank of England, Qatar Airways, China Daily, "
                      "Air India and the Korea Exchange reported."),
            CountryView{});
}

TEST(CountryFinderTest, SeasAndWarsAreNotCountries) {
  EXPECT_EQ(Countries("Ships sailed the South China Sea after the Korean "
                      "War memorial."),
            CountryView{});
}

TEST(CountryFinderTest, CapitalStandingForGovernmentIsAPlace) {
  EXPECT_EQ(Countries("Islamabad said Beijing rejected the claim."),
            CountryView{});
}

TEST(CountryFinderTest, AmbiguousGivenNameBeforeASurnameIsAPerson) {
  EXPECT_EQ(Countries("Jordan Bardella spoke in Paris."), CountryView{});
  EXPECT_EQ(Countries("Jordan's king visited Chad."),
            (CountryView{{"JO", {"Jordan"}}, {"TD", {"Chad"}}}));
}

TEST(CountryFinderTest, AmbiguousSurnameBesideANameIsNoCountry) {
  EXPECT_EQ(Countries("Lao President Thongloun Sisoulith met Vietnamese and "
                      "Lao officials."),
            (CountryView{{"LA", {"Lao", "Lao"}}, {"VN", {"Vietnamese"}}}));
  EXPECT_EQ(Countries("Mr. Lao said so, and Lao Zhiming agreed."),
            CountryView{});
}

TEST(CountryFinderTest, CountryWordInsideAPersonsNameIsNoCountry) {
  EXPECT_EQ(Countries("Michael Jordan visited Amman, Jordan."),
            (CountryView{{"JO", {"Jordan"}}}));
  EXPECT_EQ(Countries("Senator Chad Smith of Ohio spoke."), CountryView{});
}

TEST(CountryFinderTest, GeorgiaTheStateOrTheCountryByItsCues) {
  EXPECT_EQ(Countries("Governor Brian Kemp of Georgia signed the bill in "
                      "Atlanta."),
            CountryView{});
  EXPECT_EQ(Countries("Georgia and Armenia signed a border deal in Tbilisi."),
            (CountryView{{"GE", {"Georgia"}}, {"AM", {"Armenia"}}}));
  EXPECT_EQ(Countries("Russia warned Georgia."),
            (CountryView{{"RU", {"Russia"}}, {"GE", {"Georgia"}}}));
}

TEST(CountryFinderTest, CongoIsTheDemocraticRepublicWhenTheTextSaysSo) {
  EXPECT_EQ(Countries("Rebels advanced on Goma as Congo's army retreated."),
            (CountryView{{"CD", {"Congo"}}}));
  EXPECT_EQ(Countries("Congo held elections in Brazzaville."),
            (CountryView{{"CG", {"Congo"}}}));
  EXPECT_EQ(Countries("The Democratic Republic of Congo and the Republic of "
                      "the Congo are neighbours."),
            (CountryView{{"CD", {"Democratic Republic of Congo"}},
                         {"CG", {"Republic of the Congo"}}}));
}

TEST(CountryFinderTest, NigerAndNigeriaAreTwoCountries) {
  EXPECT_EQ(Countries("Troops from Niger and Nigeria patrolled the border."),
            (CountryView{{"NE", {"Niger"}}, {"NG", {"Nigeria"}}}));
}

TEST(CountryFinderTest, ShortFormsNewsUses) {
  EXPECT_EQ(Countries("Envoys of the Vatican, Kosovo, Czechia, Türkiye and "
                      "the Ivory Coast met Emirati and Saudi officials."),
            (CountryView{{"VA", {"Vatican"}},
                         {"XK", {"Kosovo"}},
                         {"CZ", {"Czechia"}},
                         {"TR", {"Türkiye"}},
                         {"CI", {"Ivory Coast"}},
                         {"AE", {"Emirati"}},
                         {"SA", {"Saudi"}}}));
}

TEST(CountryFinderTest, CaseExactEntries) {
  EXPECT_EQ(Countries("Let us eat turkey in Turkey with the US team."),
            (CountryView{{"TR", {"Turkey"}}, {"US", {"US"}}}));
}

TEST(CountryFinderTest, RepeatedMentionsJoinOneRecord) {
  EXPECT_EQ(Countries("India and China met. India's view differed."),
            (CountryView{{"IN", {"India", "India"}}, {"CN", {"China"}}}));
}

}  // namespace
}  // namespace parley

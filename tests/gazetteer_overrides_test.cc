// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/gazetteer_overrides.cc: which entries of earlier sources an
// entry of a later source replaces, and where the survivors go, on sources
// parsed and put in a trie as Gazetteer::Builder does.

#include "gazetteer_overrides.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gazetteer.h"
#include "gazetteer_tsv.h"
#include "phrase_trie.h"

namespace parley {
namespace {

using ::testing::ElementsAre;

// The entry order that overrides leave among `sources`, each a TSV text,
// in the order added.
std::vector<uint32_t> OrderAfterOverrides(
    const std::vector<std::string_view>& sources) {
  std::vector<GazetteerEntry> entries;
  PhraseTokens phrases;
  for (uint32_t source = 0; source < sources.size(); ++source) {
    const Status status = ParseGazetteerTsv("test.tsv", source, sources[source],
                                            &entries, &phrases);
    EXPECT_TRUE(status.ok()) << status.ToString();
  }
  std::unordered_map<std::string, uint32_t> type_ids;
  for (GazetteerEntry& entry : entries) {
    entry.type_id =
        type_ids.try_emplace(entry.type, type_ids.size()).first->second;
  }
  PhraseTrie trie(phrases.token_count(), entries.size());
  std::vector<uint32_t> end_node;
  for (size_t entry = 0; entry < entries.size(); ++entry) {
    uint32_t node = PhraseTrie::kRoot;
    for (const PhraseToken& token : phrases.Of(entry)) {
      node = trie.Extend(node, phrases.Norm(token));
    }
    end_node.push_back(node);
  }
  trie.SetEnds(end_node);
  return EntriesAfterOverrides(entries, phrases, trie);
}

TEST(GazetteerOverridesTest, KeepsEveryEntryOfOneSource) {
  EXPECT_THAT(OrderAfterOverrides({"Punjab\tprovince\tPK-PB\n"
                                   "Punjab\tprovince\tIN-PB\n"
                                   "PUNJAB\tprovince\tPK-PB\n"}),
              ElementsAre(0, 1, 2));
}

TEST(GazetteerOverridesTest, LaterEntryTakesThePlaceOfTheFirstReplaced) {
  EXPECT_THAT(OrderAfterOverrides({"Georgia\tcountry\tGE\n"
                                   "Punjab\tprovince\tPK-PB\n"
                                   "Punjab\tprovince\tIN-PB\n"
                                   "Sindh\tprovince\tPK-SD\n",
                                   "punjab\tprovince\tPK-PB\tname=Punjab\n"}),
              ElementsAre(0, 4, 3));
}

TEST(GazetteerOverridesTest, KeepsAllEntriesOfTheLatestSourceWithTheKey) {
  EXPECT_THAT(OrderAfterOverrides({"Punjab\tprovince\tPK-PB\n"
                                   "Kabul\tcity\tKabul\n",
                                   "Punjab\tprovince\tIN-PB\n"
                                   "Punjab\tprovince\tPK-PB\n"}),
              ElementsAre(2, 1, 3));
}

TEST(GazetteerOverridesTest, OnlyTheLatestOfSeveralSourcesSurvives) {
  EXPECT_THAT(OrderAfterOverrides({"Georgia\tcountry\tGE\n",
                                   "Georgia\tcountry\tGE\tcapital=Tbilisi\n",
                                   "GEORGIA\tcountry\tGE\tcapital=Tiflis\n"}),
              ElementsAre(2));
}

TEST(GazetteerOverridesTest, KeyHasTypeCaseAndNormalizedTokens) {
  EXPECT_THAT(OrderAfterOverrides({"Georgia\tcountry\tGE\n"
                                   "Georgia\tstate\tUS-GA\n"
                                   "Punjab\tprovince\tPK-PB\n",
                                   // Another type, or case-exact: new keys.
                                   "Georgia\tcity\tGeorgia\n"
                                   "Georgia\tcountry\tGE\tcase=exact\n"
                                   // Other tokens: "punjabi", "punjab -".
                                   "Punjabi\tprovince\tPK-PB\n"
                                   "Punjab-\tprovince\tPK-PB\n"
                                   // The same norms: "georgia".
                                   "GÉORGIA\tstate\tUS-GA\n"}),
              ElementsAre(0, 7, 2, 3, 4, 5, 6));
}

TEST(GazetteerOverridesTest, CaseExactKeysHaveTheExactTokenTexts) {
  EXPECT_THAT(OrderAfterOverrides({"US\tcountry\tUS\tcase=exact\n"
                                   "U.S.\tcountry\tUS\tcase=exact\n",
                                   "Us\tcountry\tUS-TITLE\tcase=exact\n"
                                   "US\tcountry\tUS-LOOSE\n",
                                   "US\tcountry\tUS\tcase=exact\tname=US\n"}),
              ElementsAre(4, 1, 2, 3));
}

}  // namespace
}  // namespace parley

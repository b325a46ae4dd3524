// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/phrase_trie.cc: the word vocabulary's ids, including words
// that its hash alone must tell apart, the edge table, and building and
// walking a trie of office titles, down to the nodes no phrase goes on
// from.

#include "phrase_trie.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace parley {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(WordVocabularyTest, NumbersWordsInTheOrderFirstInterned) {
  WordVocabulary vocabulary(3);
  EXPECT_EQ(vocabulary.Find("prime"), WordVocabulary::kNoWord);
  EXPECT_EQ(vocabulary.Intern("prime"), 0u);
  EXPECT_EQ(vocabulary.Intern("minister"), 1u);
  EXPECT_EQ(vocabulary.Intern("prime"), 0u);
  EXPECT_EQ(vocabulary.Intern("-"), 2u);
  EXPECT_EQ(vocabulary.Find("prime"), 0u);
  EXPECT_EQ(vocabulary.Find("minister"), 1u);
  EXPECT_EQ(vocabulary.Find("-"), 2u);
  EXPECT_EQ(vocabulary.Find("Prime"), WordVocabulary::kNoWord);
  EXPECT_EQ(vocabulary.Find("ministers"), WordVocabulary::kNoWord);
  EXPECT_EQ(vocabulary.Find(""), WordVocabulary::kNoWord);
}

// Words of up to eight bytes are compared by hash and size alone, so the
// hash must differ for any two of one length: here, words that differ in
// one byte at each position, and in the bytes that the hash of words of
// under four bytes does not load twice.
TEST(WordVocabularyTest, TellsApartShortWordsThatDifferInOneByte) {
  std::vector<std::string> words;
  for (size_t size = 1; size <= 8; ++size) {
    words.emplace_back(size, 'a');
    for (size_t at = 0; at < size; ++at) {
      std::string word(size, 'a');
      word[at] = 'b';
      words.push_back(word);
      word[at] = '\xC3';
      words.push_back(word);
    }
  }
  WordVocabulary vocabulary(words.size());
  std::set<uint32_t> ids;
  for (const std::string& word : words) ids.insert(vocabulary.Intern(word));
  EXPECT_EQ(ids.size(), words.size());
  for (uint32_t id = 0; id < words.size(); ++id) {
    EXPECT_EQ(vocabulary.Find(words[id]), id) << words[id];
  }
}

TEST(WordVocabularyTest, TellsApartLongWordsOfOneLength) {
  const std::vector<std::string_view> kWords = {
      "Llanfairpwllgwyngyll", "Llanfairpwllgwyngylm", "Mlanfairpwllgwyngyll",
      "Llanfairpwmlgwyngyll", "international",        "internetional",
      "ambassador",           "ambassadors",          "ambassadorial"};
  WordVocabulary vocabulary(kWords.size());
  for (uint32_t id = 0; id < kWords.size(); ++id) {
    EXPECT_EQ(vocabulary.Intern(kWords[id]), id) << kWords[id];
  }
  for (uint32_t id = 0; id < kWords.size(); ++id) {
    EXPECT_EQ(vocabulary.Find(kWords[id]), id) << kWords[id];
  }
  EXPECT_EQ(vocabulary.Find("Llanfairpwllgwyngylk"), WordVocabulary::kNoWord);
}

TEST(WordVocabularyTest, HoldsAsManyWordsAsItWasSizedFor) {
  constexpr uint32_t kCount = 5000;
  WordVocabulary vocabulary(kCount);
  for (uint32_t i = 0; i < kCount; ++i) {
    ASSERT_EQ(vocabulary.Intern("w" + std::to_string(i)), i);
  }
  for (uint32_t i = 0; i < kCount; ++i) {
    ASSERT_EQ(vocabulary.Find("w" + std::to_string(i)), i);
  }
  EXPECT_EQ(vocabulary.Find("w" + std::to_string(kCount)),
            WordVocabulary::kNoWord);
}

TEST(EdgeTableTest, KeepsTheFirstChildOfAnEdge) {
  EdgeTable edges(3);
  EXPECT_EQ(edges.Find(1, 0), EdgeTable::kNoNode);
  EXPECT_EQ(edges.FindOrAdd(1, 0, 5), 5u);
  EXPECT_EQ(edges.FindOrAdd(1, 0, 6), 5u);
  EXPECT_EQ(edges.Find(1, 0), 5u);
  // Node and word are two halves of the key, not mixed.
  EXPECT_EQ(edges.Find(0, 1), EdgeTable::kNoNode);
  EXPECT_EQ(edges.FindOrAdd(0, 1, 7), 7u);
  EXPECT_EQ(edges.FindOrAdd(0xFFFFFFFE, 0xFFFFFFFE, 8), 8u);
  EXPECT_EQ(edges.Find(1, 0), 5u);
  EXPECT_EQ(edges.Find(0, 1), 7u);
  EXPECT_EQ(edges.Find(0xFFFFFFFE, 0xFFFFFFFE), 8u);
  EXPECT_EQ(edges.Find(1, 1), EdgeTable::kNoNode);
}

TEST(EdgeTableTest, HoldsAsManyEdgesAsItWasSizedFor) {
  constexpr uint32_t kCount = 5000;
  EdgeTable edges(kCount);
  for (uint32_t i = 0; i < kCount; ++i) {
    ASSERT_EQ(edges.FindOrAdd(i % 50, i / 50, i + 1), i + 1);
  }
  for (uint32_t i = 0; i < kCount; ++i) {
    ASSERT_EQ(edges.Find(i % 50, i / 50), i + 1);
  }
}

// Phrases 0 to 4: "prime minister", "prime", "minister", "foreign minister",
// and "prime" again.
class PhraseTrieTest : public testing::Test {
 protected:
  PhraseTrieTest() : trie_(/*max_words=*/7, /*max_phrases=*/5) {
    const uint32_t prime = trie_.Extend(PhraseTrie::kRoot, "prime");
    end_node_.push_back(trie_.Extend(prime, "minister"));
    end_node_.push_back(trie_.Extend(PhraseTrie::kRoot, "prime"));
    end_node_.push_back(trie_.Extend(PhraseTrie::kRoot, "minister"));
    const uint32_t foreign = trie_.Extend(PhraseTrie::kRoot, "foreign");
    end_node_.push_back(trie_.Extend(foreign, "minister"));
    end_node_.push_back(trie_.Extend(PhraseTrie::kRoot, "prime"));
    trie_.SetEnds(end_node_);
  }

  // The node that `words` lead to from the root, or kNoNode.
  uint32_t Walk(const std::vector<std::string_view>& words) const {
    uint32_t node = PhraseTrie::kRoot;
    for (std::string_view word : words) {
      const uint32_t id = trie_.FindWord(word);
      if (id == PhraseTrie::kNoWord) return PhraseTrie::kNoNode;
      node = trie_.Child(node, id);
      if (node == PhraseTrie::kNoNode) return node;
    }
    return node;
  }

  PhraseTrie trie_;
  std::vector<uint32_t> end_node_;
};

TEST_F(PhraseTrieTest, SharesPrefixesAndNumbersNodesAsAdded) {
  EXPECT_THAT(end_node_, ElementsAre(2, 1, 3, 5, 1));
  EXPECT_EQ(trie_.node_count(), 6u);
}

TEST_F(PhraseTrieTest, WalksWordsToThePhrasesEndingThere) {
  EXPECT_EQ(Walk({"prime", "minister"}), 2u);
  EXPECT_THAT(trie_.EndsAt(2), ElementsAre(0));
  EXPECT_THAT(trie_.EndsAt(Walk({"prime"})), ElementsAre(1, 4));
  EXPECT_THAT(trie_.EndsAt(Walk({"foreign", "minister"})), ElementsAre(3));
  // "foreign" only begins a phrase.
  EXPECT_THAT(trie_.EndsAt(Walk({"foreign"})), IsEmpty());
  EXPECT_THAT(trie_.EndsAt(PhraseTrie::kRoot), IsEmpty());
  EXPECT_EQ(Walk({"minister", "prime"}), PhraseTrie::kNoNode);
  EXPECT_EQ(Walk({"prime", "foreign"}), PhraseTrie::kNoNode);
  EXPECT_EQ(trie_.FindWord("president"), PhraseTrie::kNoWord);
  EXPECT_EQ(trie_.FindWord("Prime"), PhraseTrie::kNoWord);
}

TEST_F(PhraseTrieTest, KnowsWhichNodesAPhraseGoesOnFrom) {
  EXPECT_TRUE(trie_.HasChildren(PhraseTrie::kRoot));
  EXPECT_TRUE(trie_.HasChildren(Walk({"prime"})));
  EXPECT_TRUE(trie_.HasChildren(Walk({"foreign"})));
  EXPECT_FALSE(trie_.HasChildren(Walk({"prime", "minister"})));
  EXPECT_FALSE(trie_.HasChildren(Walk({"minister"})));
  EXPECT_FALSE(trie_.HasChildren(Walk({"foreign", "minister"})));
}

// A bit per node, 64 to a word: a chain of 130 nodes spans three words,
// and only its last node has no child.
TEST(PhraseTrieBuildTest, KnowsTheChildlessNodesOfALongPhrase) {
  PhraseTrie trie(/*max_words=*/130, /*max_phrases=*/1);
  uint32_t node = PhraseTrie::kRoot;
  for (int i = 0; i < 130; ++i) {
    node = trie.Extend(node, std::to_string(i));
  }
  trie.SetEnds(std::vector<uint32_t>{node});
  ASSERT_EQ(trie.node_count(), 131u);
  for (uint32_t n = 0; n < 130; ++n) EXPECT_TRUE(trie.HasChildren(n)) << n;
  EXPECT_FALSE(trie.HasChildren(130));
}

TEST(PhraseTrieBuildTest, AnEmptyTrieHasOnlyAChildlessRoot) {
  PhraseTrie trie(/*max_words=*/0, /*max_phrases=*/0);
  trie.SetEnds({});
  EXPECT_EQ(trie.node_count(), 1u);
  EXPECT_FALSE(trie.HasChildren(PhraseTrie::kRoot));
  EXPECT_EQ(trie.FindWord(""), PhraseTrie::kNoWord);
}

TEST(PhraseTrieBuildTest, AWordFirstMetInsideAPhraseBeginsNone) {
  PhraseTrie trie(/*max_words=*/2, /*max_phrases=*/1);
  const uint32_t end =
      trie.Extend(trie.Extend(PhraseTrie::kRoot, "foreign"), "minister");
  trie.SetEnds(std::vector<uint32_t>{end});
  const uint32_t minister = trie.FindWord("minister");
  ASSERT_NE(minister, PhraseTrie::kNoWord);
  EXPECT_EQ(trie.Child(PhraseTrie::kRoot, minister), PhraseTrie::kNoNode);
  EXPECT_THAT(trie.EndsAt(end), ElementsAre(0));
}

TEST_F(PhraseTrieTest, SetEndsReplacesWhatWasSet) {
  // Phrases 1 and 2 of before, now numbered 0 and 1.
  trie_.SetEnds(std::vector<uint32_t>{end_node_[1], end_node_[2]});
  EXPECT_THAT(trie_.EndsAt(Walk({"prime"})), ElementsAre(0));
  EXPECT_THAT(trie_.EndsAt(Walk({"minister"})), ElementsAre(1));
  EXPECT_THAT(trie_.EndsAt(Walk({"prime", "minister"})), IsEmpty());
  EXPECT_THAT(trie_.EndsAt(Walk({"foreign", "minister"})), IsEmpty());
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A trie over phrases of normalized words, built once and then walked a
// word at a time: the gazetteer's phrase index.  Words are interned into
// dense ids (WordVocabulary); the root's edges are an array by word id and
// every other edge lives in one open-addressing table (EdgeTable), so that
// building costs a few passes over flat arrays and a walk costs one
// vocabulary probe per word plus one edge probe per word that continues a
// phrase.  A bit per node says whether any edge leaves it, so that a walk
// stops at a leaf without probing for the next word.
//
//   parley::PhraseTrie trie(/*max_words=*/3, /*max_phrases=*/2);
//   uint32_t node = trie.Extend(parley::PhraseTrie::kRoot, "prime");
//   const uint32_t prime_minister = trie.Extend(node, "minister");
//   const uint32_t minister = trie.Extend(parley::PhraseTrie::kRoot,
//                                         "minister");
//   trie.SetEnds({prime_minister, minister});  // phrases 0 and 1
//
//   node = trie.Child(parley::PhraseTrie::kRoot, trie.FindWord("prime"));
//   node = trie.Child(node, trie.FindWord("minister"));
//   trie.EndsAt(node);       // {0}
//   trie.HasChildren(node);  // false: no phrase goes on past it
//
// Phrases are numbers to it: it does not tokenize or normalize (the words
// come normalized), keep what a phrase stands for, or decide between the
// phrases that end at one node.

#ifndef PARLEY_LIB_PHRASE_TRIE_H_
#define PARLEY_LIB_PHRASE_TRIE_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// Distinct words, each with a dense id counting from 0 in the order they
// were first interned.  Open addressing over one byte buffer: a handful of
// allocations in all, and a lookup is one hash and, thanks to the stored
// hash and size, a string comparison only for a word longer than eight
// bytes.  A miss is the common case in text.
class WordVocabulary {
 public:
  static constexpr uint32_t kNoWord = UINT32_MAX;

  // Room for `max_words` words, which no more may exceed.
  explicit WordVocabulary(size_t max_words);

  // The id of `word`, added if new.
  uint32_t Intern(std::string_view word) {
    const uint64_t hash = Hash(word);
    Slot& slot = slots_[Probe(word, hash)];
    if (slot.id == kNoWord) {
      slot.hash = hash;
      slot.size = static_cast<uint32_t>(word.size());
      slot.id = static_cast<uint32_t>(offsets_.size() - 1);
      bytes_.append(word);
      offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
    }
    return slot.id;
  }

  // The id of `word`, or kNoWord.
  uint32_t Find(std::string_view word) const {
    return slots_[Probe(word, Hash(word))].id;
  }

 private:
  // Twice the size of a slot with a 32-bit hash, but the word itself, far
  // away in bytes_, is only read when longer than eight bytes.
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = kNoWord;
    uint32_t size = 0;
  };

  // `n` bytes from `bytes` as an integer, for n <= 8.
  static uint64_t Load(const char* bytes, size_t n) {
    uint64_t value = 0;
    std::memcpy(&value, bytes, n);
    return value;
  }

  // A hash for the short strings that words are, with whole-word loads:
  // hashing a byte at a time took a seventh of the matching time.  The low
  // bits pick a slot.  For words of at most eight bytes every step is
  // invertible, so two such words of one length are equal exactly when
  // their hashes are, which spares most look-ups a string comparison.
  static uint64_t Hash(std::string_view word) {
    const char* bytes = word.data();
    const size_t n = word.size();
    uint64_t hash = n * 0x9E3779B97F4A7C15u;
    uint64_t last;
    if (n > 8) {
      for (size_t i = 0; i + 8 < n; i += 8) {
        hash = (hash ^ Load(bytes + i, 8)) * 0xBF58476D1CE4E5B9u;
        hash ^= hash >> 31;
      }
      last = Load(bytes + n - 8, 8);
    } else if (n >= 4) {
      // Two overlapping loads cover all n bytes.
      last = (Load(bytes, 4) << 32) | Load(bytes + n - 4, 4);
    } else if (n > 0) {
      // The first, middle and last bytes are all of them.
      last = (Load(bytes, 1) << 16) | (Load(bytes + n / 2, 1) << 8) |
             Load(bytes + n - 1, 1);
    } else {
      last = 0;
    }
    hash = (hash ^ last) * 0x94D049BB133111EBu;
    return hash ^ (hash >> 29);
  }

  // The slot that holds `word`, or the empty slot where it would go.
  size_t Probe(std::string_view word, uint64_t hash) const {
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.id == kNoWord) return i;
      if (slot.hash == hash && slot.size == word.size() &&
          (word.size() <= 8 || Word(slot.id) == word)) {
        return i;
      }
    }
  }

  std::string_view Word(uint32_t id) const {
    return std::string_view(bytes_).substr(offsets_[id],
                                           offsets_[id + 1] - offsets_[id]);
  }

  std::string bytes_;              // the words, back to back
  std::vector<uint32_t> offsets_;  // word i is bytes_[offsets_[i], [i + 1])
  std::vector<Slot> slots_;
  size_t mask_;
};

// A trie's edges, (parent node, word id) -> child node, in one
// open-addressing table instead of a container per node.
class EdgeTable {
 public:
  static constexpr uint32_t kNoNode = UINT32_MAX;

  // Room for `max_edges` edges, which no more may exceed.
  explicit EdgeTable(size_t max_edges);

  // The child of `node` along `word`, or kNoNode.
  uint32_t Find(uint32_t node, uint32_t word) const {
    return slots_[Probe(Key(node, word))].child;
  }

  // The child of `node` along `word`, which becomes `new_child` if there
  // was none.
  uint32_t FindOrAdd(uint32_t node, uint32_t word, uint32_t new_child) {
    const uint64_t key = Key(node, word);
    Slot& slot = slots_[Probe(key)];
    if (slot.child == kNoNode) {
      slot.key = key;
      slot.child = new_child;
    }
    return slot.child;
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t child = kNoNode;
  };

  static uint64_t Key(uint32_t node, uint32_t word) {
    return (uint64_t{node} << 32) | word;
  }

  size_t Probe(uint64_t key) const {
    // Fibonacci hashing: the high bits of the product mix every key bit.
    for (size_t i = (key * 0x9E3779B97F4A7C15u) >> shift_;;
         i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.child == kNoNode || slot.key == key) return i;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_;
  int shift_;
};

// Phrases, numbered by the caller from 0, as paths of words from the root;
// a node is the phrase prefix that leads to it.  Build it with Extend, then
// SetEnds once; walk it with FindWord, Child, EndsAt and HasChildren,
// which are thread-safe.
class PhraseTrie {
 public:
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNoNode = EdgeTable::kNoNode;
  static constexpr uint32_t kNoWord = WordVocabulary::kNoWord;

  // Room for phrases of `max_words` words in all, `max_phrases` of them,
  // which no more may exceed.
  PhraseTrie(size_t max_words, size_t max_phrases);

  // The node one word past `node` along `word`, added if new.
  uint32_t Extend(uint32_t node, std::string_view word);

  // Which phrases end where: phrase p at node end_node[p], which Extend
  // returned.  Replaces what an earlier call set.
  void SetEnds(std::span<const uint32_t> end_node);

  // The number of nodes, the root included; nodes count from kRoot up.
  uint32_t node_count() const { return node_count_; }

  // The id of `word` for Child, or kNoWord, which no edge is along.
  uint32_t FindWord(std::string_view word) const {
    return vocabulary_.Find(word);
  }

  // The child of `node` along the word `word`, which is not kNoWord, or
  // kNoNode.
  uint32_t Child(uint32_t node, uint32_t word) const {
    return node == kRoot ? root_children_[word] : edges_.Find(node, word);
  }

  // Whether an edge leaves `node`: Child(node, w) is kNoNode for every
  // word w when not.  Most phrases are one word, and most walks end at
  // their first node: the bit spares those an edge probe, which misses.
  bool HasChildren(uint32_t node) const {
    return (has_children_[node / 64] >> (node % 64) & 1) != 0;
  }

  // The phrases that end at `node`, ascending.
  std::span<const uint32_t> EndsAt(uint32_t node) const {
    return std::span(ends_).subspan(ends_begin_[node],
                                    ends_begin_[node + 1] - ends_begin_[node]);
  }

 private:
  WordVocabulary vocabulary_;
  // By word id.  Every phrase starts at the root: probing a table
  // scattered over a megabyte for each first word, rather than indexing,
  // took a tenth of the loading time.
  std::vector<uint32_t> root_children_;
  // The edges of the other nodes.
  EdgeTable edges_;
  uint32_t node_count_ = 1;  // the root
  // A bit by node: whether it has a child.
  std::vector<uint64_t> has_children_;
  // Node n's phrases are ends_[ends_begin_[n], [n + 1]).
  std::vector<uint32_t> ends_begin_;
  std::vector<uint32_t> ends_;
};

}  // namespace parley

#endif  // PARLEY_LIB_PHRASE_TRIE_H_

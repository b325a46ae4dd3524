// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Building a PhraseTrie: sizing its tables, adding words and edges (and
// marking the nodes they leave), and grouping phrases by the node where
// they end.  The look-ups that a walk
// makes are inline in phrase_trie.h, where matching can inline them.

#include "phrase_trie.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <span>
#include <string_view>
#include <vector>

namespace parley {
namespace {

// The smallest power of two that keeps `count` keys at most half full.
size_t TableCapacity(size_t count) { return std::bit_ceil(2 * count + 2); }

}  // namespace

WordVocabulary::WordVocabulary(size_t max_words)
    : slots_(TableCapacity(max_words)), mask_(slots_.size() - 1) {
  offsets_.reserve(max_words + 1);
  offsets_.push_back(0);
}

EdgeTable::EdgeTable(size_t max_edges)
    : slots_(TableCapacity(max_edges)),
      mask_(slots_.size() - 1),
      shift_(64 - std::countr_zero(slots_.size())) {}

// A phrase of n words adds at most n words, one root edge and n - 1 other
// edges, and so at most n nodes.
PhraseTrie::PhraseTrie(size_t max_words, size_t max_phrases)
    : vocabulary_(max_words),
      edges_(max_words - max_phrases),
      has_children_(max_words / 64 + 1) {}

uint32_t PhraseTrie::Extend(uint32_t node, std::string_view word) {
  const uint32_t id = vocabulary_.Intern(word);
  // Word ids count up from 0 as words are first met.
  if (id == root_children_.size()) root_children_.push_back(kNoNode);
  has_children_[node / 64] |= uint64_t{1} << (node % 64);
  if (node == kRoot) {
    uint32_t& child = root_children_[id];
    if (child == kNoNode) child = node_count_++;
    return child;
  }
  const uint32_t child = edges_.FindOrAdd(node, id, node_count_);
  if (child == node_count_) ++node_count_;
  return child;
}

void PhraseTrie::SetEnds(std::span<const uint32_t> end_node) {
  ends_begin_.assign(node_count_ + 1, 0);
  for (uint32_t node : end_node) ++ends_begin_[node + 1];
  std::partial_sum(ends_begin_.begin(), ends_begin_.end(), ends_begin_.begin());
  ends_.resize(end_node.size());
  std::vector<uint32_t> next(ends_begin_.begin(), ends_begin_.end() - 1);
  for (uint32_t phrase = 0; phrase < end_node.size(); ++phrase) {
    ends_[next[end_node[phrase]]++] = phrase;
  }
}

}  // namespace parley

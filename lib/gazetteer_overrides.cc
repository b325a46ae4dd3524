// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Overrides between gazetteer sources, node by node of the phrase trie:
// only the entries whose phrases end at one node have the same normalized
// tokens, and only a node with entries of several sources needs sorting by
// the rest of the key.
//
// It does not parse sources or build the trie.

#include "gazetteer_overrides.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <numeric>
#include <span>
#include <string_view>
#include <vector>

namespace parley {
namespace {

// The place of an entry that an entry of a later source replaces.
constexpr uint32_t kDropped = UINT32_MAX;

class Overrides {
 public:
  Overrides(std::span<const GazetteerEntry> entries,
            const PhraseTokens& phrases)
      : entries_(entries), phrases_(phrases) {}

  // Applies overrides to the entries of one trie node (same norms): an
  // entry whose key an entry of a later source has is dropped, and the
  // first entry of the latest source takes the place of the first dropped.
  // `place` is by entry; `group` is scratch.
  void Apply(std::span<const uint32_t> node_entries,
             std::vector<uint32_t>* place, std::vector<uint32_t>* group) const {
    group->assign(node_entries.begin(), node_entries.end());
    std::ranges::sort(*group, [this](uint32_t a, uint32_t b) {
      if (KeyLess(a, b)) return true;
      if (KeyLess(b, a)) return false;
      return a < b;  // and so by source, which only grows
    });
    for (auto run = group->begin(); run != group->end();) {
      const auto run_end = std::find_if(
          run + 1, group->end(),
          [this, run](uint32_t entry) { return KeyLess(*run, entry); });
      const uint32_t latest = entries_[*(run_end - 1)].source;
      const auto survivors =
          std::find_if(run, run_end, [this, latest](uint32_t entry) {
            return entries_[entry].source == latest;
          });
      if (survivors != run) {
        (*place)[*survivors] = *run;
        for (auto dropped = run; dropped != survivors; ++dropped) {
          (*place)[*dropped] = kDropped;
        }
      }
      run = run_end;
    }
  }

 private:
  // Orders entries whose phrases have the same norms by the rest of their
  // override key: type, case, and the token texts of case-exact entries.
  bool KeyLess(uint32_t a, uint32_t b) const {
    const GazetteerEntry& x = entries_[a];
    const GazetteerEntry& y = entries_[b];
    if (x.type_id != y.type_id) return x.type_id < y.type_id;
    if (x.case_exact != y.case_exact) return x.case_exact < y.case_exact;
    if (!x.case_exact) return false;
    return std::ranges::lexicographical_compare(
        phrases_.Of(a), phrases_.Of(b), std::less<>(),
        [&x](const PhraseToken& t) { return Text(x, t); },
        [&y](const PhraseToken& t) { return Text(y, t); });
  }

  static std::string_view Text(const GazetteerEntry& entry,
                               const PhraseToken& token) {
    return std::string_view(entry.phrase)
        .substr(token.begin, token.end - token.begin);
  }

  std::span<const GazetteerEntry> entries_;
  const PhraseTokens& phrases_;
};

}  // namespace

std::vector<uint32_t> EntriesAfterOverrides(
    std::span<const GazetteerEntry> entries, const PhraseTokens& phrases,
    const PhraseTrie& trie) {
  const Overrides overrides(entries, phrases);
  std::vector<uint32_t> place(entries.size());
  std::iota(place.begin(), place.end(), 0);
  std::vector<uint32_t> group;
  const uint32_t node_count = trie.node_count();
  for (uint32_t node = 0; node < node_count; ++node) {
    const std::span<const uint32_t> here = trie.EndsAt(node);
    // Indices, and so sources, ascend within a node.
    if (here.size() > 1 &&
        entries[here.front()].source != entries[here.back()].source) {
      overrides.Apply(here, &place, &group);
    }
  }
  std::vector<uint32_t> order(entries.size(), kDropped);
  for (uint32_t entry = 0; entry < entries.size(); ++entry) {
    if (place[entry] != kDropped) order[place[entry]] = entry;
  }
  std::erase(order, kDropped);
  return order;
}

}  // namespace parley

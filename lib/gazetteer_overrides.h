// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The override rules between gazetteer sources, which gazetteer.h states:
// an entry of a later source with the same override key (normalized phrase
// tokens, type and case, and for `case=exact` the exact token texts)
// replaces all entries with that key from earlier sources, taking the
// index of the first of them; entries of one source never override each
// other.
//
//   // Built from "Georgia country GE" (source 0), "Georgia state US-GA"
//   // (source 0) and "GEORGIA country GE capital=Tbilisi" (source 1):
//   parley::EntriesAfterOverrides(entries, phrases, trie);  // {2, 1}
//
// It does not move entries (Gazetteer::Builder does, by the order it
// returns) nor compare entries whose phrases end at different trie nodes,
// which cannot share a key.

#ifndef PARLEY_LIB_GAZETTEER_OVERRIDES_H_
#define PARLEY_LIB_GAZETTEER_OVERRIDES_H_

#include <cstdint>
#include <span>
#include <vector>

#include "gazetteer.h"
#include "gazetteer_tsv.h"
#include "phrase_trie.h"

namespace parley {

// The entries that overrides leave, in their final order: element i is the
// index in `entries` of the entry that ends up at index i.  The entries'
// type_ids are set and their sources ascend with the index; entry e's
// tokens are phrases.Of(e), and its phrase is phrase e of `trie`, whose
// ends are set.
std::vector<uint32_t> EntriesAfterOverrides(
    std::span<const GazetteerEntry> entries, const PhraseTokens& phrases,
    const PhraseTrie& trie);

}  // namespace parley

#endif  // PARLEY_LIB_GAZETTEER_OVERRIDES_H_

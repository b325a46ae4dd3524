// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The gazetteer builder and matcher: Builder parses each source
// (gazetteer_tsv.h) and interns its types; Build puts every phrase in a
// PhraseTrie (phrase_trie.h), applies the overrides between sources
// (gazetteer_overrides.h) and keeps the exact texts of case-exact entries;
// Match walks the trie from every token of a sentence.
//
// It does not tokenize text (Tokenize does) nor choose among matches.

#include "gazetteer.h"

#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "file_reader.h"
#include "gazetteer_overrides.h"
#include "gazetteer_tsv.h"
#include "phrase_trie.h"

namespace parley {

std::string_view GazetteerEntry::Attribute(std::string_view key) const {
  for (const auto& [k, v] : attributes) {
    if (k == key) return v;
  }
  return {};
}

struct Gazetteer::Builder::State {
  std::vector<GazetteerEntry> entries;
  PhraseTokens phrases;                   // by entry
  std::vector<std::string> source_names;  // by GazetteerEntry::source
  std::vector<std::string> types;         // by type_id
  std::unordered_map<std::string, uint32_t> type_ids;
};

Gazetteer::Builder::Builder() : state_(std::make_unique<State>()) {}
Gazetteer::Builder::~Builder() = default;
Gazetteer::Builder::Builder(Builder&&) noexcept = default;
Gazetteer::Builder& Gazetteer::Builder::operator=(Builder&&) noexcept = default;

Status Gazetteer::Builder::Add(std::string_view name, std::string_view tsv) {
  State& state = *state_;
  const size_t first = state.entries.size();
  const auto source = static_cast<uint32_t>(state.source_names.size());
  Status status =
      ParseGazetteerTsv(name, source, tsv, &state.entries, &state.phrases);
  if (!status.ok()) {
    state.entries.resize(first);
    state.phrases.Truncate(first);
    return status;
  }
  state.source_names.emplace_back(name);
  uint32_t type_id = kNoType;
  for (size_t i = first; i < state.entries.size(); ++i) {
    GazetteerEntry& entry = state.entries[i];
    // Sources list entries of a type together: one look-up per run.
    if (type_id == kNoType || entry.type != state.types[type_id]) {
      const auto [type, added] =
          state.type_ids.try_emplace(entry.type, state.types.size());
      if (added) state.types.push_back(entry.type);
      type_id = type->second;
    }
    entry.type_id = type_id;
  }
  return OkStatus();
}

Status Gazetteer::Builder::AddFile(const std::string& path) {
  Result<std::string> tsv = ReadFile(path);
  if (!tsv.ok()) return tsv.status();
  return Add(path, *tsv);
}

Gazetteer Gazetteer::Builder::Build() && {
  State& state = *state_;
  const size_t entry_count = state.entries.size();
  auto trie =
      std::make_unique<PhraseTrie>(state.phrases.token_count(), entry_count);
  std::vector<uint32_t> end_node(entry_count);
  for (size_t entry = 0; entry < entry_count; ++entry) {
    uint32_t node = PhraseTrie::kRoot;
    for (const PhraseToken& token : state.phrases.Of(entry)) {
      node = trie->Extend(node, state.phrases.Norm(token));
    }
    end_node[entry] = node;
  }
  trie->SetEnds(end_node);

  // order[i] is the entry that ends up at index i.
  const std::vector<uint32_t> order =
      EntriesAfterOverrides(state.entries, state.phrases, *trie);
  Gazetteer gazetteer;
  // An override drops at least one entry; without any, none moved.
  if (order.size() == entry_count) {
    gazetteer.entries_ = std::move(state.entries);
  } else {
    gazetteer.entries_.reserve(order.size());
    std::vector<uint32_t> kept_end_node;
    for (uint32_t entry : order) {
      gazetteer.entries_.push_back(std::move(state.entries[entry]));
      kept_end_node.push_back(end_node[entry]);
    }
    trie->SetEnds(kept_end_node);
  }

  gazetteer.exact_begin_.reserve(order.size() + 1);
  gazetteer.exact_begin_.push_back(0);
  for (size_t i = 0; i < order.size(); ++i) {
    if (gazetteer.entries_[i].case_exact) {
      for (const PhraseToken& token : state.phrases.Of(order[i])) {
        gazetteer.exact_.emplace_back(token.begin, token.end);
      }
    }
    gazetteer.exact_begin_.push_back(
        static_cast<uint32_t>(gazetteer.exact_.size()));
  }
  gazetteer.trie_ = std::move(trie);

  gazetteer.types_ = std::move(state.types);
  gazetteer.source_names_ = std::move(state.source_names);
  state_.reset();
  return gazetteer;
}

Gazetteer::Gazetteer() = default;
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

uint32_t Gazetteer::TypeId(std::string_view type) const {
  const auto it = std::find(types_.begin(), types_.end(), type);
  return it == types_.end() ? kNoType
                            : static_cast<uint32_t>(it - types_.begin());
}

// Appended by hand, not with fmt::format: the record of each country
// mention carries one, and parsing the format string cost a few times as
// much as the appends.
std::string Gazetteer::SourceOf(uint32_t entry) const {
  const GazetteerEntry& of = entries_[entry];
  const std::string& name = source_names_[of.source];
  const fmt::format_int line(of.line);
  std::string source;
  source.reserve(name.size() + 1 + line.size());
  source.append(name);
  source.push_back(':');
  source.append(line.data(), line.size());
  return source;
}

std::vector<GazetteerMatch> Gazetteer::Match(std::string_view text,
                                             const Tokens& tokens) const {
  std::vector<GazetteerMatch> matches;
  if (trie_ == nullptr) return matches;
  const std::vector<Token>& all = tokens.tokens;
  // Whether the tokens from `first` are as written in the entry, if it is
  // case-exact.  The entry itself is only read then: reading case_exact of
  // every matched entry, a cache line each, showed as a sixth of the
  // matching time.
  const auto exact_texts_match = [&](uint32_t entry, uint32_t first) {
    const uint32_t exact_end = exact_begin_[entry + 1];
    uint32_t i = exact_begin_[entry];
    if (i == exact_end) return true;
    const std::string_view phrase = entries_[entry].phrase;
    for (; i < exact_end; ++i, ++first) {
      const auto [begin, end] = exact_[i];
      const Token& token = all[first];
      if (token.end > text.size() ||
          text.substr(token.begin, token.end - token.begin) !=
              phrase.substr(begin, end - begin)) {
        return false;
      }
    }
    return true;
  };
  // News has nearly a match a token; growing by doubling instead cost a
  // twentieth of the matching time.
  matches.reserve(all.size());
  // The vocabulary id of each token of the sentence at hand.
  std::vector<uint32_t> words;
  for (const Sentence& sentence : tokens.sentences) {
    const uint32_t begin = sentence.first_token;
    const uint32_t end =
        std::min(sentence.end_token, static_cast<uint32_t>(all.size()));
    words.resize(end - begin);
    for (uint32_t i = begin; i < end; ++i) {
      words[i - begin] = trie_->FindWord(all[i].norm);
    }
    for (uint32_t first = begin; first < end; ++first) {
      // A word no phrase has continues none, and begins none.
      uint32_t word = words[first - begin];
      if (word == PhraseTrie::kNoWord) continue;
      uint32_t node = trie_->Child(PhraseTrie::kRoot, word);
      // Counted rather than taken from matches.size(), a division by the
      // element size at every token.
      std::ptrdiff_t found = 0;
      for (uint32_t i = first; node != PhraseTrie::kNoNode;) {
        for (uint32_t entry : trie_->EndsAt(node)) {
          if (exact_texts_match(entry, first)) {
            matches.push_back({first, i + 1, entry});
            ++found;
          }
        }
        if (!trie_->HasChildren(node) || ++i == end) break;
        word = words[i - begin];
        if (word == PhraseTrie::kNoWord) break;
        node = trie_->Child(node, word);
      }
      // The walk found them shortest first, and those of one length in
      // entry order: only matches of more than one length need sorting,
      // which most tokens with several matches (a word that is a given
      // name and a surname) do not.
      if (found > 1 &&
          matches.end()[-found].end_token != matches.back().end_token) {
        std::sort(matches.end() - found, matches.end(),
                  [](const GazetteerMatch& a, const GazetteerMatch& b) {
                    return std::tie(b.end_token, a.entry) <
                           std::tie(a.end_token, b.entry);
                  });
      }
    }
  }
  return matches;
}

}  // namespace parley

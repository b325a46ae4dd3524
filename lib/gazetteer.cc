// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The gazetteer builder, the override rules between sources, and the
// phrase matcher: a trie over interned normalized tokens whose root edges
// are an array by word and whose other edges live in one open-addressing
// table, so that building costs a few passes over flat arrays and matching
// costs one vocabulary probe per token plus one edge probe per token that
// continues a phrase.
//
// It does not parse sources (gazetteer_tsv.h does), tokenize text (Tokenize
// does) nor choose among matches.

#include "gazetteer.h"

#include <fmt/core.h>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>
#include <functional>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "file_reader.h"
#include "gazetteer_tsv.h"

namespace parley {
namespace {

constexpr uint32_t kNoWord = UINT32_MAX;
constexpr uint32_t kNoNode = UINT32_MAX;
constexpr uint32_t kRoot = 0;
// The place of an entry that an entry of a later source replaces.
constexpr uint32_t kDropped = UINT32_MAX;

// The smallest power of two that keeps `count` keys at most half full.
size_t TableCapacity(size_t count) { return std::bit_ceil(2 * count + 2); }

// `n` bytes from `bytes` as an integer, for n <= 8.
uint64_t Load(const char* bytes, size_t n) {
  uint64_t value = 0;
  std::memcpy(&value, bytes, n);
  return value;
}

// A hash for the short strings that tokens are, with whole-word loads:
// hashing a byte at a time took a seventh of the matching time.  The low
// bits pick a table slot.  For words of at most eight bytes every step is
// invertible, so two such words of one length are equal exactly when their
// hashes are, which spares most look-ups a string comparison.
uint64_t HashWord(std::string_view word) {
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

// The distinct normalized token strings of all phrases, each with a dense
// id.  Open addressing over one byte buffer: a handful of allocations in
// all, and a lookup is one hash and, thanks to the stored hash and size,
// a string comparison only for a word longer than eight bytes.  A miss is
// the common case in text.
class Vocabulary {
 public:
  explicit Vocabulary(size_t max_words)
      : slots_(TableCapacity(max_words)), mask_(slots_.size() - 1) {
    offsets_.push_back(0);
  }

  // The id of `word`, added if new.  At most max_words words may be added.
  uint32_t Intern(std::string_view word) {
    const uint64_t hash = HashWord(word);
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
    return slots_[Probe(word, HashWord(word))].id;
  }

 private:
  // Twice the size of a slot with a 32-bit hash, but the word itself, far
  // away in bytes_, is only read when longer than eight bytes.
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = kNoWord;
    uint32_t size = 0;
  };

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

// The trie's edges, (parent node, word id) -> child node, in one
// open-addressing table instead of a container per node.
class EdgeTable {
 public:
  explicit EdgeTable(size_t max_edges)
      : slots_(TableCapacity(max_edges)),
        mask_(slots_.size() - 1),
        shift_(64 - std::countr_zero(slots_.size())) {}

  // The child of `node` along `word`, or kNoNode.
  uint32_t Find(uint32_t node, uint32_t word) const {
    return slots_[Probe(Key(node, word))].child;
  }

  // The child of `node` along `word`, which becomes `new_child` if there
  // was none.  At most max_edges edges may be added.
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

// Groups entries by the trie node where their phrase ends, ascending
// within each node: node n's entries are ends[ends_begin[n], [n + 1]).
void GroupByNode(const std::vector<uint32_t>& end_node, size_t node_count,
                 std::vector<uint32_t>* ends_begin,
                 std::vector<uint32_t>* ends) {
  ends_begin->assign(node_count + 1, 0);
  for (uint32_t node : end_node) ++(*ends_begin)[node + 1];
  std::partial_sum(ends_begin->begin(), ends_begin->end(), ends_begin->begin());
  ends->resize(end_node.size());
  std::vector<uint32_t> next(ends_begin->begin(), ends_begin->end() - 1);
  for (uint32_t entry = 0; entry < end_node.size(); ++entry) {
    (*ends)[next[end_node[entry]]++] = entry;
  }
}

}  // namespace

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

  // Orders entries whose phrases have the same norms by the rest of their
  // override key: type, case, and the token texts of case-exact entries.
  bool KeyLess(uint32_t a, uint32_t b) const {
    const GazetteerEntry& x = entries[a];
    const GazetteerEntry& y = entries[b];
    if (x.type_id != y.type_id) return x.type_id < y.type_id;
    if (x.case_exact != y.case_exact) return x.case_exact < y.case_exact;
    if (!x.case_exact) return false;
    return std::ranges::lexicographical_compare(
        phrases.Of(a), phrases.Of(b), std::less<>(),
        [&x](const PhraseToken& t) { return Text(x, t); },
        [&y](const PhraseToken& t) { return Text(y, t); });
  }

  static std::string_view Text(const GazetteerEntry& entry,
                               const PhraseToken& token) {
    return std::string_view(entry.phrase)
        .substr(token.begin, token.end - token.begin);
  }

  // The entries that overrides leave, in their final order.  Only entries
  // of several sources on one trie node may override each other.
  std::vector<uint32_t> Order(const Gazetteer::Trie& trie,
                              uint32_t node_count) const;

  // Applies overrides to the entries of one trie node (same norms): an
  // entry whose key an entry of a later source has is dropped, and the
  // first entry of the latest source takes the place of the first dropped.
  // `place` is by entry; `group` is scratch.
  void Override(std::span<const uint32_t> node_entries,
                std::vector<uint32_t>* place,
                std::vector<uint32_t>* group) const {
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
      const uint32_t latest = entries[*(run_end - 1)].source;
      const auto survivors =
          std::find_if(run, run_end, [this, latest](uint32_t entry) {
            return entries[entry].source == latest;
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
};

struct Gazetteer::Trie {
  // A phrase of n tokens adds at most n words, one root edge and n - 1
  // other edges.
  Trie(size_t max_tokens, size_t max_phrases)
      : vocabulary(max_tokens), edges(max_tokens - max_phrases) {}

  // The child of `node` along `word`, or kNoNode.
  uint32_t Child(uint32_t node, uint32_t word) const {
    return node == kRoot ? root_children[word] : edges.Find(node, word);
  }

  // The entries whose phrase ends at `node`, ascending.
  std::span<const uint32_t> EntriesAt(uint32_t node) const {
    return std::span(ends).subspan(ends_begin[node],
                                   ends_begin[node + 1] - ends_begin[node]);
  }

  Vocabulary vocabulary;
  // By word id.  Every phrase starts at the root: probing a table
  // scattered over a megabyte for each first word, rather than indexing,
  // took a tenth of the loading time.
  std::vector<uint32_t> root_children;
  // The edges of the other nodes.
  EdgeTable edges;
  std::vector<uint32_t> ends_begin;  // by node, and one past the last
  std::vector<uint32_t> ends;
  // Entry e's phrase tokens as byte ranges of its phrase, which text must
  // equal: exact[exact_begin[e], exact_begin[e + 1]), empty unless
  // case-exact.
  std::vector<uint32_t> exact_begin;
  std::vector<std::pair<uint32_t, uint32_t>> exact;
};

std::vector<uint32_t> Gazetteer::Builder::State::Order(
    const Gazetteer::Trie& trie, uint32_t node_count) const {
  std::vector<uint32_t> place(entries.size());
  std::iota(place.begin(), place.end(), 0);
  std::vector<uint32_t> group;
  for (uint32_t node = 0; node < node_count; ++node) {
    const std::span<const uint32_t> here = trie.EntriesAt(node);
    // Indices, and so sources, ascend within a node.
    if (here.size() > 1 &&
        entries[here.front()].source != entries[here.back()].source) {
      Override(here, &place, &group);
    }
  }
  std::vector<uint32_t> order(entries.size(), kDropped);
  for (uint32_t entry = 0; entry < entries.size(); ++entry) {
    if (place[entry] != kDropped) order[place[entry]] = entry;
  }
  std::erase(order, kDropped);
  return order;
}

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
  auto trie = std::make_unique<Trie>(state.phrases.token_count(), entry_count);
  std::vector<uint32_t> end_node(entry_count);
  uint32_t node_count = 1;  // the root
  for (size_t entry = 0; entry < entry_count; ++entry) {
    uint32_t node = kRoot;
    for (const PhraseToken& token : state.phrases.Of(entry)) {
      const uint32_t word = trie->vocabulary.Intern(state.phrases.Norm(token));
      // Word ids count up from 0 as words are first met.
      if (word == trie->root_children.size()) {
        trie->root_children.push_back(kNoNode);
      }
      if (node == kRoot) {
        uint32_t& child = trie->root_children[word];
        if (child == kNoNode) child = node_count++;
        node = child;
      } else {
        node = trie->edges.FindOrAdd(node, word, node_count);
        if (node == node_count) ++node_count;
      }
    }
    end_node[entry] = node;
  }
  GroupByNode(end_node, node_count, &trie->ends_begin, &trie->ends);

  // order[i] is the entry that ends up at index i.
  const std::vector<uint32_t> order = state.Order(*trie, node_count);
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
    GroupByNode(kept_end_node, node_count, &trie->ends_begin, &trie->ends);
  }

  trie->exact_begin.reserve(order.size() + 1);
  trie->exact_begin.push_back(0);
  for (size_t i = 0; i < order.size(); ++i) {
    if (gazetteer.entries_[i].case_exact) {
      for (const PhraseToken& token : state.phrases.Of(order[i])) {
        trie->exact.emplace_back(token.begin, token.end);
      }
    }
    trie->exact_begin.push_back(static_cast<uint32_t>(trie->exact.size()));
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

const std::vector<GazetteerEntry>& Gazetteer::entries() const {
  return entries_;
}

uint32_t Gazetteer::TypeId(std::string_view type) const {
  const auto it = std::find(types_.begin(), types_.end(), type);
  return it == types_.end() ? kNoType
                            : static_cast<uint32_t>(it - types_.begin());
}

std::string Gazetteer::SourceOf(uint32_t entry) const {
  const GazetteerEntry& of = entries_[entry];
  return fmt::format("{}:{}", source_names_[of.source], of.line);
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
    const uint32_t exact_end = trie_->exact_begin[entry + 1];
    uint32_t i = trie_->exact_begin[entry];
    if (i == exact_end) return true;
    const std::string_view phrase = entries_[entry].phrase;
    for (; i < exact_end; ++i, ++first) {
      const auto [begin, end] = trie_->exact[i];
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
      words[i - begin] = trie_->vocabulary.Find(all[i].norm);
    }
    for (uint32_t first = begin; first < end; ++first) {
      // Counted rather than taken from matches.size(), a division by the
      // element size at every token.
      std::ptrdiff_t found = 0;
      uint32_t node = kRoot;
      for (uint32_t i = first; i < end; ++i) {
        const uint32_t word = words[i - begin];
        // A word no phrase has continues none.
        if (word == kNoWord) break;
        node = trie_->Child(node, word);
        if (node == kNoNode) break;
        for (uint32_t entry : trie_->EntriesAt(node)) {
          if (exact_texts_match(entry, first)) {
            matches.push_back({first, i + 1, entry});
            ++found;
          }
        }
      }
      // The walk found them shortest first.
      if (found > 1) {
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

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// What a set of rules can test of a token, numbered: the words the rules
// mention, normalized ("met") or as written (c"US"), and the annotation
// selectors they test (@country[form=adjective], [!@not_name]).  Once per
// sentence, ReadFields reads what each token has of them, from its norm,
// its text and the annotations over it, into TokenFields, and notes which
// of them occur in each block of tokens (the atoms that the prefilter,
// rule_prefilter.h, looks for).  The token tests (token_tests.h) and the
// encoding for RE2 (token_encoding.h) work on these numbers.
//
//   parley::TokenVocabulary vocabulary;
//   for (const parley::Rule& rule : rules) vocabulary.Collect(rule.pattern);
//   vocabulary.ReadFields(text, tokens, sentence.first_token,
//                         sentence.end_token, annotations, &atoms, &fields);
//   // fields.norm_ids[i] == vocabulary.norm_words().Id("met") ...
//
// It does not: normalize words (tokens come with their `norm`, and the
// parser gives the words of a literal as the rules mean them; a lookup
// here is exact), test a token's shape (TokenShape in token_conditions.h),
// or tell whether a token passes a rule's test.

#ifndef PARLEY_LIB_TOKEN_VOCABULARY_H_
#define PARLEY_LIB_TOKEN_VOCABULARY_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rule_matcher.h"
#include "rule_parser.h"
#include "tokenizer.h"

namespace parley {

// Strings to values, by open addressing on a cheap hash: ReadFields looks
// up every token's words and every annotation's type, and this is several
// times faster than std::unordered_map on such short keys.  A slot keeps
// the first and last eight bytes of its key and its length, which are the
// whole key up to sixteen bytes: most lookups compare these and never the
// key's text.
template <typename T>
class StringTable {
 public:
  // The value of `key`, inserted with `value` if absent.
  T& Insert(std::string_view key, T value) {
    if (2 * (entries_.size() + 1) > slots_.size()) Grow();
    const Slot probe = SlotOf(key, kNone);
    Slot& slot = slots_[Probe(key, probe)];
    if (slot.entry == kNone) {
      slot = probe;
      slot.entry = static_cast<uint32_t>(entries_.size());
      entries_.emplace_back(std::string(key), std::move(value));
    }
    return entries_[slot.entry].second;
  }

  const T* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const Slot& slot = slots_[Probe(key, SlotOf(key, kNone))];
    return slot.entry == kNone ? nullptr : &entries_[slot.entry].second;
  }

  size_t size() const { return entries_.size(); }

 private:
  static constexpr uint32_t kNone = ~uint32_t{0};

  // For a key of up to three bytes, `head` holds its first, middle and
  // last; of four to seven, its first and last four; longer, its first and
  // last eight.  With the length that is the whole key up to sixteen.
  struct Slot {
    uint64_t head = 0;
    uint64_t tail = 0;
    uint32_t size = 0;
    uint32_t entry = kNone;  // in entries_, or kNone for an empty slot
  };

  static Slot SlotOf(std::string_view key, uint32_t entry) {
    Slot slot;
    const size_t n = key.size();
    if (n >= 8) {
      std::memcpy(&slot.head, key.data(), 8);
      std::memcpy(&slot.tail, key.data() + n - 8, 8);
    } else if (n >= 4) {
      uint32_t head32;
      uint32_t tail32;
      std::memcpy(&head32, key.data(), 4);
      std::memcpy(&tail32, key.data() + n - 4, 4);
      slot.head = head32;
      slot.tail = tail32;
    } else if (n > 0) {
      slot.head = static_cast<unsigned char>(key[0]) |
                  static_cast<unsigned char>(key[n / 2]) << 8 |
                  static_cast<unsigned char>(key[n - 1]) << 16;
    }
    slot.size = static_cast<uint32_t>(n);
    slot.entry = entry;
    return slot;
  }

  static uint64_t Hash(const Slot& slot) {
    const uint64_t hash =
        (slot.head ^ (slot.tail * 0x9e3779b97f4a7c15u) ^ slot.size) *
        0xbf58476d1ce4e5b9u;
    return hash ^ (hash >> 31);
  }

  // The index of the slot of `key`, whose head, tail and size `probe`
  // holds, or of the empty slot where it goes.
  size_t Probe(std::string_view key, const Slot& probe) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(probe) & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.entry == kNone) return i;
      if (slot.head == probe.head && slot.tail == probe.tail &&
          slot.size == probe.size &&
          (probe.size <= 16 ||
           std::memcmp(entries_[slot.entry].first.data() + 8, key.data() + 8,
                       probe.size - 16) == 0)) {
        return i;
      }
    }
  }

  void Grow() {
    slots_.assign(slots_.empty() ? 16 : 2 * slots_.size(), Slot{});
    for (uint32_t i = 0; i < entries_.size(); ++i) {
      const std::string& key = entries_[i].first;
      const Slot slot = SlotOf(key, i);
      slots_[Probe(key, slot)] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half used
  std::vector<std::pair<std::string, T>> entries_;
};

// The words of one kind that the rules mention, numbered from 0 in the
// order they were first added.  Other words, most of them, have no number.
class WordIds {
 public:
  static constexpr uint32_t kNoWord = ~uint32_t{0};

  void Add(const std::string& word) {
    ids_.Insert(word, static_cast<uint32_t>(ids_.size()));
    const size_t bit = SketchBit(word);
    sketch_[bit / 64] |= uint64_t{1} << (bit % 64);
  }

  size_t size() const { return ids_.size(); }

  // kNoWord when the rules do not mention `word`.
  uint32_t Id(std::string_view word) const {
    const size_t bit = SketchBit(word);
    if ((sketch_[bit / 64] >> (bit % 64) & 1) == 0) return kNoWord;
    const uint32_t* id = ids_.Find(word);
    return id == nullptr ? kNoWord : *id;
  }

 private:
  static constexpr size_t kSketchBits = 4096;

  // A bit of the sketch by a word's length and its first and last bytes:
  // most words of a text are none of the rules', and most of those have a
  // bit no word of the rules has, which tells them apart in fewer steps
  // than a lookup in `ids_`.
  static size_t SketchBit(std::string_view word) {
    if (word.empty()) return 0;
    const uint64_t key =
        word.size() | uint64_t{static_cast<unsigned char>(word.front())} << 8 |
        uint64_t{static_cast<unsigned char>(word.back())} << 16;
    return (key * 0x9e3779b97f4a7c15u) >> (64 - 12);
  }
  static_assert(kSketchBits == size_t{1} << 12);

  StringTable<uint32_t> ids_;
  // The bits of the words of `ids_`.
  uint64_t sketch_[kSketchBits / 64] = {};
};

// Whether `words` is every word: a word test that tests nothing.
inline bool IsAnyWord(const WordSet& words) {
  return words.negated && words.words.empty();
}

// Some bits of one word of a bitmap: of selectors in TokenFields::present,
// or of atoms.
struct BitsInWord {
  uint32_t word = 0;
  uint64_t bits = 0;
};

// What the rules can test of each token of a sentence, as ReadFields reads
// it once per sentence: what the token tests read, and what the encoding
// for RE2 writes.
struct TokenFields {
  // Each selector's state, where the token stands in its phrases
  // (TokenProgram::kBegins, kContinues, kEnds, or 0 outside them), takes
  // four bits of a word.
  static constexpr int kStateBits = 4;
  static constexpr unsigned kStateMask = 0xf;
  static constexpr size_t kStatesPerWord = 64 / kStateBits;

  std::vector<uint8_t> shapes;      // TokenShape
  std::vector<uint32_t> norm_ids;   // or WordIds::kNoWord
  std::vector<uint32_t> exact_ids;  // or WordIds::kNoWord
  // The state of each selector, kStateBits apiece, `state_words` words per
  // token.
  std::vector<uint64_t> states;
  size_t state_words = 0;
  // Whether each selector's state is nonzero, a bit apiece,
  // `present_words` words per token: what the tests inside and outside an
  // annotation read.
  std::vector<uint64_t> present;
  size_t present_words = 0;

  unsigned State(uint32_t token, uint32_t selector) const {
    return states[token * state_words + selector / kStatesPerWord] >>
               (selector % kStatesPerWord * kStateBits) &
           kStateMask;
  }
};

// The words and annotation selectors that a set of rules tests.
class TokenVocabulary {
 public:
  // Adds the words and selectors that `pattern` tests.
  void Collect(const Pattern& pattern);

  // The words the rules mention normalized ("met"), and as written (c"US").
  const WordIds& norm_words() const { return norm_; }
  const WordIds& exact_words() const { return exact_; }

  // Selectors are numbered from 0 in the order they were first collected.
  size_t selector_count() const { return selectors_.size(); }

  // The number of `selector`, or selector_count() if no rule tests it.
  size_t SelectorIndex(const AnnotationSelector& selector) const;

  // Whether a rule matches whole phrases of selector `index` (@country),
  // rather than only testing tokens inside them ([!@not_name]).
  bool UsedAsPhrase(size_t index) const { return used_as_phrase_[index]; }

  // Atoms are what a token can be seen to have before any rule runs: a
  // word the rules mention, normalized or as written, or a selector's
  // phrase around it.  They number norm words, then exact words, then
  // selectors.
  size_t atom_count() const {
    return norm_.size() + exact_.size() + selectors_.size();
  }

  // The words of an atom bitmap.
  size_t AtomWords() const { return (atom_count() + 63) / 64; }

  // The atoms of a word or selector that the rules test.
  uint32_t NormAtom(std::string_view word) const { return norm_.Id(word); }
  uint32_t ExactAtom(std::string_view word) const {
    return static_cast<uint32_t>(norm_.size()) + exact_.Id(word);
  }
  uint32_t SelectorAtom(const AnnotationSelector& selector) const {
    return static_cast<uint32_t>(norm_.size() + exact_.size() +
                                 SelectorIndex(selector));
  }

  // Sets `fields` to the fields of tokens [first, end) of `tokens` over
  // `text`, numbered from `first`, and `atoms` to the atoms that occur in
  // each block of RuleMatcher::kPieceStride tokens, a bitmap of
  // AtomWords() words per block: a piece spans two blocks.
  void ReadFields(std::string_view text, const Tokens& tokens, uint32_t first,
                  uint32_t end, std::span<const Annotation> annotations,
                  std::vector<uint64_t>* atoms, TokenFields* fields) const;

 private:
  void AddSelector(const AnnotationSelector& selector, bool phrase);

  // Adds what `annotations` give tokens [first, end), numbered from
  // `first` in `fields`: their states in the phrases of the selectors that
  // accept each, and their bits in `fields->present`.
  void AddPhrases(std::span<const Annotation> annotations, uint32_t first,
                  uint32_t end, TokenFields* fields) const;

  WordIds norm_;
  WordIds exact_;
  std::vector<AnnotationSelector> selectors_;
  std::vector<bool> used_as_phrase_;  // one per selector
  StringTable<std::vector<uint32_t>> selectors_by_type_;
};

}  // namespace parley

#endif  // PARLEY_LIB_TOKEN_VOCABULARY_H_

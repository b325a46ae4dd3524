// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Compiles parsed rules to RE2 over an encoding of tokens as records of
// bytes, and matches them.  A record is
//
//   shape  fact...  norm-code  exact-code
//
// `shape` is 0xe2 + TokenShape().  Only shapes are 0xe2 or above, so a
// shape starts every record and every pattern element, and a match covers
// whole records.  Facts say where the token stands in the annotated phrases
// the rules test, one byte each, sorted, and only those that hold: for a
// type used as a phrase (@country), whether such a phrase begins at the
// token, goes on through it or ends at it, in one byte; for a type only
// tested in conditions ([!@not_name]), that the token is inside one.  The
// codes number the words the rules mention, in fixed-width digits of their
// own byte range above the facts; other words, most of them, have none.
//
// RE2's time grows with the bytes it reads and its memory with the size of
// its programs, so a token usually costs one or two bytes, and a test on a
// token a few regex elements, however many types and words the rules use.
// Record tests are also kept unambiguous (a skip only takes facts that
// sort before the next required one), which RE2's submatch engines need to
// stay fast.

#include "rule_matcher.h"

#include <re2/re2.h>

#include <algorithm>
#include <bit>
#include <bitset>
#include <cstddef>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "token_program.h"

namespace parley {
namespace {

constexpr int kShapeBase = 0xe2;
// Facts, then the digits of codes, are below the shapes.
constexpr int kFieldLimit = 0xe2;
// Leaves each vocabulary's codes at least two digits.
constexpr int kMaxFacts = kFieldLimit - 4;

// The most digits a vocabulary's codes use, however many bytes are free.
// RE2 tells apart every byte value that a regex tests, and the cost of
// compiling (the byte map: per instruction, about the square of the
// classes it spans) and the size of each DFA state (a pointer per class)
// grow with their number.  A hundred digits made nearly all of the 256
// byte values distinct; sixteen cost a code one more byte at most and cut
// the work of compiling the default rules by about a third.
constexpr int kMaxDigits = 16;

// Where a token stands in the phrases of one type, as bits.
constexpr unsigned kBegins = TokenProgram::kBegins;
constexpr unsigned kContinues = TokenProgram::kContinues;
constexpr unsigned kEnds = TokenProgram::kEnds;

// A type used as a phrase has one fact per combination: its offset here,
// in an order where the tests of phrase elements are short byte ranges
// ("has kBegins" is 0-3, "has kContinues" 2-5, "has kBegins and kEnds"
// 1-2).  -1 marks the combinations that cannot occur.
constexpr int kStateFact[8] = {-1, 0, 5, 3, -1, 1, 4, 2};
constexpr int kPhraseFacts = 6;

// Each selector's state takes four bits of a word while a sentence is
// encoded.
constexpr int kStateBits = 4;
constexpr unsigned kStateMask = 0xf;
constexpr size_t kStatesPerWord = 64 / kStateBits;

// RE2's default.
constexpr int64_t kRuleMaxMem = int64_t{8} << 20;
// Regexes of at most this many bytes, repetitions spelled out, always
// compile: RE2 makes at most one instruction of each byte of ours (a
// record test of about eight bytes is one or two), and kRuleMaxMem lets it
// compile 87,000 instructions for the reverse program, its smaller budget.
// The default rules take at most 12,000 bytes.
constexpr size_t kSurelyCompiles = 80000;

// Any shape byte, any other byte, the rest of a record, and no byte at all
// (for a field that no token can have).
constexpr std::string_view kAnyShape = "[\\xe2-\\xff]";
constexpr std::string_view kAnyField = "[\\x00-\\xe1]";
constexpr std::string_view kRestOfRecord = "[\\x00-\\xe1]*";
constexpr std::string_view kNoByte = "[^\\x00-\\xff]";

using ByteSet = std::bitset<256>;

ByteSet ByteRange(int first, int count) {
  ByteSet bytes;
  for (int i = 0; i < count; ++i) bytes.set(first + i);
  return bytes;
}

const ByteSet& FieldBytes() {
  static const ByteSet bytes = ByteRange(0, kFieldLimit);
  return bytes;
}

void AppendByte(int byte, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  *out += "\\x";
  *out += kHex[byte >> 4];
  *out += kHex[byte & 15];
}

// The first byte of `bytes` at or after `from` that is in it (when `in`)
// or not, or 256.  Regexes are written for hundreds of thousands of byte
// sets when rules are compiled, so runs are found a word at a time.
int NextByte(const ByteSet& bytes, int from, bool in) {
  static const ByteSet kWord(~uint64_t{0});
  for (int w = from / 64; w < 4; ++w) {
    uint64_t word = ((bytes >> (64 * w)) & kWord).to_ullong();
    if (!in) word = ~word;
    if (w == from / 64) word &= ~uint64_t{0} << (from % 64);
    if (word != 0) return 64 * w + std::countr_zero(word);
  }
  return 256;
}

// A regex for one byte of `allowed`, among the bytes a field may hold;
// `any` when all of them are allowed.
void AppendByteClass(const ByteSet& allowed, const ByteSet& possible,
                     std::string_view any, std::string* out) {
  const ByteSet bytes = allowed & possible;
  if (bytes == possible) {
    *out += any;
    return;
  }
  if (bytes.none()) {
    *out += kNoByte;
    return;
  }
  if (bytes.count() == 1) {
    AppendByte(NextByte(bytes, 0, true), out);
    return;
  }
  *out += '[';
  for (int b = NextByte(bytes, 0, true); b < 256;) {
    const int last = NextByte(bytes, b, false) - 1;
    AppendByte(b, out);
    if (last > b) {
      if (last > b + 1) *out += '-';
      AppendByte(last, out);
    }
    b = NextByte(bytes, last + 1, true);
  }
  *out += ']';
}

bool IsAnyWord(const WordSet& words) {
  return words.negated && words.words.empty();
}

// Strings to values, by open addressing on a cheap hash: the encoder
// looks up every token's words and every annotation's type, and this is
// several times faster than std::unordered_map on such short keys.
template <typename T>
class StringTable {
 public:
  // The value of `key`, inserted with `value` if absent.
  T& Insert(std::string_view key, T value) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const uint64_t hash = Hash(key);
    Slot& slot = slots_[Probe(key, hash)];
    if (!slot.used) {
      slot = Slot{std::string(key), hash, std::move(value), true};
      ++size_;
    }
    return slot.value;
  }

  const T* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const Slot& slot = slots_[Probe(key, Hash(key))];
    return slot.used ? &slot.value : nullptr;
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    std::string key;
    uint64_t hash = 0;
    T value{};
    bool used = false;
  };

  // Mixes the length and the first and last eight bytes: constant time,
  // and words and type names rarely differ only in their middle.
  static uint64_t Hash(std::string_view key) {
    uint64_t head = 0;
    uint64_t tail = 0;
    const size_t n = key.size();
    if (n >= 8) {
      std::memcpy(&head, key.data(), 8);
      std::memcpy(&tail, key.data() + n - 8, 8);
    } else if (n >= 4) {
      uint32_t head32;
      uint32_t tail32;
      std::memcpy(&head32, key.data(), 4);
      std::memcpy(&tail32, key.data() + n - 4, 4);
      head = head32;
      tail = tail32;
    } else if (n > 0) {
      head = static_cast<unsigned char>(key[0]) |
             static_cast<unsigned char>(key[n / 2]) << 8 |
             static_cast<unsigned char>(key[n - 1]) << 16;
    }
    uint64_t hash =
        (head ^ (tail * 0x9e3779b97f4a7c15u) ^ n) * 0xbf58476d1ce4e5b9u;
    return hash ^ (hash >> 31);
  }

  // The index of the slot of `key`, or of the empty slot where it goes.
  size_t Probe(std::string_view key, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (!slot.used || (slot.hash == hash && slot.key == key)) return i;
    }
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    for (Slot& slot : old) {
      if (slot.used) slots_[Probe(slot.key, slot.hash)] = std::move(slot);
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half used
  size_t size_ = 0;
};

// The words the rules mention, with fixed-width codes written in digits of
// their own range of bytes.  Other words, most of them, have no code.
class Vocabulary {
 public:
  static constexpr uint32_t kNoWord = ~uint32_t{0};

  void Add(const std::string& word) {
    ids_.Insert(word, static_cast<uint32_t>(ids_.size()));
  }

  size_t size() const { return ids_.size(); }

  // Codes are written with at most kMaxDigits of the `count` digits from
  // `first`; called once all words are added.
  void SetDigits(int first, int count) {
    first_digit_ = first;
    base_ = std::min(count, kMaxDigits);
    digits_ = ByteRange(first, base_);
    width_ = 0;
    if (ids_.size() == 0) return;
    width_ = 1;
    for (uint64_t codes = base_; codes < ids_.size(); codes *= base_) ++width_;
  }

  const ByteSet& digits() const { return digits_; }

  // kNoWord when the rules do not mention `word`.
  uint32_t Id(std::string_view word) const {
    const uint32_t* id = ids_.Find(word);
    return id == nullptr ? kNoWord : *id;
  }

  // The number of digits of every code.
  int width() const { return width_; }

  // Appends the code of `id`, if it has one.
  void AppendCode(uint32_t id, std::string* out) const {
    if (id == kNoWord) return;
    out->resize(out->size() + width_);
    WriteCode(id, out->data() + out->size() - width_);
  }

  // Writes the code of `id`, if it has one, at `out`, and returns the end
  // of what it wrote.
  char* WriteCode(uint32_t id, char* out) const {
    if (id == kNoWord) return out;
    for (int i = width_ - 1; i >= 0; --i) {
      out[i] = static_cast<char>(first_digit_ + id % base_);
      id /= base_;
    }
    return out + width_;
  }

  // A regex for the code of a word in `words`, or when `words.negated`,
  // for the code of another word or none.
  void AppendRegex(const WordSet& words, std::string* out) const {
    std::vector<std::string> codes(words.words.size());
    for (size_t i = 0; i < codes.size(); ++i) {
      AppendCode(Id(words.words[i]), &codes[i]);
    }
    std::sort(codes.begin(), codes.end());
    std::string regex;
    const bool some = AppendCodes(codes, 0, words.negated, &regex);
    if (words.negated) {
      if (some) *out += "(?:" + regex + ")?";
    } else {
      *out += some ? regex : std::string(kNoByte);
    }
  }

 private:
  // Appends a regex for the digits from `depth` on of the codes in `codes`
  // (sorted; they share their first `depth` digits), or of the other codes
  // with that prefix when `negated`.  False, appending nothing, when there
  // is no such code.
  bool AppendCodes(std::span<const std::string> codes, int depth, bool negated,
                   std::string* out) const {
    const ByteSet& digits = digits_;
    std::string any_digit;
    AppendByteClass(digits, digits, kAnyField, &any_digit);
    ByteSet firsts;
    for (const std::string& code : codes) {
      firsts.set(static_cast<unsigned char>(code[depth]));
    }
    if (depth + 1 == width_) {
      if (!negated && firsts.none()) return false;
      if (negated && firsts == digits) return false;
      AppendByteClass(negated ? ~firsts : firsts, digits, any_digit, out);
      return true;
    }
    std::vector<std::string> alternatives;
    if (negated && firsts != digits) {
      std::string rest;
      AppendByteClass(~firsts, digits, any_digit, &rest);
      for (int i = depth + 1; i < width_; ++i) rest += any_digit;
      alternatives.push_back(std::move(rest));
    }
    for (size_t begin = 0; begin < codes.size();) {
      size_t end = begin + 1;
      while (end < codes.size() && codes[end][depth] == codes[begin][depth]) {
        ++end;
      }
      std::string alternative;
      AppendByte(static_cast<unsigned char>(codes[begin][depth]), &alternative);
      if (AppendCodes(codes.subspan(begin, end - begin), depth + 1, negated,
                      &alternative)) {
        alternatives.push_back(std::move(alternative));
      }
      begin = end;
    }
    if (alternatives.empty()) return false;
    *out += "(?:";
    for (size_t i = 0; i < alternatives.size(); ++i) {
      if (i > 0) *out += '|';
      *out += alternatives[i];
    }
    *out += ')';
    return true;
  }

  StringTable<uint32_t> ids_;
  int first_digit_ = 0;
  int base_ = 0;
  ByteSet digits_;
  int width_ = 0;
};

bool Accepts(
    const AnnotationSelector& selector,
    const std::vector<std::pair<std::string, std::string>>* attributes) {
  for (const AttributeTest& test : selector.tests) {
    bool has_value = false;
    if (attributes != nullptr) {
      for (const auto& [key, value] : *attributes) {
        if (key == test.key) {
          has_value = value == test.value;
          break;
        }
      }
    }
    if (has_value != test.equal) return false;
  }
  return true;
}

// What one token record must hold.
struct RecordTest {
  uint32_t shapes = kAllTokenShapes;
  WordSet norm;
  WordSet exact;
  // For each set, one of its facts; the sets are of different types, in
  // the order of their facts.
  std::vector<ByteSet> required;
  ByteSet forbidden;  // facts that must not hold
};

// The facts of one annotation selector: from `first`, kPhraseFacts of
// them for a type used as a phrase, else one, "the token is inside".
struct SelectorFacts {
  int first = 0;
  bool phrase = false;

  // The facts whose state has all of `bits`.
  ByteSet With(unsigned bits) const {
    ByteSet facts;
    if (!phrase) {
      facts.set(first);
      return facts;
    }
    for (unsigned state = 1; state < 8; ++state) {
      if (kStateFact[state] >= 0 && (state & bits) == bits) {
        facts.set(first + kStateFact[state]);
      }
    }
    return facts;
  }
};

// What the tests of TokenTests read of each token of a sentence, kept from
// its encoding.
struct TokenFields {
  std::vector<uint8_t> shapes;
  std::vector<uint32_t> norm_ids;   // or Vocabulary::kNoWord
  std::vector<uint32_t> exact_ids;  // or Vocabulary::kNoWord
  // The state of each selector, kStateBits apiece, `state_words` words per
  // token.
  std::vector<uint64_t> states;
  size_t state_words = 0;

  unsigned State(uint32_t token, uint32_t selector) const {
    return states[token * state_words + selector / kStatesPerWord] >>
               (selector % kStatesPerWord * kStateBits) &
           kStateMask;
  }
};

// A word test on a vocabulary's ids, as RecordTest's WordSet on words.
struct IdTest {
  std::vector<uint32_t> ids;  // sorted
  bool negated = true;

  bool Passes(uint32_t id) const {
    return std::binary_search(ids.begin(), ids.end(), id) != negated;
  }
};

// A TokenTerm on the fields of a token.
struct TermFieldsTest {
  uint32_t shapes = kAllTokenShapes;
  IdTest norm;
  IdTest exact;
  std::vector<uint32_t> inside;   // selectors whose state must be nonzero
  std::vector<uint32_t> outside;  // selectors whose state must be zero
};

// One token test of a TokenProgram: a token passing one of `terms`, or, for
// a phrase element, a state of `selector` with all of `bits`.
struct FieldsTest {
  std::vector<TermFieldsTest> terms;
  bool phrase = false;
  uint32_t selector = 0;
  unsigned bits = 0;

  bool Passes(const TokenFields& fields, uint32_t token) const {
    if (phrase) {
      const unsigned state = fields.State(token, selector);
      return state != 0 && (state & bits) == bits;
    }
    for (const TermFieldsTest& term : terms) {
      if ((term.shapes >> fields.shapes[token] & 1) == 0) continue;
      if (!term.norm.Passes(fields.norm_ids[token])) continue;
      if (!term.exact.Passes(fields.exact_ids[token])) continue;
      if (std::any_of(term.inside.begin(), term.inside.end(),
                      [&](uint32_t selector) {
                        return fields.State(token, selector) == 0;
                      }) ||
          std::any_of(term.outside.begin(), term.outside.end(),
                      [&](uint32_t selector) {
                        return fields.State(token, selector) != 0;
                      })) {
        continue;
      }
      return true;
    }
    return false;
  }
};

// The record layout for a set of rules, and the encoding of sentences.
class Encoding {
 public:
  // Adds the words and selectors that `pattern` tests.
  void Collect(const Pattern& pattern) {
    switch (pattern.kind) {
      case Pattern::Kind::kToken:
        for (const TokenTerm& term : pattern.terms) {
          for (const std::string& word : term.norm.words) norm_.Add(word);
          for (const std::string& word : term.exact.words) exact_.Add(word);
          for (const InsideTest& inside : term.annotations) {
            AddSelector(inside.selector, false);
          }
        }
        break;
      case Pattern::Kind::kWords:
        for (const std::string& word : pattern.words) norm_.Add(word);
        break;
      case Pattern::Kind::kExactWords:
        for (const std::string& word : pattern.words) exact_.Add(word);
        break;
      case Pattern::Kind::kPhrase:
        AddSelector(pattern.selector, true);
        break;
      case Pattern::Kind::kSequence:
      case Pattern::Kind::kAlternation:
      case Pattern::Kind::kRepeat:
      case Pattern::Kind::kCapture:
        break;
    }
    for (const Pattern& child : pattern.children) Collect(child);
  }

  // The facts the selectors collected so far need.
  int fact_count() const { return fact_count_; }

  // Fixes the layout once everything is collected: codes take the bytes
  // above the facts, shared between the two vocabularies by their sizes.
  void Finish() {
    const int digits = kFieldLimit - fact_count_;
    int exact_digits = 0;
    if (exact_.size() > 0) {
      exact_digits = norm_.size() == 0
                         ? digits
                         : std::clamp<int>(digits * exact_.size() /
                                               (norm_.size() + exact_.size()),
                                           2, digits - 2);
    }
    norm_.SetDigits(fact_count_, digits - exact_digits);
    exact_.SetDigits(kFieldLimit - exact_digits, exact_digits);
  }

  // Atoms are what a token can be seen to have before any rule runs: a
  // word the rules mention, normalized or as written, or a selector's
  // fact.  They number norm words, then exact words, then selectors.
  size_t atom_count() const {
    return norm_.size() + exact_.size() + selectors_.size();
  }

  // The words of an atom bitmap.
  size_t AtomWords() const { return (atom_count() + 63) / 64; }

  // A condition that every match of `pattern` satisfies, for the
  // prefilter: each clause is a set of atoms of which at least one occurs
  // in the tokens of the match.  No clause means no condition.
  std::vector<std::vector<uint32_t>> Clauses(const Pattern& pattern) const {
    std::vector<std::vector<uint32_t>> clauses;
    switch (pattern.kind) {
      case Pattern::Kind::kToken: {
        std::vector<uint32_t> atoms;
        for (const TokenTerm& term : pattern.terms) {
          if (!TermAtoms(term, &atoms)) return clauses;
        }
        clauses.push_back(std::move(atoms));
        break;
      }
      case Pattern::Kind::kWords:
      case Pattern::Kind::kExactWords:
        for (const std::string& word : pattern.words) {
          clauses.push_back({pattern.kind == Pattern::Kind::kWords
                                 ? NormAtom(word)
                                 : ExactAtom(word)});
        }
        break;
      case Pattern::Kind::kPhrase:
        clauses.push_back({SelectorAtom(pattern.selector)});
        break;
      case Pattern::Kind::kSequence:
        for (const Pattern& child : pattern.children) {
          for (std::vector<uint32_t>& clause : Clauses(child)) {
            clauses.push_back(std::move(clause));
          }
        }
        break;
      case Pattern::Kind::kAlternation: {
        // One clause of each alternative, the narrowest, joined: whichever
        // alternative matches satisfies it.
        std::vector<uint32_t> atoms;
        for (const Pattern& child : pattern.children) {
          std::vector<std::vector<uint32_t>> of_child = Clauses(child);
          if (of_child.empty()) return clauses;
          const auto narrowest = std::min_element(
              of_child.begin(), of_child.end(),
              [](const auto& a, const auto& b) { return a.size() < b.size(); });
          atoms.insert(atoms.end(), narrowest->begin(), narrowest->end());
        }
        clauses.push_back(std::move(atoms));
        break;
      }
      case Pattern::Kind::kRepeat:
        if (pattern.min_count > 0) clauses = Clauses(pattern.children[0]);
        break;
      case Pattern::Kind::kCapture:
        clauses = Clauses(pattern.children[0]);
        break;
    }
    for (std::vector<uint32_t>& clause : clauses) {
      std::sort(clause.begin(), clause.end());
      clause.erase(std::unique(clause.begin(), clause.end()), clause.end());
    }
    return clauses;
  }

  FieldsTest TermsFieldsTest(const std::vector<TokenTerm>& terms) const {
    FieldsTest test;
    for (const TokenTerm& term : terms) {
      TermFieldsTest& of_term = test.terms.emplace_back();
      of_term.shapes = term.shapes;
      of_term.norm = Ids(norm_, term.norm);
      of_term.exact = Ids(exact_, term.exact);
      for (const InsideTest& inside : term.annotations) {
        (inside.inside ? of_term.inside : of_term.outside)
            .push_back(static_cast<uint32_t>(SelectorIndex(inside.selector)));
      }
    }
    return test;
  }

  FieldsTest WordFieldsTest(const std::string& word, bool normalized) const {
    TokenTerm term;
    (normalized ? term.norm : term.exact) = WordSet{{word}, false};
    return TermsFieldsTest({term});
  }

  FieldsTest PhraseFieldsTest(const AnnotationSelector& selector,
                              unsigned bits) const {
    FieldsTest test;
    test.phrase = true;
    test.selector = static_cast<uint32_t>(SelectorIndex(selector));
    test.bits = bits;
    return test;
  }

  RecordTest TermTest(const TokenTerm& term) const {
    RecordTest test;
    test.shapes = term.shapes;
    test.norm = term.norm;
    test.exact = term.exact;
    for (const InsideTest& inside : term.annotations) {
      const ByteSet facts = facts_[SelectorIndex(inside.selector)].With(0);
      if (inside.inside) {
        test.required.push_back(facts);
      } else {
        test.forbidden |= facts;
      }
    }
    std::sort(test.required.begin(), test.required.end(),
              [](const ByteSet& a, const ByteSet& b) {
                return FirstByte(a) < FirstByte(b);
              });
    return test;
  }

  // A record where the phrases of `selector` have all of `bits`.
  RecordTest PhraseTest(const AnnotationSelector& selector,
                        unsigned bits) const {
    RecordTest test;
    test.required.push_back(facts_[SelectorIndex(selector)].With(bits));
    return test;
  }

  void AppendRecord(const RecordTest& test, std::string* out) const {
    ByteSet shapes;
    for (int s = 0; s < kTokenShapeCount; ++s) {
      if (test.shapes & (uint32_t{1} << s)) shapes.set(kShapeBase + s);
    }
    AppendByteClass(shapes, ByteRange(kShapeBase, kTokenShapeCount), kAnyShape,
                    out);
    const bool words = !IsAnyWord(test.norm) || !IsAnyWord(test.exact);
    if (test.required.empty() && test.forbidden.none() && !words) {
      *out += kRestOfRecord;
      return;
    }
    // Facts are sorted and unique, so before each required fact come only
    // smaller ones: skipping just those keeps the regex unambiguous, which
    // RE2's submatch engines need to stay fast.
    int low = 0;
    for (const ByteSet& required : test.required) {
      const int first = FirstByte(required);
      AppendSkip(ByteRange(low, first - low) & ~test.forbidden, out);
      AppendByteClass(required, FieldBytes(), kAnyField, out);
      low = first + 1;
    }
    // The codes come last, above the facts: the last skip takes them too
    // unless they are tested.
    const ByteSet rest = ByteRange(low, kFieldLimit - low) & ~test.forbidden;
    if (!words) {
      AppendSkip(rest, out);
      return;
    }
    AppendSkip(rest & ByteRange(0, fact_count_), out);
    for (const auto& [vocabulary, words_tested] :
         {std::pair(&norm_, &test.norm), std::pair(&exact_, &test.exact)}) {
      if (IsAnyWord(*words_tested)) {
        AppendSkip(vocabulary->digits(), out);
      } else {
        vocabulary->AppendRegex(*words_tested, out);
      }
    }
  }

  // Encodes tokens [first, end) of `tokens` into `out`, then a shape byte
  // that ends the last record, and sets `starts` to the offset of each
  // record in it, then of that byte.  Sets `atoms` to the atoms that occur
  // in each piece of kMaxPieceTokens tokens, a bitmap of atom_count() bits
  // per piece, and `fields` to the fields of each token.
  void Encode(std::string_view text, const Tokens& tokens, uint32_t first,
              uint32_t end, std::span<const Annotation> annotations,
              std::string* out, std::vector<size_t>* starts,
              std::vector<uint64_t>* atoms, TokenFields* fields) const {
    const size_t words =
        (selectors_.size() + kStatesPerWord - 1) / kStatesPerWord;
    std::vector<uint64_t>& facts = fields->states;
    facts.assign(size_t{end - first} * words, 0);
    fields->state_words = words;
    fields->shapes.resize(end - first);
    fields->norm_ids.resize(end - first);
    fields->exact_ids.resize(end - first);
    if (words > 0) {
      for (const Annotation& annotation : annotations) {
        AddFacts(annotation, first, end, words, &facts);
      }
    }
    // Records are written in place, into room for the longest record (a
    // shape, a fact per selector and two codes) per token: appending byte
    // by byte costs several times as much.
    const size_t longest =
        1 + selectors_.size() + norm_.width() + exact_.width();
    out->resize(size_t{end - first} * longest + 1);
    char* const base = out->data();
    char* p = base;
    starts->resize(end - first + 1);
    const size_t atom_words = AtomWords();
    atoms->assign((size_t{end - first} + RuleMatcher::kMaxPieceTokens - 1) /
                      RuleMatcher::kMaxPieceTokens * atom_words,
                  0);
    const uint32_t exact_atoms = static_cast<uint32_t>(norm_.size());
    const uint32_t selector_atoms =
        static_cast<uint32_t>(norm_.size() + exact_.size());
    for (uint32_t i = first; i < end; ++i) {
      const Token& token = tokens.tokens[i];
      uint64_t* const piece_atoms =
          atoms->data() +
          (i - first) / RuleMatcher::kMaxPieceTokens * atom_words;
      (*starts)[i - first] = static_cast<size_t>(p - base);
      const int shape = TokenShape(token);
      fields->shapes[i - first] = static_cast<uint8_t>(shape);
      *p++ = static_cast<char>(kShapeBase + shape);
      for (size_t w = 0; w < words; ++w) {
        uint64_t states = facts[(i - first) * words + w];
        while (states != 0) {
          const int slot = std::countr_zero(states) / kStateBits;
          const unsigned state = states >> (slot * kStateBits) & kStateMask;
          states &= ~(uint64_t{kStateMask} << (slot * kStateBits));
          const size_t selector = w * kStatesPerWord + slot;
          const SelectorFacts& facts_of = facts_[selector];
          *p++ = static_cast<char>(facts_of.first +
                                   (facts_of.phrase ? kStateFact[state] : 0));
          SetAtom(selector_atoms + selector, piece_atoms);
        }
      }
      const uint32_t norm_id = norm_.Id(token.norm);
      fields->norm_ids[i - first] = norm_id;
      if (norm_id != Vocabulary::kNoWord) SetAtom(norm_id, piece_atoms);
      p = norm_.WriteCode(norm_id, p);
      const uint32_t exact_id =
          exact_.Id(text.substr(token.begin, token.end - token.begin));
      fields->exact_ids[i - first] = exact_id;
      if (exact_id != Vocabulary::kNoWord) {
        SetAtom(exact_atoms + exact_id, piece_atoms);
      }
      p = exact_.WriteCode(exact_id, p);
    }
    (*starts)[end - first] = static_cast<size_t>(p - base);
    *p++ = static_cast<char>(kShapeBase);
    out->resize(static_cast<size_t>(p - base));
  }

 private:
  // Any number of facts from `facts`.
  static void AppendSkip(const ByteSet& facts, std::string* out) {
    if (facts.none()) return;
    AppendByteClass(facts, FieldBytes(), kAnyField, out);
    *out += '*';
  }

  static int FirstByte(const ByteSet& bytes) {
    return NextByte(bytes, 0, true);
  }

  size_t SelectorIndex(const AnnotationSelector& selector) const {
    return std::find(selectors_.begin(), selectors_.end(), selector) -
           selectors_.begin();
  }

  void AddSelector(const AnnotationSelector& selector, bool phrase) {
    const size_t index = SelectorIndex(selector);
    if (index == selectors_.size()) {
      selectors_by_type_.Insert(selector.type, {})
          .push_back(static_cast<uint32_t>(selectors_.size()));
      selectors_.push_back(selector);
      facts_.push_back(SelectorFacts{fact_count_, phrase});
      fact_count_ += phrase ? kPhraseFacts : 1;
    } else if (phrase && !facts_[index].phrase) {
      // First tested inside, now as a phrase: facts are numbered again.
      facts_[index].phrase = true;
      fact_count_ = 0;
      for (SelectorFacts& facts : facts_) {
        facts.first = fact_count_;
        fact_count_ += facts.phrase ? kPhraseFacts : 1;
      }
    }
  }

  // Adds the states that `annotation` gives tokens [first, end): four
  // bits per selector, kStatesPerWord selectors to a word.
  void AddFacts(const Annotation& annotation, uint32_t first, uint32_t end,
                size_t words, std::vector<uint64_t>* states) const {
    const uint32_t begin = std::max(annotation.first_token, first);
    const uint32_t stop = std::min(annotation.end_token, end);
    if (begin >= stop) return;
    const std::vector<uint32_t>* selectors =
        selectors_by_type_.Find(annotation.type);
    if (selectors == nullptr) return;
    for (uint32_t selector : *selectors) {
      if (!Accepts(selectors_[selector], annotation.attributes)) continue;
      const size_t word = selector / kStatesPerWord;
      const int shift = selector % kStatesPerWord * kStateBits;
      for (uint32_t t = begin; t < stop; ++t) {
        const unsigned state =
            (t == annotation.first_token ? kBegins : kContinues) |
            (t + 1 == annotation.end_token ? kEnds : 0);
        (*states)[(t - first) * words + word] |= uint64_t{state} << shift;
      }
    }
  }

  static IdTest Ids(const Vocabulary& vocabulary, const WordSet& words) {
    IdTest test;
    test.negated = words.negated;
    for (const std::string& word : words.words) {
      const uint32_t id = vocabulary.Id(word);
      if (id != Vocabulary::kNoWord) test.ids.push_back(id);
    }
    std::sort(test.ids.begin(), test.ids.end());
    return test;
  }

  static void SetAtom(size_t atom, uint64_t* atoms) {
    atoms[atom / 64] |= uint64_t{1} << (atom % 64);
  }

  uint32_t NormAtom(std::string_view word) const { return norm_.Id(word); }
  uint32_t ExactAtom(std::string_view word) const {
    return static_cast<uint32_t>(norm_.size()) + exact_.Id(word);
  }
  uint32_t SelectorAtom(const AnnotationSelector& selector) const {
    return static_cast<uint32_t>(norm_.size() + exact_.size() +
                                 SelectorIndex(selector));
  }

  // Appends the atoms of which a token satisfying `term` has one; false
  // when it may have none.
  bool TermAtoms(const TokenTerm& term, std::vector<uint32_t>* atoms) const {
    if (!term.norm.negated) {
      for (const std::string& word : term.norm.words) {
        atoms->push_back(NormAtom(word));
      }
      return true;
    }
    if (!term.exact.negated) {
      for (const std::string& word : term.exact.words) {
        atoms->push_back(ExactAtom(word));
      }
      return true;
    }
    for (const InsideTest& inside : term.annotations) {
      if (inside.inside) {
        atoms->push_back(SelectorAtom(inside.selector));
        return true;
      }
    }
    return false;
  }

  Vocabulary norm_;
  Vocabulary exact_;
  std::vector<AnnotationSelector> selectors_;
  std::vector<SelectorFacts> facts_;  // one per selector
  StringTable<std::vector<uint32_t>> selectors_by_type_;
  int fact_count_ = 0;
};

// The regexes of single elements, written once for all the rules of a
// Compile: macros repeat the same few tests throughout the rules, and
// writing each anew took half the time of Compile.
struct ElementRegexes {
  // By the condition as written, with its terms, since conditions written
  // alike in different files might still differ.
  std::unordered_map<
      std::string, std::vector<std::pair<std::vector<TokenTerm>, std::string>>>
      tokens;
  std::map<AnnotationSelector, std::string> phrases;
  std::unordered_map<std::string, std::string> norm_words;
  std::unordered_map<std::string, std::string> exact_words;
};

// Numbers the token tests of a rule's TokenProgram, one per distinct
// element of the rule.
class TokenTests : public TokenProgram::Tests {
 public:
  TokenTests(const Encoding& encoding, std::vector<FieldsTest>* tests)
      : encoding_(encoding), tests_(*tests) {}

  uint32_t Token(const Pattern& pattern) override {
    auto& numbered = tokens_[pattern.text];
    for (const auto& [terms, test] : numbered) {
      if (terms == pattern.terms) return test;
    }
    numbered.emplace_back(pattern.terms,
                          Add(encoding_.TermsFieldsTest(pattern.terms)));
    return numbered.back().second;
  }

  uint32_t Word(const std::string& word, bool normalized) override {
    auto [it, added] =
        (normalized ? norm_words_ : exact_words_).try_emplace(word, 0);
    if (added) it->second = Add(encoding_.WordFieldsTest(word, normalized));
    return it->second;
  }

  uint32_t Phrase(const AnnotationSelector& selector, unsigned bits) override {
    auto [it, added] = phrases_.try_emplace(std::pair(selector, bits), 0);
    if (added) it->second = Add(encoding_.PhraseFieldsTest(selector, bits));
    return it->second;
  }

 private:
  uint32_t Add(FieldsTest test) {
    tests_.push_back(std::move(test));
    return static_cast<uint32_t>(tests_.size() - 1);
  }

  const Encoding& encoding_;
  std::vector<FieldsTest>& tests_;
  std::unordered_map<std::string,
                     std::vector<std::pair<std::vector<TokenTerm>, uint32_t>>>
      tokens_;
  std::map<std::pair<AnnotationSelector, unsigned>, uint32_t> phrases_;
  std::unordered_map<std::string, uint32_t> norm_words_;
  std::unordered_map<std::string, uint32_t> exact_words_;
};

// Writes a pattern as an RE2 regular expression over records.
class RegexWriter {
 public:
  RegexWriter(const Encoding& encoding, ElementRegexes* elements)
      : encoding_(encoding), elements_(*elements) {}

  std::string regex;
  std::vector<std::string> capture_names;
  // What RE2 sees beyond `regex` once it spells out counted repetitions:
  // x{2,4} is four copies of x.
  size_t repeated_bytes = 0;

  void Write(const Pattern& pattern) {
    switch (pattern.kind) {
      case Pattern::Kind::kToken:
        regex += TokenRegex(pattern);
        return;
      case Pattern::Kind::kWords:
      case Pattern::Kind::kExactWords:
        for (const std::string& word : pattern.words) {
          regex += WordRegex(word, pattern.kind == Pattern::Kind::kWords);
        }
        return;
      case Pattern::Kind::kPhrase:
        regex += PhraseRegex(pattern.selector);
        return;
      case Pattern::Kind::kSequence:
        for (const Pattern& child : pattern.children) Write(child);
        return;
      case Pattern::Kind::kAlternation:
        regex += "(?:";
        for (size_t i = 0; i < pattern.children.size(); ++i) {
          if (i > 0) regex += '|';
          Write(pattern.children[i]);
        }
        regex += ')';
        return;
      case Pattern::Kind::kRepeat: {
        regex += "(?:";
        const size_t text_before = regex.size();
        const size_t repeated_before = repeated_bytes;
        Write(pattern.children[0]);
        const size_t child_bytes =
            regex.size() - text_before + repeated_bytes - repeated_before;
        regex += ')';
        const int min = pattern.min_count;
        const int max = pattern.max_count;
        const int copies = RepeatFactor(min, max);
        repeated_bytes += child_bytes * static_cast<size_t>(copies - 1);
        if (min == 0 && max == 1) {
          regex += '?';
        } else if (min == 0 && max == Pattern::kUnbounded) {
          regex += '*';
        } else if (min == 1 && max == Pattern::kUnbounded) {
          regex += '+';
        } else if (max == Pattern::kUnbounded) {
          regex += "{" + std::to_string(min) + ",}";
        } else {
          regex += "{" + std::to_string(min) + "," + std::to_string(max) + "}";
        }
        return;
      }
      case Pattern::Kind::kCapture:
        capture_names.push_back(pattern.name);
        regex += '(';
        Write(pattern.children[0]);
        regex += ')';
        return;
    }
  }

 private:
  const std::string& TokenRegex(const Pattern& pattern) {
    auto& written = elements_.tokens[pattern.text];
    for (const auto& [terms, token_regex] : written) {
      if (terms == pattern.terms) return token_regex;
    }
    std::string token_regex = "(?:";
    for (size_t i = 0; i < pattern.terms.size(); ++i) {
      if (i > 0) token_regex += '|';
      encoding_.AppendRecord(encoding_.TermTest(pattern.terms[i]),
                             &token_regex);
    }
    token_regex += ')';
    return written.emplace_back(pattern.terms, std::move(token_regex)).second;
  }

  const std::string& WordRegex(const std::string& word, bool normalized) {
    auto [it, added] =
        (normalized ? elements_.norm_words : elements_.exact_words)
            .try_emplace(word);
    if (added) {
      RecordTest test;
      (normalized ? test.norm : test.exact) = WordSet{{word}, false};
      encoding_.AppendRecord(test, &it->second);
    }
    return it->second;
  }

  // A one-token phrase, or a first token, inner ones and a last one.
  const std::string& PhraseRegex(const AnnotationSelector& selector) {
    auto [it, added] = elements_.phrases.try_emplace(selector);
    if (added) {
      std::string& out = it->second;
      auto record = [&](unsigned bits) {
        encoding_.AppendRecord(encoding_.PhraseTest(selector, bits), &out);
      };
      out += "(?:";
      record(kBegins | kEnds);
      out += '|';
      record(kBegins);
      out += "(?:";
      record(kContinues);
      out += ")*";
      record(kContinues | kEnds);
      out += ')';
    }
    return it->second;
  }

  const Encoding& encoding_;
  ElementRegexes& elements_;
};

RE2::Options MatchOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_longest_match(true);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

// Compiling every rule's RE2 took most of the time of building an
// Extractor, and a run over a few stories needs few of the rules: a rule
// is compiled, to its RE2 and its TokenProgram, when a piece first passes
// its prefilter, unless it is large enough that RE2 might refuse it
// (kSurelyCompiles).
class CompiledRule {
 public:
  // What matching the rule needs.
  struct Compiled {
    std::unique_ptr<const RE2> regex;
    // What reads the captures of a match, and its tests; no program where
    // RE2 reads them.
    std::optional<TokenProgram> program;
    std::vector<FieldsTest> tests;
  };

  CompiledRule(const Encoding& encoding, Pattern pattern, std::string id,
               std::string regex, std::vector<std::string> capture_names,
               std::vector<std::vector<uint32_t>> clauses)
      : encoding_(encoding),
        pattern_(std::move(pattern)),
        id_(std::move(id)),
        regex_text_(std::move(regex)),
        capture_names_(std::move(capture_names)),
        clauses_(std::move(clauses)) {}

  const std::string& id() const { return id_; }
  const std::vector<std::string>& capture_names() const {
    return capture_names_;
  }
  const std::vector<std::vector<uint32_t>>& clauses() const { return clauses_; }

  // Compiled on the first call; thread-safe.
  const Compiled& compiled() const {
    std::call_once(once_, [this] {
      compiled_.regex =
          std::make_unique<const RE2>(regex_text_, MatchOptions(kRuleMaxMem));
      TokenTests tests(encoding_, &compiled_.tests);
      compiled_.program = TokenProgram::Compile(pattern_, &tests);
    });
    return compiled_;
  }

 private:
  const Encoding& encoding_;
  Pattern pattern_;
  std::string id_;
  std::string regex_text_;
  std::vector<std::string> capture_names_;
  // The prefilter's condition (Encoding::Clauses).
  std::vector<std::vector<uint32_t>> clauses_;
  mutable std::once_flag once_;
  mutable Compiled compiled_;
};

bool HasAtom(const uint64_t* atoms, uint32_t atom) {
  return (atoms[atom / 64] >> (atom % 64) & 1) != 0;
}

}  // namespace

struct RuleMatcher::Impl {
  // The rules that may match a piece whose atoms are `atoms`, in order:
  // those whose every clause has an atom there.  Running RE2 only on them
  // saves most of the work, since most rules hinge on a few words.
  void Candidates(const uint64_t* atoms, std::vector<int>* candidates) const {
    candidates->clear();
    for (size_t i = 0; i < rules.size(); ++i) {
      const bool possible = std::all_of(
          rules[i]->clauses().begin(), rules[i]->clauses().end(),
          [&](const std::vector<uint32_t>& clause) {
            return std::any_of(clause.begin(), clause.end(),
                               [&](uint32_t a) { return HasAtom(atoms, a); });
          });
      if (possible) candidates->push_back(static_cast<int>(i));
    }
  }

  // Appends the matches of rule `index` in `piece`, whose records start
  // at `starts` (offsets in the encoding at `base`, then that of the shape
  // byte that ends the piece's last record) and whose first token is
  // `first_token`, token `fields_offset` of `fields`.
  void MatchRule(int index, re2::StringPiece piece, const char* base,
                 std::span<const size_t> starts, uint32_t first_token,
                 const TokenFields& fields, uint32_t fields_offset,
                 std::vector<re2::StringPiece>* groups,
                 std::vector<RuleMatch>* matches) const {
    const CompiledRule& rule = *rules[index];
    const CompiledRule::Compiled& compiled = rule.compiled();
    const RE2& regex = *compiled.regex;
    // Refused only for a bug in RegexWriter: Compile compiles at once what
    // may be too large, and the tests compile every default rule.
    if (!regex.ok()) return;
    // With a TokenProgram, RE2 only finds the extent of each match, with
    // its DFAs; without, it reads the captures too.  Group 1 is the match
    // without the shape byte that follows it.
    const bool by_tokens = compiled.program.has_value();
    const int group_count =
        by_tokens ? 1 : 2 + static_cast<int>(rule.capture_names().size());
    // The token whose record starts at `byte`, or the end of the piece.
    auto token = [&](const char* byte) {
      return first_token +
             static_cast<uint32_t>(
                 std::lower_bound(starts.begin(), starts.end(),
                                  static_cast<size_t>(byte - base)) -
                 starts.begin());
    };
    std::vector<int> slots;
    size_t pos = 0;
    while (pos < piece.size() &&
           regex.Match(piece, pos, piece.size(), RE2::UNANCHORED,
                       groups->data(), group_count)) {
      const re2::StringPiece whole =
          by_tokens
              ? re2::StringPiece((*groups)[0].data(), (*groups)[0].size() - 1)
              : (*groups)[1];
      RuleMatch match;
      match.rule = static_cast<uint32_t>(index);
      match.first_token = token(whole.data());
      match.end_token = token(whole.data() + whole.size());
      if (by_tokens) {
        ReadCaptures(rule, compiled, fields,
                     fields_offset + match.first_token - first_token, &slots,
                     &match);
      } else {
        for (int i = 2; i < group_count; ++i) {
          const re2::StringPiece group = (*groups)[i];
          if (group.data() == nullptr || group.empty()) continue;
          match.captures.push_back(Capture{rule.capture_names()[i - 2],
                                           token(group.data()),
                                           token(group.data() + group.size())});
        }
      }
      // Rules never match empty (the parser refuses them); stepping at
      // least one byte guards the loop all the same.
      pos = std::max(
          static_cast<size_t>(whole.data() + whole.size() - piece.data()),
          static_cast<size_t>(whole.data() - piece.data()) + 1);
      matches->push_back(std::move(match));
    }
  }

  // Sets the captures of `match`, whose extent is known, with the rule's
  // TokenProgram; its first token is token `offset` of `fields`.
  static void ReadCaptures(const CompiledRule& rule,
                           const CompiledRule::Compiled& compiled,
                           const TokenFields& fields, uint32_t offset,
                           std::vector<int>* slots, RuleMatch* match) {
    struct Context {
      const std::vector<FieldsTest>& tests;
      const TokenFields& fields;
      uint32_t offset;
    };
    const Context context{compiled.tests, fields, offset};
    const bool matched = compiled.program->FullMatch(
        match->end_token - match->first_token,
        [](const void* of, uint32_t test, uint32_t i) {
          const Context& context = *static_cast<const Context*>(of);
          return context.tests[test].Passes(context.fields, context.offset + i);
        },
        &context, slots);
    // RE2 found the match with the same tests, so the program matches too.
    if (!matched) return;
    for (size_t i = 0; i < rule.capture_names().size(); ++i) {
      const int begin = (*slots)[2 * i];
      const int end = (*slots)[2 * i + 1];
      if (begin < 0 || end <= begin) continue;
      match->captures.push_back(
          Capture{rule.capture_names()[i],
                  match->first_token + static_cast<uint32_t>(begin),
                  match->first_token + static_cast<uint32_t>(end)});
    }
  }

  Encoding encoding;
  std::vector<std::unique_ptr<const CompiledRule>> rules;
  size_t max_groups = 2;
};

RuleMatcher::RuleMatcher(std::shared_ptr<const Impl> impl)
    : impl_(std::move(impl)) {}

Result<RuleMatcher> RuleMatcher::Create(std::span<const RuleSource> sources,
                                        RuleCompilation when) {
  Result<std::vector<Rule>> rules = ParseRules(sources);
  if (!rules.ok()) return rules.status();
  return Compile(*std::move(rules), when);
}

Result<RuleMatcher> RuleMatcher::Compile(std::vector<Rule> rules,
                                         RuleCompilation when) {
  auto impl = std::make_shared<Impl>();
  for (const Rule& rule : rules) {
    impl->encoding.Collect(rule.pattern);
    if (impl->encoding.fact_count() > kMaxFacts) {
      return Status(StatusCode::kParseError,
                    "rules test too many annotation types: at most " +
                        std::to_string(kMaxFacts) +
                        " facts, 6 per type used as a phrase and 1 per "
                        "type only tested in conditions",
                    rule.location);
    }
  }
  impl->encoding.Finish();
  ElementRegexes elements;
  for (Rule& rule : rules) {
    RegexWriter writer(impl->encoding, &elements);
    writer.Write(rule.pattern);
    // A record's last facts are only checked when something follows them:
    // the next record's shape (Encode ends the last record with one).
    // Group 1 is the match itself.
    std::string regex = "(" + writer.regex + ")" + std::string(kAnyShape);
    // A rule that RE2 might refuse as too large is compiled at once, so
    // that it is refused here rather than skipped later.
    const bool now = when == RuleCompilation::kNow ||
                     regex.size() + writer.repeated_bytes > kSurelyCompiles;
    impl->max_groups =
        std::max(impl->max_groups, 2 + writer.capture_names.size());
    std::vector<std::vector<uint32_t>> clauses =
        impl->encoding.Clauses(rule.pattern);
    impl->rules.push_back(std::make_unique<const CompiledRule>(
        impl->encoding, std::move(rule.pattern), rule.id, std::move(regex),
        std::move(writer.capture_names), std::move(clauses)));
    if (!now) continue;
    const RE2& compiled = *impl->rules.back()->compiled().regex;
    if (compiled.error_code() == RE2::ErrorPatternTooLarge) {
      return Status(StatusCode::kParseError,
                    "rule too large to compile; lower its repetition "
                    "bounds or split it",
                    rule.location);
    }
    if (!compiled.ok()) {
      return Status(StatusCode::kInternal,
                    "rule '" + rule.id + "' compiled to a regular " +
                        "expression that RE2 refuses: " + compiled.error(),
                    rule.location);
    }
  }
  return RuleMatcher(std::move(impl));
}

std::vector<RuleMatch> RuleMatcher::Match(
    std::string_view text, const Tokens& tokens, const Sentence& sentence,
    std::span<const Annotation> annotations) const {
  std::vector<RuleMatch> matches;
  const Impl& impl = *impl_;
  if (impl.rules.empty() || sentence.first_token >= sentence.end_token) {
    return matches;
  }
  std::string encoded;
  std::vector<size_t> starts;
  std::vector<uint64_t> atoms;
  TokenFields fields;
  impl.encoding.Encode(text, tokens, sentence.first_token, sentence.end_token,
                       annotations, &encoded, &starts, &atoms, &fields);
  const size_t atom_words = impl.encoding.AtomWords();
  std::vector<int> candidates;
  std::vector<re2::StringPiece> groups(impl.max_groups);
  const uint32_t count = sentence.end_token - sentence.first_token;
  for (uint32_t first = 0; first < count; first += kMaxPieceTokens) {
    const std::span<const size_t> piece_starts = std::span(starts).subspan(
        first, std::min(count - first, kMaxPieceTokens) + 1);
    // The piece, and the shape byte after it that ends its last record.
    const re2::StringPiece piece(
        encoded.data() + piece_starts.front(),
        piece_starts.back() + 1 - piece_starts.front());
    impl.Candidates(atoms.data() + first / kMaxPieceTokens * atom_words,
                    &candidates);
    for (int rule : candidates) {
      impl.MatchRule(rule, piece, encoded.data(), piece_starts,
                     sentence.first_token + first, fields, first, &groups,
                     &matches);
    }
  }
  std::sort(matches.begin(), matches.end(),
            [](const RuleMatch& a, const RuleMatch& b) {
              return std::tie(a.first_token, a.rule, a.end_token) <
                     std::tie(b.first_token, b.rule, b.end_token);
            });
  return matches;
}

uint32_t RuleMatcher::rule_count() const {
  return static_cast<uint32_t>(impl_->rules.size());
}

const std::string& RuleMatcher::rule_id(uint32_t rule) const {
  return impl_->rules[rule]->id();
}

}  // namespace parley

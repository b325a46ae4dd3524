// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Compiles parsed rules to RE2 over an encoding of tokens as records of
// bytes, and matches them.  A record is
//
//   shape  norm-code  exact-code  fact...
//
// `shape` is 0xe2 + TokenShape(), and only shapes are 0xe2 or above, so a
// shape byte starts every record and every pattern element.  A code is the
// id of the token's word among the words the rules mention (0 for any other
// word) in fixed-width base-226 digits; it is absent when the rules mention
// no word.  Facts say where the token stands in the annotated phrases the
// rules test, one byte each, sorted, and only those that hold: for a type
// used as a phrase (@country), that such a phrase begins at the token,
// continues through it or ends at it; for a type only tested in conditions
// ([!@not_name]), that the token is inside one.  A token without facts
// costs a byte or two, and a test on one field costs a regex element or
// two whatever the number of types, since RE2's time and memory grow with
// the bytes it reads and the size of its programs.

#include "rule_matcher.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <bit>
#include <bitset>
#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace parley {
namespace {

constexpr int kShapeBase = 0xe2;
// Digits of codes and facts are below the shapes.
constexpr int kFieldLimit = 0xe2;
constexpr uint32_t kDigitCount = kFieldLimit;
constexpr int kMaxFacts = kFieldLimit;

// A type used as a phrase has these three facts, in this order.
constexpr int kBeginsFact = 0;
constexpr int kContinuesFact = 1;
constexpr int kEndsFact = 2;

// RE2's default per rule; the Set holds all rules at once.
constexpr int64_t kRuleMaxMem = int64_t{8} << 20;
constexpr int64_t kSetMaxMem = int64_t{64} << 20;

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
    for (int b = 0; b < 256; ++b) {
      if (bytes.test(b)) AppendByte(b, out);
    }
    return;
  }
  *out += '[';
  for (int b = 0; b < 256; ++b) {
    if (!bytes.test(b)) continue;
    int last = b;
    while (last + 1 < 256 && bytes.test(last + 1)) ++last;
    AppendByte(b, out);
    if (last > b) {
      if (last > b + 1) *out += '-';
      AppendByte(last, out);
    }
    b = last;
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

// The words the rules mention, numbered from 1, as fixed-width codes.
class Vocabulary {
 public:
  void Add(const std::string& word) {
    ids_.Insert(word, static_cast<uint32_t>(ids_.size()) + 1);
    uint64_t codes = kDigitCount;
    width_ = 1;
    while (codes <= ids_.size()) {
      codes *= kDigitCount;
      ++width_;
    }
  }

  // 0 when the rules do not mention `word`.
  uint32_t Id(std::string_view word) const {
    const uint32_t* id = ids_.Find(word);
    return id == nullptr ? 0 : *id;
  }

  // Bytes per code; 0 when the rules mention no word.
  int width() const { return width_; }

  // Appends the code of `id`, width() bytes.
  void AppendCode(uint32_t id, std::string* out) const {
    out->resize(out->size() + width_);
    for (int i = 1; i <= width_; ++i) {
      (*out)[out->size() - i] = static_cast<char>(id % kDigitCount);
      id /= kDigitCount;
    }
  }

  // A regex for a code of a word in `words`, or of any other word when
  // `words.negated`.
  void AppendRegex(const WordSet& words, std::string* out) const {
    if (width_ == 0) return;
    std::vector<std::string> codes(words.words.size());
    for (size_t i = 0; i < codes.size(); ++i) {
      AppendCode(Id(words.words[i]), &codes[i]);
    }
    std::sort(codes.begin(), codes.end());
    if (!AppendCodes(codes, 0, words.negated, out)) *out += kNoByte;
  }

 private:
  // Appends a regex for the digits from `depth` on of the codes in `codes`
  // (sorted; they share their first `depth` digits), or of the other codes
  // with that prefix when `negated`.  False, appending nothing, when there
  // is no such code.
  bool AppendCodes(std::span<const std::string> codes, int depth, bool negated,
                   std::string* out) const {
    const ByteSet digits = ByteRange(0, kDigitCount);
    ByteSet firsts;
    for (const std::string& code : codes) {
      firsts.set(static_cast<unsigned char>(code[depth]));
    }
    if (depth + 1 == width_) {
      if (!negated && firsts.none()) return false;
      if (negated && firsts == digits) return false;
      AppendByteClass(negated ? ~firsts : firsts, digits, kAnyField, out);
      return true;
    }
    std::vector<std::string> alternatives;
    if (negated && firsts != digits) {
      std::string rest;
      AppendByteClass(~firsts, digits, kAnyField, &rest);
      for (int i = depth + 1; i < width_; ++i) rest += kAnyField;
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

// The facts of one annotation selector: `first`, and for a phrase type
// the two after it (kBeginsFact, kContinuesFact, kEndsFact).
struct SelectorFacts {
  int first = 0;
  bool phrase = false;

  // The facts that hold for a token inside an accepted phrase.
  ByteSet Inside() const {
    ByteSet facts;
    facts.set(first);
    if (phrase) facts.set(first + kContinuesFact);
    return facts;
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

  RecordTest TermTest(const TokenTerm& term) const {
    RecordTest test;
    test.shapes = term.shapes;
    test.norm = term.norm;
    test.exact = term.exact;
    for (const InsideTest& inside : term.annotations) {
      const ByteSet facts = facts_[SelectorIndex(inside.selector)].Inside();
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

  // A record where phrases of `selector` have each of `facts`
  // (kBeginsFact...), in order.
  RecordTest PhraseTest(const AnnotationSelector& selector,
                        std::initializer_list<int> facts) const {
    RecordTest test;
    for (int fact : facts) {
      test.required.emplace_back();
      test.required.back().set(facts_[SelectorIndex(selector)].first + fact);
    }
    return test;
  }

  void AppendRecord(const RecordTest& test, std::string* out) const {
    ByteSet shapes;
    for (int s = 0; s < kTokenShapeCount; ++s) {
      if (test.shapes & (uint32_t{1} << s)) shapes.set(kShapeBase + s);
    }
    AppendByteClass(shapes, ByteRange(kShapeBase, kTokenShapeCount), kAnyShape,
                    out);
    const bool facts = !test.required.empty() || test.forbidden.any();
    if (!facts && IsAnyWord(test.norm) && IsAnyWord(test.exact)) {
      *out += kRestOfRecord;
      return;
    }
    norm_.AppendRegex(test.norm, out);
    exact_.AppendRegex(test.exact, out);
    if (!facts) {
      *out += kRestOfRecord;
      return;
    }
    // Facts are sorted, and each set's facts appear at most once, so
    // skipping any allowed fact between the required ones finds them all.
    std::string skip;
    AppendByteClass(~test.forbidden, FieldBytes(), kAnyField, &skip);
    skip += '*';
    *out += skip;
    for (const ByteSet& required : test.required) {
      AppendByteClass(required, FieldBytes(), kAnyField, out);
      *out += skip;
    }
  }

  // Encodes tokens [first, end) of `tokens` into `out`, and sets `starts`
  // to the offset of each record in it, then its size.
  void Encode(std::string_view text, const Tokens& tokens, uint32_t first,
              uint32_t end, std::span<const Annotation> annotations,
              std::string* out, std::vector<size_t>* starts) const {
    const size_t words = (fact_count_ + 63) / 64;
    std::vector<uint64_t> facts(size_t{end - first} * words);
    if (words > 0) {
      for (const Annotation& annotation : annotations) {
        AddFacts(annotation, first, end, words, &facts);
      }
    }
    out->clear();
    starts->clear();
    starts->reserve(end - first + 1);
    for (uint32_t i = first; i < end; ++i) {
      const Token& token = tokens.tokens[i];
      starts->push_back(out->size());
      out->push_back(static_cast<char>(kShapeBase + TokenShape(token)));
      norm_.AppendCode(norm_.Id(token.norm), out);
      exact_.AppendCode(
          exact_.Id(text.substr(token.begin, token.end - token.begin)), out);
      for (size_t w = 0; w < words; ++w) {
        for (uint64_t bits = facts[(i - first) * words + w]; bits != 0;
             bits &= bits - 1) {
          out->push_back(static_cast<char>(w * 64 + std::countr_zero(bits)));
        }
      }
    }
    starts->push_back(out->size());
  }

 private:
  static int FirstByte(const ByteSet& bytes) {
    int b = 0;
    while (b < 256 && !bytes.test(b)) ++b;
    return b;
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
      fact_count_ += phrase ? 3 : 1;
    } else if (phrase && !facts_[index].phrase) {
      // First tested inside, now as a phrase: facts are numbered again.
      facts_[index].phrase = true;
      fact_count_ = 0;
      for (SelectorFacts& facts : facts_) {
        facts.first = fact_count_;
        fact_count_ += facts.phrase ? 3 : 1;
      }
    }
  }

  // Sets the facts that `annotation` gives tokens [first, end).
  void AddFacts(const Annotation& annotation, uint32_t first, uint32_t end,
                size_t words, std::vector<uint64_t>* facts) const {
    const uint32_t begin = std::max(annotation.first_token, first);
    const uint32_t stop = std::min(annotation.end_token, end);
    if (begin >= stop) return;
    const std::vector<uint32_t>* selectors =
        selectors_by_type_.Find(annotation.type);
    if (selectors == nullptr) return;
    auto set = [&](uint32_t token, int fact) {
      (*facts)[(token - first) * words + fact / 64] |= uint64_t{1}
                                                       << (fact % 64);
    };
    for (uint32_t selector : *selectors) {
      if (!Accepts(selectors_[selector], annotation.attributes)) continue;
      const SelectorFacts& facts_of = facts_[selector];
      for (uint32_t t = begin; t < stop; ++t) {
        if (!facts_of.phrase) {
          set(t, facts_of.first);
          continue;
        }
        set(t, facts_of.first + (t == annotation.first_token ? kBeginsFact
                                                             : kContinuesFact));
        if (t + 1 == annotation.end_token) {
          set(t, facts_of.first + kEndsFact);
        }
      }
    }
  }

  Vocabulary norm_;
  Vocabulary exact_;
  std::vector<AnnotationSelector> selectors_;
  std::vector<SelectorFacts> facts_;  // one per selector
  StringTable<std::vector<uint32_t>> selectors_by_type_;
  int fact_count_ = 0;
};

// Writes a pattern as an RE2 regular expression over records.
class RegexWriter {
 public:
  explicit RegexWriter(const Encoding& encoding) : encoding_(encoding) {}

  std::string regex;
  std::vector<std::string> capture_names;

  void Write(const Pattern& pattern) {
    switch (pattern.kind) {
      case Pattern::Kind::kToken:
        regex += "(?:";
        for (size_t i = 0; i < pattern.terms.size(); ++i) {
          if (i > 0) regex += '|';
          encoding_.AppendRecord(encoding_.TermTest(pattern.terms[i]), &regex);
        }
        regex += ')';
        return;
      case Pattern::Kind::kWords:
      case Pattern::Kind::kExactWords:
        for (const std::string& word : pattern.words) {
          RecordTest test;
          (pattern.kind == Pattern::Kind::kWords ? test.norm : test.exact) =
              WordSet{{word}, false};
          encoding_.AppendRecord(test, &regex);
        }
        return;
      case Pattern::Kind::kPhrase: {
        // A one-token phrase, or a first token, inner ones and a last one.
        auto record = [&](std::initializer_list<int> facts) {
          encoding_.AppendRecord(encoding_.PhraseTest(pattern.selector, facts),
                                 &regex);
        };
        regex += "(?:";
        record({kBeginsFact, kEndsFact});
        regex += '|';
        record({kBeginsFact});
        regex += "(?:";
        record({kContinuesFact});
        regex += ")*";
        record({kContinuesFact, kEndsFact});
        regex += ')';
        return;
      }
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
        Write(pattern.children[0]);
        regex += ')';
        const int min = pattern.min_count;
        const int max = pattern.max_count;
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
  const Encoding& encoding_;
};

RE2::Options MatchOptions(int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_longest_match(true);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

struct CompiledRule {
  std::string id;
  std::unique_ptr<const RE2> regex;
  std::vector<std::string> capture_names;
};

}  // namespace

struct RuleMatcher::Impl {
  // The rules that may match `piece`, in order.
  void Candidates(re2::StringPiece piece, std::vector<int>* candidates) const {
    RE2::Set::ErrorInfo error;
    if (set != nullptr) {
      if (set->Match(piece, candidates, &error)) {
        std::sort(candidates->begin(), candidates->end());
        return;
      }
      if (error.kind == RE2::Set::kNoError) return;
    }
    // Without a usable Set (too large to build, or out of memory for this
    // piece), every rule runs: slower, still linear, same results.
    candidates->resize(rules.size());
    std::iota(candidates->begin(), candidates->end(), 0);
  }

  // Appends the matches of rule `index` in `piece`, whose records start
  // at `starts` (offsets in the encoding at `base`, then the piece's end)
  // and whose first token is `first_token`.
  void MatchRule(int index, re2::StringPiece piece, const char* base,
                 std::span<const size_t> starts, uint32_t first_token,
                 std::vector<re2::StringPiece>* groups,
                 std::vector<RuleMatch>* matches) const {
    const CompiledRule& rule = rules[index];
    const int group_count = 1 + static_cast<int>(rule.capture_names.size());
    // The token that starts at `byte`, or the next one.
    auto token = [&](const char* byte) {
      return first_token +
             static_cast<uint32_t>(
                 std::lower_bound(starts.begin(), starts.end(),
                                  static_cast<size_t>(byte - base)) -
                 starts.begin());
    };
    size_t pos = 0;
    while (pos < piece.size() &&
           rule.regex->Match(piece, pos, piece.size(), RE2::UNANCHORED,
                             groups->data(), group_count)) {
      const re2::StringPiece whole = (*groups)[0];
      RuleMatch match;
      match.rule = static_cast<uint32_t>(index);
      match.first_token = token(whole.data());
      match.end_token = token(whole.data() + whole.size());
      for (int i = 1; i < group_count; ++i) {
        const re2::StringPiece group = (*groups)[i];
        if (group.data() == nullptr || group.empty()) continue;
        match.captures.push_back(Capture{rule.capture_names[i - 1],
                                         token(group.data()),
                                         token(group.data() + group.size())});
      }
      // Rules never match empty (the parser refuses them); stepping at
      // least one byte guards the loop all the same.
      pos = std::max(
          static_cast<size_t>(whole.data() + whole.size() - piece.data()),
          static_cast<size_t>(whole.data() - piece.data()) + 1);
      matches->push_back(std::move(match));
    }
  }

  Encoding encoding;
  std::vector<CompiledRule> rules;
  size_t max_groups = 1;
  std::unique_ptr<const RE2::Set> set;  // null when too large to build
};

RuleMatcher::RuleMatcher(std::shared_ptr<const Impl> impl)
    : impl_(std::move(impl)) {}

Result<RuleMatcher> RuleMatcher::Create(std::span<const RuleSource> sources) {
  Result<std::vector<Rule>> rules = ParseRules(sources);
  if (!rules.ok()) return rules.status();
  auto impl = std::make_shared<Impl>();
  for (const Rule& rule : *rules) {
    impl->encoding.Collect(rule.pattern);
    if (impl->encoding.fact_count() > kMaxFacts) {
      return Status(StatusCode::kParseError,
                    "rules test too many annotation types: at most " +
                        std::to_string(kMaxFacts) +
                        " facts, 3 per type used as a phrase, 1 per type "
                        "only used in conditions",
                    rule.location);
    }
  }
  auto set =
      std::make_unique<RE2::Set>(MatchOptions(kSetMaxMem), RE2::UNANCHORED);
  for (const Rule& rule : *rules) {
    RegexWriter writer(impl->encoding);
    writer.Write(rule.pattern);
    auto regex =
        std::make_unique<const RE2>(writer.regex, MatchOptions(kRuleMaxMem));
    if (!regex->ok()) {
      if (regex->error_code() == RE2::ErrorPatternTooLarge) {
        return Status(StatusCode::kParseError,
                      "rule too large to compile; lower its repetition "
                      "bounds or split it",
                      rule.location);
      }
      return Status(StatusCode::kInternal,
                    "rule '" + rule.id + "' compiled to a regular " +
                        "expression that RE2 refuses: " + regex->error(),
                    rule.location);
    }
    std::string error;
    if (set->Add(writer.regex, &error) < 0) {
      return Status(StatusCode::kInternal,
                    "rule '" + rule.id + "' refused by RE2::Set: " + error,
                    rule.location);
    }
    impl->max_groups =
        std::max(impl->max_groups, 1 + writer.capture_names.size());
    impl->rules.push_back(CompiledRule{rule.id, std::move(regex),
                                       std::move(writer.capture_names)});
  }
  if (set->Compile()) impl->set = std::move(set);
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
  impl.encoding.Encode(text, tokens, sentence.first_token, sentence.end_token,
                       annotations, &encoded, &starts);
  std::vector<int> candidates;
  std::vector<re2::StringPiece> groups(impl.max_groups);
  const uint32_t count = sentence.end_token - sentence.first_token;
  for (uint32_t first = 0; first < count; first += kMaxPieceTokens) {
    const std::span<const size_t> piece_starts = std::span(starts).subspan(
        first, std::min(count - first, kMaxPieceTokens) + 1);
    const re2::StringPiece piece(encoded.data() + piece_starts.front(),
                                 piece_starts.back() - piece_starts.front());
    impl.Candidates(piece, &candidates);
    for (int rule : candidates) {
      impl.MatchRule(rule, piece, encoded.data(), piece_starts,
                     sentence.first_token + first, &groups, &matches);
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
  return impl_->rules[rule].id;
}

}  // namespace parley

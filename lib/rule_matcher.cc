// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Compiles parsed rules and matches them over the tokens of a sentence.
// Each rule is compiled to a TokenProgram (token_program.h).  The tests the
// programs make of single tokens are numbered across all the rules, and a
// TestTable (token_tests.h) tells them for every token of a piece at once,
// from the fields that the rules' TokenVocabulary (token_vocabulary.h)
// reads of each token: its shape, which of the words the rules mention it
// is, and where it stands in the annotated phrases the rules test.
//
// A rule that TokenProgram does not take (one repeating something that can
// match no token, or one too large) runs on RE2 instead, over an encoding
// of the same fields as records of bytes.  A record is
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

#include "rule_prefilter.h"
#include "token_program.h"
#include "token_tests.h"
#include "token_vocabulary.h"

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

static_assert(RuleMatcher::kPieceOverlap < RuleMatcher::kPieceStride,
              "a piece must span at most two blocks of prefilter atoms");

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

// Fixed-width codes for the words of a WordIds, written in digits of their
// own range of bytes.  Words without an id have no code.
class WordCodes {
 public:
  WordCodes() = default;

  // Codes for `word_count` words, written with at most kMaxDigits of the
  // `count` digits from `first`.
  WordCodes(int first, int count, size_t word_count)
      : first_digit_(first),
        base_(std::min(count, kMaxDigits)),
        digits_(ByteRange(first, base_)) {
    if (word_count == 0) return;
    width_ = 1;
    for (uint64_t codes = base_; codes < word_count; codes *= base_) ++width_;
  }

  const ByteSet& digits() const { return digits_; }

  // The number of digits of every code.
  int width() const { return width_; }

  // Appends the code of `id`, if it has one.
  void AppendCode(uint32_t id, std::string* out) const {
    if (id == WordIds::kNoWord) return;
    out->resize(out->size() + width_);
    WriteCode(id, out->data() + out->size() - width_);
  }

  // Writes the code of `id`, if it has one, at `out`, and returns the end
  // of what it wrote.
  char* WriteCode(uint32_t id, char* out) const {
    if (id == WordIds::kNoWord) return out;
    for (int i = width_ - 1; i >= 0; --i) {
      out[i] = static_cast<char>(first_digit_ + id % base_);
      id /= base_;
    }
    return out + width_;
  }

  // A regex for the code of a word in `words`, whose ids are `ids`, or
  // when `words.negated`, for the code of another word or none.
  void AppendRegex(const WordIds& ids, const WordSet& words,
                   std::string* out) const {
    std::vector<std::string> codes(words.words.size());
    for (size_t i = 0; i < codes.size(); ++i) {
      AppendCode(ids.Id(words.words[i]), &codes[i]);
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

  int first_digit_ = 0;
  int base_ = 0;
  ByteSet digits_;
  int width_ = 0;
};

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

// The record layout for the vocabulary of a set of rules, and the encoding
// of sentences.
class Encoding {
 public:
  // The facts the selectors of `vocabulary` need.
  static int FactCount(const TokenVocabulary& vocabulary) {
    int count = 0;
    for (size_t i = 0; i < vocabulary.selector_count(); ++i) {
      count += vocabulary.UsedAsPhrase(i) ? kPhraseFacts : 1;
    }
    return count;
  }

  // The layout for `vocabulary`, which outlives it: codes take the bytes
  // above the facts, shared between the two vocabularies by their sizes.
  explicit Encoding(const TokenVocabulary& vocabulary)
      : vocabulary_(vocabulary) {
    for (size_t i = 0; i < vocabulary.selector_count(); ++i) {
      const bool phrase = vocabulary.UsedAsPhrase(i);
      facts_.push_back(SelectorFacts{fact_count_, phrase});
      fact_count_ += phrase ? kPhraseFacts : 1;
    }
    const size_t norm_count = vocabulary.norm_words().size();
    const size_t exact_count = vocabulary.exact_words().size();
    const int digits = kFieldLimit - fact_count_;
    int exact_digits = 0;
    if (exact_count > 0) {
      exact_digits = norm_count == 0
                         ? digits
                         : std::clamp<int>(digits * exact_count /
                                               (norm_count + exact_count),
                                           2, digits - 2);
    }
    norm_codes_ = WordCodes(fact_count_, digits - exact_digits, norm_count);
    exact_codes_ =
        WordCodes(kFieldLimit - exact_digits, exact_digits, exact_count);
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
    for (const auto& [codes, ids, words_tested] :
         {std::tuple(&norm_codes_, &vocabulary_.norm_words(), &test.norm),
          std::tuple(&exact_codes_, &vocabulary_.exact_words(), &test.exact)}) {
      if (IsAnyWord(*words_tested)) {
        AppendSkip(codes->digits(), out);
      } else {
        codes->AppendRegex(*ids, *words_tested, out);
      }
    }
  }

  // Encodes the tokens whose fields are `fields` into `out`, a record per
  // token, then a shape byte that ends the last record, and sets `starts`
  // to the offset of each record in it, then of that byte.
  void Encode(const TokenFields& fields, std::string* out,
              std::vector<size_t>* starts) const {
    constexpr int kStateBits = TokenFields::kStateBits;
    constexpr unsigned kStateMask = TokenFields::kStateMask;
    constexpr size_t kStatesPerWord = TokenFields::kStatesPerWord;
    const size_t count = fields.shapes.size();
    const size_t words = fields.state_words;
    // Records are written in place, into room for the longest record (a
    // shape, a fact per selector and two codes) per token: appending byte
    // by byte costs several times as much.
    const size_t longest =
        1 + facts_.size() + norm_codes_.width() + exact_codes_.width();
    out->resize(count * longest + 1);
    char* const base = out->data();
    char* p = base;
    starts->resize(count + 1);
    for (size_t i = 0; i < count; ++i) {
      (*starts)[i] = static_cast<size_t>(p - base);
      *p++ = static_cast<char>(kShapeBase + fields.shapes[i]);
      for (size_t w = 0; w < words; ++w) {
        uint64_t states = fields.states[i * words + w];
        while (states != 0) {
          const int slot = std::countr_zero(states) / kStateBits;
          const unsigned state = states >> (slot * kStateBits) & kStateMask;
          states &= ~(uint64_t{kStateMask} << (slot * kStateBits));
          const SelectorFacts& facts_of = facts_[w * kStatesPerWord + slot];
          *p++ = static_cast<char>(facts_of.first +
                                   (facts_of.phrase ? kStateFact[state] : 0));
        }
      }
      p = norm_codes_.WriteCode(fields.norm_ids[i], p);
      p = exact_codes_.WriteCode(fields.exact_ids[i], p);
    }
    (*starts)[count] = static_cast<size_t>(p - base);
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
    return vocabulary_.SelectorIndex(selector);
  }

  const TokenVocabulary& vocabulary_;
  WordCodes norm_codes_;
  WordCodes exact_codes_;
  std::vector<SelectorFacts> facts_;  // one per selector
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

// A rule as Compile keeps it until the rules are compiled.
struct RuleSpec {
  Pattern pattern;
  std::string id;
  // The rule as RE2 over records: what runs it when no TokenProgram takes
  // it.
  std::string regex;
  std::vector<std::string> capture_names;
};

// What matching needs: each rule's TokenProgram, or its RE2 where no
// program takes it, and the tests of all the programs, numbered together
// so that one TestTable tells them for every rule of a piece at once: the
// rules share most of their tests ([Cap & !@office_head], "said").
struct CompiledRules {
  std::vector<std::optional<TokenProgram>> programs;
  std::vector<std::unique_ptr<const RE2>> regexes;  // where no program
  std::vector<FieldsTest> tests;
  std::optional<TestTable> table;  // of `tests`
};

// Which tests the tokens of a piece pass (TestTable), from token `offset`
// on, as FullMatch asks.
struct PassedTests {
  const uint64_t* passed;
  size_t words;
  uint32_t offset;
};

bool Passed(const void* context, uint32_t test, uint32_t token) {
  const PassedTests& of = *static_cast<const PassedTests*>(context);
  return (of.passed[(of.offset + token) * of.words + test / 64] >> (test % 64) &
          1) != 0;
}

// Refuses a rule that RE2 does not compile.
Status RegexStatus(const RE2& regex, const Rule& rule) {
  if (regex.error_code() == RE2::ErrorPatternTooLarge) {
    return Status(StatusCode::kParseError,
                  "rule too large to compile; lower its repetition "
                  "bounds or split it",
                  rule.location);
  }
  if (!regex.ok()) {
    return Status(StatusCode::kInternal,
                  "rule '" + rule.id + "' compiled to a regular " +
                      "expression that RE2 refuses: " + regex.error(),
                  rule.location);
  }
  return Status();
}

// What matching a sentence reuses from rule to rule.
struct MatchScratch {
  TokenProgram::Scratch program;
  std::vector<uint64_t> wanted;
  std::vector<uint64_t> passed;
  std::vector<TokenProgram::Span> spans;
  std::vector<int> slots;
  std::vector<re2::StringPiece> groups;
};

}  // namespace

struct RuleMatcher::Scratch::Buffers {
  std::vector<uint64_t> atoms;
  std::vector<uint64_t> piece_atoms;
  // Per rule, the token where its next match may start: after the end of
  // its last match, which may reach into the next piece.
  std::vector<uint32_t> resume;
  TokenFields fields;
  std::vector<int> candidates;
  // The sentence encoded for the rules that RE2 runs, if any does.
  std::string encoded;
  std::vector<size_t> starts;
  MatchScratch match;
};

RuleMatcher::Scratch::Scratch() : buffers_(std::make_unique<Buffers>()) {}
RuleMatcher::Scratch::~Scratch() = default;
RuleMatcher::Scratch::Scratch(Scratch&&) noexcept = default;
RuleMatcher::Scratch& RuleMatcher::Scratch::operator=(Scratch&&) noexcept =
    default;

struct RuleMatcher::Impl {
  explicit Impl(TokenVocabulary rules_vocabulary)
      : vocabulary(std::move(rules_vocabulary)), encoding(vocabulary) {}

  // Appends the matches of rule `index`, run by `program`, in the `count`
  // tokens from `first_token`, which pass the tests `passed` says
  // (TestTable::Fill, `words` words per token, from the first).
  void MatchTokens(int index, const TokenProgram& program, uint32_t first_token,
                   uint32_t count, const uint64_t* passed, size_t words,
                   MatchScratch* scratch,
                   std::vector<RuleMatch>* matches) const {
    const RuleSpec& rule = rules[index];
    scratch->spans.clear();
    program.Search(count, passed, words, &scratch->program, &scratch->spans);
    for (const TokenProgram::Span& span : scratch->spans) {
      RuleMatch match;
      match.rule = static_cast<uint32_t>(index);
      match.first_token = first_token + span.begin;
      match.end_token = first_token + span.end;
      const PassedTests at_match{passed, words, span.begin};
      // Search found the match with the same tests, so it matches in full.
      if (program.FullMatch(span.end - span.begin, &Passed, &at_match,
                            &scratch->program, &scratch->slots)) {
        for (size_t i = 0; i < rule.capture_names.size(); ++i) {
          const int begin = scratch->slots[2 * i];
          const int end = scratch->slots[2 * i + 1];
          if (begin < 0 || end <= begin) continue;
          match.captures.push_back(
              Capture{rule.capture_names[i],
                      match.first_token + static_cast<uint32_t>(begin),
                      match.first_token + static_cast<uint32_t>(end)});
        }
      }
      matches->push_back(std::move(match));
    }
  }

  // Appends the matches of rule `index`, run by RE2, in `piece`, whose
  // records start at `starts` (offsets in the encoding at `base`, then
  // that of the shape byte that ends the piece's last record) and whose
  // first token is `first_token`.
  void MatchRegex(int index, const RE2& regex, re2::StringPiece piece,
                  const char* base, std::span<const size_t> starts,
                  uint32_t first_token, MatchScratch* scratch,
                  std::vector<RuleMatch>* matches) const {
    const RuleSpec& rule = rules[index];
    // Refused only for a bug in RegexWriter: Compile compiles at once what
    // may be too large, and the tests compile every default rule.
    if (!regex.ok()) return;
    // Group 1 is the match without the shape byte that follows it.
    const int group_count = 2 + static_cast<int>(rule.capture_names.size());
    std::vector<re2::StringPiece>& groups = scratch->groups;
    groups.resize(group_count);
    // The token whose record starts at `byte`, or the end of the piece.
    auto token = [&](const char* byte) {
      return first_token +
             static_cast<uint32_t>(
                 std::lower_bound(starts.begin(), starts.end(),
                                  static_cast<size_t>(byte - base)) -
                 starts.begin());
    };
    size_t pos = 0;
    while (pos < piece.size() &&
           regex.Match(piece, pos, piece.size(), RE2::UNANCHORED, groups.data(),
                       group_count)) {
      const re2::StringPiece whole = groups[1];
      RuleMatch match;
      match.rule = static_cast<uint32_t>(index);
      match.first_token = token(whole.data());
      match.end_token = token(whole.data() + whole.size());
      for (int i = 2; i < group_count; ++i) {
        const re2::StringPiece group = groups[i];
        if (group.data() == nullptr || group.empty()) continue;
        match.captures.push_back(Capture{rule.capture_names[i - 2],
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

  // Compiled on the first call, unless Compile was told to compile now;
  // thread-safe.  Compiling took a third of the time of building an
  // Extractor, so it waits for the first sentence, as RE2 builds its DFAs
  // when first needed.
  const CompiledRules& compiled() const {
    std::call_once(compile_once, [this] {
      TokenTests tests(vocabulary, &compiled_rules.tests);
      for (const RuleSpec& rule : rules) {
        compiled_rules.programs.push_back(
            TokenProgram::Compile(rule.pattern, &tests));
        compiled_rules.regexes.push_back(
            compiled_rules.programs.back()
                ? nullptr
                : std::make_unique<const RE2>(rule.regex,
                                              MatchOptions(kRuleMaxMem)));
      }
      compiled_rules.table.emplace(
          compiled_rules.tests, vocabulary.norm_words().size(),
          vocabulary.exact_words().size(), vocabulary.selector_count());
    });
    return compiled_rules;
  }

  TokenVocabulary vocabulary;
  Encoding encoding;  // of `vocabulary`
  RulePrefilter prefilter;
  std::vector<RuleSpec> rules;
  mutable std::once_flag compile_once;
  mutable CompiledRules compiled_rules;
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
  TokenVocabulary vocabulary;
  for (const Rule& rule : rules) {
    vocabulary.Collect(rule.pattern);
    if (Encoding::FactCount(vocabulary) > kMaxFacts) {
      return Status(StatusCode::kParseError,
                    "rules test too many annotation types: at most " +
                        std::to_string(kMaxFacts) +
                        " facts, 6 per type used as a phrase and 1 per "
                        "type only tested in conditions",
                    rule.location);
    }
  }
  auto impl = std::make_shared<Impl>(std::move(vocabulary));
  ElementRegexes elements;
  for (Rule& rule : rules) {
    RegexWriter writer(impl->encoding, &elements);
    writer.Write(rule.pattern);
    // A record's last facts are only checked when something follows them:
    // the next record's shape (Encode ends the last record with one).
    // Group 1 is the match itself.
    std::string regex = "(" + writer.regex + ")" + std::string(kAnyShape);
    const bool large = regex.size() + writer.repeated_bytes > kSurelyCompiles;
    impl->prefilter.AddRule(rule.pattern, impl->vocabulary);
    // A rule that RE2 might refuse as too large is tried at once, so that
    // it is refused here rather than skipped later; and it is refused even
    // where a TokenProgram would run it, so that which rules are taken
    // does not hang on which engine runs them.
    if (large) {
      const RE2 tried(regex, MatchOptions(kRuleMaxMem));
      Status status = RegexStatus(tried, rule);
      if (!status.ok()) return status;
    }
    impl->rules.push_back(RuleSpec{std::move(rule.pattern), rule.id,
                                   std::move(regex),
                                   std::move(writer.capture_names)});
  }
  if (when == RuleCompilation::kNow) {
    const CompiledRules& compiled = impl->compiled();
    for (size_t i = 0; i < rules.size(); ++i) {
      if (compiled.regexes[i] == nullptr) continue;
      Status status = RegexStatus(*compiled.regexes[i], rules[i]);
      if (!status.ok()) return status;
    }
  }
  return RuleMatcher(std::move(impl));
}

std::vector<RuleMatch> RuleMatcher::Match(
    std::string_view text, const Tokens& tokens, const Sentence& sentence,
    std::span<const Annotation> annotations) const {
  Scratch scratch;
  return Match(text, tokens, sentence, annotations, &scratch);
}

std::vector<RuleMatch> RuleMatcher::Match(
    std::string_view text, const Tokens& tokens, const Sentence& sentence,
    std::span<const Annotation> annotations, Scratch* memory) const {
  std::vector<RuleMatch> matches;
  const Impl& impl = *impl_;
  if (impl.rules.empty() || sentence.first_token >= sentence.end_token) {
    return matches;
  }
  Scratch::Buffers& buffers = *memory->buffers_;
  std::vector<uint64_t>& atoms = buffers.atoms;
  TokenFields& fields = buffers.fields;
  impl.vocabulary.ReadFields(text, tokens, sentence.first_token,
                             sentence.end_token, annotations, &atoms, &fields);
  std::string& encoded = buffers.encoded;
  encoded.clear();
  std::vector<size_t>& starts = buffers.starts;
  const size_t atom_words = impl.vocabulary.AtomWords();
  std::vector<int>& candidates = buffers.candidates;
  MatchScratch& scratch = buffers.match;
  const CompiledRules& compiled = impl.compiled();
  const uint32_t count = sentence.end_token - sentence.first_token;
  std::vector<uint64_t>& piece_atoms = buffers.piece_atoms;
  std::vector<uint32_t>& resume = buffers.resume;
  resume.assign(impl.rules.size(), 0);
  // Each piece after the first starts kPieceOverlap tokens before the end
  // of the one before, until one reaches the end of the sentence.
  for (uint32_t first = 0; first == 0 || first + kPieceOverlap < count;
       first += kPieceStride) {
    const uint32_t piece_count = std::min(count - first, kMaxPieceTokens);
    const bool last_piece = first + piece_count == count;
    // The piece keeps the matches that start before the next piece does.
    const uint32_t keep_before = last_piece ? count : first + kPieceStride;
    const uint64_t* const block =
        atoms.data() + first / kPieceStride * atom_words;
    piece_atoms.assign(block, block + atom_words);
    if (piece_count > kPieceStride) {
      for (size_t w = 0; w < atom_words; ++w) {
        piece_atoms[w] |= block[atom_words + w];
      }
    }
    impl.prefilter.Candidates(piece_atoms.data(), &candidates);
    if (candidates.empty()) continue;
    const TestTable& table = *compiled.table;
    // The tests the candidates run on tokens, told once for all of them.
    scratch.wanted.assign(table.words(), 0);
    bool by_tokens = false;
    for (int rule : candidates) {
      if (!compiled.programs[rule]) continue;
      by_tokens = true;
      const std::vector<uint64_t>& tests = compiled.programs[rule]->tests();
      for (size_t w = 0; w < tests.size(); ++w) scratch.wanted[w] |= tests[w];
    }
    if (by_tokens) {
      table.Fill(fields, first, piece_count, scratch.wanted, &scratch.passed);
    }
    for (int rule : candidates) {
      const uint32_t from = std::max(first, resume[rule]);
      if (from >= first + piece_count) continue;
      const size_t found = matches.size();
      if (compiled.programs[rule]) {
        impl.MatchTokens(
            rule, *compiled.programs[rule], sentence.first_token + from,
            first + piece_count - from,
            scratch.passed.data() + size_t{from - first} * table.words(),
            table.words(), &scratch, &matches);
      } else {
        if (encoded.empty()) impl.encoding.Encode(fields, &encoded, &starts);
        const std::span<const size_t> piece_starts =
            std::span(starts).subspan(from, first + piece_count - from + 1);
        // The piece, and the shape byte after it that ends its last record.
        const re2::StringPiece piece(
            encoded.data() + piece_starts.front(),
            piece_starts.back() + 1 - piece_starts.front());
        impl.MatchRegex(rule, *compiled.regexes[rule], piece, encoded.data(),
                        piece_starts, sentence.first_token + from, &scratch,
                        &matches);
      }
      // The next piece finds again what starts in it, and whole.
      while (matches.size() > found &&
             matches.back().first_token - sentence.first_token >= keep_before) {
        matches.pop_back();
      }
      if (matches.size() > found) {
        resume[rule] = matches.back().end_token - sentence.first_token;
      }
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

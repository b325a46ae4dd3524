// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "token_encoding.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "token_program.h"

namespace parley {
namespace {

constexpr int kShapeBase = 0xe2;
// Facts, then the digits of codes, are below the shapes.
constexpr int kFieldLimit = 0xe2;

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

// Any shape byte, any other byte, the rest of a record, and no byte at all
// (for a field that no token can have).
constexpr std::string_view kAnyShape = "[\\xe2-\\xff]";
constexpr std::string_view kAnyField = "[\\x00-\\xe1]";
constexpr std::string_view kRestOfRecord = "[\\x00-\\xe1]*";
constexpr std::string_view kNoByte = "[^\\x00-\\xff]";

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

// Any number of facts from `facts`.
void AppendSkip(const ByteSet& facts, std::string* out) {
  if (facts.none()) return;
  AppendByteClass(facts, FieldBytes(), kAnyField, out);
  *out += '*';
}

int FirstByte(const ByteSet& bytes) { return NextByte(bytes, 0, true); }

}  // namespace

WordCodes::WordCodes(int first, int count, size_t word_count)
    : first_digit_(first),
      base_(std::min(count, kMaxDigits)),
      digits_(ByteRange(first, base_)) {
  if (word_count == 0) return;
  width_ = 1;
  for (uint64_t codes = base_; codes < word_count; codes *= base_) ++width_;
}

void WordCodes::AppendRegex(const WordIds& ids, const WordSet& words,
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

bool WordCodes::AppendCodes(std::span<const std::string> codes, int depth,
                            bool negated, std::string* out) const {
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

const int TokenEncoding::kMaxFacts = kFieldLimit - 4;

int TokenEncoding::FactCount(const TokenVocabulary& vocabulary) {
  int count = 0;
  for (size_t i = 0; i < vocabulary.selector_count(); ++i) {
    count += vocabulary.UsedAsPhrase(i) ? kPhraseFacts : 1;
  }
  return count;
}

TokenEncoding::TokenEncoding(const TokenVocabulary& vocabulary) {
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
    exact_digits =
        norm_count == 0
            ? digits
            : std::clamp<int>(digits * exact_count / (norm_count + exact_count),
                              2, digits - 2);
  }
  norm_codes_ = WordCodes(fact_count_, digits - exact_digits, norm_count);
  exact_codes_ =
      WordCodes(kFieldLimit - exact_digits, exact_digits, exact_count);
}

void TokenEncoding::Encode(const TokenFields& fields, std::string* out,
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

ByteSet TokenEncoding::SelectorFacts::With(unsigned bits) const {
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

struct RegexWriter::RecordTest {
  uint32_t shapes = kAllTokenShapes;
  WordSet norm;
  WordSet exact;
  // For each set, one of its facts; the sets are of different types, in
  // the order of their facts.
  std::vector<ByteSet> required;
  ByteSet forbidden;  // facts that must not hold
};

RegexWriter::RegexWriter(const TokenVocabulary& vocabulary,
                         const TokenEncoding& encoding)
    : vocabulary_(vocabulary), encoding_(encoding) {}

RegexWriter::RuleRegex RegexWriter::Write(const Pattern& pattern) {
  regex_.clear();
  capture_names_.clear();
  repeated_bytes_ = 0;
  Append(pattern);
  RuleRegex rule;
  // A record's last facts are only checked when something follows them:
  // the next record's shape (Encode ends the last record with one).
  rule.regex = "(" + regex_ + ")" + std::string(kAnyShape);
  rule.capture_names = std::move(capture_names_);
  rule.spelled_out_size = rule.regex.size() + repeated_bytes_;
  return rule;
}

void RegexWriter::Append(const Pattern& pattern) {
  switch (pattern.kind) {
    case Pattern::Kind::kToken:
      regex_ += TokenRegex(pattern);
      return;
    case Pattern::Kind::kWords:
    case Pattern::Kind::kExactWords:
      for (const std::string& word : pattern.words) {
        regex_ += WordRegex(word, pattern.kind == Pattern::Kind::kWords);
      }
      return;
    case Pattern::Kind::kPhrase:
      regex_ += PhraseRegex(pattern.selector);
      return;
    case Pattern::Kind::kSequence:
      for (const Pattern& child : pattern.children) Append(child);
      return;
    case Pattern::Kind::kAlternation:
      regex_ += "(?:";
      for (size_t i = 0; i < pattern.children.size(); ++i) {
        if (i > 0) regex_ += '|';
        Append(pattern.children[i]);
      }
      regex_ += ')';
      return;
    case Pattern::Kind::kRepeat: {
      regex_ += "(?:";
      const size_t text_before = regex_.size();
      const size_t repeated_before = repeated_bytes_;
      Append(pattern.children[0]);
      const size_t child_bytes =
          regex_.size() - text_before + repeated_bytes_ - repeated_before;
      regex_ += ')';
      const int min = pattern.min_count;
      const int max = pattern.max_count;
      const int copies = RepeatFactor(min, max);
      repeated_bytes_ += child_bytes * static_cast<size_t>(copies - 1);
      if (min == 0 && max == 1) {
        regex_ += '?';
      } else if (min == 0 && max == Pattern::kUnbounded) {
        regex_ += '*';
      } else if (min == 1 && max == Pattern::kUnbounded) {
        regex_ += '+';
      } else {
        regex_ += '{';
        regex_ += std::to_string(min);
        regex_ += ',';
        if (max != Pattern::kUnbounded) regex_ += std::to_string(max);
        regex_ += '}';
      }
      return;
    }
    case Pattern::Kind::kCapture:
      capture_names_.push_back(pattern.name);
      regex_ += '(';
      Append(pattern.children[0]);
      regex_ += ')';
      return;
  }
}

const std::string& RegexWriter::TokenRegex(const Pattern& pattern) {
  auto& written = tokens_[pattern.text];
  for (const auto& [terms, token_regex] : written) {
    if (terms == pattern.terms) return token_regex;
  }
  std::string token_regex = "(?:";
  for (size_t i = 0; i < pattern.terms.size(); ++i) {
    if (i > 0) token_regex += '|';
    AppendRecord(TermTest(pattern.terms[i]), &token_regex);
  }
  token_regex += ')';
  return written.emplace_back(pattern.terms, std::move(token_regex)).second;
}

const std::string& RegexWriter::WordRegex(const std::string& word,
                                          bool normalized) {
  auto [it, added] =
      (normalized ? norm_words_ : exact_words_).try_emplace(word);
  if (added) {
    RecordTest test;
    (normalized ? test.norm : test.exact) = WordSet{{word}, false};
    AppendRecord(test, &it->second);
  }
  return it->second;
}

const std::string& RegexWriter::PhraseRegex(
    const AnnotationSelector& selector) {
  auto [it, added] = phrases_.try_emplace(selector);
  if (added) {
    std::string& out = it->second;
    auto record = [&](unsigned bits) {
      AppendRecord(PhraseTest(selector, bits), &out);
    };
    out += "(?:";
    record(kBegins);
    out += "(?:";
    record(kContinues);
    out += ")*";
    record(kContinues | kEnds);
    out += '|';
    record(kBegins | kEnds);
    out += ')';
  }
  return it->second;
}

RegexWriter::RecordTest RegexWriter::TermTest(const TokenTerm& term) const {
  RecordTest test;
  test.shapes = term.shapes;
  test.norm = term.norm;
  test.exact = term.exact;
  for (const InsideTest& inside : term.annotations) {
    const ByteSet facts =
        encoding_.facts_[vocabulary_.SelectorIndex(inside.selector)].With(0);
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

RegexWriter::RecordTest RegexWriter::PhraseTest(
    const AnnotationSelector& selector, unsigned bits) const {
  RecordTest test;
  test.required.push_back(
      encoding_.facts_[vocabulary_.SelectorIndex(selector)].With(bits));
  return test;
}

void RegexWriter::AppendRecord(const RecordTest& test, std::string* out) const {
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
  AppendSkip(rest & ByteRange(0, encoding_.fact_count_), out);
  for (const auto& [codes, ids, words_tested] :
       {std::tuple(&encoding_.norm_codes_, &vocabulary_.norm_words(),
                   &test.norm),
        std::tuple(&encoding_.exact_codes_, &vocabulary_.exact_words(),
                   &test.exact)}) {
    if (IsAnyWord(*words_tested)) {
      AppendSkip(codes->digits(), out);
    } else {
      codes->AppendRegex(*ids, *words_tested, out);
    }
  }
}

}  // namespace parley

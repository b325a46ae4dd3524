// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The gazetteer TSV parser: one pass to find bytes that no line may hold,
// then line by line, fields split at tabs and checked, the phrase split
// into tokens (by a shortcut for plain ASCII phrases, else by Tokenize),
// and the first problem reported where it is.  Most of the time of loading
// the default gazetteers is spent here, hence the word-at-a-time scans.
//
// It does not know about other sources, types or the trie.

#include "gazetteer_tsv.h"

#include <fmt/core.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tokenizer.h"

namespace parley {
namespace {

// U+FEFF in UTF-8.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Error fragments longer than this are cut, at a character boundary.
constexpr size_t kMaxFragment = 48;

// `n` bytes from `bytes` as an integer, for n <= 8.
uint64_t Load(const char* bytes, size_t n) {
  uint64_t value = 0;
  std::memcpy(&value, bytes, n);
  return value;
}

// `text` cut to kMaxFragment bytes; `text` is valid UTF-8.
std::string Shorten(std::string_view text) {
  if (text.size() <= kMaxFragment) return std::string(text);
  size_t cut = kMaxFragment;
  while (cut > 0 && U8_IS_TRAIL(text[cut])) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// Bytes that are not valid UTF-8 as "\xC3\x28", printable in any message.
std::string EscapeBytes(std::string_view bytes) {
  std::string escaped;
  for (unsigned char byte : bytes) {
    escaped += fmt::format("\\x{:02X}", byte);
  }
  return escaped;
}

// Whether every byte of `text`, at least eight bytes, is ASCII and above
// the space, and so neither is nor starts a White_Space character.
bool IsGraphicAscii(std::string_view text) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  // With no high bit set, (word - kOnes * 0x21) & ~word has a high bit set
  // if and only if some byte is below 0x21.
  const auto graphic = [](uint64_t word) {
    return (word & kHighBits) == 0 &&
           ((word - kOnes * 0x21) & ~word & kHighBits) == 0;
  };
  const size_t size = text.size();
  for (size_t i = 0; i + 8 < size; i += 8) {
    if (!graphic(Load(text.data() + i, 8))) return false;
  }
  return graphic(Load(text.data() + size - 8, 8));
}

// Whether `field`, valid UTF-8, holds a White_Space character.
bool HasWhiteSpace(std::string_view field) {
  // Eight bytes at a time where it can, which saves a quarter of the
  // instructions here: byte by byte, this took a twelfth of the loading.
  if (field.size() >= 8 && IsGraphicAscii(field)) return false;
  const int32_t length = static_cast<int32_t>(field.size());
  for (int32_t i = 0; i < length;) {
    // ASCII first: asking ICU about every byte took a sixth of the loading
    // time.
    const auto byte = static_cast<unsigned char>(field[i]);
    if (byte > ' ' && byte < 0x80) {
      ++i;
    } else if (byte < 0x80) {
      if (byte == ' ' || (byte >= '\t' && byte <= '\r')) return true;
      ++i;
    } else {
      UChar32 c;
      U8_NEXT(field.data(), i, length, c);
      if (u_isUWhiteSpace(c)) return true;
    }
  }
  return false;
}

// The bytes that AddAsciiWords reads.
enum class AsciiKind : uint8_t { kOther, kLetter, kSpace, kHyphen };

constexpr std::array<AsciiKind, 256> kAsciiKinds = [] {
  std::array<AsciiKind, 256> kinds{};
  for (int c = 'a'; c <= 'z'; ++c) kinds[c] = AsciiKind::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) kinds[c] = AsciiKind::kLetter;
  kinds[' '] = AsciiKind::kSpace;
  kinds['-'] = AsciiKind::kHyphen;
  return kinds;
}();

AsciiKind KindOf(char c) { return kAsciiKinds[static_cast<unsigned char>(c)]; }

// What Tokenize gives for a phrase of ASCII letters, spaces and hyphens,
// without its cost, which would otherwise dominate loading: each run of
// letters is one word whose norm is its lower case, and each hyphen a token
// of its own ("Jean-Guy" is "jean" "-" "guy").  Returns false, adding
// nothing, for any other phrase.
bool AddAsciiWords(std::string_view phrase, PhraseTokens* phrases) {
  bool has_token = false;
  for (char c : phrase) {
    const AsciiKind kind = KindOf(c);
    if (kind == AsciiKind::kOther) return false;
    has_token |= kind != AsciiKind::kSpace;
  }
  if (!has_token) return false;
  for (size_t begin = 0; begin < phrase.size();) {
    const AsciiKind kind = KindOf(phrase[begin]);
    if (kind == AsciiKind::kSpace) {
      ++begin;
      continue;
    }
    size_t end = begin + 1;
    if (kind == AsciiKind::kLetter) {
      while (end < phrase.size() && KindOf(phrase[end]) == AsciiKind::kLetter) {
        ++end;
      }
    }
    // Setting bit 5 lowers an ASCII letter and leaves '-' as it is.
    for (char& c :
         phrases->AddToken(phrase.substr(begin, end - begin), begin, end)) {
      c = static_cast<char>(c | 0x20);
    }
    begin = end;
  }
  return true;
}

// Parses the lines of one source.
class LineParser {
 public:
  LineParser(std::string_view name, uint32_t source, int line_number,
             std::string_view line)
      : name_(name), source_(source), line_number_(line_number), line_(line) {}

  // The error for the byte at `offset` that FindBadByte found.
  Status BadByteError(size_t offset) const {
    if (line_[offset] == '\0') return Error(offset, "\\x00", "NUL byte");
    if (line_[offset] == '\r') {
      return Error(offset, Shorten(line_),
                   "carriage return not at the end of a line");
    }
    int32_t end = static_cast<int32_t>(offset);
    UChar32 c;
    U8_NEXT(line_.data(), end, static_cast<int32_t>(line_.size()), c);
    return Error(offset, EscapeBytes(line_.substr(offset, end - offset)),
                 "invalid UTF-8");
  }

  // Parses an entry line, neither blank nor a comment, free of bad bytes,
  // into `entry` and the phrase tokens, or returns false and sets `error`.
  // Not a returned Status: zeroing one for each line took a fiftieth of the
  // loading time.  `fields` is scratch.
  bool Parse(GazetteerEntry* entry, PhraseTokens* phrases,
             std::vector<std::string_view>* fields, Status* error) const {
    fields->clear();
    for (size_t begin = 0;;) {
      const size_t tab = line_.find('\t', begin);
      fields->push_back(line_.substr(begin, tab - begin));
      if (tab == std::string_view::npos) break;
      begin = tab + 1;
    }
    const size_t count = fields->size();
    if (count < 3) {
      *error = Error(line_.size(), Shorten(line_),
                     fmt::format("expected phrase, type and id separated by "
                                 "tabs, found {} field{}",
                                 count, count == 1 ? "" : "s"));
      return false;
    }
    const std::string_view phrase = (*fields)[0];
    if (phrase.empty()) {
      *error = FieldError(phrase, "empty phrase");
      return false;
    }
    for (size_t i : {1, 2}) {
      const std::string_view field = (*fields)[i];
      const char* what = i == 1 ? "type" : "id";
      if (field.empty()) {
        *error = FieldError(field, fmt::format("empty {}", what));
        return false;
      }
      if (HasWhiteSpace(field)) {
        *error =
            FieldError(field, fmt::format("{} contains white space", what));
        return false;
      }
    }
    entry->phrase = phrase;
    entry->type = (*fields)[1];
    entry->id = (*fields)[2];
    entry->attributes.reserve(count - 3);
    for (size_t i = 3; i < count; ++i) {
      if (const char* problem = ParseAttribute((*fields)[i], entry)) {
        *error = FieldError((*fields)[i], problem);
        return false;
      }
    }
    entry->source = source_;
    entry->line = static_cast<uint32_t>(line_number_);
    if (const char* problem = TokenizePhrase(phrase, phrases)) {
      *error = FieldError(phrase, problem);
      return false;
    }
    return true;
  }

 private:
  // The helpers of Parse return what is wrong with their field, or null: a
  // zeroed Status for each success took a twenty-fifth of the loading time.
  static const char* ParseAttribute(std::string_view field,
                                    GazetteerEntry* entry) {
    const size_t equals = field.find('=');
    if (equals == std::string_view::npos) return "attribute is not key=value";
    const std::string_view key = field.substr(0, equals);
    const std::string_view value = field.substr(equals + 1);
    if (key.empty()) return "attribute has an empty key";
    if (HasWhiteSpace(key)) return "attribute key contains white space";
    const bool seen =
        key == "case"
            ? entry->case_exact
            : std::any_of(entry->attributes.begin(), entry->attributes.end(),
                          [key](const auto& kv) { return kv.first == key; });
    if (seen) return "duplicate attribute";
    if (key != "case") {
      entry->attributes.emplace_back(key, value);
    } else if (value == "exact") {
      entry->case_exact = true;
    } else {
      return "case must be 'exact'";
    }
    return nullptr;
  }

  static const char* TokenizePhrase(std::string_view phrase,
                                    PhraseTokens* phrases) {
    if (AddAsciiWords(phrase, phrases)) return nullptr;
    const Tokens tokens = Tokenize(phrase);
    if (tokens.tokens.empty()) return "phrase has no tokens";
    // Text never matches across a sentence break, so neither could this.
    if (tokens.sentences.size() > 1) return "phrase spans a sentence break";
    for (const Token& token : tokens.tokens) {
      phrases->AddToken(token.norm, token.begin, token.end);
    }
    return nullptr;
  }

  // An error about `field`, a view into the line; an empty field is shown
  // by its line.
  Status FieldError(std::string_view field, std::string message) const {
    return Error(static_cast<size_t>(field.data() - line_.data()),
                 Shorten(field.empty() ? line_ : field), std::move(message));
  }

  Status Error(size_t offset, std::string fragment, std::string message) const {
    ErrorLocation location;
    location.file = name_;
    location.line = line_number_;
    location.column = static_cast<int>(offset) + 1;
    location.fragment = std::move(fragment);
    return Status(StatusCode::kParseError, std::move(message),
                  std::move(location));
  }

  std::string_view name_;
  uint32_t source_;
  int line_number_;
  std::string_view line_;
};

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Whether no byte of `word`, eight bytes, is NUL, CR or non-ASCII.
bool IsPlainAscii(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  // The high bit of a byte of (x - kOnes) & ~x is set for the first zero
  // byte of x, if any.
  const auto has_zero_byte = [](uint64_t x) {
    return ((x - kOnes) & ~x & kHighBits) != 0;
  };
  return (word & kHighBits) == 0 && !has_zero_byte(word) &&
         !has_zero_byte(word ^ (kOnes * '\r'));
}

// The offset of the first byte that no line may hold: one of ill-formed
// UTF-8, a NUL, or a CR not before a LF or the end; or npos.  One pass over
// the whole source, eight bytes at a time where they are plain ASCII: byte
// by byte, this pass took a twentieth of the loading time.
size_t FindBadByte(std::string_view tsv) {
  const int64_t length = static_cast<int64_t>(tsv.size());
  for (int64_t i = 0; i < length;) {
    if (i + 8 <= length && IsPlainAscii(Load(tsv.data() + i, 8))) {
      i += 8;
      continue;
    }
    const auto byte = static_cast<unsigned char>(tsv[i]);
    if (byte == '\0') return i;
    if (byte == '\r' && i + 1 < length && tsv[i + 1] != '\n') return i;
    if (byte < 0x80) {
      ++i;
      continue;
    }
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(tsv.data(), i, length, c);
    if (c < 0) return start;
  }
  return std::string_view::npos;
}

}  // namespace

Status ParseGazetteerTsv(std::string_view name, uint32_t source,
                         std::string_view tsv,
                         std::vector<GazetteerEntry>* entries,
                         PhraseTokens* phrases) {
  // Editors that write CRLF often start with a byte order mark, too.
  if (tsv.starts_with(kByteOrderMark)) tsv.remove_prefix(kByteOrderMark.size());
  const size_t bad_byte = FindBadByte(tsv);
  // Room for every line and as many again, so that entries move at most
  // once per source rather than at each doubling, and seldom: room for just
  // the lines moved most of them again with the next source, about a tenth
  // of the loading time for the default gazetteers.
  size_t max_entries = entries->size() + 1;
  for (size_t newline = tsv.find('\n'); newline != std::string_view::npos;
       newline = tsv.find('\n', newline + 1)) {
    ++max_entries;
  }
  if (max_entries > entries->capacity()) {
    entries->reserve(2 * max_entries);
  }
  std::vector<std::string_view> fields;
  Status error;
  int line_number = 0;
  for (size_t begin = 0; begin < tsv.size();) {
    const size_t newline = std::min(tsv.find('\n', begin), tsv.size());
    std::string_view line = tsv.substr(begin, newline - begin);
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    const LineParser parser(name, source, line_number, line);
    if (bad_byte < newline) return parser.BadByteError(bad_byte - begin);
    begin = newline + 1;
    if (line.starts_with('#') || IsBlank(line)) continue;
    if (!parser.Parse(&entries->emplace_back(), phrases, &fields, &error)) {
      return error;
    }
    phrases->EndEntry();
  }
  return OkStatus();
}

}  // namespace parley

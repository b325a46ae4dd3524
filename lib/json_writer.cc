// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "json_writer.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "ascii_chunk.h"

namespace parley {
namespace {

// The ASCII bytes that a JSON string holds as they are.
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

// How many bytes `text` starts with that are plain ASCII (kPlainAscii),
// eight at a time: nearly all of a record's strings are.  A byte is not
// plain when it is below 0x20, '"', '\\' or 0x80 and above; each test below
// sets a byte's high bit when it fails.  The subtractions borrow only from a
// byte that fails, so that no byte before the first failing one is marked.
std::size_t PlainAsciiPrefix(std::string_view text) {
  using ascii_chunk::kHighBits;
  using ascii_chunk::kOnes;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const uint64_t word = ascii_chunk::LoadEight(text.data() + i);
    const uint64_t control = word - kOnes * 0x20;
    const uint64_t quote = (word ^ (kOnes * '"')) - kOnes;
    const uint64_t backslash = (word ^ (kOnes * '\\')) - kOnes;
    const uint64_t marked = (control | quote | backslash | word) & kHighBits;
    if (marked != 0) return i + std::countr_zero(marked) / 8;
  }
  while (i < text.size() && kPlainAscii[static_cast<uint8_t>(text[i])]) ++i;
  return i;
}

// The escape of an ASCII byte that is not plain, as nlohmann writes it.
std::string_view Escape(uint8_t byte, char (&buffer)[6]) {
  switch (byte) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default: {
      constexpr char kHex[] = "0123456789abcdef";
      buffer[0] = '\\';
      buffer[1] = 'u';
      buffer[2] = '0';
      buffer[3] = '0';
      buffer[4] = kHex[byte >> 4];
      buffer[5] = kHex[byte & 0xF];
      return std::string_view(buffer, 6);
    }
  }
}

}  // namespace

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  // Room for the string as it is, which it nearly always is.
  char* out = Room(value.size() + 2);
  *out++ = '"';
  const std::size_t plain = PlainAsciiPrefix(value);
  if (plain != 0) std::memcpy(out, value.data(), plain);
  size_ += 1 + plain;
  if (plain < value.size()) AppendEscapedUtf8(value.substr(plain));
  *Room(1) = '"';
  ++size_;
}

void JsonWriter::Number(uint64_t value) {
  BeforeValue();
  const fmt::format_int digits(value);
  Append(std::string_view(digits.data(), digits.size()));
}

std::string JsonWriter::Finish() {
  buffer_.resize(size_);
  size_ = 0;
  return std::exchange(buffer_, std::string());
}

void JsonWriter::Grow(std::size_t n) {
  // Doubling keeps the bytes copied by growing below the output's size.
  constexpr std::size_t kFirstSize = 1024;
  buffer_.resize(std::max({kFirstSize, 2 * buffer_.size(), size_ + n}));
}

void JsonWriter::PrettyKey(std::string_view key) {
  BeforeValue();
  *Room(1) = '"';
  ++size_;
  Append(key);
  Append("\": ");
  after_key_ = true;
}

void JsonWriter::LineBreak() {
  const std::size_t indent = 2 * static_cast<std::size_t>(depth_);
  char* out = Room(1 + indent);
  *out = '\n';
  std::memset(out + 1, ' ', indent);
  size_ += 1 + indent;
}

// Escapes `text` in one pass, copying the runs that need nothing in one go.
// Each maximal ill-formed sequence becomes U+FFFD, as with nlohmann's
// error_handler_t::replace: records made by the Extractor are well-formed,
// but a caller may build a Document by hand.
void JsonWriter::AppendEscapedUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const uint8_t byte = bytes[i];
    if (kPlainAscii[byte]) {
      i += PlainAsciiPrefix(text.substr(i));
      continue;
    }
    if (byte >= 0x80) {
      // A sequence is at most four bytes: decoding within them keeps ICU's
      // int32_t offsets in range whatever the length of `text`.
      const auto window =
          static_cast<int32_t>(std::min<std::size_t>(4, text.size() - i));
      int32_t length = 0;
      UChar32 c;
      U8_NEXT(bytes + i, length, window, c);
      if (c >= 0) {
        i += length;
        continue;
      }
      Append(text.substr(run, i - run));
      Append("\xEF\xBF\xBD");
      i += length;
    } else {
      Append(text.substr(run, i - run));
      char buffer[6];
      Append(Escape(byte, buffer));
      ++i;
    }
    run = i;
  }
  Append(text.substr(run));
}

}  // namespace parley

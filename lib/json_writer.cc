// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "json_writer.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>

namespace parley {
namespace {

// The ASCII bytes that a JSON string holds as they are.
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

void AppendEscaped(char c, std::string* out) {
  switch (c) {
    case '"':
      out->append("\\\"");
      return;
    case '\\':
      out->append("\\\\");
      return;
    case '\b':
      out->append("\\b");
      return;
    case '\f':
      out->append("\\f");
      return;
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    default:
      fmt::format_to(std::back_inserter(*out), "\\u{:04x}",
                     static_cast<unsigned char>(c));
  }
}

// Escapes `text` in one pass, copying the runs that need nothing in one go.
// Each maximal ill-formed sequence becomes U+FFFD, as with nlohmann's
// error_handler_t::replace: records made by the Extractor are well-formed,
// but a caller may build a Document by hand.
void AppendEscapedUtf8(std::string_view text, std::string* out) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const uint8_t byte = bytes[i];
    if (kPlainAscii[byte]) {
      ++i;
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
      out->append(text.substr(run, i - run));
      out->append("\xEF\xBF\xBD");
      i += length;
    } else {
      out->append(text.substr(run, i - run));
      AppendEscaped(static_cast<char>(byte), out);
      ++i;
    }
    run = i;
  }
  out->append(text.substr(run));
}

}  // namespace

void JsonWriter::Key(std::string_view key) {
  // Compact keys, nearly all, in one append: `,"key":`.
  constexpr std::size_t kMaxShortKey = 32;
  if (!pretty_ && key.size() <= kMaxShortKey) {
    char buffer[kMaxShortKey + 4];
    std::size_t size = 0;
    if (has_members_) buffer[size++] = ',';
    has_members_ = true;
    buffer[size++] = '"';
    std::memcpy(buffer + size, key.data(), key.size());
    size += key.size();
    buffer[size++] = '"';
    buffer[size++] = ':';
    out_->append(buffer, size);
    after_key_ = true;
    return;
  }
  BeforeValue();
  out_->push_back('"');
  out_->append(key);
  out_->append(pretty_ ? "\": " : "\":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendQuoted(value);
}

void JsonWriter::Number(uint64_t value) {
  BeforeValue();
  const fmt::format_int digits(value);
  out_->append(digits.data(), digits.size());
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  ++depth_;
  has_members_ = false;
}

void JsonWriter::Close(char bracket) {
  --depth_;
  if (pretty_ && has_members_) {
    out_->push_back('\n');
    out_->append(2 * static_cast<std::size_t>(depth_), ' ');
  }
  out_->push_back(bracket);
  has_members_ = true;
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == 0) return;
  if (has_members_) out_->push_back(',');
  has_members_ = true;
  if (pretty_) {
    out_->push_back('\n');
    out_->append(2 * static_cast<std::size_t>(depth_), ' ');
  }
}

void JsonWriter::AppendQuoted(std::string_view text) {
  out_->push_back('"');
  AppendEscapedUtf8(text, out_);
  out_->push_back('"');
}

}  // namespace parley

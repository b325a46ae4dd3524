// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "utf8.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace parley {

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t length = static_cast<int64_t>(text.size());
  int64_t i = 0;
  while (i < length) {
    // ASCII runs are most of news text; U8_NEXT is only needed past them.
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::nullopt;
}

}  // namespace parley

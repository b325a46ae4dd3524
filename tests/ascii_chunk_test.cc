// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests of lib/ascii_chunk.h: the byte tests over every byte value in every
// place, at compile time; and loads in text order at every distance from
// either end of the text, with nothing past the end of the range.

#include "ascii_chunk.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace parley {
namespace {

constexpr bool BitPerByteGathersEveryPattern() {
  for (uint64_t bits = 0; bits < 256; ++bits) {
    uint64_t marked = 0;
    for (int i = 0; i < 8; ++i) {
      if ((bits >> i & 1) != 0) marked |= uint64_t{0x80} << (8 * i);
    }
    if (ascii_chunk::BitPerByte(marked) != bits) return false;
  }
  return true;
}
static_assert(BitPerByteGathersEveryPattern());

// Each byte value alone in each place, among neighbours that could carry or
// borrow into it: all zero or all 0x7F.
constexpr bool ByteTestsHoldForEveryByte() {
  for (uint64_t b = 0; b < 128; ++b) {
    for (int place = 0; place < 8; ++place) {
      for (const uint64_t fill : {uint64_t{0}, uint64_t{0x7F}}) {
        const int shift = 8 * place;
        const uint64_t chunk =
            (fill * ascii_chunk::kOnes & ~(uint64_t{0xFF} << shift)) |
            b << shift;
        const auto at = [&](uint64_t marked) { return marked >> shift & 0xFF; };
        if (at(ascii_chunk::BytesBetween(chunk, 'A', 'Z')) !=
            (b >= 'A' && b <= 'Z' ? 0x80 : 0)) {
          return false;
        }
        if (at(ascii_chunk::BytesBetween(chunk, '0', '9')) !=
            (b >= '0' && b <= '9' ? 0x80 : 0)) {
          return false;
        }
        if (at(ascii_chunk::ZeroBytes(chunk)) != (b == 0 ? 0x80 : 0)) {
          return false;
        }
      }
    }
  }
  return true;
}
static_assert(ByteTestsHoldForEveryByte());

TEST(AsciiChunkTest, LoadsBytesInTextOrderWithZeroAfterTheRange) {
  const std::string_view text = "ABCDEFGHIJ";
  EXPECT_EQ(ascii_chunk::LoadChunk(text, 0, 8), 0x4847464544434241u);
  EXPECT_EQ(ascii_chunk::LoadChunk(text, 0, 3), 0x434241u);
  // Near the end: the load cannot start at `pos`.
  EXPECT_EQ(ascii_chunk::LoadChunk(text, 7, 10), 0x4A4948u);
  EXPECT_EQ(ascii_chunk::LoadChunk(text, 9, 10), 0x4Au);
  // Texts shorter than eight bytes.
  EXPECT_EQ(ascii_chunk::LoadChunk("xyz", 1, 3), 0x7A79u);
  EXPECT_EQ(ascii_chunk::LoadChunk("xyz", 0, 1), 0x78u);
}

TEST(AsciiChunkTest, LoadsAndStoresEveryRange) {
  const std::string text = "0123456789abcdefghij";
  for (size_t length = 1; length <= text.size(); ++length) {
    const std::string_view prefix = std::string_view(text).substr(0, length);
    for (size_t pos = 0; pos < length; ++pos) {
      for (size_t end = pos + 1; end <= std::min(pos + 8, length); ++end) {
        char stored[8];
        ascii_chunk::StoreChunk(ascii_chunk::LoadChunk(prefix, pos, end),
                                stored);
        EXPECT_EQ(std::string(stored, 8),
                  std::string(prefix.substr(pos, end - pos)) +
                      std::string(8 - (end - pos), '\0'))
            << length << " " << pos << " " << end;
      }
    }
  }
}

}  // namespace
}  // namespace parley

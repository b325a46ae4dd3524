// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Eight bytes of text as one uint64_t, the first byte lowest whatever the
// machine, and tests of all eight bytes at once by arithmetic that mark the
// bytes of a class by setting their high bit:
//
//   const uint64_t chunk = parley::ascii_chunk::LoadChunk("Ab1", 0, 3);
//   parley::ascii_chunk::BytesBetween(chunk, 'A', 'Z');  // 0x80
//   parley::ascii_chunk::BitPerByte(0x800080);           // 0b101
//
// For the ASCII fast paths of the tokenizer and the JSON writer: a byte at
// a time, a test and a branch per byte cost more than the rest of the work
// on a short word.
//
// It does not decode UTF-8 (bytes from 0x80 on are for the caller to set
// aside) or know what any class of bytes means to a token.

#ifndef PARLEY_LIB_ASCII_CHUNK_H_
#define PARLEY_LIB_ASCII_CHUNK_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace parley::ascii_chunk {

inline constexpr uint64_t kOnes = 0x0101010101010101;
inline constexpr uint64_t kHighBits = 0x8080808080808080;

// 0x80 in each byte of `chunk`, ASCII only, from `first` to `last`: adding
// 0x80 - first sets a byte's high bit from `first` on, and adding
// 0x7F - last from past `last` on, and no byte carries into the next.
constexpr uint64_t BytesBetween(uint64_t chunk, char first, char last) {
  return (chunk + (0x80 - first) * kOnes) & ~(chunk + (0x7F - last) * kOnes) &
         kHighBits;
}

// 0x80 in each byte of `chunk` that is zero.
constexpr uint64_t ZeroBytes(uint64_t chunk) {
  return ~(((chunk & ~kHighBits) + ~kHighBits) | chunk) & kHighBits;
}

// 0xFF in each byte of `marked` with its high bit set.
constexpr uint64_t WholeBytes(uint64_t marked) { return (marked >> 7) * 0xFF; }

// Bit i for byte i of `marked` with its high bit set: the multiplication
// moves each byte's bit to its own place in the top byte.
constexpr uint64_t BitPerByte(uint64_t marked) {
  return ((marked >> 7) * 0x0102040810204080) >> 56;
}

// The low `n` bits, n <= 64.
constexpr uint64_t LowBits(size_t n) {
  return n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
}

// The low `n` bytes, 1 <= n <= 8.
constexpr uint64_t LowBytes(size_t n) { return ~uint64_t{0} >> (64 - 8 * n); }

// The eight bytes at `bytes`.
inline uint64_t LoadEight(const char* bytes) {
  uint64_t chunk;
  std::memcpy(&chunk, bytes, 8);
  if constexpr (std::endian::native == std::endian::big) {
    chunk = __builtin_bswap64(chunk);
  }
  return chunk;
}

// The bytes of text[pos, end), pos < end <= pos + 8, with zero bytes after
// them.  Reads a whole eight bytes of `text` where it can, past `end` or
// before `pos` if need be.
inline uint64_t LoadChunk(std::string_view text, size_t pos, size_t end) {
  uint64_t chunk = 0;
  if (text.size() - pos >= 8) {
    chunk = LoadEight(text.data() + pos);
  } else if (text.size() >= 8) {
    chunk = LoadEight(text.data() + text.size() - 8) >>
            (8 * (pos + 8 - text.size()));
  } else {
    for (size_t i = pos; i < text.size(); ++i) {
      chunk |= uint64_t{static_cast<unsigned char>(text[i])} << (8 * (i - pos));
    }
  }
  return chunk & LowBytes(end - pos);
}

// Writes `chunk`'s eight bytes to `out` in text order.
inline void StoreChunk(uint64_t chunk, char* out) {
  if constexpr (std::endian::native == std::endian::big) {
    chunk = __builtin_bswap64(chunk);
  }
  std::memcpy(out, &chunk, 8);
}

}  // namespace parley::ascii_chunk

#endif  // PARLEY_LIB_ASCII_CHUNK_H_

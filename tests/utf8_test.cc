// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace parley {
namespace {

TEST(Utf8Test, WellFormedText) {
  EXPECT_EQ(FindInvalidUtf8(""), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("Kabul"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("Türkiye, Сергей Лавров, 北京, 😀"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8(std::string("a\0b", 3)), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("\xEF\xBB\xBFWith a byte-order mark"),
            std::nullopt);
}

TEST(Utf8Test, OffsetOfTheFirstBadSequence) {
  EXPECT_EQ(FindInvalidUtf8("abc\xC0\xAF"), 3u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xE0\x80\xAF"), 0u);         // overlong, 3 bytes
  EXPECT_EQ(FindInvalidUtf8("ok\xED\xA0\x80"), 2u);       // surrogate D800
  EXPECT_EQ(FindInvalidUtf8("x\xF4\x90\x80\x80"), 1u);    // past U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("Kabul \xE2\x82"), 6u);       // truncated at end
  EXPECT_EQ(FindInvalidUtf8("\xE2\x82z"), 0u);            // truncated inside
  EXPECT_EQ(FindInvalidUtf8("ab\x80"), 2u);               // stray continuation
  EXPECT_EQ(FindInvalidUtf8("\xFF"), 0u);                 // never valid
  EXPECT_EQ(FindInvalidUtf8("é\xC3"), 2u);                // after a good one
}

}  // namespace
}  // namespace parley

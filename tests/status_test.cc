// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "parley/status.h"

#include <gtest/gtest.h>

#include <string>

namespace parley {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kOk);
  EXPECT_EQ(status.ToString(), "OK");
}

TEST(StatusTest, ResourceErrorNamesFileLineColumnAndFragment) {
  Status status(StatusCode::kParseError, "unknown token class 'Titel'",
                ErrorLocation{.file = "mine.rules",
                              .line = 3,
                              .column = 17,
                              .fragment = "[Titel]"});
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.ToString(),
            "mine.rules:3:17: unknown token class 'Titel': `[Titel]`");
}

TEST(StatusTest, DocumentErrorNamesByteOffset) {
  Status status(StatusCode::kInvalidDocument, "invalid UTF-8",
                ErrorLocation{.byte_offset = 42});
  EXPECT_EQ(status.ToString(), "byte 42: invalid UTF-8");
}

TEST(StatusTest, CodeNames) {
  EXPECT_STREQ(StatusCodeName(StatusCode::kParseError), "parse error");
  EXPECT_STREQ(StatusCodeName(StatusCode::kInvalidDocument),
               "invalid document");
}

TEST(ResultTest, HoldsValueOrStatus) {
  Result<std::string> good = std::string("value");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, "value");
  EXPECT_TRUE(good.status().ok());

  Result<std::string> bad = Status(StatusCode::kIoError, "cannot read x");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kIoError);
  EXPECT_EQ(bad.status().message(), "cannot read x");
}

TEST(ResultTest, OkStatusBecomesInternalError) {
  Result<int> result = OkStatus();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/jsonl_reader.cc: the fields of a line, each reason a line gives
// no document, the id an error can still name, and messages that stay valid
// UTF-8 when the line is not.

#include "jsonl_reader.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "parley/status.h"
#include "utf8.h"

namespace parley {
namespace {

TEST(JsonlReaderTest, ReadsTheThreeFields) {
  JsonLine line;
  const Status status = ParseJsonLine(
      R"({"id": "a-1", "document_date": "2025-03-24", "text": "Dar met Wang Yi.\n", "source": "wire"})",
      &line);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(line.id, "a-1");
  EXPECT_EQ(line.document_date, "2025-03-24");
  EXPECT_EQ(line.text, "Dar met Wang Yi.\n");
}

TEST(JsonlReaderTest, NullOrAbsentIdAndDateAreNone) {
  JsonLine line;
  ASSERT_TRUE(ParseJsonLine(R"({"id": null, "text": "x"})", &line).ok());
  EXPECT_EQ(line.id, std::nullopt);
  EXPECT_EQ(line.document_date, std::nullopt);
  ASSERT_TRUE(
      ParseJsonLine(R"({"document_date": null, "text": ""})", &line).ok());
  EXPECT_EQ(line.id, std::nullopt);
  EXPECT_EQ(line.document_date, std::nullopt);
  EXPECT_EQ(line.text, "");
}

TEST(JsonlReaderTest, EscapesGiveUtf8AndNulBytes) {
  JsonLine line;
  ASSERT_TRUE(
      ParseJsonLine(R"({"text": "\u00e9\ud83d\ude00\u0000\r\n"})", &line).ok());
  EXPECT_EQ(line.text, std::string("\xC3\xA9\xF0\x9F\x98\x80\0\r\n", 9));
}

TEST(JsonlReaderTest, CrlfLineEndingIsWhiteSpace) {
  JsonLine line;
  ASSERT_TRUE(ParseJsonLine("{\"text\": \"x\"}\r", &line).ok());
  EXPECT_EQ(line.text, "x");
}

TEST(JsonlReaderTest, EachReasonForNoDocument) {
  struct Case {
    std::string line;
    std::string reason;
    std::optional<std::string> id;
  };
  const Case cases[] = {
      {R"(["text"])", "not a JSON object", std::nullopt},
      {R"({"id": 7, "text": "x"})", "\"id\" is not a string", std::nullopt},
      {R"({"id": "b", "text": 7})", "no \"text\" string", "b"},
      {R"({"id": "c"})", "no \"text\" string", "c"},
      {R"({"id": "d", "text": "x", "document_date": 20250324})",
       "\"document_date\" is not a string", "d"},
      {R"({"id": "e", "text": "x")",
       "not valid JSON: parse error at line 1, column 24: syntax error "
       "while parsing object - unexpected end of input; expected '}'",
       std::nullopt},
  };
  for (const Case& c : cases) {
    JsonLine line;
    const Status status = ParseJsonLine(c.line, &line);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << c.line;
    EXPECT_EQ(status.message(), c.reason) << c.line;
    EXPECT_EQ(line.id, c.id) << c.line;
  }
}

TEST(JsonlReaderTest, InvalidUtf8GivesAValidUtf8Reason) {
  JsonLine line;
  const Status status = ParseJsonLine("{\"text\": \"Kabul \xC0\xAF\"}", &line);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message().rfind("not valid JSON: ", 0), 0u)
      << status.message();
  EXPECT_EQ(FindInvalidUtf8(status.message()), std::nullopt);
}

TEST(JsonlReaderTest, LoneSurrogateEscapeIsRefused) {
  JsonLine line;
  const Status status = ParseJsonLine(R"({"text": "\ud800"})", &line);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message().rfind("not valid JSON: ", 0), 0u);
}

TEST(JsonlReaderTest, DeepNestingIsAnObjectOrAnError) {
  JsonLine line;
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(ParseJsonLine(deep, &line).message(), "not a JSON object");
  const std::string open = std::string(100000, '[');
  EXPECT_EQ(ParseJsonLine(open, &line).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace parley

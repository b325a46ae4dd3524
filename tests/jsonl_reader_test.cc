// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests lib/jsonl_reader.cc: the fields of a line, each reason a line gives
// no document, the id an error can still name, messages that stay valid
// UTF-8 when the line is not, and that reading a line through nlohmann's SAX
// interface gives what its DOM gives (DomParseJsonLine, the reader as it was
// before, is the reference).

#include "jsonl_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

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

TEST(JsonlReaderTest, ALaterDuplicateKeyReplacesAnEarlierOne) {
  JsonLine line;
  ASSERT_TRUE(
      ParseJsonLine(R"({"text": 1, "id": "a", "text": "b"})", &line).ok());
  EXPECT_EQ(line.id, "a");
  EXPECT_EQ(line.text, "b");
  EXPECT_EQ(ParseJsonLine(R"({"text": "a", "text": null})", &line).message(),
            "no \"text\" string");
  ASSERT_TRUE(
      ParseJsonLine(R"({"id": "x", "id": null, "text": "t"})", &line).ok());
  EXPECT_EQ(line.id, std::nullopt);
}

TEST(JsonlReaderTest, MembersOfNestedValuesAreNotTheLines) {
  JsonLine line;
  ASSERT_TRUE(
      ParseJsonLine(R"({"meta": {"id": 5, "text": 7, "document_date": []},)"
                    R"( "list": [{"id": 1}], "text": "t"})",
                    &line)
          .ok());
  EXPECT_EQ(line.id, std::nullopt);
  EXPECT_EQ(line.document_date, std::nullopt);
  EXPECT_EQ(line.text, "t");
  EXPECT_EQ(ParseJsonLine(R"({"text": {"text": "t"}})", &line).message(),
            "no \"text\" string");
  EXPECT_EQ(ParseJsonLine(R"([{"text": "t"}])", &line).message(),
            "not a JSON object");
}

TEST(JsonlReaderTest, AnErrorAfterTheFieldsRefusesTheLine) {
  JsonLine line;
  EXPECT_EQ(ParseJsonLine(R"({"id": "a", "text": "t"} x)", &line).message(),
            "not valid JSON: parse error at line 1, column 26: syntax error "
            "while parsing value - invalid literal; last read: '\"t\"} x'; "
            "expected end of input");
  EXPECT_EQ(line.id, std::nullopt);
  EXPECT_EQ(ParseJsonLine(R"({"text": "t", "n": 1e999})", &line).message(),
            "not valid JSON: number overflow parsing '1e999'");
  EXPECT_EQ(line.id, std::nullopt);
}

// The reader as it was, through nlohmann's DOM: the reference for the SAX
// reader on every kind of line.
Status DomParseJsonLine(std::string_view text, JsonLine* line) {
  *line = JsonLine();
  auto invalid = [](std::string reason) {
    return Status(StatusCode::kInvalidArgument, std::move(reason));
  };
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    std::string_view what = e.what();
    what.remove_prefix(what.find("] ") + 2);
    return invalid(
        "not valid JSON: " +
        nlohmann::json::parse(
            nlohmann::json(std::string(what))
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
            .get<std::string>());
  }
  if (!object.is_object()) return invalid("not a JSON object");
  if (auto it = object.find("id"); it != object.end() && !it->is_null()) {
    if (!it->is_string()) return invalid("\"id\" is not a string");
    line->id = it->get<std::string>();
  }
  auto text_member = object.find("text");
  if (text_member == object.end() || !text_member->is_string()) {
    return invalid("no \"text\" string");
  }
  if (auto it = object.find("document_date");
      it != object.end() && !it->is_null()) {
    if (!it->is_string()) return invalid("\"document_date\" is not a string");
    line->document_date = it->get<std::string>();
  }
  line->text = text_member->get<std::string>();
  return OkStatus();
}

TEST(JsonlReaderTest, SameAsTheDomOnEveryKindOfLine) {
  const std::string lines[] = {
      R"({"id": "a", "document_date": "2025-03-24", "text": "x"})",
      R"({"text": "x", "id": true, "document_date": 1.5})",
      R"({"text": "x", "document_date": {"y": 1}})",
      R"({"text": "x", "document_date": null, "id": -3})",
      R"({"id": "k", "text": ["x"]})",
      R"({"id": "k", "text": "x", "text": false})",
      R"({"id": "k", "text": 18446744073709551616})",
      R"({"id": {"id": "inner"}, "text": "x"})",
      R"({"a": [[{"text": 1}]], "text": "x", "b": {}})",
      R"("text")",
      R"(null)",
      R"(7)",
      R"([])",
      R"({})",
      R"({"id": "k", "text": "x",})",
      R"({"id": "k", "text": "x"}})",
      R"({"id": "k", "text": "\ud800"})",
      R"({"id": "k", "text": "\q"})",
      "{\"id\": \"k\", \"text\": \"a\tb\"}",
      "{\"id\": \"k\", \"text\": \"caf\xC3\"}",
      "\xEF\xBB\xBF{\"text\": \"bom\"}",
      "  {\"text\": \"spaced\"}  \r",
      R"({"text": "x"} // comment)",
      "",
      "   ",
  };
  for (const std::string& text : lines) {
    JsonLine sax;
    JsonLine dom;
    const Status sax_status = ParseJsonLine(text, &sax);
    const Status dom_status = DomParseJsonLine(text, &dom);
    EXPECT_EQ(sax_status.code(), dom_status.code()) << text;
    EXPECT_EQ(sax_status.message(), dom_status.message()) << text;
    EXPECT_EQ(sax.id, dom.id) << text;
    EXPECT_EQ(sax.document_date, dom.document_date) << text;
    EXPECT_EQ(sax.text, dom.text) << text;
  }
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

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace parley {
namespace {

std::string WriteString(std::string_view value) {
  std::string out;
  JsonWriter(&out, false).String(value);
  return out;
}

// What nlohmann-json, the reference the writer matches, makes of `value`.
std::string NlohmannString(std::string_view value) {
  return nlohmann::json(std::string(value))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// An object with a string, a number, a bool, a null, an empty array and an
// array of one object.
void WriteSample(JsonWriter* json) {
  json->BeginObject();
  json->Key("name");
  json->String("Ishaq Dar");
  json->Key("begin");
  json->Number(17);
  json->Key("former");
  json->Bool(false);
  json->Key("holder");
  json->Null();
  json->Key("topics");
  json->BeginArray();
  json->EndArray();
  json->Key("roles");
  json->BeginArray();
  json->BeginObject();
  json->Key("role");
  json->String("host");
  json->EndObject();
  json->EndArray();
  json->EndObject();
}

TEST(JsonWriterTest, Compact) {
  std::string out;
  JsonWriter json(&out, false);
  WriteSample(&json);
  EXPECT_EQ(out,
            R"({"name":"Ishaq Dar","begin":17,"former":false,"holder":null,)"
            R"("topics":[],"roles":[{"role":"host"}]})");
}

TEST(JsonWriterTest, PrettyIndentsByTwoAndKeepsEmptyArraysShut) {
  std::string out;
  JsonWriter json(&out, true);
  WriteSample(&json);
  EXPECT_EQ(out,
            "{\n"
            "  \"name\": \"Ishaq Dar\",\n"
            "  \"begin\": 17,\n"
            "  \"former\": false,\n"
            "  \"holder\": null,\n"
            "  \"topics\": [],\n"
            "  \"roles\": [\n"
            "    {\n"
            "      \"role\": \"host\"\n"
            "    }\n"
            "  ]\n"
            "}");
}

TEST(JsonWriterTest, SameTextAsNlohmannForTheSameTree) {
  std::string out;
  JsonWriter json(&out, true);
  WriteSample(&json);
  EXPECT_EQ(out, nlohmann::ordered_json::parse(out).dump(2));
}

// Containers in containers, empty and not, each followed by a sibling: the
// writer keeps only the innermost's state, so closing one must leave its
// parent with a member.
void WriteNested(JsonWriter* json) {
  json->BeginArray();
  json->BeginArray();
  json->EndArray();
  json->BeginObject();
  json->Key("a");
  json->BeginArray();
  json->BeginObject();
  json->EndObject();
  json->Number(1);
  json->EndArray();
  json->Key("b");
  json->BeginObject();
  json->Key("c");
  json->Null();
  json->EndObject();
  json->Key("d");
  json->Bool(true);
  json->EndObject();
  json->String("e");
  json->EndArray();
}

TEST(JsonWriterTest, NestedContainersAsNlohmannWritesThem) {
  std::string compact;
  JsonWriter compact_json(&compact, false);
  WriteNested(&compact_json);
  EXPECT_EQ(compact, R"([[],{"a":[{},1],"b":{"c":null},"d":true},"e"])");
  std::string pretty;
  JsonWriter pretty_json(&pretty, true);
  WriteNested(&pretty_json);
  EXPECT_EQ(pretty, nlohmann::ordered_json::parse(compact).dump(2));
}

TEST(JsonWriterTest, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(WriteString("say \"no\"\\"), R"("say \"no\"\\")");
  EXPECT_EQ(WriteString("a\nb\tc\rd\be\ff"), R"("a\nb\tc\rd\be\ff")");
  EXPECT_EQ(WriteString(std::string_view("\x01\x1f\0", 3)),
            R"("\u0001\u001f\u0000")");
  EXPECT_EQ(WriteString("/\x7f"), "\"/\x7f\"");
}

TEST(JsonWriterTest, KeepsUtf8AsItIs) {
  EXPECT_EQ(WriteString("T\u00fcrkiye \u2014 \U0001F600"),
            "\"T\u00fcrkiye \u2014 \U0001F600\"");
}

TEST(JsonWriterTest, ReplacesIllFormedUtf8) {
  EXPECT_EQ(WriteString("a\xff"
                        "b"),
            "\"a\xEF\xBF\xBD"
            "b\"");
  EXPECT_EQ(WriteString("cut \xE2\x82"), "\"cut \xEF\xBF\xBD\"");
  EXPECT_EQ(WriteString("\xC0\xAF\n"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\\n\"");
}

TEST(JsonWriterTest, StringsMatchNlohmann) {
  for (std::string_view value :
       {"", "plain", "quote\"back\\slash", "\x01\x02\x7f", "line\nbreak",
        "Bras\u00edlia", "\xE2\x80\x94 dash", "\xE2\x82 cut",
        "a\xff"
        "b",
        "\xed\xa0\x80 surrogate"}) {
    EXPECT_EQ(WriteString(value), NlohmannString(value)) << value;
  }
}

}  // namespace
}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "json_writer.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace parley {
namespace {

std::string WriteString(std::string_view value) {
  JsonWriter json(false);
  json.String(value);
  return json.Finish();
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
  JsonWriter json(false);
  WriteSample(&json);
  EXPECT_EQ(json.Finish(),
            R"({"name":"Ishaq Dar","begin":17,"former":false,"holder":null,)"
            R"("topics":[],"roles":[{"role":"host"}]})");
}

TEST(JsonWriterTest, PrettyIndentsByTwoAndKeepsEmptyArraysShut) {
  JsonWriter json(true);
  WriteSample(&json);
  EXPECT_EQ(json.Finish(),
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
  JsonWriter json(true);
  WriteSample(&json);
  const std::string out = json.Finish();
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
  JsonWriter compact_json(false);
  WriteNested(&compact_json);
  const std::string compact = compact_json.Finish();
  EXPECT_EQ(compact, R"([[],{"a":[{},1],"b":{"c":null},"d":true},"e"])");
  JsonWriter pretty_json(true);
  WriteNested(&pretty_json);
  EXPECT_EQ(pretty_json.Finish(),
            nlohmann::ordered_json::parse(compact).dump(2));
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

// Each byte that needs an escape, at each place in strings of each length
// around the eight bytes the writer looks at at once, among plain ASCII and
// among well-formed UTF-8.
TEST(JsonWriterTest, EscapesAtEveryPlaceMatchNlohmann) {
  const std::string specials[] = {
      "\"",       "\\",   "\n",      std::string(1, '\0'), "\x1f", "\x7f",
      "\xC3\xA9", "\xff", "\xE2\x82"};
  for (const std::string& special : specials) {
    for (std::size_t length = 0; length <= 20; ++length) {
      for (std::size_t at = 0; at <= length; ++at) {
        for (const std::string& filler :
             {std::string("a"), std::string("\u00e9")}) {
          std::string value;
          for (std::size_t i = 0; i < length; ++i) value += filler;
          value.insert(at * filler.size(), special);
          EXPECT_EQ(WriteString(value), NlohmannString(value))
              << length << " " << at;
        }
      }
    }
  }
}

TEST(JsonWriterTest, NumbersOfEveryLength) {
  JsonWriter json(false);
  json.BeginArray();
  for (uint64_t value :
       {uint64_t{0}, uint64_t{7}, uint64_t{9}, uint64_t{10}, uint64_t{99},
        uint64_t{100}, uint64_t{12345}, uint64_t{1000000007}, UINT64_MAX}) {
    json.Number(value);
  }
  json.EndArray();
  EXPECT_EQ(json.Finish(),
            "[0,7,9,10,99,100,12345,1000000007,18446744073709551615]");
}

// Output many times the first buffer, in pieces of every size, a string
// longer than all of it, and keys too long for a short copy.
TEST(JsonWriterTest, LongOutputMatchesNlohmann) {
  nlohmann::ordered_json tree = nlohmann::ordered_json::array();
  JsonWriter compact(false);
  JsonWriter pretty(true);
  compact.BeginArray();
  pretty.BeginArray();
  for (int i = 0; i < 3000; ++i) {
    const std::string key(static_cast<std::size_t>(i % 70), 'k');
    const std::string value(static_cast<std::size_t>(i % 37), 'v');
    for (JsonWriter* json : {&compact, &pretty}) {
      json->BeginObject();
      json->Key(key);
      json->String(value);
      json->Key("n");
      json->Number(static_cast<uint64_t>(i));
      json->EndObject();
    }
    tree.push_back({{key, value}, {"n", i}});
  }
  const std::string huge(100000, 'x');
  compact.String(huge);
  pretty.String(huge);
  tree.push_back(huge);
  compact.EndArray();
  pretty.EndArray();
  EXPECT_EQ(compact.Finish(), tree.dump());
  EXPECT_EQ(pretty.Finish(), tree.dump(2));
}

TEST(JsonWriterTest, FinishLeavesTheWriterEmpty) {
  JsonWriter json(false);
  json.Null();
  EXPECT_EQ(json.Finish(), "null");
  EXPECT_EQ(json.Finish(), "");
}

}  // namespace
}  // namespace parley

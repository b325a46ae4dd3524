// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "parley/json.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

Document SampleDocument() {
  Document doc;
  doc.id = "doc-1";
  doc.document_date = "2025-03-24";
  doc.people.push_back(Person{
      .id = "P1",
      .name = "Ishaq Dar",
      .mentions = {Mention{.begin = 17,
                           .end = 26,
                           .text = "Ishaq Dar",
                           .source = "rule:title-name"}},
      .country = "PK"});
  doc.countries.push_back(Country{
      .id = "C1",
      .code = "PK",
      .name = "Pakistan",
      .mentions = {Mention{.begin = 0,
                           .end = 8,
                           .text = "Pakistan",
                           .source = "countries.tsv:12"}}});
  doc.offices.push_back(Office{.id = "O1",
                               .title = "Foreign Minister",
                               .country = "PK",
                               .holder = "P1"});
  doc.dates.push_back(Date{.id = "D1", .value = "2025-03-24"});
  doc.meetings.push_back(Meeting{
      .id = "M1",
      .kind = MeetingKind::kTalks,
      .participants = {"P1", "C1"},
      .roles = {ParticipantRole{.participant = "P1", .role = "host"}},
      .date = "D1",
      .topics = {"trade"},
      .status = MeetingStatus::kPlanned,
      .evidence = Evidence{.begin = 0, .end = 40, .rule = "talks-with"}});
  return doc;
}

TEST(JsonTest, OneLineInContractOrder) {
  EXPECT_EQ(
      ToJson(SampleDocument()),
      R"({"id":"doc-1","document_date":"2025-03-24",)"
      R"("people":[{"id":"P1","name":"Ishaq Dar","mentions":[{"begin":17,"end":26,"text":"Ishaq Dar","source":"rule:title-name"}],"country":"PK"}],)"
      R"("countries":[{"id":"C1","code":"PK","name":"Pakistan","mentions":[{"begin":0,"end":8,"text":"Pakistan","source":"countries.tsv:12"}]}],)"
      R"("offices":[{"id":"O1","title":"Foreign Minister","country":"PK","organization":null,"holder":"P1","former":false,"elect":false,"mentions":[]}],)"
      R"("dates":[{"id":"D1","value":"2025-03-24","mentions":[]}],)"
      R"("meetings":[{"id":"M1","kind":"talks","participants":["P1","C1"],"date":"D1","location":null,"topics":["trade"],"status":"planned","roles":[{"participant":"P1","role":"host"}],"evidence":{"begin":0,"end":40,"rule":"talks-with"}}]})");
}

TEST(JsonTest, EmptyDocumentWithoutDate) {
  Document doc;
  doc.id = "empty";
  EXPECT_EQ(ToJson(doc),
            R"({"id":"empty","document_date":null,"people":[],)"
            R"("countries":[],"offices":[],"dates":[],"meetings":[]})");
}

TEST(JsonTest, PrettyIsIndented) {
  Document doc;
  doc.id = "x";
  EXPECT_EQ(ToJson(doc, {.pretty = true}),
            "{\n  \"id\": \"x\",\n  \"document_date\": null,\n"
            "  \"people\": [],\n  \"countries\": [],\n  \"offices\": [],\n"
            "  \"dates\": [],\n  \"meetings\": []\n}");
}

TEST(JsonTest, EscapesAndKeepsUtf8) {
  Document doc;
  doc.id = "quote\"and\\T\u00fcrkiye\n";
  EXPECT_EQ(ToJson(doc).substr(0, 30), "{\"id\":\"quote\\\"and\\\\T\u00fcrkiye\\n\"");
}

}  // namespace
}  // namespace parley

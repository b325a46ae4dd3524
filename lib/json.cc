// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Serializes records to the JSON of SCHEMA.md, fields in the order the
// contract lists them, through JsonWriter.  It does not parse JSON: the tool
// reads its input with nlohmann-json.

#include "parley/json.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "json_writer.h"

namespace parley {
namespace {

void StringOrNull(const std::optional<std::string>& value, JsonWriter* json) {
  if (value) {
    json->String(*value);
  } else {
    json->Null();
  }
}

template <typename Strings>
void StringArray(const Strings& values, JsonWriter* json) {
  json->BeginArray();
  for (std::string_view value : values) json->String(value);
  json->EndArray();
}

void WriteMentions(const std::vector<Mention>& mentions, JsonWriter* json) {
  json->BeginArray();
  for (const Mention& m : mentions) {
    json->BeginObject();
    json->Key("begin");
    json->Number(m.begin);
    json->Key("end");
    json->Number(m.end);
    json->Key("text");
    json->String(m.text);
    json->Key("source");
    json->String(m.source);
    json->EndObject();
  }
  json->EndArray();
}

// The record writers below leave the object open for "explain".
void WritePerson(const Person& person, JsonWriter* json) {
  json->Key("id");
  json->String(person.id);
  json->Key("name");
  json->String(person.name);
  json->Key("mentions");
  WriteMentions(person.mentions, json);
  json->Key("country");
  StringOrNull(person.country, json);
}

void WriteCountry(const Country& country, JsonWriter* json) {
  json->Key("id");
  json->String(country.id);
  json->Key("code");
  json->String(country.code);
  json->Key("name");
  json->String(country.name);
  json->Key("mentions");
  WriteMentions(country.mentions, json);
}

void WriteOffice(const Office& office, JsonWriter* json) {
  json->Key("id");
  json->String(office.id);
  json->Key("title");
  json->String(office.title);
  json->Key("country");
  StringOrNull(office.country, json);
  json->Key("organization");
  StringOrNull(office.organization, json);
  json->Key("holder");
  StringOrNull(office.holder, json);
  json->Key("former");
  json->Bool(office.former);
  json->Key("elect");
  json->Bool(office.elect);
  json->Key("mentions");
  WriteMentions(office.mentions, json);
}

void WriteDate(const Date& date, JsonWriter* json) {
  json->Key("id");
  json->String(date.id);
  json->Key("value");
  json->String(date.value);
  json->Key("mentions");
  WriteMentions(date.mentions, json);
}

void WriteMeeting(const Meeting& meeting, JsonWriter* json) {
  json->Key("id");
  json->String(meeting.id);
  json->Key("kind");
  json->String(MeetingKindName(meeting.kind));
  json->Key("participants");
  StringArray(meeting.participants, json);
  json->Key("date");
  StringOrNull(meeting.date, json);
  json->Key("location");
  StringOrNull(meeting.location, json);
  json->Key("topics");
  StringArray(meeting.topics, json);
  json->Key("status");
  json->String(MeetingStatusName(meeting.status));
  json->Key("roles");
  json->BeginArray();
  for (const ParticipantRole& role : meeting.roles) {
    json->BeginObject();
    json->Key("participant");
    json->String(role.participant);
    json->Key("role");
    json->String(role.role);
    json->EndObject();
  }
  json->EndArray();
  json->Key("evidence");
  json->BeginObject();
  json->Key("begin");
  json->Number(meeting.evidence.begin);
  json->Key("end");
  json->Number(meeting.evidence.end);
  json->Key("rule");
  json->String(meeting.evidence.rule);
  json->EndObject();
}

// A gazetteer entry's source is its resource's name and line
// ("countries.tsv:1068"); rules are "rule:ID", the date recognizer's
// patterns "date:NAME", a short form of a name "alias".
bool IsGazetteerEntry(std::string_view source) {
  if (source.starts_with("rule:")) return false;
  const std::size_t colon = source.rfind(':');
  if (colon == std::string_view::npos || colon == 0 ||
      colon + 1 == source.size()) {
    return false;
  }
  return std::all_of(source.begin() + colon + 1, source.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

void AddOnce(std::vector<std::string_view>& list, std::string_view value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(value);
  }
}

// What produced a record: see "explain" in parley/json.h.
void WriteExplain(const std::vector<Mention>& mentions,
                  const std::string* evidence_rule, JsonWriter* json) {
  std::vector<std::string_view> rules;
  std::vector<std::string_view> gazetteer;
  for (const Mention& m : mentions) {
    AddOnce(IsGazetteerEntry(m.source) ? gazetteer : rules, m.source);
  }
  std::string meeting_rule;  // outlives its view in `rules`
  if (evidence_rule != nullptr) {
    meeting_rule = "rule:" + *evidence_rule;
    AddOnce(rules, meeting_rule);
  }
  json->Key("explain");
  json->BeginObject();
  json->Key("rules");
  StringArray(rules, json);
  json->Key("gazetteer");
  StringArray(gazetteer, json);
  json->EndObject();
}

// Writes `key` and an array of `records`, each an object of its fields and,
// when asked for, its "explain".
template <typename Record, typename WriteFields>
void WriteRecords(std::string_view key, const std::vector<Record>& records,
                  WriteFields write_fields, const JsonOptions& options,
                  JsonWriter* json) {
  json->Key(key);
  json->BeginArray();
  for (const Record& record : records) {
    json->BeginObject();
    write_fields(record, json);
    if (options.explain) {
      if constexpr (std::is_same_v<Record, Meeting>) {
        WriteExplain({}, &record.evidence.rule, json);
      } else {
        WriteExplain(record.mentions, nullptr, json);
      }
    }
    json->EndObject();
  }
  json->EndArray();
}

}  // namespace

std::string ToJson(const Document& document, const JsonOptions& options) {
  JsonWriter json(options.pretty);
  json.BeginObject();
  json.Key("id");
  json.String(document.id);
  json.Key("document_date");
  StringOrNull(document.document_date, &json);
  WriteRecords("people", document.people, WritePerson, options, &json);
  WriteRecords("countries", document.countries, WriteCountry, options, &json);
  WriteRecords("offices", document.offices, WriteOffice, options, &json);
  WriteRecords("dates", document.dates, WriteDate, options, &json);
  WriteRecords("meetings", document.meetings, WriteMeeting, options, &json);
  json.EndObject();
  return json.Finish();
}

}  // namespace parley

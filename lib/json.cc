// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Serializes records to the JSON of SCHEMA.md, fields in the order the
// contract lists them.  It does not parse JSON: the tool reads its input
// with nlohmann-json directly.
//
// The tree is built member by member into objects and arrays reserved to
// their size.  A braced initializer list, {{"begin", m.begin}, ...}, would
// first build every member as a two-element array and then take it apart,
// and that costs more than serializing the tree does.

#include "parley/json.h"

#include <algorithm>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {
namespace {

using Json = nlohmann::ordered_json;

// An empty object with room for `members` members.
Json Object(std::size_t members) {
  Json object(Json::value_t::object);
  object.get_ref<Json::object_t&>().reserve(members);
  return object;
}

// An empty array with room for `elements` elements.
Json Array(std::size_t elements) {
  Json array(Json::value_t::array);
  array.get_ref<Json::array_t&>().reserve(elements);
  return array;
}

Json OrNull(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json MentionsJson(const std::vector<Mention>& mentions) {
  Json out = Array(mentions.size());
  for (const Mention& m : mentions) {
    Json mention = Object(4);
    mention.emplace("begin", m.begin);
    mention.emplace("end", m.end);
    mention.emplace("text", m.text);
    mention.emplace("source", m.source);
    out.push_back(std::move(mention));
  }
  return out;
}

// The members of the records below leave room for "explain".
Json PersonJson(const Person& person) {
  Json out = Object(5);
  out.emplace("id", person.id);
  out.emplace("name", person.name);
  out.emplace("mentions", MentionsJson(person.mentions));
  out.emplace("country", OrNull(person.country));
  return out;
}

Json CountryJson(const Country& country) {
  Json out = Object(5);
  out.emplace("id", country.id);
  out.emplace("code", country.code);
  out.emplace("name", country.name);
  out.emplace("mentions", MentionsJson(country.mentions));
  return out;
}

Json OfficeJson(const Office& office) {
  Json out = Object(9);
  out.emplace("id", office.id);
  out.emplace("title", office.title);
  out.emplace("country", OrNull(office.country));
  out.emplace("organization", OrNull(office.organization));
  out.emplace("holder", OrNull(office.holder));
  out.emplace("former", office.former);
  out.emplace("elect", office.elect);
  out.emplace("mentions", MentionsJson(office.mentions));
  return out;
}

Json DateJson(const Date& date) {
  Json out = Object(4);
  out.emplace("id", date.id);
  out.emplace("value", date.value);
  out.emplace("mentions", MentionsJson(date.mentions));
  return out;
}

Json MeetingJson(const Meeting& meeting) {
  Json roles = Array(meeting.roles.size());
  for (const ParticipantRole& role : meeting.roles) {
    Json entry = Object(2);
    entry.emplace("participant", role.participant);
    entry.emplace("role", role.role);
    roles.push_back(std::move(entry));
  }
  Json evidence = Object(3);
  evidence.emplace("begin", meeting.evidence.begin);
  evidence.emplace("end", meeting.evidence.end);
  evidence.emplace("rule", meeting.evidence.rule);
  Json out = Object(10);
  out.emplace("id", meeting.id);
  out.emplace("kind", MeetingKindName(meeting.kind));
  out.emplace("participants", meeting.participants);
  out.emplace("date", OrNull(meeting.date));
  out.emplace("location", OrNull(meeting.location));
  out.emplace("topics", meeting.topics);
  out.emplace("status", MeetingStatusName(meeting.status));
  out.emplace("roles", std::move(roles));
  out.emplace("evidence", std::move(evidence));
  return out;
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
Json ExplainJson(const std::vector<Mention>& mentions,
                 const std::string* evidence_rule) {
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
  Json out = Object(2);
  out.emplace("rules", rules);
  out.emplace("gazetteer", gazetteer);
  return out;
}

template <typename Record, typename ToJsonFn>
Json ArrayJson(const std::vector<Record>& records, ToJsonFn to_json) {
  Json out = Array(records.size());
  for (const Record& record : records) out.push_back(to_json(record));
  return out;
}

}  // namespace

std::string ToJson(const Document& document, const JsonOptions& options) {
  // The record's own JSON, then its explanation when asked for.
  auto with_explain = [&options](auto to_json) {
    return [&options, to_json](const auto& record) {
      Json out = to_json(record);
      if (options.explain) {
        out.emplace("explain", ExplainJson(record.mentions, nullptr));
      }
      return out;
    };
  };
  auto meeting_json = [&options](const Meeting& meeting) {
    Json out = MeetingJson(meeting);
    if (options.explain) {
      out.emplace("explain", ExplainJson({}, &meeting.evidence.rule));
    }
    return out;
  };
  Json out = Object(7);
  out.emplace("id", document.id);
  out.emplace("document_date", OrNull(document.document_date));
  out.emplace("people", ArrayJson(document.people, with_explain(PersonJson)));
  out.emplace("countries",
              ArrayJson(document.countries, with_explain(CountryJson)));
  out.emplace("offices", ArrayJson(document.offices, with_explain(OfficeJson)));
  out.emplace("dates", ArrayJson(document.dates, with_explain(DateJson)));
  out.emplace("meetings", ArrayJson(document.meetings, meeting_json));
  // Records hold valid UTF-8 (the Extractor refuses anything else), but a
  // caller may build a Document by hand: replace rather than throw.
  return out.dump(options.pretty ? 2 : -1, ' ', false,
                  Json::error_handler_t::replace);
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Serializes records to the JSON of SCHEMA.md, fields in the order the
// contract lists them.  It does not parse JSON: the tool reads its input
// with nlohmann-json directly.

#include "parley/json.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json MentionsJson(const std::vector<Mention>& mentions) {
  Json out = Json::array();
  for (const Mention& m : mentions) {
    out.push_back(Json{{"begin", m.begin},
                       {"end", m.end},
                       {"text", m.text},
                       {"source", m.source}});
  }
  return out;
}

Json PersonJson(const Person& person) {
  return Json{{"id", person.id},
              {"name", person.name},
              {"mentions", MentionsJson(person.mentions)},
              {"country", OrNull(person.country)}};
}

Json CountryJson(const Country& country) {
  return Json{{"id", country.id},
              {"code", country.code},
              {"name", country.name},
              {"mentions", MentionsJson(country.mentions)}};
}

Json OfficeJson(const Office& office) {
  return Json{{"id", office.id},
              {"title", office.title},
              {"country", OrNull(office.country)},
              {"organization", OrNull(office.organization)},
              {"holder", OrNull(office.holder)},
              {"former", office.former},
              {"elect", office.elect},
              {"mentions", MentionsJson(office.mentions)}};
}

Json DateJson(const Date& date) {
  return Json{{"id", date.id},
              {"value", date.value},
              {"mentions", MentionsJson(date.mentions)}};
}

Json MeetingJson(const Meeting& meeting) {
  Json roles = Json::array();
  for (const ParticipantRole& role : meeting.roles) {
    roles.push_back(
        Json{{"participant", role.participant}, {"role", role.role}});
  }
  return Json{{"id", meeting.id},
              {"kind", MeetingKindName(meeting.kind)},
              {"participants", meeting.participants},
              {"date", OrNull(meeting.date)},
              {"location", OrNull(meeting.location)},
              {"topics", meeting.topics},
              {"status", MeetingStatusName(meeting.status)},
              {"roles", std::move(roles)},
              {"evidence", Json{{"begin", meeting.evidence.begin},
                                {"end", meeting.evidence.end},
                                {"rule", meeting.evidence.rule}}}};
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

void AddOnce(Json& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(value);
  }
}

// What produced a record: see "explain" in parley/json.h.
Json ExplainJson(const std::vector<Mention>& mentions,
                 const std::string* evidence_rule) {
  Json rules = Json::array();
  Json gazetteer = Json::array();
  for (const Mention& m : mentions) {
    AddOnce(IsGazetteerEntry(m.source) ? gazetteer : rules, m.source);
  }
  if (evidence_rule != nullptr) AddOnce(rules, "rule:" + *evidence_rule);
  return Json{{"rules", std::move(rules)}, {"gazetteer", std::move(gazetteer)}};
}

template <typename Record, typename ToJsonFn>
Json ArrayJson(const std::vector<Record>& records, ToJsonFn to_json) {
  Json out = Json::array();
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
        out["explain"] = ExplainJson(record.mentions, nullptr);
      }
      return out;
    };
  };
  auto meeting_json = [&options](const Meeting& meeting) {
    Json out = MeetingJson(meeting);
    if (options.explain) {
      out["explain"] = ExplainJson({}, &meeting.evidence.rule);
    }
    return out;
  };
  Json out{
      {"id", document.id},
      {"document_date", OrNull(document.document_date)},
      {"people", ArrayJson(document.people, with_explain(PersonJson))},
      {"countries", ArrayJson(document.countries, with_explain(CountryJson))},
      {"offices", ArrayJson(document.offices, with_explain(OfficeJson))},
      {"dates", ArrayJson(document.dates, with_explain(DateJson))},
      {"meetings", ArrayJson(document.meetings, meeting_json)}};
  // Records hold valid UTF-8 (the Extractor refuses anything else), but a
  // caller may build a Document by hand: replace rather than throw.
  return out.dump(options.pretty ? 2 : -1, ' ', false,
                  Json::error_handler_t::replace);
}

}  // namespace parley

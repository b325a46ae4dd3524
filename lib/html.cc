// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Writes records as one HTML page (see parley/html.h).  The article is cut
// at every span boundary and written piece by piece with a stack of open
// elements, closing and reopening elements where spans cross.

#include "parley/html.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {
namespace {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// One element over the article.  At the same span the lower layer is the
// outer element: evidence, then offices (whose titles hold countries), then
// countries, people and dates.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  int layer = 0;
  std::string open;    // the opening tag
  std::string reopen;  // the opening tag of a later piece: no id
};

constexpr int kEvidenceLayer = 0;
constexpr int kOfficeLayer = 1;
constexpr int kCountryLayer = 2;
constexpr int kPersonLayer = 3;
constexpr int kDateLayer = 4;

std::string Article(std::string_view text, std::vector<Span> spans) {
  std::stable_sort(spans.begin(), spans.end(),
                   [](const Span& a, const Span& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     if (a.end != b.end) return a.end > b.end;
                     return a.layer < b.layer;
                   });
  std::vector<uint32_t> boundaries = {0, static_cast<uint32_t>(text.size())};
  for (const Span& span : spans) {
    boundaries.push_back(span.begin);
    boundaries.push_back(span.end);
  }
  std::sort(boundaries.begin(), boundaries.end());
  boundaries.erase(std::unique(boundaries.begin(), boundaries.end()),
                   boundaries.end());

  std::string out;
  std::vector<std::size_t> open;  // indices into spans, outermost first
  std::size_t next = 0;           // the next span to open
  uint32_t position = 0;
  for (uint32_t boundary : boundaries) {
    out += Escape(text.substr(position, boundary - position));
    position = boundary;
    // Close what ends here; what was opened inside it and goes on is closed
    // with it and reopened.
    auto first_ending =
        std::find_if(open.begin(), open.end(),
                     [&](std::size_t i) { return spans[i].end == boundary; });
    if (first_ending != open.end()) {
      std::vector<std::size_t> going_on;
      for (auto it = first_ending; it != open.end(); ++it) {
        out += "</span>";
        if (spans[*it].end > boundary) going_on.push_back(*it);
      }
      open.erase(first_ending, open.end());
      for (std::size_t i : going_on) {
        out += spans[i].reopen;
        open.push_back(i);
      }
    }
    for (; next < spans.size() && spans[next].begin == boundary; ++next) {
      out += spans[next].open;
      open.push_back(next);
    }
  }
  return out;
}

const std::string* PersonName(const Document& document, const std::string& id) {
  for (const Person& person : document.people) {
    if (person.id == id) return &person.name;
  }
  return nullptr;
}

// The name of a meeting's participant: a person's or a country's.
std::string ParticipantName(const Document& document, const std::string& id) {
  if (const std::string* name = PersonName(document, id)) return *name;
  for (const Country& country : document.countries) {
    if (country.id == id) return country.name;
  }
  return id;
}

// The spans of one record's mentions, same spans merged, with a hover text
// of `description` and the mentions' sources.
void AddMentions(std::string_view text, const std::string& kind, int layer,
                 const std::string& id, const std::string& description,
                 const std::vector<Mention>& mentions,
                 std::vector<Span>* spans) {
  std::map<std::pair<uint32_t, uint32_t>, std::vector<std::string>> sources;
  std::vector<std::pair<uint32_t, uint32_t>> order;
  for (const Mention& m : mentions) {
    if (m.begin >= m.end || m.end > text.size()) continue;
    std::vector<std::string>& list = sources[{m.begin, m.end}];
    if (list.empty()) order.emplace_back(m.begin, m.end);
    if (std::find(list.begin(), list.end(), m.source) == list.end()) {
      list.push_back(m.source);
    }
  }
  for (const auto& [begin, end] : order) {
    std::string title = description;
    for (const std::string& source : sources[{begin, end}]) {
      title += " \xC2\xB7 " + source;  // U+00B7 MIDDLE DOT
    }
    std::string tag = "<span class=\"mention " + kind + "\" data-record=\"" +
                      Escape(id) + "\" data-begin=\"" + std::to_string(begin) +
                      "\" data-end=\"" + std::to_string(end) + "\" title=\"" +
                      Escape(title) + "\">";
    spans->push_back(Span{begin, end, layer, tag, tag});
  }
}

constexpr char kStyle[] = R"(body {
  font-family: Georgia, "Times New Roman", serif;
  color: #222;
  max-width: 52em;
  margin: 2em auto;
  padding: 0 1em;
  line-height: 1.7;
}
h1 { font-size: 1.4em; }
.meta { color: #666; }
.article { white-space: pre-wrap; }
.mention { border-radius: 3px; padding: 0.1em 0; cursor: help; }
.mention .mention { padding: 0; }
.person { background-color: #ffd08a; }
.country { background-color: #a8e0a0; }
.office { background-color: #a9c8ff; }
.date { background-color: #e2b8f2; }
.legend span { margin-right: 0.6em; padding: 0.1em 0.4em; border-radius: 3px; }
.evidence:target { outline: 2px solid #d9480f; outline-offset: 2px; }
table { border-collapse: collapse; margin-top: 1em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left;
         vertical-align: top; }
th { background-color: #f3f3f3; }
.meetings td:nth-child(4), .meetings td:nth-child(8) { white-space: nowrap; }
)";

void AppendMeetingRow(const Document& document, std::string_view text,
                      const Meeting& meeting, std::string* out) {
  std::string who;
  for (const std::string& participant : meeting.participants) {
    if (!who.empty()) who += ", ";
    who += Escape(ParticipantName(document, participant));
    for (const ParticipantRole& role : meeting.roles) {
      if (role.participant == participant) {
        who += " (" + Escape(role.role) + ")";
      }
    }
  }
  std::string when;
  if (meeting.date) {
    when = Escape(*meeting.date);
    for (const Date& date : document.dates) {
      if (date.id != *meeting.date) continue;
      when = Escape(date.value);
      if (!date.mentions.empty()) {
        when += " (" + Escape(date.mentions.front().text) + ")";
      }
    }
  }
  std::string topics;
  for (const std::string& topic : meeting.topics) {
    if (!topics.empty()) topics += ", ";
    topics += Escape(topic);
  }
  const Evidence& evidence = meeting.evidence;
  std::string rule = Escape(evidence.rule);
  if (evidence.begin < evidence.end && evidence.end <= text.size()) {
    rule = "<a href=\"#evidence-" + Escape(meeting.id) + "\">" + rule + "</a>";
  }
  *out += "<tr data-meeting=\"" + Escape(meeting.id) + "\"><td>" +
          Escape(meeting.id) + "</td><td>" + MeetingKindName(meeting.kind) +
          "</td><td>" + who + "</td><td>" + when + "</td><td>" +
          Escape(meeting.location.value_or("")) + "</td><td>" + topics +
          "</td><td>" + MeetingStatusName(meeting.status) + "</td><td>" + rule +
          "</td></tr>\n";
}

}  // namespace

std::string ToHtml(const Document& document, std::string_view text) {
  std::vector<Span> spans;
  for (const Person& person : document.people) {
    std::string description = "Person " + person.id + ": " + person.name;
    if (person.country) description += ", country " + *person.country;
    AddMentions(text, "person", kPersonLayer, person.id, description,
                person.mentions, &spans);
  }
  for (const Country& country : document.countries) {
    AddMentions(
        text, "country", kCountryLayer, country.id,
        "Country " + country.id + ": " + country.code + " " + country.name,
        country.mentions, &spans);
  }
  for (const Office& office : document.offices) {
    std::string description = "Office " + office.id + ": " + office.title;
    if (office.country) description += ", country " + *office.country;
    if (office.organization) {
      description += ", organization " + *office.organization;
    }
    if (office.holder) {
      description += ", holder " + *office.holder;
      if (const std::string* name = PersonName(document, *office.holder)) {
        description += " " + *name;
      }
    }
    if (office.former) description += ", former";
    if (office.elect) description += ", elect";
    AddMentions(text, "office", kOfficeLayer, office.id, description,
                office.mentions, &spans);
  }
  for (const Date& date : document.dates) {
    AddMentions(text, "date", kDateLayer, date.id,
                "Date " + date.id + ": " + date.value, date.mentions, &spans);
  }
  for (const Meeting& meeting : document.meetings) {
    const Evidence& evidence = meeting.evidence;
    if (evidence.begin >= evidence.end || evidence.end > text.size()) continue;
    const std::string attributes =
        " data-meeting=\"" + Escape(meeting.id) + "\">";
    spans.push_back(Span{evidence.begin, evidence.end, kEvidenceLayer,
                         "<span class=\"evidence\" id=\"evidence-" +
                             Escape(meeting.id) + "\"" + attributes,
                         "<span class=\"evidence\"" + attributes});
  }

  const std::string title = Escape(document.id);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>" +
      title + " \xE2\x80\x94 parley</title>\n<style>\n";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<h1>" + title + "</h1>\n";
  out += "<p class=\"meta\">Document date: " +
         Escape(document.document_date.value_or("none")) + " \xC2\xB7 " +
         std::to_string(document.people.size()) + " people, " +
         std::to_string(document.countries.size()) + " countries, " +
         std::to_string(document.offices.size()) + " offices, " +
         std::to_string(document.dates.size()) + " dates, " +
         std::to_string(document.meetings.size()) + " meetings</p>\n";
  out +=
      "<p class=\"legend\"><span class=\"person\">person</span>"
      "<span class=\"country\">country</span>"
      "<span class=\"office\">office</span>"
      "<span class=\"date\">date</span></p>\n";
  out +=
      "<div class=\"article\">" + Article(text, std::move(spans)) + "</div>\n";
  out +=
      "<h2>Meetings</h2>\n<table class=\"meetings\">\n<thead><tr>"
      "<th>Meeting</th><th>Kind</th><th>Who</th><th>When</th>"
      "<th>Where</th><th>Topics</th><th>Status</th><th>Evidence</th>"
      "</tr></thead>\n<tbody>\n";
  for (const Meeting& meeting : document.meetings) {
    AppendMeetingRow(document, text, meeting, &out);
  }
  out += "</tbody>\n</table>\n</body>\n</html>\n";
  return out;
}

}  // namespace parley

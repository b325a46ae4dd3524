// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Writes records as brat standoff annotations (see parley/brat.h): collects
// the text-bound annotations first, converts all their byte offsets to code
// point offsets in one pass over the text, then writes the lines.

#include "parley/brat.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {
namespace {

// One text-bound annotation ("T") and its note.
struct TextBound {
  int number = 0;  // the N of "TN"
  std::string type;
  uint32_t begin = 0;  // UTF-8 byte offsets
  uint32_t end = 0;
  std::string note;  // without the sources
  std::vector<std::string> sources;
};

// The annotations of one record: its mentions' text-bound annotations.
struct RecordAnnotations {
  std::vector<int> text_bounds;  // indices into Writer::text_bounds_
};

// A maximal run of a span without line breaks, in byte offsets.
struct Fragment {
  uint32_t begin;
  uint32_t end;
};

bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }

// The parts of [begin, end) between line breaks, since a brat annotation
// cannot cross lines.
std::vector<Fragment> Fragments(std::string_view text, uint32_t begin,
                                uint32_t end) {
  std::vector<Fragment> fragments;
  uint32_t start = begin;
  for (uint32_t i = begin; i <= end; ++i) {
    if (i == end || IsLineBreak(text[i])) {
      if (i > start) fragments.push_back(Fragment{start, i});
      start = i + 1;
    }
  }
  return fragments;
}

// Notes are one line: brat reads a line break as the end of the annotation.
std::string OneLine(std::string value) {
  for (char& c : value) {
    if (c == '\t' || IsLineBreak(c)) c = ' ';
  }
  return value;
}

// "host" -> "Host": brat role names, like its types, are capitalized.
std::string RoleName(std::string_view role) {
  std::string name(role);
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') {
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
  }
  return name;
}

std::string MeetingTypeName(MeetingKind kind) {
  return RoleName(MeetingKindName(kind));
}

class Writer {
 public:
  explicit Writer(std::string_view text) : text_(text) {}

  std::string Write(const Document& document) {
    for (const Person& person : document.people) {
      std::string note = person.id + " " + person.name;
      if (person.country) note += "; country " + *person.country;
      AddRecord(person.id, "Person", note, person.mentions);
    }
    for (const Country& country : document.countries) {
      AddRecord(country.id, "Country",
                country.id + " " + country.code + " " + country.name,
                country.mentions);
    }
    for (const Office& office : document.offices) {
      AddRecord(office.id, "Office", OfficeNote(document, office),
                office.mentions);
    }
    for (const Date& date : document.dates) {
      AddRecord(date.id, "Date", date.id + " " + date.value, date.mentions);
    }
    for (const Meeting& meeting : document.meetings) {
      AddMeeting(document, meeting);
    }
    WriteLines();
    return std::move(out_);
  }

 private:
  static std::string OfficeNote(const Document& document,
                                const Office& office) {
    std::string note = office.id + " " + office.title;
    if (office.country) note += "; country " + *office.country;
    if (office.organization) note += "; organization " + *office.organization;
    if (office.holder) {
      note += "; holder " + *office.holder;
      for (const Person& person : document.people) {
        if (person.id == *office.holder) note += " " + person.name;
      }
    }
    if (office.former) note += "; former";
    if (office.elect) note += "; elect";
    return note;
  }

  bool InText(uint32_t begin, uint32_t end) const {
    return begin < end && end <= text_.size();
  }

  // A text-bound annotation for each distinct span among `mentions`, and an
  // Equiv line tying them when there are several.
  void AddRecord(const std::string& id, const std::string& type,
                 const std::string& note,
                 const std::vector<Mention>& mentions) {
    RecordAnnotations& record = records_[id];
    for (const Mention& m : mentions) {
      if (!InText(m.begin, m.end)) continue;
      auto same_span = std::find_if(record.text_bounds.begin(),
                                    record.text_bounds.end(), [&](int i) {
                                      return text_bounds_[i].begin == m.begin &&
                                             text_bounds_[i].end == m.end;
                                    });
      if (same_span != record.text_bounds.end()) {
        std::vector<std::string>& sources = text_bounds_[*same_span].sources;
        if (std::find(sources.begin(), sources.end(), m.source) ==
            sources.end()) {
          sources.push_back(m.source);
        }
        continue;
      }
      record.text_bounds.push_back(AddTextBound(type, m.begin, m.end, note));
      text_bounds_.back().sources.push_back(m.source);
    }
    if (record.text_bounds.size() > 1) {
      std::string line = "*\tEquiv";
      for (int i : record.text_bounds) {
        line += " T" + std::to_string(text_bounds_[i].number);
      }
      lines_.push_back(Line{.text = line});
    }
  }

  int AddTextBound(const std::string& type, uint32_t begin, uint32_t end,
                   std::string note) {
    TextBound text_bound;
    text_bound.number = static_cast<int>(text_bounds_.size()) + 1;
    text_bound.type = type;
    text_bound.begin = begin;
    text_bound.end = end;
    text_bound.note = std::move(note);
    text_bounds_.push_back(std::move(text_bound));
    const int index = static_cast<int>(text_bounds_.size()) - 1;
    lines_.push_back(Line{.text_bound = index});
    return index;
  }

  // The "T" number of the mention of record `id` that best stands for it in
  // a meeting: the first inside the evidence, else the first.
  std::optional<int> ArgumentFor(const std::string& id, const Evidence& span) {
    auto it = records_.find(id);
    if (it == records_.end() || it->second.text_bounds.empty()) {
      return std::nullopt;
    }
    for (int i : it->second.text_bounds) {
      if (text_bounds_[i].begin >= span.begin &&
          text_bounds_[i].end <= span.end) {
        return text_bounds_[i].number;
      }
    }
    return text_bounds_[it->second.text_bounds.front()].number;
  }

  void AddMeeting(const Document& document, const Meeting& meeting) {
    const Evidence& evidence = meeting.evidence;
    if (!InText(evidence.begin, evidence.end)) return;
    std::string note =
        meeting.id + " " + std::string(MeetingKindName(meeting.kind));
    if (meeting.date) {
      note += "; date " + *meeting.date;
      for (const Date& date : document.dates) {
        if (date.id == *meeting.date) note += " " + date.value;
      }
    }
    if (meeting.location) note += "; location " + *meeting.location;
    if (!meeting.topics.empty()) {
      note += "; topics ";
      for (std::size_t i = 0; i < meeting.topics.size(); ++i) {
        if (i > 0) note += ", ";
        note += meeting.topics[i];
      }
    }
    const std::string type = MeetingTypeName(meeting.kind);
    const int trigger =
        AddTextBound(type, evidence.begin, evidence.end, std::string());
    const int event = ++events_;

    std::string line =
        fmt::format("E{}\t{}:T{}", event, type, text_bounds_[trigger].number);
    std::map<std::string, int> role_counts;
    auto add_argument = [&](const std::string& role, int text_bound) {
      const int count = ++role_counts[role];
      line += " " + role + (count > 1 ? std::to_string(count) : "") + ":T" +
              std::to_string(text_bound);
    };
    for (const std::string& participant : meeting.participants) {
      std::optional<int> argument = ArgumentFor(participant, evidence);
      if (!argument) continue;
      std::string role = "Participant";
      for (const ParticipantRole& r : meeting.roles) {
        if (r.participant == participant) role = RoleName(r.role);
      }
      add_argument(role, *argument);
    }
    if (meeting.date) {
      if (std::optional<int> argument = ArgumentFor(*meeting.date, evidence)) {
        add_argument("Date", *argument);
      }
    }
    lines_.push_back(Line{.text = line,
                          .note_target = fmt::format("E{}", event),
                          .note = note + "; rule:" + evidence.rule});
    if (meeting.status == MeetingStatus::kPlanned) {
      lines_.push_back(
          Line{.text = fmt::format("A{}\tPlanned E{}", ++attributes_, event)});
    }
  }

  // Writes every line, text-bound ones with code point offsets.
  void WriteLines() {
    std::vector<uint32_t> offsets;
    for (const TextBound& t : text_bounds_) {
      for (const Fragment& f : Fragments(text_, t.begin, t.end)) {
        offsets.push_back(f.begin);
        offsets.push_back(f.end);
      }
    }
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    // Code points are counted as the bytes that do not continue a UTF-8
    // sequence, which needs no decoding.
    std::vector<uint32_t> code_points(offsets.size());
    uint32_t count = 0;
    std::size_t byte = 0;
    for (std::size_t i = 0; i < offsets.size(); ++i) {
      for (; byte < offsets[i]; ++byte) {
        if ((static_cast<unsigned char>(text_[byte]) & 0xC0) != 0x80) ++count;
      }
      code_points[i] = count;
    }
    auto code_point = [&](uint32_t offset) {
      return code_points[static_cast<std::size_t>(
          std::lower_bound(offsets.begin(), offsets.end(), offset) -
          offsets.begin())];
    };

    for (const Line& line : lines_) {
      if (line.text_bound) {
        WriteTextBound(text_bounds_[*line.text_bound], code_point);
      } else {
        out_ += line.text + "\n";
        WriteNote(line.note_target, line.note);
      }
    }
  }

  template <typename CodePoint>
  void WriteTextBound(const TextBound& t, CodePoint code_point) {
    std::string spans;
    std::string covered;
    for (const Fragment& f : Fragments(text_, t.begin, t.end)) {
      if (!spans.empty()) {
        spans += ";";
        covered += " ";
      }
      spans += std::to_string(code_point(f.begin)) + " " +
               std::to_string(code_point(f.end));
      covered += text_.substr(f.begin, f.end - f.begin);
    }
    if (spans.empty()) return;  // only line breaks: nothing to draw
    const std::string id = fmt::format("T{}", t.number);
    out_ += id + "\t" + t.type + " " + spans + "\t" + covered + "\n";
    if (t.note.empty()) return;  // a meeting's trigger: the event has it
    std::string note = t.note;
    for (std::size_t i = 0; i < t.sources.size(); ++i) {
      note += i == 0 ? "; " : ", ";
      note += t.sources[i];
    }
    WriteNote(id, note);
  }

  void WriteNote(const std::string& target, const std::string& note) {
    if (note.empty()) return;
    fmt::format_to(std::back_inserter(out_), "#{}\tAnnotatorNotes {}\t{}\n",
                   ++notes_, target, OneLine(note));
  }

  // A line of output, written once offsets are known: a text-bound
  // annotation and its note, or a finished line and the note on its
  // annotation.  Notes are numbered as they are written.
  struct Line {
    std::optional<int> text_bound;
    std::string text;
    std::string note_target;  // "E1"
    std::string note;
  };

  std::string_view text_;
  std::vector<TextBound> text_bounds_;
  std::map<std::string, RecordAnnotations> records_;  // by record id
  std::vector<Line> lines_;
  int events_ = 0;
  int attributes_ = 0;
  int notes_ = 0;
  std::string out_;
};

}  // namespace

std::string ToBrat(const Document& document, std::string_view text) {
  return Writer(text).Write(document);
}

std::string BratAnnotationConf() {
  // Every kind of meeting takes the same arguments.
  constexpr std::string_view kArguments =
      "Participant*:Person|Country, Host*:Person|Country, "
      "Visitor*:Person|Country, Chair*:Person|Country, Date?:Date";
  // brat reads a tab between a type and its arguments.
  std::string conf =
      "# The annotation types of parley's brat view (parley::ToBrat).\n"
      "[entities]\nPerson\nCountry\nOffice\nDate\n\n"
      "[relations]\n"
      "# The mentions of one record.\n"
      "Equiv\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive\n"
      "# An office's title may hold a country's name (\"Envoy to China\").\n"
      "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n"
      "[events]\n";
  for (MeetingKind kind :
       {MeetingKind::kMeeting, MeetingKind::kTalks, MeetingKind::kVisit,
        MeetingKind::kCall, MeetingKind::kBriefing}) {
    conf += MeetingTypeName(kind) + "\t" + std::string(kArguments) + "\n";
  }
  conf += "\n[attributes]\nPlanned\tArg:<EVENT>\n";
  return conf;
}

}  // namespace parley

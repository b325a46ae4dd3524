// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "parley/brat.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parley/extractor.h"

namespace parley {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The code points of valid UTF-8 `text`, as brat counts them.
std::u32string CodePoints(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? byte : byte & (0x3F >> (length - 1));
    for (int k = 1; k < length; ++k) {
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back(c);
    i += static_cast<std::size_t>(length);
  }
  return out;
}

// Every text-bound line's text is what its code point offsets select, its
// fragments joined by spaces, as brat checks when it opens a document.
void ExpectOffsetsSelectText(const std::string& ann, std::string_view text) {
  const std::u32string code_points = CodePoints(text);
  for (const std::string& line : Lines(ann)) {
    if (line.empty() || line[0] != 'T') continue;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    ASSERT_NE(tab2, std::string::npos) << line;
    std::istringstream spans(line.substr(tab1 + 1, tab2 - tab1 - 1));
    std::string type;
    spans >> type;
    std::u32string selected;
    for (std::string fragment; std::getline(spans, fragment, ';');) {
      std::istringstream numbers(fragment);
      std::size_t begin = 0, end = 0;
      numbers >> begin >> end;
      ASSERT_LE(begin, end) << line;
      ASSERT_LE(end, code_points.size()) << line;
      if (!selected.empty()) selected += U' ';
      selected += code_points.substr(begin, end - begin);
    }
    EXPECT_EQ(selected, CodePoints(line.substr(tab2 + 1))) << line;
  }
}

Mention M(uint32_t begin, std::string_view text, std::string source) {
  return Mention{.begin = begin,
                 .end = begin + static_cast<uint32_t>(text.size()),
                 .text = std::string(text),
                 .source = std::move(source)};
}

// "Zürich" and "—" are more bytes than characters: offsets after them
// differ between the JSON (bytes) and brat (code points).
constexpr std::string_view kText =
    "Z\xC3\xBCrich \xE2\x80\x94 Ishaq Dar hosted Wang Yi.\nDar will visit "
    "China.";
//   byte offsets:       0 Z, 8 '—' (3 bytes), 12 Ishaq Dar, 29 Wang Yi,
//                       37 '\n', 38 Dar, 53 China
//   code point offsets: 0 Z, 7 '—',           9 Ishaq Dar, 26 Wang Yi,
//                       34 '\n', 35 Dar, 50 China

Document HandMadeDocument() {
  Document doc;
  doc.id = "d";
  doc.people = {
      Person{.id = "P1",
             .name = "Ishaq Dar",
             .mentions = {M(12, "Ishaq Dar", "rule:title-name"),
                          M(38, "Dar", "alias"),
                          // The same span twice: one annotation.
                          M(38, "Dar", "rule:name-said")},
             .country = "PK"},
      Person{.id = "P2",
             .name = "Wang Yi",
             .mentions = {M(29, "Wang Yi", "rule:name\tsaid"),
                          // Past the end of the text: left out.
                          Mention{.begin = 70, .end = 90, .text = "x"}}},
  };
  doc.countries = {Country{.id = "C1",
                           .code = "CN",
                           .name = "China",
                           .mentions = {M(53, "China", "countries.tsv:7")}}};
  doc.meetings = {
      Meeting{.id = "M1",
              .kind = MeetingKind::kMeeting,
              .participants = {"P2", "P1"},
              .roles = {ParticipantRole{.participant = "P1", .role = "host"}},
              .topics = {"trade", "security"},
              // Ishaq Dar is named before it: his first mention stands in.
              .evidence = Evidence{.begin = 22, .end = 37, .rule = "hosted"}},
      // Its evidence crosses the line break; Ishaq Dar takes part through
      // his mention inside it, "Dar".
      Meeting{
          .id = "M2",
          .kind = MeetingKind::kVisit,
          .participants = {"P1", "C1", "P2"},
          .roles = {ParticipantRole{.participant = "P1", .role = "visitor"}},
          .location = "China",
          .status = MeetingStatus::kPlanned,
          .evidence = Evidence{.begin = 29, .end = 59, .rule = "visit"}},
  };
  return doc;
}

TEST(BratTest, HandMadeDocumentExactly) {
  EXPECT_EQ(ToBrat(HandMadeDocument(), kText),
            "T1\tPerson 9 18\tIshaq Dar\n"
            "#1\tAnnotatorNotes T1\tP1 Ishaq Dar; country PK; rule:title-name\n"
            "T2\tPerson 35 38\tDar\n"
            "#2\tAnnotatorNotes T2\tP1 Ishaq Dar; country PK; alias, "
            "rule:name-said\n"
            "*\tEquiv T1 T2\n"
            "T3\tPerson 26 33\tWang Yi\n"
            "#3\tAnnotatorNotes T3\tP2 Wang Yi; rule:name said\n"
            "T4\tCountry 50 55\tChina\n"
            "#4\tAnnotatorNotes T4\tC1 CN China; countries.tsv:7\n"
            "T5\tMeeting 19 34\thosted Wang Yi.\n"
            "E1\tMeeting:T5 Participant:T3 Host:T1\n"
            "#5\tAnnotatorNotes E1\tM1 meeting; topics trade, security; "
            "rule:hosted\n"
            "T6\tVisit 26 34;35 56\tWang Yi. Dar will visit China.\n"
            "E2\tVisit:T6 Visitor:T2 Participant:T4 Participant2:T3\n"
            "#6\tAnnotatorNotes E2\tM2 visit; location China; rule:visit\n"
            "A1\tPlanned E2\n");
}

TEST(BratTest, OffsetsSelectTheTextInCodePoints) {
  ExpectOffsetsSelectText(ToBrat(HandMadeDocument(), kText), kText);
}

TEST(BratTest, EmptyDocumentHasNoLines) {
  EXPECT_EQ(ToBrat(Document{}, ""), "");
  EXPECT_EQ(ToBrat(Document{}, "Nothing here."), "");
}

TEST(BratTest, AnnotationConfDeclaresEveryTypeWritten) {
  const std::string conf = BratAnnotationConf();
  for (const char* line :
       {"\nPerson\n", "\nCountry\n", "\nOffice\n", "\nDate\n", "\nMeeting\t",
        "\nTalks\t", "\nVisit\t", "\nCall\t", "\nBriefing\t", "\nEquiv\t",
        "\n<OVERLAP>\t", "\nPlanned\tArg:<EVENT>\n"}) {
    EXPECT_THAT(conf, HasSubstr(line));
  }
}

// A sentence extracted by the real Extractor.  Notes are checked without
// their sources: gazetteer line numbers move whenever a gazetteer is edited.
TEST(BratTest, ExtractedSentence) {
  const std::string text =
      "Pakistan\xE2\x80\x99s Foreign Minister Ishaq Dar met Afghan Acting "
      "Foreign Minister Amir Khan Muttaqi in Kabul on Saturday.";
  Result<Extractor> extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  DocumentInfo info;
  info.document_date = "2025-03-24";
  Result<Document> document = extractor->Extract(text, info);
  ASSERT_TRUE(document.ok()) << document.status().ToString();

  const std::string ann = ToBrat(*document, text);
  std::vector<std::string> annotations;
  std::vector<std::string> notes;
  for (const std::string& line : Lines(ann)) {
    (line[0] == '#' ? notes : annotations).push_back(line);
  }
  EXPECT_THAT(
      annotations,
      ElementsAre("T1\tPerson 28 37\tIshaq Dar",
                  "T2\tPerson 73 90\tAmir Khan Muttaqi",
                  "T3\tCountry 0 8\tPakistan", "T4\tCountry 42 48\tAfghan",
                  "T5\tOffice 11 27\tForeign Minister",
                  "T6\tOffice 49 72\tActing Foreign Minister",
                  "T7\tDate 103 111\tSaturday", "T8\tMeeting 0 112\t" + text,
                  "E1\tMeeting:T8 Participant:T1 Participant2:T2 "
                  "Date:T7"))
      << ann;
  ASSERT_EQ(notes.size(), 8u) << ann;
  EXPECT_THAT(notes[0], StartsWith("#1\tAnnotatorNotes T1\tP1 Ishaq Dar; "
                                   "country PK; rule:"));
  EXPECT_THAT(notes[2], StartsWith("#3\tAnnotatorNotes T3\tC1 PK Pakistan; "
                                   "countries.tsv:"));
  EXPECT_THAT(notes[4], StartsWith("#5\tAnnotatorNotes T5\tO1 Foreign "
                                   "Minister; country PK; holder P1 Ishaq "
                                   "Dar; rule:"));
  EXPECT_THAT(notes[6], StartsWith("#7\tAnnotatorNotes T7\tD1 2025-03-22; "
                                   "date:"));
  EXPECT_THAT(notes[7], StartsWith("#8\tAnnotatorNotes E1\tM1 meeting; date "
                                   "D1 2025-03-22; location Kabul; rule:"));
  ExpectOffsetsSelectText(ann, text);
}

// The sample article: every annotation's offsets select its text.
TEST(BratTest, SampleArticleOffsetsSelectTheirText) {
  std::ifstream in(PARLEY_SAMPLE_ARTICLE, std::ios::binary);
  const std::string text(std::istreambuf_iterator<char>(in), {});
  ASSERT_FALSE(text.empty());
  Result<Extractor> extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  DocumentInfo info;
  info.document_date = "2025-03-24";
  Result<Document> document = extractor->Extract(text, info);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  const std::string ann = ToBrat(*document, text);
  ExpectOffsetsSelectText(ann, text);
  std::size_t text_bound = 0;
  for (const std::string& line : Lines(ann)) text_bound += line[0] == 'T';
  EXPECT_GT(text_bound, 30u);
}

}  // namespace
}  // namespace parley

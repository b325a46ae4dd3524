// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The HTML as written.  How a browser draws it is checked by
// html_view_chromium_test.py.

#include "parley/html.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <regex>
#include <string>
#include <string_view>

#include "parley/extractor.h"

namespace parley {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

Mention M(uint32_t begin, std::string_view text, std::string source) {
  return Mention{.begin = begin,
                 .end = begin + static_cast<uint32_t>(text.size()),
                 .text = std::string(text),
                 .source = std::move(source)};
}

// The part of the page between `open` and the next `close`.
std::string Between(const std::string& page, const std::string& open,
                    const std::string& close) {
  const std::size_t begin = page.find(open);
  if (begin == std::string::npos) return "";
  const std::size_t end = page.find(close, begin + open.size());
  if (end == std::string::npos) return "";
  return page.substr(begin + open.size(), end - begin - open.size());
}

std::string Article(const std::string& page) {
  return Between(page, "<div class=\"article\">", "</div>\n");
}

// 0 Envoy to China, 9 China, 15 Li, 18 "<met>", 24 Wang Yi, 32 & ...
constexpr std::string_view kText = "Envoy to China Li <met> Wang Yi & \"Kim\".";

Document HandMadeDocument() {
  Document doc;
  doc.id = "doc <1>";
  doc.document_date = "2025-03-24";
  doc.people = {
      Person{.id = "P1", .name = "Li", .mentions = {M(15, "Li", "alias")}},
      Person{
          .id = "P2",
          .name = "Wang \"Yi\"",
          .mentions = {M(24, "Wang Yi", "rule:a"), M(24, "Wang Yi", "rule:b"),
                       // Past the end of the text: left out.
                       Mention{.begin = 60, .end = 64, .text = "x"}},
          .country = "CN"},
  };
  doc.countries = {Country{.id = "C1",
                           .code = "CN",
                           .name = "China",
                           .mentions = {M(9, "China", "countries.tsv:7")}}};
  doc.offices = {Office{.id = "O1",
                        .title = "Envoy",
                        .country = "CN",
                        .holder = "P1",
                        .mentions = {M(0, "Envoy to China", "rule:envoy")}}};
  doc.meetings = {Meeting{
      .id = "M1",
      .kind = MeetingKind::kTalks,
      .participants = {"P1", "P2", "C1"},
      .roles = {ParticipantRole{.participant = "P2", .role = "host"}},
      .location = "Beijing & <Tianjin>",
      .topics = {"trade", "<security>"},
      .status = MeetingStatus::kPlanned,
      // Crosses the office: starts inside it, ends after it.
      .evidence = Evidence{.begin = 9, .end = 31, .rule = "talks-with"}}};
  return doc;
}

TEST(HtmlTest, ArticleNestsAndSplitsSpansAndEscapes) {
  const std::string page = ToHtml(HandMadeDocument(), kText);
  EXPECT_EQ(
      Article(page),
      // The office holds the country; the evidence starts inside the
      // office and ends after it, so it is closed with the office and
      // reopened, without its id, after it.
      "<span class=\"mention office\" data-record=\"O1\" data-begin=\"0\" "
      "data-end=\"14\" title=\"Office O1: Envoy, country CN, holder P1 Li "
      "\xC2\xB7 rule:envoy\">Envoy to "
      "<span class=\"evidence\" id=\"evidence-M1\" data-meeting=\"M1\">"
      "<span class=\"mention country\" data-record=\"C1\" data-begin=\"9\" "
      "data-end=\"14\" title=\"Country C1: CN China \xC2\xB7 "
      "countries.tsv:7\">China</span></span></span>"
      "<span class=\"evidence\" data-meeting=\"M1\"> "
      "<span class=\"mention person\" data-record=\"P1\" data-begin=\"15\" "
      "data-end=\"17\" title=\"Person P1: Li \xC2\xB7 alias\">Li</span> "
      "&lt;met&gt; "
      "<span class=\"mention person\" data-record=\"P2\" data-begin=\"24\" "
      "data-end=\"31\" title=\"Person P2: Wang &quot;Yi&quot;, country CN "
      "\xC2\xB7 rule:a \xC2\xB7 rule:b\">Wang Yi</span></span>"
      " &amp; &quot;Kim&quot;.");
}

TEST(HtmlTest, MeetingRowLinksToEvidence) {
  const std::string page = ToHtml(HandMadeDocument(), kText);
  EXPECT_EQ(Between(page, "<tbody>\n", "</tbody>"),
            "<tr data-meeting=\"M1\"><td>M1</td><td>talks</td>"
            "<td>Li, Wang &quot;Yi&quot; (host), China</td><td></td>"
            "<td>Beijing &amp; &lt;Tianjin&gt;</td>"
            "<td>trade, &lt;security&gt;</td><td>planned</td>"
            "<td><a href=\"#evidence-M1\">talks-with</a></td></tr>\n");
}

TEST(HtmlTest, PageIsSelfContained) {
  const std::string page = ToHtml(HandMadeDocument(), kText);
  EXPECT_THAT(page, StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n"));
  EXPECT_THAT(page, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(page, HasSubstr("<title>doc &lt;1&gt; \xE2\x80\x94 parley"));
  EXPECT_THAT(page, HasSubstr("<style>"));
  for (const char* external :
       {"<script", "<link", "src=", "url(", "http:", "https:", "@import"}) {
    EXPECT_THAT(page, Not(HasSubstr(external))) << external;
  }
  // One colour a kind, and the legend names them.
  for (const char* kind : {"person", "country", "office", "date"}) {
    EXPECT_THAT(page,
                HasSubstr(std::string(".") + kind + " { background-color: #"));
    EXPECT_THAT(page, HasSubstr(std::string("<span class=\"") + kind + "\">" +
                                kind + "</span>"));
  }
  EXPECT_THAT(page, HasSubstr("Document date: 2025-03-24"));
  EXPECT_THAT(page, HasSubstr("</table>\n</body>\n</html>\n"));
}

TEST(HtmlTest, EmptyDocument) {
  const std::string page = ToHtml(Document{}, "Nothing <here>.");
  EXPECT_EQ(Article(page), "Nothing &lt;here&gt;.");
  EXPECT_EQ(Between(page, "<tbody>\n", "</tbody>"), "");
  EXPECT_THAT(page, HasSubstr("Document date: none"));
}

// A sentence extracted by the real Extractor.  Titles are compared without
// their sources: gazetteer line numbers move whenever a gazetteer is edited.
TEST(HtmlTest, ExtractedSentence) {
  const std::string text =
      "Pakistan\xE2\x80\x99s Foreign Minister Ishaq Dar met Afghan Acting "
      "Foreign Minister Amir Khan Muttaqi in Kabul on Saturday.";
  Result<Extractor> extractor = Extractor::Create();
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  DocumentInfo info;
  info.id = "sentence";
  info.document_date = "2025-03-24";
  Result<Document> document = extractor->Extract(text, info);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  const std::string page = ToHtml(*document, text);

  const std::string article = Article(page);
  EXPECT_THAT(article, HasSubstr("title=\"Person P1: Ishaq Dar, country PK "
                                 "\xC2\xB7 rule:"));
  EXPECT_THAT(article, HasSubstr("title=\"Date D1: 2025-03-22 \xC2\xB7 "));
  EXPECT_EQ(
      std::regex_replace(article, std::regex(" title=\"[^\"]*\""), ""),
      "<span class=\"evidence\" id=\"evidence-M1\" data-meeting=\"M1\">"
      "<span class=\"mention country\" data-record=\"C1\" data-begin=\"0\" "
      "data-end=\"8\">Pakistan</span>\xE2\x80\x99s "
      "<span class=\"mention office\" data-record=\"O1\" data-begin=\"13\" "
      "data-end=\"29\">Foreign Minister</span> "
      "<span class=\"mention person\" data-record=\"P1\" data-begin=\"30\" "
      "data-end=\"39\">Ishaq Dar</span> met "
      "<span class=\"mention country\" data-record=\"C2\" data-begin=\"44\" "
      "data-end=\"50\">Afghan</span> "
      "<span class=\"mention office\" data-record=\"O2\" data-begin=\"51\" "
      "data-end=\"74\">Acting Foreign Minister</span> "
      "<span class=\"mention person\" data-record=\"P2\" data-begin=\"75\" "
      "data-end=\"92\">Amir Khan Muttaqi</span> in Kabul on "
      "<span class=\"mention date\" data-record=\"D1\" data-begin=\"105\" "
      "data-end=\"113\">Saturday</span>.</span>");
  EXPECT_EQ(Between(page, "<tbody>\n", "</tbody>"),
            "<tr data-meeting=\"M1\"><td>M1</td><td>meeting</td>"
            "<td>Ishaq Dar, Amir Khan Muttaqi</td>"
            "<td>2025-03-22 (Saturday)</td><td>Kabul</td><td></td>"
            "<td>happened</td>"
            "<td><a href=\"#evidence-M1\">meeting-met</a></td></tr>\n");
}

}  // namespace
}  // namespace parley

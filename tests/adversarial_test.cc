// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Hostile input, end to end through Extractor: every document gives its
// records or a clear error, never a crash or a hang.  Ill-formed UTF-8 in
// all its forms, NUL bytes, a byte order mark, CRLF, 50 MB without a
// newline, a sentence of a million tokens, one name 100,000 times, deep
// nesting, every major script and pure punctuation; then user resources
// that are malformed or built to be slow.
//
// These tests check outcomes, not speed: that extraction takes time linear
// in the size of such documents is measured by tests/bench/linearity_bench.cc,
// since a timed unit test would be flaky on a loaded machine.  Each test
// here takes at most a few seconds in Release (about three times that under
// AddressSanitizer).

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "default_extractor.h"
#include "made_up_names.h"
#include "parley/extractor.h"
#include "parley/records.h"
#include "parley/status.h"

namespace parley {
namespace {

// Every mention of `document` lies in `text` and is exactly its slice.
void ExpectMentionsInText(std::string_view text, const Document& document) {
  auto check = [&](const std::vector<Mention>& mentions) {
    for (const Mention& mention : mentions) {
      ASSERT_LT(mention.begin, mention.end);
      ASSERT_LE(mention.end, text.size());
      EXPECT_EQ(mention.text,
                text.substr(mention.begin, mention.end - mention.begin));
    }
  };
  for (const Person& person : document.people) check(person.mentions);
  for (const Country& country : document.countries) check(country.mentions);
  for (const Office& office : document.offices) check(office.mentions);
  for (const Date& date : document.dates) check(date.mentions);
  for (const Meeting& meeting : document.meetings) {
    EXPECT_LE(meeting.evidence.end, text.size());
  }
}

// Extracts `text`, which must succeed, and checks its mentions.
Document ExtractOk(std::string_view text) {
  Result<Document> document = DefaultExtractor().Extract(text);
  EXPECT_TRUE(document.ok()) << document.status().ToString();
  if (!document.ok()) return Document{};
  ExpectMentionsInText(text, *document);
  return std::move(document).value();
}

// The begin offsets of the mentions of the country with `code`.
std::vector<uint32_t> CountryBegins(const Document& document,
                                    std::string_view code) {
  std::vector<uint32_t> begins;
  for (const Country& country : document.countries) {
    if (country.code != code) continue;
    for (const Mention& mention : country.mentions) {
      begins.push_back(mention.begin);
    }
  }
  return begins;
}

TEST(AdversarialTest, IllFormedUtf8IsRefusedAtItsFirstBadByte) {
  struct Case {
    std::string text;
    uint64_t offset;
  };
  const Case cases[] = {
      {"Kabul \xC0\xAF", 6},            // overlong two-byte '/'
      {"Kabul \xC1\xBF", 6},            // overlong two-byte DEL
      {"Kabul \xE0\x80\xAF", 6},        // overlong three-byte '/'
      {"Kabul \xF0\x80\x80\xAF", 6},    // overlong four-byte '/'
      {"Kabul \xED\xA0\x80", 6},        // high surrogate U+D800
      {"Kabul \xED\xBF\xBF", 6},        // low surrogate U+DFFF
      {"Kabul \xF4\x90\x80\x80", 6},    // past U+10FFFF
      {"Kabul \xE2\x82", 6},            // truncated at the end
      {"Kabul \xF0\x9F\x98 talks", 6},  // truncated before a space
      {"Kabul \x80", 6},                // stray continuation byte
      {"Kabul \xFE\xFF", 6},            // bytes UTF-8 never uses
      {"T\xC3\xBCrkiye \xF5\x80", 9},   // after a valid two-byte letter
      {"\xFFKabul", 0},                 // the first byte
      {std::string(1 << 20, 'a') + "\xC3", 1 << 20},  // the last of 1 MiB
  };
  for (const Case& c : cases) {
    Result<Document> document = DefaultExtractor().Extract(c.text);
    ASSERT_FALSE(document.ok()) << c.offset;
    EXPECT_EQ(document.status().code(), StatusCode::kInvalidDocument);
    ASSERT_TRUE(document.status().location().has_value());
    EXPECT_EQ(document.status().location()->byte_offset, c.offset);
    EXPECT_EQ(document.status().ToString(),
              "byte " + std::to_string(c.offset) + ": invalid UTF-8");
  }
}

TEST(AdversarialTest, NulBytesSeparateWordsAndKeepOffsets) {
  const std::string text("Pakistan\0Afghanistan\0", 21);
  const Document document = ExtractOk(text);
  EXPECT_EQ(CountryBegins(document, "PK"), std::vector<uint32_t>{0});
  EXPECT_EQ(CountryBegins(document, "AF"), std::vector<uint32_t>{9});
}

TEST(AdversarialTest, ByteOrderMarkIsCountedInOffsets) {
  const Document document =
      ExtractOk("\xEF\xBB\xBFPakistan and Afghanistan held talks.");
  EXPECT_EQ(CountryBegins(document, "PK"), std::vector<uint32_t>{3});
  EXPECT_EQ(CountryBegins(document, "AF"), std::vector<uint32_t>{16});
}

TEST(AdversarialTest, CrlfLineEndsKeepOffsets) {
  const std::string text =
      "Pakistan's Foreign Minister Ishaq Dar spoke.\r\n"
      "Afghanistan replied.\r\n";
  const Document document = ExtractOk(text);
  EXPECT_EQ(CountryBegins(document, "PK"), std::vector<uint32_t>{0});
  EXPECT_EQ(CountryBegins(document, "AF"), std::vector<uint32_t>{46});
  ASSERT_EQ(document.people.size(), 1u);
  EXPECT_EQ(document.people[0].name, "Ishaq Dar");
  EXPECT_EQ(document.people[0].mentions[0].begin, 28u);
  ASSERT_EQ(document.offices.size(), 1u);
  EXPECT_EQ(document.offices[0].title, "Foreign Minister");
  EXPECT_EQ(document.offices[0].holder, "P1");
}

TEST(AdversarialTest, FiftyMegabytesWithoutANewline) {
  // A country name every KiB, spaces between: one 50 MiB line whose
  // offsets run past 2^24 and 2^25.
  constexpr std::size_t kBlock = 1024;
  const std::string block = "Pakistan" + std::string(kBlock - 8, ' ');
  std::string text;
  text.reserve(50 << 20);
  while (text.size() < (50u << 20)) text += block;
  const Document document = ExtractOk(text);
  const std::vector<uint32_t> begins = CountryBegins(document, "PK");
  ASSERT_EQ(begins.size(), (50u << 20) / kBlock);
  for (std::size_t i = 0; i < begins.size(); ++i) {
    ASSERT_EQ(begins[i], i * kBlock) << i;
  }
}

TEST(AdversarialTest, SentenceOfAMillionTokens) {
  // No sentence end anywhere: "x x ... Pakistan x x ...".  Rules see it in
  // pieces (rule_matcher.h); gazetteer matches do not depend on them.
  std::string text;
  std::vector<uint32_t> expected;
  for (int i = 0; i < 1000000; ++i) {
    if (i % 1000 == 999) {
      expected.push_back(static_cast<uint32_t>(text.size()));
      text += "Pakistan ";
    } else {
      text += "x ";
    }
  }
  const Document document = ExtractOk(text);
  EXPECT_EQ(CountryBegins(document, "PK"), expected);
}

TEST(AdversarialTest, OneName100000Times) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "Ishaq Dar. ";
  const Document document = ExtractOk(text);
  ASSERT_EQ(document.people.size(), 1u);
  EXPECT_EQ(document.people[0].name, "Ishaq Dar");
  ASSERT_EQ(document.people[0].mentions.size(), 100000u);
  for (std::size_t i = 0; i < 100000; ++i) {
    ASSERT_EQ(document.people[0].mentions[i].begin, i * 11) << i;
  }
}

// Twenty thousand people, each named in full and then by family name:
// telling whether a full name is someone already named must not try every
// person named before.
TEST(AdversarialTest, TwentyThousandPeople) {
  constexpr int kPeople = 20000;
  std::string text;
  for (int i = 0; i < kPeople; ++i) {
    const std::string family = MadeUpNameWord(i);
    text += "Minister " + MadeUpNameWord(kPeople + i) + " " + family +
            " said. " + family + " left. ";
  }
  const Document document = ExtractOk(text);
  ASSERT_EQ(document.people.size(), static_cast<std::size_t>(kPeople));
  for (int i = 0; i < kPeople; ++i) {
    const Person& person = document.people[i];
    ASSERT_EQ(person.name,
              MadeUpNameWord(kPeople + i) + " " + MadeUpNameWord(i))
        << i;
    ASSERT_EQ(person.mentions.size(), 2u) << person.name;
  }
}

// Twenty thousand people with one given name, each named in full: telling
// whether a full name holds someone named before must not try every
// person whose name starts with "John".
TEST(AdversarialTest, TwentyThousandPeopleWithOneGivenName) {
  constexpr int kPeople = 20000;
  std::string text;
  for (int i = 0; i < kPeople; ++i) {
    text += "Minister John " + MadeUpNameWord(i) + " said. ";
  }
  const Document document = ExtractOk(text);
  ASSERT_EQ(document.people.size(), static_cast<std::size_t>(kPeople));
  for (int i = 0; i < kPeople; ++i) {
    const Person& person = document.people[i];
    ASSERT_EQ(person.name, "John " + MadeUpNameWord(i)) << i;
    ASSERT_EQ(person.mentions.size(), 1u) << person.name;
  }
}

// Twenty thousand people with one family name, each named in full and
// then by it: the family name stands for the one named last, found
// without reading every person who bears it.
TEST(AdversarialTest, TwentyThousandPeopleWithOneFamilyName) {
  constexpr int kPeople = 20000;
  std::string text;
  for (int i = 0; i < kPeople; ++i) {
    text += "Minister " + MadeUpNameWord(i) + " Smith said. Smith left. ";
  }
  const Document document = ExtractOk(text);
  ASSERT_EQ(document.people.size(), static_cast<std::size_t>(kPeople));
  for (int i = 0; i < kPeople; ++i) {
    const Person& person = document.people[i];
    ASSERT_EQ(person.name, MadeUpNameWord(i) + " Smith") << i;
    ASSERT_EQ(person.mentions.size(), 2u) << person.name;
    ASSERT_EQ(person.mentions[1].text, "Smith") << person.name;
  }
}

// Two people who meet on ten thousand different days: each meeting is
// told from those of other days by its date, and must not read every
// meeting of the same two before it, nor every date of the document.
TEST(AdversarialTest, OnePairMeetsOnTenThousandDays) {
  constexpr int kDays = 10000;
  static constexpr const char* kMonths[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  std::string text;
  std::vector<std::string> values;
  for (int i = 0; i < kDays; ++i) {
    const int year = 1901 + i / (12 * 28), month = i / 28 % 12,
              day = i % 28 + 1;
    text += "Minister Baba Koko met Minister Riri Tete on " +
            std::string(kMonths[month]) + " " + std::to_string(day) + ", " +
            std::to_string(year) + ". ";
    char value[11];
    std::snprintf(value, sizeof(value), "%04d-%02d-%02d", year, month + 1, day);
    values.emplace_back(value);
  }
  // Another mention of the first meeting, and one with no date.
  text += "Koko met Tete on January 1, 1901. Koko met Tete. ";
  const Document document = ExtractOk(text);
  ASSERT_EQ(document.people.size(), 2u);
  ASSERT_EQ(document.dates.size(), static_cast<std::size_t>(kDays));
  ASSERT_EQ(document.meetings.size(), static_cast<std::size_t>(kDays));
  const std::vector<std::string> pair = {"P1", "P2"};
  for (int i = 0; i < kDays; ++i) {
    const Meeting& meeting = document.meetings[i];
    ASSERT_EQ(document.dates[i].value, values[i]) << i;
    ASSERT_EQ(meeting.participants, pair) << i;
    ASSERT_EQ(meeting.date, document.dates[i].id) << i;
  }
  EXPECT_EQ(document.dates[0].mentions.size(), 2u);
}

// One meeting spoken of ten thousand times, each time with a new topic:
// telling whether a topic is new must not read every topic before it.
TEST(AdversarialTest, OneMeetingWithTenThousandTopics) {
  constexpr int kTopics = 10000;
  std::vector<std::string> topics;
  std::string text;
  for (int i = 0; i < kTopics; ++i) {
    std::string topic = MadeUpNameWord(i);
    topic[0] = static_cast<char>(topic[0] - 'A' + 'a');
    text += "Minister Baba Koko met Minister Riri Tete and discussed " + topic +
            ". ";
    topics.push_back(std::move(topic));
  }
  text += "Koko met Tete and discussed " + topics[0] + ". ";
  const Document document = ExtractOk(text);
  ASSERT_EQ(document.meetings.size(), 1u);
  EXPECT_EQ(document.meetings[0].participants,
            (std::vector<std::string>{"P1", "P2"}));
  EXPECT_EQ(document.meetings[0].topics, topics);
}

// "Lao" is a country word that may be a surname: deciding which looks
// around each occurrence, and must not look at the whole document.
TEST(AdversarialTest, AmbiguousCountryWord50000Times) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "Lao officials met. ";
  const std::vector<uint32_t> begins = CountryBegins(ExtractOk(text), "LA");
  ASSERT_EQ(begins.size(), 50000u);
  for (std::size_t i = 0; i < begins.size(); ++i) {
    ASSERT_EQ(begins[i], i * 19) << i;
  }
}

TEST(AdversarialTest, DeeplyNestedBracketsAndQuotes) {
  const std::string brackets =
      std::string(100000, '(') + "Pakistan" + std::string(100000, ')');
  EXPECT_EQ(CountryBegins(ExtractOk(brackets), "PK"),
            std::vector<uint32_t>{100000});

  // Six kinds of opening marks, 25,000 deep each, then their closings.
  const std::string open =
      "\"'\xC2\xAB\xE2\x80\x98\xE2\x80\x9C[";  // " ' « ‘ “ [
  const std::string close =
      "]\xE2\x80\x9D\xE2\x80\x99\xC2\xBB'\"";  // ] ” ’ » ' "
  std::string quotes;
  for (int i = 0; i < 25000; ++i) quotes += open;
  const uint32_t begin = static_cast<uint32_t>(quotes.size());
  quotes += "Pakistan";
  for (int i = 0; i < 25000; ++i) quotes += close;
  EXPECT_EQ(CountryBegins(ExtractOk(quotes), "PK"),
            std::vector<uint32_t>{begin});
}

TEST(AdversarialTest, TextInEveryMajorScript) {
  const std::string text =
      "Pakistan's envoy met Wang Yi (王毅) in Beijing. "
      "Путин встретился с Моди в Москве. "              // Cyrillic
      "Η Ελλάδα και η Κύπρος. "                         // Greek
      "رئيس الوزراء الباكستاني شهباز شريف. "            // Arabic
      "ראש הממשלה נפגש עם השגריר. "                     // Hebrew
      "प्रधानमंत्री नरेंद्र मोदी ने कहा। "                     // Devanagari
      "প্রধানমন্ত্রী শেখ হাসিনা। "                         // Bengali
      "நாடாளுமன்றம் கூடியது. "                            // Tamil
      "นายกรัฐมนตรีเดินทางไปกรุงเทพฯ "                      // Thai
      "日本の首相は北京を訪問した。习近平会见了外长。"  // CJK, kana
      "대한민국 대통령이 말했다. "                      // Hangul
      "ኢትዮጵያ እና ኤርትራ. საქართველო. Հայաստան. "  // Ethiopic, Georgian, Armenian
      "\xE2\x80\x8F\xD7\x90\xE2\x80\x8E e\xCC\x81 "    // RLM, LRM, combining
                                                       // accent
      "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 "  // ZWJ emoji sequence
      "Afghanistan.";
  const Document document = ExtractOk(text);
  EXPECT_EQ(CountryBegins(document, "PK"), std::vector<uint32_t>{0});
  EXPECT_EQ(CountryBegins(document, "AF"),
            std::vector<uint32_t>{static_cast<uint32_t>(text.size() - 12)});
  ASSERT_EQ(document.people.size(), 1u);
  EXPECT_EQ(document.people[0].name, "Wang Yi");
}

TEST(AdversarialTest, OnlyPunctuationGivesNoRecords) {
  std::string text;
  while (text.size() < (1u << 20)) {
    text += "!?.,;:\xE2\x80\x94\xE2\x80\xA6()[]{}\"'-/\\*&%$#@^_~`|<>=+";
  }
  Result<Document> document =
      DefaultExtractor().Extract(text, {.id = "punct", .document_date = ""});
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  EXPECT_EQ(*document, Document{.id = "punct"});
}

// A user resource written to a file of the test's own.
class UserResourceTest : public ::testing::Test {
 protected:
  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::filesystem::path path =
        std::filesystem::path(::testing::TempDir()) /
        (std::string(
             ::testing::UnitTest::GetInstance()->current_test_info()->name()) +
         "-" + name);
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  // Builds an Extractor with `rules` as a user rule file, which must fail,
  // and returns the error.
  Status RuleError(const std::string& rules, std::string* path) {
    *path = WriteFile("user.rules", rules);
    Result<Extractor> extractor = Extractor::Create({.rule_files = {*path}});
    EXPECT_FALSE(extractor.ok());
    return extractor.status();
  }
};

TEST_F(UserResourceTest, MalformedGazetteerFileNamesItsPlace) {
  const std::string path = WriteFile(
      "user.tsv",
      "# mine\nFreedonia\tcountry\tFD\nSylvania\tcountry\tSY\tcanonical\n");
  Result<Extractor> extractor = Extractor::Create({.gazetteer_files = {path}});
  ASSERT_FALSE(extractor.ok());
  const Status status = extractor.status();
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  ASSERT_TRUE(status.location().has_value());
  EXPECT_EQ(status.location()->file, path);
  EXPECT_EQ(status.location()->line, 3);
  EXPECT_EQ(status.location()->column, 21);
  EXPECT_EQ(status.ToString().rfind(path + ":3:21: ", 0), 0u)
      << status.ToString();
}

TEST_F(UserResourceTest, MalformedRuleFileNamesItsPlace) {
  std::string path;
  const Status status =
      RuleError("# mine\nrule ok : \"x\" ;\nrule bad : [Cap & ] ;\n", &path);
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  ASSERT_TRUE(status.location().has_value());
  EXPECT_EQ(status.location()->file, path);
  EXPECT_EQ(status.location()->line, 3);
  EXPECT_EQ(status.ToString().rfind(path + ":3:", 0), 0u) << status.ToString();
}

TEST_F(UserResourceTest, RepetitionsThatMultiplyTooFarAreRefused) {
  std::string path;
  const Status status =
      RuleError("rule nested : (([Any]{64}){64}){64} ;\n", &path);
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  ASSERT_TRUE(status.location().has_value());
  EXPECT_EQ(status.location()->file, path);
  EXPECT_EQ(status.location()->line, 1);
}

TEST_F(UserResourceTest, RuleTooLargeForRe2IsRefusedAtItsId) {
  std::string path;
  const Status status = RuleError(
      "macro T = ([Title] | [Upper] | \"a\" | \"b\" | c\"C\" | @x){1,30} ;\n"
      "macro U = T T T T T T T T T T ;\n"
      "rule big : (U U U U U U U U U U){1,30} ;\n",
      &path);
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_EQ(status.ToString(),
            path +
                ":3:6: rule too large to compile; lower its repetition bounds "
                "or split it: `big`");
}

TEST_F(UserResourceTest, HugeAlternationAndNestedStarsStillMatch) {
  // 2,000 alternative words, and stars nested three deep around a rule
  // that looks ahead to the end of every piece: accepted, and matched over
  // a long sentence in linear time (tests/bench/linearity_bench.cc).
  std::string words;
  for (int i = 0; i < 2000; ++i) {
    words += (i == 0 ? "\"w" : " | \"w") + std::to_string(i) + "\"";
  }
  const std::string path = WriteFile(
      "user.rules", "rule title-many : title=(@office_head) person=((" + words +
                        ")+) ;\n"
                        "rule title-stars : title=(@office_head) "
                        "person=((([Title] [Lower]*)* [Any]*)* \"never\") ;\n");
  Result<Extractor> extractor = Extractor::Create({.rule_files = {path}});
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();

  // One sentence of 40,000 tokens: "Minister w0 Minister w1 ...".  The
  // first 2,000 names are words of the rule, the rest are not.
  std::string text;
  std::vector<uint32_t> begins;
  for (int i = 0; i < 20000; ++i) {
    text += "Minister ";
    begins.push_back(static_cast<uint32_t>(text.size()));
    text += "w" + std::to_string(i) + " ";
  }
  Result<Document> document = extractor->Extract(text);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  ExpectMentionsInText(text, *document);
  ASSERT_EQ(document->people.size(), 2000u);
  for (std::size_t i = 0; i < 2000; ++i) {
    const Person& person = document->people[i];
    ASSERT_EQ(person.name, "w" + std::to_string(i));
    ASSERT_EQ(person.mentions.size(), 1u) << person.name;
    EXPECT_EQ(person.mentions[0].begin, begins[i]) << person.name;
    EXPECT_EQ(person.mentions[0].source, "rule:title-many");
  }
}

}  // namespace
}  // namespace parley

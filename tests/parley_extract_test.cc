// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests of parley-extract as its users run it: the built tool is spawned on
// files in a temporary directory, and its stdout, stderr and exit status are
// checked against the command-line contract of SCHEMA.md: one record per
// document or line in input order, error records in place, exit statuses,
// identical output under --threads; directories as inputs, the summary line
// and the progress bar, --explain, and the brat and HTML views on stdout and
// in --output-dir.
//
// They do not check what is extracted (the extractor's own tests do), only
// that every mention's offsets select its text in the input.

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "parley/version.h"

extern char** environ;

namespace {

using ::nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kTool[] = PARLEY_EXTRACT_PATH;

// Non-ASCII on purpose, so that byte offsets differ from character offsets.
constexpr char kStory[] =
    "ISLAMABAD \xE2\x80\x94 Pakistan\xE2\x80\x99s Foreign Minister Ishaq Dar "
    "met Afghan Acting Foreign Minister Amir Khan Muttaqi in Kabul on "
    "Saturday, March 22, 2025.\nThe two sides discussed trade, security and "
    "people-to-people ties.  Dar later visited Z\xC3\xBCrich.\n";

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The summary line that ends stderr: "parley-extract: 3 documents, 12
// records, 1 error in 0.2 s".
const std::regex kSummary(
    R"(parley-extract: (\d+) documents?, (\d+) records?, (\d+) errors? )"
    R"(in \d+\.\d s\n$)");

// Stderr without its summary line, which must be there.
std::string Diagnostics(const std::string& err) {
  std::smatch match;
  EXPECT_TRUE(std::regex_search(err, match, kSummary)) << err;
  return match.empty() ? err : err.substr(0, match.position(0));
}

std::vector<json> ParseLines(const std::string& text) {
  std::vector<json> records;
  for (const std::string& line : Lines(text)) {
    records.push_back(json::parse(line));
  }
  return records;
}

// A document record: the contract's fields, and offsets that select each
// mention's text in `input`.
void ExpectDocument(const json& record, const std::string& input) {
  ASSERT_TRUE(record.is_object()) << record;
  EXPECT_TRUE(record["id"].is_string()) << record;
  EXPECT_TRUE(record.contains("document_date")) << record;
  EXPECT_FALSE(record.contains("error")) << record;
  for (const char* field :
       {"people", "countries", "offices", "dates", "meetings"}) {
    ASSERT_TRUE(record.contains(field) && record[field].is_array())
        << field << " in " << record;
  }
  for (const char* field : {"people", "countries", "offices", "dates"}) {
    for (const json& entity : record[field]) {
      for (const json& mention : entity.at("mentions")) {
        const auto begin = mention.at("begin").get<std::size_t>();
        const auto end = mention.at("end").get<std::size_t>();
        ASSERT_LE(begin, end) << mention;
        ASSERT_LE(end, input.size()) << mention;
        EXPECT_EQ(input.substr(begin, end - begin),
                  mention.at("text").get<std::string>())
            << mention;
      }
    }
  }
  for (const json& meeting : record["meetings"]) {
    const json& evidence = meeting.at("evidence");
    EXPECT_LE(evidence.at("begin").get<std::size_t>(),
              evidence.at("end").get<std::size_t>());
    EXPECT_LE(evidence.at("end").get<std::size_t>(), input.size());
  }
}

// An error record of a JSON Lines line: exactly id, line and error.
void ExpectError(const json& record, const json& id, int line) {
  ASSERT_TRUE(record.is_object()) << record;
  EXPECT_EQ(record.size(), 3u) << record;
  EXPECT_EQ(record["id"], id) << record;
  EXPECT_EQ(record["line"], line) << record;
  EXPECT_TRUE(record["error"].is_string()) << record;
  EXPECT_FALSE(record["error"].get<std::string>().empty());
}

class ParleyExtractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "parley-extract-XXXXXX")
            .string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }

  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    const std::filesystem::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  // Runs the tool with `args` and stdin read from `stdin_path`.
  RunResult Run(const std::vector<std::string>& args,
                const std::string& stdin_path = "/dev/null") {
    const std::string out_path = (dir_ / "stdout").string();
    const std::string err_path = (dir_ / "stderr").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY,
                                     0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv = {const_cast<char*>(kTool)};
    for (const std::string& arg : args) {
      argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);

    RunResult result;
    pid_t pid;
    const int spawned =
        posix_spawn(&pid, kTool, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(spawned, 0) << "cannot run " << kTool;
    if (spawned != 0) return result;
    int status = 0;
    EXPECT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status)) << "status " << status;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = ReadFile(out_path);
    result.err = ReadFile(err_path);
    return result;
  }

  // Runs the tool with stderr on a pseudo-terminal, as from a shell, and
  // returns in `err` what the terminal received.
  RunResult RunOnTerminal(const std::vector<std::string>& args) {
    RunResult result;
    const int terminal = ::posix_openpt(O_RDWR | O_NOCTTY);
    EXPECT_GE(terminal, 0);
    if (terminal < 0 || ::grantpt(terminal) != 0 || ::unlockpt(terminal) != 0) {
      return result;
    }
    const std::string out_path = (dir_ / "stdout").string();
    const std::string tty = ::ptsname(terminal);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, tty.c_str(),
                                     O_RDWR | O_NOCTTY, 0);
    std::vector<char*> argv = {const_cast<char*>(kTool)};
    for (const std::string& arg : args) {
      argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    pid_t pid;
    const int spawned =
        posix_spawn(&pid, kTool, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(spawned, 0) << "cannot run " << kTool;
    if (spawned == 0) {
      // Read until the tool has closed the terminal (EIO), so that it never
      // blocks on a full terminal buffer.
      char buffer[4096];
      for (;;) {
        const ssize_t length = ::read(terminal, buffer, sizeof buffer);
        if (length <= 0) break;
        result.err.append(buffer, static_cast<std::size_t>(length));
      }
      int status = 0;
      EXPECT_EQ(::waitpid(pid, &status, 0), pid);
      result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      result.out = ReadFile(out_path);
    }
    ::close(terminal);
    return result;
  }

  std::filesystem::path dir_;
};

TEST_F(ParleyExtractTest, PlainFileGivesOneRecord) {
  const std::string path = Write("story.txt", kStory);
  RunResult run = Run({"--date", "2025-03-24", path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Diagnostics(run.err), "");
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 1u) << run.out;
  ExpectDocument(records[0], kStory);
  EXPECT_EQ(records[0]["id"], "story");
  EXPECT_EQ(records[0]["document_date"], "2025-03-24");
}

TEST_F(ParleyExtractTest, UntensedSetsTheDirectionOfUntensedDates) {
  const std::string path = Write("story.txt", "Talks resume on Friday.");
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"past", "2024-12-27"},
      {"future", "2025-01-03"},
      {"nearest", "2024-12-27"}};
  for (const auto& [direction, value] : expected) {
    RunResult run =
        Run({"--date", "2024-12-30", "--untensed", direction, path});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    std::vector<json> records = ParseLines(run.out);
    ASSERT_EQ(records.size(), 1u) << run.out;
    EXPECT_EQ(records[0]["dates"][0]["value"], value) << direction;
  }
}

TEST_F(ParleyExtractTest, IdOptionNamesTheDocumentAndNoDateIsNull) {
  const std::string path = Write("story.txt", kStory);
  RunResult run = Run({"--id", "seed-1", path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 1u) << run.out;
  ExpectDocument(records[0], kStory);
  EXPECT_EQ(records[0]["id"], "seed-1");
  EXPECT_TRUE(records[0]["document_date"].is_null());
}

TEST_F(ParleyExtractTest, FilesAreProcessedInOrder) {
  const std::string a = Write("a.txt", kStory);
  const std::string b = Write("b.text.txt", "Dar met Muttaqi.");
  const std::string c = Write("c", "");
  RunResult run = Run({b, a, c});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 3u) << run.out;
  EXPECT_EQ(records[0]["id"], "b.text");
  EXPECT_EQ(records[1]["id"], "a");
  EXPECT_EQ(records[2]["id"], "c");
  ExpectDocument(records[0], "Dar met Muttaqi.");
  ExpectDocument(records[1], kStory);
  ExpectDocument(records[2], "");
}

TEST_F(ParleyExtractTest, StdinIsReadForDashOrNoFile) {
  const std::string path = Write("story.txt", kStory);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"-"}, std::vector<std::string>{}}) {
    RunResult run = Run(args, path);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    std::vector<json> records = ParseLines(run.out);
    ASSERT_EQ(records.size(), 1u) << run.out;
    ExpectDocument(records[0], kStory);
    EXPECT_EQ(records[0]["id"], "stdin");
  }
}

TEST_F(ParleyExtractTest, InvalidUtf8IsReportedAndOtherFilesProcessed) {
  const std::string bad = Write("bad.txt", "Dar met\xFF Muttaqi.");
  const std::string good = Write("good.txt", kStory);
  RunResult run = Run({bad, good});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, StartsWith("parley-extract: " + bad + ": "));
  EXPECT_THAT(run.err, HasSubstr("byte 7"));
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 2u) << run.out;
  EXPECT_EQ(records[0]["id"], "bad");
  EXPECT_THAT(records[0]["error"].get<std::string>(), HasSubstr("byte 7"));
  ExpectDocument(records[1], kStory);
  EXPECT_EQ(records[1]["id"], "good");
}

TEST_F(ParleyExtractTest, UnreadableFileIsReportedAndOtherFilesProcessed) {
  const std::string missing = (dir_ / "missing.txt").string();
  const std::string good = Write("good.txt", kStory);
  RunResult run = Run({missing, good});
  EXPECT_EQ(run.exit_code, 1);
  std::vector<std::string> errors = Lines(Diagnostics(run.err));
  ASSERT_EQ(errors.size(), 1u) << run.err;
  EXPECT_THAT(errors[0], StartsWith("parley-extract: " + missing + ": "));
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 2u) << run.out;
  EXPECT_EQ(records[0]["id"], "missing");
  EXPECT_TRUE(records[0]["error"].is_string());
  EXPECT_EQ(records[1]["id"], "good");
}

TEST_F(ParleyExtractTest, JsonLinesBadLinesGiveErrorRecordsInPlace) {
  const json good = {
      {"id", "a"}, {"document_date", "2025-03-24"}, {"text", kStory}};
  const std::vector<std::string> lines = {
      good.dump(),                                        // 1
      "not json",                                         // 2
      "",                                                 // 3: skipped
      R"({"id": "c", "document_date": null})",            // 4
      "{\"id\": \"d\", \"text\": \"caf\xFF\"}",           // 5
      R"({"id": "e", "text": "lone \ud800 surrogate"})",  // 6
      R"([1, 2])",                                        // 7
      R"({"id": "h", "text": "x", "document_date": 5})",  // 8
      "  \t\r",                                           // 9: skipped
      "{\"text\": \"Dar met Muttaqi.\"}\r",               // 10
      R"({"id": 11, "text": "x"})",                       // 11
      R"({"id": "l", "text": "x", "document_date": "24/03/2025"})",  // 12
  };
  std::string input;
  for (const std::string& line : lines) input += line + "\n";
  input.pop_back();  // the last line has no newline
  const std::string path = Write("lines.jsonl", input);
  RunResult run = Run({"--jsonl", path});
  EXPECT_EQ(run.exit_code, 1);

  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 10u) << run.out;
  ExpectDocument(records[0], kStory);
  EXPECT_EQ(records[0]["id"], "a");
  EXPECT_EQ(records[0]["document_date"], "2025-03-24");
  ExpectError(records[1], nullptr, 2);
  ExpectError(records[2], "c", 4);
  EXPECT_THAT(records[2]["error"].get<std::string>(), HasSubstr("text"));
  ExpectError(records[3], nullptr, 5);
  EXPECT_THAT(records[3]["error"].get<std::string>(), HasSubstr("UTF-8"));
  ExpectError(records[4], nullptr, 6);
  EXPECT_THAT(records[4]["error"].get<std::string>(), HasSubstr("surrogate"));
  ExpectError(records[5], nullptr, 7);
  EXPECT_THAT(records[5]["error"].get<std::string>(), HasSubstr("object"));
  ExpectError(records[6], "h", 8);
  EXPECT_THAT(records[6]["error"].get<std::string>(),
              HasSubstr("document_date"));
  ExpectDocument(records[7], "Dar met Muttaqi.");
  EXPECT_EQ(records[7]["id"], "lines:10");
  EXPECT_TRUE(records[7]["document_date"].is_null());
  ExpectError(records[8], nullptr, 11);
  EXPECT_THAT(records[8]["error"].get<std::string>(), HasSubstr("id"));
  ExpectError(records[9], "l", 12);

  std::vector<std::string> errors = Lines(Diagnostics(run.err));
  ASSERT_EQ(errors.size(), 8u) << run.err;
  int i = 0;
  for (int line : {2, 4, 5, 6, 7, 8, 11, 12}) {
    EXPECT_THAT(errors[i++],
                StartsWith(path + ":" + std::to_string(line) + ": "));
  }
}

TEST_F(ParleyExtractTest, JsonLinesDateOptionIsTheDefault) {
  const std::string path =
      Write("dates.jsonl",
            R"({"id": "own", "document_date": "2024-01-02", "text": "x"})"
            "\n"
            R"({"id": "none", "text": "x"})"
            "\n"
            R"({"id": "null", "document_date": null, "text": "x"})"
            "\n");
  RunResult run = Run({"--jsonl", "--date", "2025-03-24", path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 3u) << run.out;
  EXPECT_EQ(records[0]["document_date"], "2024-01-02");
  EXPECT_EQ(records[1]["document_date"], "2025-03-24");
  EXPECT_EQ(records[2]["document_date"], "2025-03-24");
}

TEST_F(ParleyExtractTest, JsonLinesFromStdinAndFilesInOrder) {
  const std::string first = Write("first.jsonl", R"({"text": "one"})"
                                                 "\n");
  const std::string second =
      Write("second.jsonl", R"({"id": "s1", "text": "two"})"
                            "\n"
                            R"({"id": "s2", "text": "three"})");
  RunResult run = Run({"--jsonl", first, "-"}, second);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 3u) << run.out;
  EXPECT_EQ(records[0]["id"], "first:1");
  EXPECT_EQ(records[1]["id"], "s1");
  EXPECT_EQ(records[2]["id"], "s2");

  run = Run({"--jsonl"}, second);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ParseLines(run.out).size(), 2u) << run.out;

  run = Run({"--jsonl"}, Write("empty.jsonl", ""));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
}

std::string Document(int i) {
  static const char* const kPeople[] = {"Ishaq Dar", "Amir Khan Muttaqi",
                                        "Antony Blinken", "Wang Yi",
                                        "Sergey Lavrov"};
  static const char* const kPlaces[] = {"Kabul", "Islamabad", "Beijing",
                                        "Moscow", "Washington"};
  return std::string(kPeople[i % 5]) + " met " + kPeople[(i + 2) % 5] + " in " +
         kPlaces[i % 5] + " on March " + std::to_string(1 + i % 28) +
         ", 2025, to discuss trade.\nThe " + kPlaces[(i + 1) % 5] +
         " talks \xE2\x80\x94 the " + std::to_string(i) + "th \xE2\x80\x94 " +
         std::string(static_cast<std::size_t>(i) * 37, ' ') + "ended.\n";
}

TEST_F(ParleyExtractTest, ThreadsDoNotChangeJsonLinesOutput) {
  std::string input;
  for (int i = 0; i < 50; ++i) {
    if (i % 13 == 5) {
      input += "{\"text\": \"broken\xC3\"}\n";
    } else {
      input += json({{"id", "doc-" + std::to_string(i)},
                     {"document_date", "2025-03-24"},
                     {"text", Document(i)}})
                   .dump() +
               "\n";
    }
  }
  const std::string path = Write("many.jsonl", input);
  RunResult one = Run({"--jsonl", "--threads", "1", path});
  RunResult four = Run({"--jsonl", "--threads", "4", path});
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(four.exit_code, 1);
  EXPECT_EQ(Lines(one.out).size(), 50u);
  EXPECT_EQ(one.out, four.out);
  EXPECT_EQ(Diagnostics(one.err), Diagnostics(four.err));
}

TEST_F(ParleyExtractTest, ThreadsDoNotChangeFileOutput) {
  std::vector<std::string> args = {"--date", "2025-03-24"};
  for (int i = 0; i < 50; ++i) {
    args.push_back(Write("doc" + std::to_string(i) + ".txt", Document(i)));
  }
  RunResult one = Run(args);
  args.insert(args.begin(), {"--threads", "4"});
  RunResult four = Run(args);
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(four.exit_code, 0) << four.err;
  std::vector<json> records = ParseLines(one.out);
  ASSERT_EQ(records.size(), 50u);
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(records[i]["id"], "doc" + std::to_string(i));
    ExpectDocument(records[i], Document(i));
  }
  EXPECT_EQ(one.out, four.out);
}

TEST_F(ParleyExtractTest, FormatJsonIsIndentedAndPrettyIsItsSynonym) {
  const std::string path = Write("story.txt", kStory);
  RunResult compact = Run({path});
  RunResult json_format = Run({"--format", "json", path});
  RunResult pretty = Run({"--pretty", path});
  EXPECT_EQ(json_format.exit_code, 0) << json_format.err;
  EXPECT_GT(Lines(json_format.out).size(), 1u);
  EXPECT_EQ(json::parse(json_format.out), json::parse(compact.out));
  EXPECT_EQ(pretty.out, json_format.out);
}

TEST_F(ParleyExtractTest, VersionAndHelp) {
  RunResult version = Run({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, "parley-extract " PARLEY_VERSION_STRING "\n");

  RunResult help = Run({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* option :
       {"--date", "--id", "--jsonl", "--format", "--pretty", "--threads",
        "--gazetteer", "--rules", "--version", "--explain", "--output-dir",
        "--quiet", "brat", "html", "*.txt", "*.jsonl"}) {
    EXPECT_THAT(help.out, HasSubstr(option));
  }
  EXPECT_EQ(help.err, "");
}

TEST_F(ParleyExtractTest, BadGazetteerIsReportedWithItsLine) {
  const std::string gazetteer =
      Write("extra.tsv", "# extra entries\nKandahar\tcity\n");
  const std::string story = Write("story.txt", kStory);
  RunResult run = Run({"--gazetteer", gazetteer, story});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, StartsWith("parley-extract: " + gazetteer + ":2:"));
}

TEST_F(ParleyExtractTest, ResourceOptionsTakeOneFileEach) {
  const std::string first =
      Write("first.tsv", "Kandahar\tcity\tKandahar\tcountry=AF\n");
  const std::string second = Write("second.tsv", "# nothing yet\n");
  const std::string story = Write("story.txt", kStory);
  RunResult run = Run({"--gazetteer", first, "--gazetteer", second, story});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 1u) << run.out;
  EXPECT_EQ(records[0]["id"], "story");
}

TEST_F(ParleyExtractTest, MissingGazetteerFileIsReported) {
  const std::string missing = (dir_ / "missing.tsv").string();
  RunResult run = Run({"--gazetteer", missing, Write("story.txt", kStory)});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, StartsWith("parley-extract: "));
  EXPECT_THAT(run.err, HasSubstr(missing));
}

TEST_F(ParleyExtractTest, MissingRulesFileIsReported) {
  const std::string missing = (dir_ / "missing.rules").string();
  RunResult run = Run({"--rules", missing, Write("story.txt", kStory)});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_THAT(run.err, StartsWith("parley-extract: "));
  EXPECT_THAT(run.err, HasSubstr(missing));
}

TEST_F(ParleyExtractTest, UsageErrorsExitWithTwo) {
  const std::string a = Write("a.txt", kStory);
  const std::string b = Write("b.txt", kStory);
  const std::vector<std::vector<std::string>> usages = {
      {"--no-such-option", a},
      {"--date", "2025-3-24", a},
      {"--date", "2025-02-30", a},
      {"--format", "pdf", a},
      {"--format", "brat", a, b},
      {"--format", "html", dir_.string()},
      {"--format", "html", "--jsonl", a},
      {"--output-dir", (dir_ / "out").string(), a},
      {"--explain", "--format", "brat", a},
      {"--threads", "0", a},
      {"--untensed", "sideways", a},
      {"--id", "x", a, b},
      {"--id", "x", "--jsonl", a},
      {"--pretty", "--format", "jsonl", a},
  };
  for (const std::vector<std::string>& args : usages) {
    RunResult run = Run(args);
    EXPECT_EQ(run.exit_code, 2) << ::testing::PrintToString(args);
    EXPECT_EQ(run.out, "") << ::testing::PrintToString(args);
    EXPECT_NE(run.err, "") << ::testing::PrintToString(args);
  }
}

// Reads every file of `dir`, by name.
std::map<std::string, std::string> ReadDirectory(
    const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    files[entry.path().filename().string()] = ReadFile(entry.path());
  }
  return files;
}

// A sentence whose brat offsets (code points) differ from its byte offsets.
constexpr char kSentence[] =
    "Pakistan\xE2\x80\x99s Foreign Minister Ishaq Dar met Afghan Acting "
    "Foreign Minister Amir Khan Muttaqi in Kabul on Saturday.";

TEST_F(ParleyExtractTest, SummaryLineCountsDocumentsRecordsAndErrors) {
  const std::string a = Write("a.txt", kStory);
  const std::string bad = Write("bad.txt", "caf\xFF");
  const std::string b = Write("b.txt", "Dar met Muttaqi.");
  RunResult run = Run({a, bad, b});
  EXPECT_EQ(run.exit_code, 1);
  std::size_t records = 0;
  std::size_t error_records = 0;
  for (const json& record : ParseLines(run.out)) {
    if (record.contains("error")) {
      ++error_records;
      continue;
    }
    for (const char* field :
         {"people", "countries", "offices", "dates", "meetings"}) {
      records += record.at(field).size();
    }
  }
  EXPECT_GT(records, 0u);
  EXPECT_EQ(error_records, 1u);
  std::smatch match;
  ASSERT_TRUE(std::regex_search(run.err, match, kSummary)) << run.err;
  EXPECT_EQ(match[1], "3");
  EXPECT_EQ(match[2], std::to_string(records));
  EXPECT_EQ(match[3], "1");
  // Not a terminal: no progress bar.
  EXPECT_THAT(run.err, Not(HasSubstr("\r")));

  RunResult quiet = Run({"--quiet", a, bad, b});
  EXPECT_EQ(quiet.exit_code, 1);
  EXPECT_EQ(quiet.out, run.out);
  EXPECT_EQ(quiet.err, Diagnostics(run.err));
}

TEST_F(ParleyExtractTest, ProgressBarOnlyOnATerminal) {
  std::vector<std::string> args;
  for (int i = 0; i < 5; ++i) {
    args.push_back(Write("doc" + std::to_string(i) + ".txt", kStory));
  }
  RunResult run = RunOnTerminal(args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ParseLines(run.out).size(), 5u);
  EXPECT_THAT(run.err, HasSubstr("\r\033[K"));
  EXPECT_THAT(run.err, HasSubstr(" MB/s"));
  EXPECT_THAT(run.err, HasSubstr(" left"));
  EXPECT_THAT(run.err, HasSubstr("parley-extract: 5 documents, "));

  args.insert(args.begin(), "--quiet");
  RunResult quiet = RunOnTerminal(args);
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
}

TEST_F(ParleyExtractTest, DirectoryGivesItsTextFilesInSortedOrder) {
  std::filesystem::create_directories(dir_ / "in" / "sub");
  // A directory named like a text file is looked into, not read.
  std::filesystem::create_directories(dir_ / "in" / "x.txt");
  Write("in/b.txt", "Dar met Muttaqi.");
  Write("in/a.txt", kStory);
  Write("in/sub/c.txt", "Wang Yi visited Kabul.");
  Write("in/notes.md", "not a document");
  Write("in/lines.jsonl", R"({"id": "j", "text": "x"})"
                          "\n");
  const std::string single = Write("single.txt", "Lavrov spoke.");
  RunResult run = Run({(dir_ / "in").string(), single});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 4u) << run.out;
  EXPECT_EQ(records[0]["id"], "a");
  EXPECT_EQ(records[1]["id"], "b");
  EXPECT_EQ(records[2]["id"], "sub/c");
  EXPECT_EQ(records[3]["id"], "single");
  ExpectDocument(records[0], kStory);
  ExpectDocument(records[2], "Wang Yi visited Kabul.");

  // With --jsonl a directory gives its *.jsonl files.
  RunResult lines = Run({"--jsonl", (dir_ / "in").string()});
  EXPECT_EQ(lines.exit_code, 0) << lines.err;
  records = ParseLines(lines.out);
  ASSERT_EQ(records.size(), 1u) << lines.out;
  EXPECT_EQ(records[0]["id"], "j");

  // An empty directory is no document, not an error.
  std::filesystem::create_directories(dir_ / "empty");
  RunResult empty = Run({(dir_ / "empty").string()});
  EXPECT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_EQ(empty.out, "");
  EXPECT_THAT(empty.err, HasSubstr("parley-extract: 0 documents, 0 records"));
}

TEST_F(ParleyExtractTest, ExplainNamesRulesAndGazetteerEntries) {
  const std::string path = Write("sentence.txt", kSentence);
  RunResult plain = Run({"--date", "2025-03-24", path});
  RunResult run = Run({"--explain", "--date", "2025-03-24", path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 1u) << run.out;
  const json& record = records[0];
  for (const char* field :
       {"people", "countries", "offices", "dates", "meetings"}) {
    ASSERT_FALSE(record[field].empty()) << field;
    for (const json& entity : record[field]) {
      const json& explain = entity.at("explain");
      EXPECT_EQ(explain.size(), 2u) << entity;
      EXPECT_TRUE(explain.at("rules").is_array()) << entity;
      EXPECT_TRUE(explain.at("gazetteer").is_array()) << entity;
      // Every mention's source is named, in one list or the other.
      if (!entity.contains("mentions")) continue;
      for (const json& mention : entity["mentions"]) {
        const json source = mention["source"];
        const bool named =
            std::find(explain["rules"].begin(), explain["rules"].end(),
                      source) != explain["rules"].end() ||
            std::find(explain["gazetteer"].begin(), explain["gazetteer"].end(),
                      source) != explain["gazetteer"].end();
        EXPECT_TRUE(named) << mention << " in " << entity;
      }
    }
  }
  EXPECT_THAT(
      record["countries"][0]["explain"]["gazetteer"][0].get<std::string>(),
      StartsWith("countries.tsv:"));
  EXPECT_THAT(record["people"][0]["explain"]["rules"][0].get<std::string>(),
              StartsWith("rule:"));
  EXPECT_EQ(record["meetings"][0]["explain"]["rules"],
            json::array({"rule:" + record["meetings"][0]["evidence"]["rule"]
                                       .get<std::string>()}));

  // Without --explain the records are the contract's, unchanged.
  json stripped = record;
  for (const char* field :
       {"people", "countries", "offices", "dates", "meetings"}) {
    for (json& entity : stripped[field]) entity.erase("explain");
  }
  EXPECT_EQ(stripped, json::parse(plain.out));
  EXPECT_THAT(plain.out, Not(HasSubstr("explain")));
}

TEST_F(ParleyExtractTest, BratOnStdoutUsesCodePointOffsets) {
  const std::string path = Write("sentence.txt", kSentence);
  RunResult run = Run({"--format", "brat", "--date", "2025-03-24", path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> annotations;
  for (const std::string& line : Lines(run.out)) {
    if (line[0] != '#') annotations.push_back(line);
  }
  EXPECT_THAT(
      annotations,
      ElementsAre("T1\tPerson 28 37\tIshaq Dar",
                  "T2\tPerson 73 90\tAmir Khan Muttaqi",
                  "T3\tCountry 0 8\tPakistan", "T4\tCountry 42 48\tAfghan",
                  "T5\tOffice 11 27\tForeign Minister",
                  "T6\tOffice 49 72\tActing Foreign Minister",
                  "T7\tDate 103 111\tSaturday",
                  std::string("T8\tMeeting 0 112\t") + kSentence,
                  "E1\tMeeting:T8 Participant:T1 Participant2:T2 "
                  "Date:T7"))
      << run.out;
}

TEST_F(ParleyExtractTest, HtmlOnStdout) {
  const std::string path = Write("sentence.txt", kSentence);
  RunResult run = Run({"--format", "html", "--date", "2025-03-24", path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, StartsWith("<!DOCTYPE html>\n"));
  EXPECT_THAT(run.out, HasSubstr("<title>sentence "));
  EXPECT_THAT(run.out, HasSubstr("<span class=\"mention person\" "
                                 "data-record=\"P1\" data-begin=\"30\" "
                                 "data-end=\"39\""));
  EXPECT_THAT(run.out, HasSubstr("<tr data-meeting=\"M1\">"));
  EXPECT_THAT(run.out, HasSubstr("</html>\n"));
}

TEST_F(ParleyExtractTest, OutputDirHoldsABratCollection) {
  std::filesystem::create_directories(dir_ / "in" / "sub");
  Write("in/story.txt", kStory);
  Write("in/sub/story.txt", kSentence);
  const std::filesystem::path out = dir_ / "out" / "brat";
  RunResult run = Run({"--format", "brat", "--output-dir", out.string(),
                       "--date", "2025-03-24", (dir_ / "in").string(),
                       (dir_ / "in" / "story.txt").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  std::map<std::string, std::string> files = ReadDirectory(out);
  std::vector<std::string> names;
  for (const auto& [name, content] : files) names.push_back(name);
  // "sub/story" becomes "sub_story"; the second "story" gets "-2".
  EXPECT_THAT(names, ElementsAre("annotation.conf", "story-2.ann",
                                 "story-2.txt", "story.ann", "story.txt",
                                 "sub_story.ann", "sub_story.txt"));
  EXPECT_EQ(files["story.txt"], kStory);
  EXPECT_EQ(files["sub_story.txt"], kSentence);
  EXPECT_THAT(files["sub_story.ann"],
              StartsWith("T1\tPerson 28 37\tIshaq Dar\n"));
  EXPECT_EQ(files["story.ann"], files["story-2.ann"]);
  EXPECT_THAT(files["annotation.conf"], HasSubstr("[entities]"));
}

TEST_F(ParleyExtractTest, OutputDirHtmlFromJsonLinesInOrderUnderThreads) {
  std::string input;
  for (int i = 0; i < 12; ++i) {
    if (i == 5) {
      input += "not json\n";
      continue;
    }
    input += json({{"id", "doc/" + std::to_string(i)},
                   {"document_date", "2025-03-24"},
                   {"text", Document(i)}})
                 .dump() +
             "\n";
  }
  const std::string path = Write("many.jsonl", input);
  const std::filesystem::path one = dir_ / "one";
  const std::filesystem::path four = dir_ / "four";
  RunResult run_one =
      Run({"--jsonl", "--format", "html", "--output-dir", one.string(), path});
  RunResult run_four = Run({"--jsonl", "--format", "html", "--threads", "4",
                            "--output-dir", four.string(), path});
  EXPECT_EQ(run_one.exit_code, 1);
  EXPECT_EQ(run_four.exit_code, 1);
  EXPECT_EQ(run_one.out, "");
  EXPECT_THAT(Diagnostics(run_one.err),
              StartsWith(path + ":6: not valid JSON"));
  std::map<std::string, std::string> files = ReadDirectory(one);
  EXPECT_EQ(files.size(), 11u);
  EXPECT_THAT(files["doc_0.html"], StartsWith("<!DOCTYPE html>"));
  EXPECT_EQ(files.count("doc_5.html"), 0u);
  EXPECT_EQ(files, ReadDirectory(four));
}

}  // namespace

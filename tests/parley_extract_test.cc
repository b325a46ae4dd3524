// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Tests of parley-extract as its users run it: the built tool is spawned on
// files in a temporary directory, and its stdout, stderr and exit status are
// checked against the command-line contract of SCHEMA.md: one record per
// document or line in input order, error records in place, exit statuses,
// identical output under --threads.
//
// They do not check what is extracted (the extractor's own tests do), only
// that every mention's offsets select its text in the input.

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "parley/version.h"

extern char** environ;

namespace {

using ::nlohmann::json;
using ::testing::HasSubstr;
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

  std::filesystem::path dir_;
};

TEST_F(ParleyExtractTest, PlainFileGivesOneRecord) {
  const std::string path = Write("story.txt", kStory);
  RunResult run = Run({"--date", "2025-03-24", path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 1u) << run.out;
  ExpectDocument(records[0], kStory);
  EXPECT_EQ(records[0]["id"], "story");
  EXPECT_EQ(records[0]["document_date"], "2025-03-24");
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
  ASSERT_EQ(records.size(), 1u) << run.out;
  ExpectDocument(records[0], kStory);
  EXPECT_EQ(records[0]["id"], "good");
}

TEST_F(ParleyExtractTest, UnreadableFileIsReportedAndOtherFilesProcessed) {
  const std::string missing = (dir_ / "missing.txt").string();
  const std::string good = Write("good.txt", kStory);
  RunResult run = Run({missing, good, dir_.string()});
  EXPECT_EQ(run.exit_code, 1);
  std::vector<std::string> errors = Lines(run.err);
  ASSERT_EQ(errors.size(), 2u) << run.err;
  EXPECT_THAT(errors[0], StartsWith("parley-extract: " + missing + ": "));
  EXPECT_THAT(errors[1], StartsWith("parley-extract: " + dir_.string() + ": "));
  std::vector<json> records = ParseLines(run.out);
  ASSERT_EQ(records.size(), 1u) << run.out;
  EXPECT_EQ(records[0]["id"], "good");
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

  std::vector<std::string> errors = Lines(run.err);
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
  EXPECT_EQ(one.err, four.err);
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
        "--gazetteer", "--rules", "--version"}) {
    EXPECT_THAT(help.out, HasSubstr(option));
  }
  EXPECT_THAT(help.out, Not(HasSubstr("brat")));
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
      {"--format", "brat", a},
      {"--format", "html", a},
      {"--threads", "0", a},
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

}  // namespace

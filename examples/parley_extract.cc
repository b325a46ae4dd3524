// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// parley-extract: the command-line extraction tool.  It reads plain-text
// documents (one per FILE) or JSON Lines ({"id", "document_date", "text"} per
// line) and writes one JSON record per document to stdout, in input order, in
// the form of SCHEMA.md (parley::ToJson).
//
//   parley-extract --date 2025-03-24 story.txt
//   parley-extract --jsonl --threads 8 corpus.jsonl > records.jsonl
//
// Only records go to stdout; diagnostics go to stderr.  An input that cannot
// be read or extracted is reported and the rest are still processed.  Exit
// status: 0 when every document was extracted, 1 when some input failed, 2
// for a usage error or gazetteers or rules that do not load.
//
// With --threads N, N workers share one Extractor and at most 4*N documents
// are in flight, so memory is bounded by the largest documents, not by the
// input; the output is byte-identical to a run with one thread.
//
// It does not write the brat or HTML views of SCHEMA.md, nor explain its
// decisions (--explain).

#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "parley/extractor.h"
#include "parley/json.h"
#include "parley/records.h"
#include "parley/status.h"
#include "parley/version.h"

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// The name of stdin in diagnostics, and the id of a document read from it.
constexpr std::string_view kStdinName = "<stdin>";
constexpr std::string_view kStdinId = "stdin";

// Documents in flight per worker thread: enough to keep every worker busy
// while the oldest document holds up the output.
constexpr std::size_t kWindowPerThread = 4;

struct Settings {
  std::vector<std::string> files;
  std::string date;
  std::string id;
  bool jsonl = false;
  std::string format = "jsonl";
  bool pretty = false;
  int threads = 1;
  std::vector<std::string> gazetteers;
  std::vector<std::string> rules;
};

// What one input unit (a document, a line, an unreadable file) produces: a
// record for stdout and a diagnostic for stderr, either possibly empty.
struct Outcome {
  std::string record;
  std::string diagnostic;
  bool failed = false;
};

// "YYYY-MM-DD" naming a real day.  Checked up front so that a bad --date is
// a usage error rather than the failure of every document.
bool IsCalendarDate(std::string_view value) {
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return false;
  unsigned fields[3] = {0, 0, 0};
  int field = 0;
  for (char c : value) {
    if (c == '-') {
      ++field;
    } else if (c >= '0' && c <= '9') {
      fields[field] = fields[field] * 10 + static_cast<unsigned>(c - '0');
    } else {
      return false;
    }
  }
  const std::chrono::year_month_day day{
      std::chrono::year(static_cast<int>(fields[0])),
      std::chrono::month(fields[1]), std::chrono::day(fields[2])};
  return day.ok();
}

using FilePtr = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

// Opens a FILE argument for reading bytes as they are; "-" is stdin, which
// stays open.  Null when the file cannot be opened, with errno saying why.
FilePtr OpenInput(const std::string& path) {
  if (path == "-") return FilePtr(stdin, [](std::FILE*) { return 0; });
  return FilePtr(std::fopen(path.c_str(), "rb"),
                 [](std::FILE* file) { return std::fclose(file); });
}

std::string DisplayName(const std::string& path) {
  return path == "-" ? std::string(kStdinName) : path;
}

// A document's default id: its file's base name without the extension.
std::string DefaultId(const std::string& path) {
  if (path == "-") return std::string(kStdinId);
  return std::filesystem::path(path).stem().string();
}

// Reads the rest of `file` into `text`.  Refuses input longer than `limit`
// without reading further, since the Extractor would refuse it anyway.
parley::Status ReadDocument(std::FILE* file, std::size_t limit,
                            std::string* text) {
  char buffer[1 << 16];
  std::size_t length;
  while ((length = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (text->size() + length > limit) {
      return parley::Status(
          parley::StatusCode::kInvalidDocument,
          fmt::format("document is longer than the limit of {} bytes", limit));
    }
    text->append(buffer, length);
  }
  if (std::ferror(file)) {
    return parley::Status(parley::StatusCode::kIoError, std::strerror(errno));
  }
  return parley::OkStatus();
}

// Reads lines of any length, one at a time, so that memory is bounded by the
// longest line rather than by the input.
class LineReader {
 public:
  explicit LineReader(std::FILE* file) : file_(file) {}
  ~LineReader() { std::free(buffer_); }
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its '\n'; nullopt at the end of the input or on a
  // read error, which std::ferror tells apart.
  std::optional<std::string> Next() {
    ssize_t length = ::getline(&buffer_, &capacity_, file_);
    if (length < 0) return std::nullopt;
    if (length > 0 && buffer_[length - 1] == '\n') --length;
    return std::string(buffer_, static_cast<std::size_t>(length));
  }

 private:
  std::FILE* file_;
  char* buffer_ = nullptr;  // owned by getline's malloc
  std::size_t capacity_ = 0;
};

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// nlohmann quotes the bytes it stopped at, which may be the very invalid
// UTF-8 a line is refused for; replacing them with U+FFFD keeps the message
// valid UTF-8, fit for a JSON error record.
std::string ValidUtf8(const std::string& text) {
  return nlohmann::json::parse(
             nlohmann::json(text).dump(
                 -1, ' ', false, nlohmann::json::error_handler_t::replace))
      .get<std::string>();
}

// Extracts one plain-text document.  A failure is reported on stderr only:
// the ids of the records on stdout already say which documents they are.
Outcome ExtractDocument(const parley::Extractor& extractor,
                        const parley::JsonOptions& json_options,
                        const std::string& name, const std::string& text,
                        const parley::DocumentInfo& info) {
  Outcome outcome;
  parley::Result<parley::Document> document = extractor.Extract(text, info);
  if (!document.ok()) {
    outcome.diagnostic = fmt::format("parley-extract: {}: {}\n", name,
                                     document.status().ToString());
    outcome.failed = true;
    return outcome;
  }
  outcome.record = parley::ToJson(*document, json_options) + "\n";
  return outcome;
}

// Extracts the document of one JSON Lines line.  A failure gives an error
// record in the line's place, so that output line k still answers input
// record k.
Outcome ExtractLine(const parley::Extractor& extractor,
                    const parley::JsonOptions& json_options,
                    const std::string& name, const std::string& base_id,
                    std::int64_t line_number, const std::string& line,
                    const std::string& default_date) {
  nlohmann::ordered_json id;  // null until the line names one
  auto fail = [&](const std::string& reason) {
    nlohmann::ordered_json error = {
        {"id", id}, {"line", line_number}, {"error", reason}};
    Outcome outcome;
    outcome.record = error.dump(json_options.pretty ? 2 : -1) + "\n";
    outcome.diagnostic = fmt::format("{}:{}: {}\n", name, line_number, reason);
    outcome.failed = true;
    return outcome;
  };

  nlohmann::json object;
  try {
    object = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    // what() is "[json.exception.parse_error.101] parse error at ...".
    std::string_view what = e.what();
    if (std::size_t end = what.find("] "); end != std::string_view::npos) {
      what.remove_prefix(end + 2);
    }
    return fail("not valid JSON: " + ValidUtf8(std::string(what)));
  }
  if (!object.is_object()) return fail("not a JSON object");

  parley::DocumentInfo info;
  info.id = fmt::format("{}:{}", base_id, line_number);
  info.document_date = default_date;
  if (auto it = object.find("id"); it != object.end() && !it->is_null()) {
    if (!it->is_string()) return fail("\"id\" is not a string");
    info.id = it->get<std::string>();
    id = info.id;
  }
  auto text = object.find("text");
  if (text == object.end() || !text->is_string()) {
    return fail("no \"text\" string");
  }
  if (auto it = object.find("document_date");
      it != object.end() && !it->is_null()) {
    if (!it->is_string()) return fail("\"document_date\" is not a string");
    info.document_date = it->get<std::string>();
  }

  parley::Result<parley::Document> document =
      extractor.Extract(text->get_ref<const std::string&>(), info);
  if (!document.ok()) return fail(document.status().ToString());
  Outcome outcome;
  outcome.record = parley::ToJson(*document, json_options) + "\n";
  return outcome;
}

// Runs jobs on worker threads and hands their outcomes to `emit`, on the
// calling thread, in the order the jobs were submitted.  At most
// kWindowPerThread jobs per thread are in flight: Submit() blocks on the
// oldest beyond that.  With one thread each job runs at once, on the calling
// thread.
class OrderedRunner {
 public:
  OrderedRunner(int threads, std::function<void(const Outcome&)> emit)
      : emit_(std::move(emit)),
        window_(kWindowPerThread * static_cast<std::size_t>(threads)) {
    if (threads > 1) {
      for (int i = 0; i < threads; ++i)
        workers_.emplace_back([this] { Work(); });
    }
  }

  ~OrderedRunner() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    queued_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }

  OrderedRunner(const OrderedRunner&) = delete;
  OrderedRunner& operator=(const OrderedRunner&) = delete;

  void Submit(std::function<Outcome()> job) {
    if (workers_.empty()) {
      emit_(job());
      return;
    }
    std::packaged_task<Outcome()> task(std::move(job));
    in_flight_.push_back(task.get_future());
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(std::move(task));
    }
    queued_.notify_one();
    while (in_flight_.size() >= window_) EmitOldest();
  }

  // Emits the outcomes of all submitted jobs.
  void Finish() {
    while (!in_flight_.empty()) EmitOldest();
  }

 private:
  void EmitOldest() {
    emit_(in_flight_.front().get());
    in_flight_.pop_front();
  }

  void Work() {
    for (;;) {
      std::packaged_task<Outcome()> task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        queued_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      task();
    }
  }

  const std::function<void(const Outcome&)> emit_;
  const std::size_t window_;
  std::deque<std::future<Outcome>> in_flight_;  // calling thread only

  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<std::packaged_task<Outcome()>> queue_;  // guarded by mutex_
  bool stopping_ = false;                            // guarded by mutex_
  std::vector<std::thread> workers_;
};

Outcome ReadFailure(const std::string& path, const parley::Status& status) {
  Outcome outcome;
  outcome.diagnostic = fmt::format("parley-extract: {}: {}\n",
                                   DisplayName(path), status.ToString());
  outcome.failed = true;
  return outcome;
}

parley::Status ErrnoStatus() {
  return parley::Status(parley::StatusCode::kIoError, std::strerror(errno));
}

// An input that could not be read takes its place in the output order.
void SubmitReadFailure(const std::string& path, const parley::Status& status,
                       OrderedRunner& runner) {
  Outcome failure = ReadFailure(path, status);
  runner.Submit([failure] { return failure; });
}

void RunDocuments(const Settings& settings, const parley::Extractor& extractor,
                  const parley::JsonOptions& json_options,
                  OrderedRunner& runner) {
  for (const std::string& path : settings.files) {
    FilePtr file = OpenInput(path);
    if (file == nullptr) {
      SubmitReadFailure(path, ErrnoStatus(), runner);
      continue;
    }
    std::string text;
    parley::Status read =
        ReadDocument(file.get(), extractor.options().max_document_bytes, &text);
    if (!read.ok()) {
      SubmitReadFailure(path, read, runner);
      continue;
    }
    parley::DocumentInfo info;
    info.id = settings.id.empty() ? DefaultId(path) : settings.id;
    info.document_date = settings.date;
    runner.Submit([&extractor, &json_options, name = DisplayName(path),
                   text = std::move(text), info = std::move(info)] {
      return ExtractDocument(extractor, json_options, name, text, info);
    });
  }
}

void RunJsonLines(const Settings& settings, const parley::Extractor& extractor,
                  const parley::JsonOptions& json_options,
                  OrderedRunner& runner) {
  for (const std::string& path : settings.files) {
    FilePtr file = OpenInput(path);
    if (file == nullptr) {
      SubmitReadFailure(path, ErrnoStatus(), runner);
      continue;
    }
    const std::string name = DisplayName(path);
    const std::string base_id = DefaultId(path);
    LineReader reader(file.get());
    std::int64_t line_number = 0;
    while (std::optional<std::string> line = reader.Next()) {
      ++line_number;
      if (IsBlank(*line)) continue;
      runner.Submit([&extractor, &json_options, &settings, name, base_id,
                     line_number, line = std::move(*line)] {
        return ExtractLine(extractor, json_options, name, base_id, line_number,
                           line, settings.date);
      });
    }
    if (std::ferror(file.get())) {
      SubmitReadFailure(path, ErrnoStatus(), runner);
    }
  }
}

int Run(int argc, char** argv) {
  Settings settings;
  CLI::App app{
      "Extracts people, countries, offices, dates and meetings from English "
      "news text and prints them as JSON records, one per document, in input "
      "order.",
      "parley-extract"};
  app.set_version_flag("--version",
                       std::string("parley-extract ") + PARLEY_VERSION_STRING);
  app.add_option("FILE", settings.files,
                 "Input files: plain-text documents, or JSON Lines with "
                 "--jsonl. '-' or none reads stdin.")
      ->type_name("");
  app.add_option("--date", settings.date,
                 "The documents' date, against which relative dates are "
                 "resolved; in JSON Lines, for lines without one.")
      ->check(CLI::Validator(
          [](std::string& value) {
            return IsCalendarDate(value)
                       ? std::string()
                       : "not a YYYY-MM-DD calendar date: " + value;
          },
          ""))
      ->type_name("YYYY-MM-DD");
  CLI::Option* jsonl = app.add_flag(
      "--jsonl", settings.jsonl,
      "Read JSON Lines, one {\"id\", \"document_date\", \"text\"} object a "
      "line, and print one record a line in its place; a bad line gives "
      "{\"id\", \"line\", \"error\"}.");
  app.add_option("--id", settings.id,
                 "The document's id, for a single plain-text input (default: "
                 "the file's base name without extension, 'stdin' for stdin).")
      ->type_name("ID")
      ->excludes(jsonl);
  CLI::Option* format =
      app.add_option("--format", settings.format,
                     "jsonl: one record a line; json: indented records.")
          ->type_name("FORMAT")
          ->check(CLI::IsMember({"jsonl", "json"}))
          ->capture_default_str();
  app.add_flag("--pretty", settings.pretty, "The same as --format json.")
      ->excludes(format);
  app.add_option("--threads", settings.threads,
                 "Extract this many documents at a time.")
      ->type_name("N")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  app.add_option("--gazetteer", settings.gazetteers,
                 "An extra TSV gazetteer, loaded after the built-in ones "
                 "(repeatable).")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.add_option("--rules", settings.rules,
                 "An extra rule file, loaded after the built-in ones "
                 "(repeatable).")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app.footer(
      "In JSON Lines a line without an id gets FILE:LINE, with FILE the base "
      "name of its file.\nExit status: 0 when every document was extracted, "
      "1 when some input failed (the rest are still processed), 2 for a "
      "usage error or gazetteers or rules that do not load.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitUsage;
  }
  if (!settings.id.empty() && settings.files.size() > 1) {
    fmt::print(stderr, "parley-extract: --id names one document, not {}\n",
               settings.files.size());
    return kExitUsage;
  }
  if (settings.files.empty()) settings.files.push_back("-");

  parley::ExtractorOptions options;
  options.gazetteer_files = settings.gazetteers;
  options.rule_files = settings.rules;
  parley::Result<parley::Extractor> extractor =
      parley::Extractor::Create(options);
  if (!extractor.ok()) {
    fmt::print(stderr, "parley-extract: {}\n", extractor.status().ToString());
    return kExitUsage;
  }

  const parley::JsonOptions json_options{.pretty = settings.pretty ||
                                                   settings.format == "json"};
  bool failed = false;
  {
    OrderedRunner runner(settings.threads, [&failed](const Outcome& outcome) {
      std::fwrite(outcome.record.data(), 1, outcome.record.size(), stdout);
      std::fwrite(outcome.diagnostic.data(), 1, outcome.diagnostic.size(),
                  stderr);
      failed = failed || outcome.failed;
    });
    if (settings.jsonl) {
      RunJsonLines(settings, *extractor, json_options, runner);
    } else {
      RunDocuments(settings, *extractor, json_options, runner);
    }
    runner.Finish();
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    fmt::print(stderr, "parley-extract: cannot write the output: {}\n",
               std::strerror(errno));
    return kExitFailure;
  }
  return failed ? kExitFailure : 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Parley reports its errors as values; what can still throw here is the
  // standard library running out of memory or threads.
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    fmt::print(stderr, "parley-extract: {}\n", e.what());
    return kExitFailure;
  }
}

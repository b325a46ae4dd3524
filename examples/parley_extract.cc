// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// parley-extract: the command-line extraction tool.  It reads plain-text
// documents (one per FILE) or JSON Lines ({"id", "document_date", "text"} per
// line) and writes one record per document, in input order, in one of four
// views:
//
//   jsonl  one JSON object a line, the record contract of SCHEMA.md
//          (parley::ToJson); the default
//   json   the same, indented
//   brat   brat standoff annotations (parley::ToBrat)
//   html   a self-contained page with the article highlighted and a table
//          of meetings (parley::ToHtml)
//
//   parley-extract --date 2025-03-24 story.txt
//   parley-extract --jsonl --threads 8 corpus.jsonl > records.jsonl
//   parley-extract --format html --output-dir review/ stories/
//
// A directory argument stands for the regular files under it, recursively,
// in sorted path order: *.txt files for plain text, *.jsonl files with
// --jsonl.  Their ids are their paths under the directory without the
// extension ("2025/march/story").
//
// JSON views go to stdout.  The brat and HTML views of a single plain-text
// document go to stdout too; with --output-dir DIR every document becomes
// DIR/ID.html, or DIR/ID.ann beside a copy of its text DIR/ID.txt and one
// DIR/annotation.conf, the collection brat opens.
//
// Only records go to stdout; diagnostics go to stderr, and at the end a
// one-line summary ("parley-extract: 15 documents, 312 records, 0 errors in
// 0.4 s"), with a progress bar before it when stderr is a terminal
// (--quiet: neither).  An input that cannot be read or extracted is reported
// and the rest are still processed.  Exit status: 0 when every document was
// extracted, 1 when some input failed, 2 for a usage error or gazetteers or
// rules that do not load.
//
// With --threads N, N workers share one Extractor and at most 4*N documents
// are in flight, so memory is bounded by the largest documents, not by the
// input; the output is byte-identical to a run with one thread.  JSON Lines
// from stdin to stdout make it a Hadoop Streaming mapper or a Spark
// RDD.pipe command as it is.
//
// --explain adds to every JSON record the rules and gazetteer entries
// behind it (parley::JsonOptions::explain); the brat and HTML views always
// name them.

#include <fmt/core.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
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
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "jsonl_reader.h"
#include "parley/brat.h"
#include "parley/extractor.h"
#include "parley/html.h"
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

// Batches of documents in flight per worker thread: enough to keep every
// worker busy while the oldest batch holds up the output.
constexpr std::size_t kWindowPerThread = 4;

// A batch ends at this many documents or bytes of input, whichever comes
// first (a longer document is a batch of its own).
constexpr std::size_t kBatchDocuments = 16;
constexpr std::size_t kBatchBytes = 64 << 10;

// The progress bar is redrawn at most this often.
constexpr std::chrono::milliseconds kProgressInterval(100);

enum class View { kJsonLines, kJson, kBrat, kHtml };

struct Settings {
  std::vector<std::string> files;
  std::string date;
  std::string untensed = "past";
  std::string id;
  bool jsonl = false;
  std::string format = "jsonl";
  bool pretty = false;
  bool explain = false;
  std::string output_dir;
  bool quiet = false;
  int threads = 1;
  std::vector<std::string> gazetteers;
  std::vector<std::string> rules;
};

// How records are written.
struct Output {
  View view = View::kJsonLines;
  parley::JsonOptions json;
  // Each document's text goes with its record, to be written beside it
  // (brat's DOC.txt).
  bool keep_text = false;
};

// One input: a FILE argument or a file found under a directory argument.
struct Input {
  std::string path;  // "-" for stdin
  std::string id;    // the document's default id, or a JSON Lines base id
  std::optional<parley::Status> error;  // why the input cannot be listed
};

// What one input unit (a document, a line, an unreadable file) produces: a
// record for the output and a diagnostic for stderr, either possibly empty.
struct Outcome {
  std::string record;
  std::string diagnostic;
  bool failed = false;
  std::string id;    // the document's id, naming its files in --output-dir
  std::string text;  // the document's text, with Output::keep_text
  std::size_t records = 0;  // people, countries, ... meetings
  std::uint64_t bytes = 0;  // input read for it, for the progress bar
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

parley::Status ErrnoStatus() {
  return parley::Status(parley::StatusCode::kIoError, std::strerror(errno));
}

parley::Status ErrorCodeStatus(const std::error_code& error) {
  return parley::Status(parley::StatusCode::kIoError, error.message());
}

// The inputs of the FILE arguments, directories expanded: their regular
// files whose names end in `extension`, recursively, in sorted path order
// so that the output does not depend on the file system's order.
std::vector<Input> ListInputs(const std::vector<std::string>& arguments,
                              std::string_view extension) {
  namespace fs = std::filesystem;
  std::vector<Input> inputs;
  for (const std::string& argument : arguments) {
    std::error_code error;
    if (argument == "-" || !fs::is_directory(argument, error)) {
      // A file's id is its base name without the extension.
      inputs.push_back(Input{argument,
                             argument == "-"
                                 ? std::string(kStdinId)
                                 : fs::path(argument).stem().string(),
                             std::nullopt});
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(argument, error), end;
    for (; !error && it != end; it.increment(error)) {
      const fs::path& path = it->path();
      if (path.extension() == extension && it->is_regular_file(error)) {
        found.push_back(path);
      }
    }
    if (error) {
      inputs.push_back(Input{argument, "", ErrorCodeStatus(error)});
      continue;
    }
    std::sort(found.begin(), found.end());
    for (const fs::path& path : found) {
      fs::path id = path.lexically_relative(argument);
      id.replace_extension();
      inputs.push_back(Input{path.string(), id.generic_string(), std::nullopt});
    }
  }
  return inputs;
}

// The bytes the inputs hold, for the time left; unknown when one of them is
// stdin or not a regular file.
std::optional<std::uint64_t> TotalBytes(const std::vector<Input>& inputs) {
  std::uint64_t total = 0;
  for (const Input& input : inputs) {
    if (input.error) continue;
    std::error_code error;
    if (input.path == "-" ||
        !std::filesystem::is_regular_file(input.path, error)) {
      return std::nullopt;
    }
    const std::uintmax_t size = std::filesystem::file_size(input.path, error);
    if (error) return std::nullopt;
    total += size;
  }
  return total;
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
  if (std::ferror(file)) return ErrnoStatus();
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

std::size_t RecordCount(const parley::Document& document) {
  return document.people.size() + document.countries.size() +
         document.offices.size() + document.dates.size() +
         document.meetings.size();
}

// The outcome of a document extracted from `text`: its record in the view
// of `output`.
Outcome DocumentOutcome(const parley::Document& document, std::string_view text,
                        const Output& output) {
  Outcome outcome;
  switch (output.view) {
    case View::kJsonLines:
    case View::kJson:
      outcome.record = parley::ToJson(document, output.json) + "\n";
      break;
    case View::kBrat:
      outcome.record = parley::ToBrat(document, text);
      break;
    case View::kHtml:
      outcome.record = parley::ToHtml(document, text);
      break;
  }
  outcome.id = document.id;
  if (output.keep_text) outcome.text = std::string(text);
  outcome.records = RecordCount(document);
  return outcome;
}

// Extracts one plain-text document.  A failure is reported on stderr and,
// in the JSON views, by an error record {"id", "error"} in the document's
// place, so that no input goes without a record saying what became of it.
Outcome ExtractDocument(const parley::Extractor& extractor,
                        const Output& output, const std::string& name,
                        const std::string& text,
                        const parley::DocumentInfo& info) {
  parley::Result<parley::Document> document = extractor.Extract(text, info);
  Outcome outcome;
  if (document.ok()) {
    outcome = DocumentOutcome(*document, text, output);
  } else {
    const std::string reason = document.status().ToString();
    if (output.view == View::kJsonLines || output.view == View::kJson) {
      nlohmann::ordered_json error = {{"id", info.id}, {"error", reason}};
      outcome.record = error.dump(output.json.pretty ? 2 : -1) + "\n";
    }
    outcome.diagnostic = fmt::format("parley-extract: {}: {}\n", name, reason);
    outcome.failed = true;
  }
  outcome.bytes = text.size();
  return outcome;
}

// Extracts the document of one JSON Lines line.  A failure gives an error
// record in the line's place in the JSON views, so that output line k still
// answers input record k; the brat and HTML views, one file a document,
// have no place for it.
Outcome ExtractLine(const parley::Extractor& extractor, const Output& output,
                    const std::string& name, const std::string& base_id,
                    std::int64_t line_number, const std::string& line,
                    const std::string& default_date) {
  parley::JsonLine record;
  const parley::Status parsed = parley::ParseJsonLine(line, &record);
  auto fail = [&](const std::string& reason) {
    Outcome outcome;
    if (output.view == View::kJsonLines || output.view == View::kJson) {
      nlohmann::ordered_json error = {
          {"id", record.id ? nlohmann::ordered_json(*record.id)
                           : nlohmann::ordered_json()},
          {"line", line_number},
          {"error", reason}};
      outcome.record = error.dump(output.json.pretty ? 2 : -1) + "\n";
    }
    outcome.diagnostic = fmt::format("{}:{}: {}\n", name, line_number, reason);
    outcome.failed = true;
    outcome.bytes = line.size() + 1;
    return outcome;
  };
  if (!parsed.ok()) return fail(parsed.message());

  parley::DocumentInfo info;
  info.id = record.id.value_or(fmt::format("{}:{}", base_id, line_number));
  info.document_date = record.document_date.value_or(default_date);
  parley::Result<parley::Document> document =
      extractor.Extract(record.text, info);
  if (!document.ok()) return fail(document.status().ToString());
  Outcome outcome = DocumentOutcome(*document, record.text, output);
  outcome.bytes = line.size() + 1;
  return outcome;
}

// Runs jobs on worker threads and hands their outcomes to `emit`, on the
// calling thread, in the order the jobs were submitted.  Jobs go to the
// workers in batches (kBatchDocuments, kBatchBytes), so that the threads
// meet once a batch rather than once a document: waking the calling
// thread for each 2 KB story cost two threads a tenth more CPU time than
// one.  At most kWindowPerThread batches per thread are in flight: Submit()
// blocks on the oldest beyond that.  With one thread each job runs at once,
// on the calling thread.
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

  // Submits a job that reads `bytes` bytes of input.
  void Submit(std::function<Outcome()> job, std::size_t bytes) {
    if (workers_.empty()) {
      emit_(job());
      return;
    }
    batch_.push_back(std::move(job));
    batch_bytes_ += bytes;
    if (batch_.size() >= kBatchDocuments || batch_bytes_ >= kBatchBytes) {
      QueueBatch();
    }
  }

  // Emits the outcomes of all submitted jobs.
  void Finish() {
    if (!batch_.empty()) QueueBatch();
    while (!in_flight_.empty()) EmitOldest();
  }

 private:
  using Batch = std::vector<std::function<Outcome()>>;

  void QueueBatch() {
    std::packaged_task<std::vector<Outcome>()> task(
        [jobs = std::exchange(batch_, Batch())] {
          std::vector<Outcome> outcomes;
          outcomes.reserve(jobs.size());
          for (const std::function<Outcome()>& job : jobs) {
            outcomes.push_back(job());
          }
          return outcomes;
        });
    batch_bytes_ = 0;
    in_flight_.push_back(task.get_future());
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(std::move(task));
    }
    queued_.notify_one();
    while (in_flight_.size() >= window_) EmitOldest();
  }

  void EmitOldest() {
    for (const Outcome& outcome : in_flight_.front().get()) emit_(outcome);
    in_flight_.pop_front();
  }

  void Work() {
    for (;;) {
      std::packaged_task<std::vector<Outcome>()> task;
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
  // Calling thread only: the batch being filled, and those in flight.
  Batch batch_;
  std::size_t batch_bytes_ = 0;
  std::deque<std::future<std::vector<Outcome>>> in_flight_;

  std::mutex mutex_;
  std::condition_variable queued_;
  // Guarded by mutex_.
  std::deque<std::packaged_task<std::vector<Outcome>()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// The id of a plain-text document: --id, or its file's.
std::string DocumentId(const Settings& settings, const Input& input) {
  return settings.id.empty() ? input.id : settings.id;
}

// An input that could not be read takes its place in the output order: a
// diagnostic and, in the JSON views, an error record {"id", "error"}.
void SubmitReadFailure(const std::string& path, const std::string& id,
                       const parley::Status& status, const Output& output,
                       OrderedRunner& runner) {
  Outcome failure;
  const std::string reason = status.ToString();
  if (output.view == View::kJsonLines || output.view == View::kJson) {
    nlohmann::ordered_json error = {{"id", id}, {"error", reason}};
    failure.record = error.dump(output.json.pretty ? 2 : -1) + "\n";
  }
  failure.diagnostic =
      fmt::format("parley-extract: {}: {}\n", DisplayName(path), reason);
  failure.failed = true;
  runner.Submit([failure] { return failure; }, 0);
}

void RunDocuments(const std::vector<Input>& inputs, const Settings& settings,
                  const parley::Extractor& extractor, const Output& output,
                  OrderedRunner& runner) {
  for (const Input& input : inputs) {
    if (input.error) {
      SubmitReadFailure(input.path, DocumentId(settings, input), *input.error,
                        output, runner);
      continue;
    }
    FilePtr file = OpenInput(input.path);
    if (file == nullptr) {
      SubmitReadFailure(input.path, DocumentId(settings, input), ErrnoStatus(),
                        output, runner);
      continue;
    }
    std::string text;
    parley::Status read =
        ReadDocument(file.get(), extractor.options().max_document_bytes, &text);
    if (!read.ok()) {
      SubmitReadFailure(input.path, DocumentId(settings, input), read, output,
                        runner);
      continue;
    }
    parley::DocumentInfo info;
    info.id = DocumentId(settings, input);
    info.document_date = settings.date;
    const std::size_t bytes = text.size();
    runner.Submit(
        [&extractor, &output, name = DisplayName(input.path),
         text = std::move(text), info = std::move(info)] {
          return ExtractDocument(extractor, output, name, text, info);
        },
        bytes);
  }
}

void RunJsonLines(const std::vector<Input>& inputs, const Settings& settings,
                  const parley::Extractor& extractor, const Output& output,
                  OrderedRunner& runner) {
  for (const Input& input : inputs) {
    if (input.error) {
      SubmitReadFailure(input.path, input.id, *input.error, output, runner);
      continue;
    }
    FilePtr file = OpenInput(input.path);
    if (file == nullptr) {
      SubmitReadFailure(input.path, input.id, ErrnoStatus(), output, runner);
      continue;
    }
    const std::string name = DisplayName(input.path);
    LineReader reader(file.get());
    std::int64_t line_number = 0;
    while (std::optional<std::string> line = reader.Next()) {
      ++line_number;
      if (IsBlank(*line)) continue;
      const std::size_t bytes = line->size() + 1;
      runner.Submit(
          [&extractor, &output, &settings, name, base_id = input.id,
           line_number, line = std::move(*line)] {
            return ExtractLine(extractor, output, name, base_id, line_number,
                               line, settings.date);
          },
          bytes);
    }
    if (std::ferror(file.get())) {
      SubmitReadFailure(input.path, input.id, ErrnoStatus(), output, runner);
    }
  }
}

// Writes each document's view to its own files in a directory: ID.html, or
// ID.ann and ID.txt.  Ids become file names with anything but letters,
// digits, '.', '_' and '-' replaced by '_'; a name already taken in this run
// gets "-2", "-3", ... so that no document overwrites another.
class DirectoryOutput {
 public:
  DirectoryOutput(std::filesystem::path dir, View view)
      : dir_(std::move(dir)), view_(view) {}

  // Creates the directory and, for brat, its annotation.conf.
  parley::Status Open() {
    std::error_code error;
    std::filesystem::create_directories(dir_, error);
    if (error) return ErrorCodeStatus(error);
    if (view_ == View::kBrat) {
      return WriteFile(dir_ / "annotation.conf", parley::BratAnnotationConf());
    }
    return parley::OkStatus();
  }

  parley::Status Write(const Outcome& outcome) {
    const std::string name = UniqueName(outcome.id);
    if (view_ == View::kHtml) {
      return WriteFile(dir_ / (name + ".html"), outcome.record);
    }
    parley::Status status = WriteFile(dir_ / (name + ".txt"), outcome.text);
    if (!status.ok()) return status;
    return WriteFile(dir_ / (name + ".ann"), outcome.record);
  }

 private:
  static parley::Status WriteFile(const std::filesystem::path& path,
                                  std::string_view content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      return parley::Status(parley::StatusCode::kIoError,
                            "cannot write " + path.string());
    }
    return parley::OkStatus();
  }

  std::string UniqueName(const std::string& id) {
    std::string name = id;
    for (char& c : name) {
      const bool kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                        c == '-';
      if (!kept) c = '_';
    }
    // No hidden files, and never "." or "..".
    if (name.empty() || name[0] == '.') name.insert(0, "_");
    std::string unique = name;
    for (int n = 2; !used_.insert(unique).second; ++n) {
      unique = name + "-" + std::to_string(n);
    }
    return unique;
  }

  const std::filesystem::path dir_;
  const View view_;
  std::set<std::string> used_;
};

std::string Plural(std::uint64_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

// Counts what was emitted; draws the progress bar and the summary line on
// stderr.
class Progress {
 public:
  Progress(bool show_bar, std::optional<std::uint64_t> total_bytes)
      : show_bar_(show_bar),
        total_bytes_(total_bytes),
        start_(std::chrono::steady_clock::now()) {}

  // One more document (or line, or unreadable input).
  void Add(std::size_t records, std::uint64_t bytes, bool failed) {
    ++documents_;
    records_ += records;
    bytes_ += bytes;
    if (failed) ++errors_;
    if (!show_bar_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < kProgressInterval) return;
    last_draw_ = now;
    Draw(now);
  }

  // Draws the bar again after a diagnostic has been written over it.
  void Redraw() {
    if (show_bar_ && drawn_) Draw(std::chrono::steady_clock::now());
  }

  // Erases the bar, so that a diagnostic starts a clean line.
  void Erase() {
    if (show_bar_ && drawn_) fmt::print(stderr, "\r\033[K");
  }

  // "parley-extract: 15 documents, 312 records, 0 errors in 0.4 s"
  void Summary() {
    Erase();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
            .count();
    fmt::print(stderr, "parley-extract: {}, {}, {} in {:.1f} s\n",
               Plural(documents_, "document"), Plural(records_, "record"),
               Plural(errors_, "error"), seconds);
  }

 private:
  void Draw(std::chrono::steady_clock::time_point now) {
    constexpr int kWidth = 30;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? bytes_ / seconds : 0;  // bytes/s
    std::string line;
    if (total_bytes_ && *total_bytes_ > 0) {
      const double done =
          std::min(1.0, static_cast<double>(bytes_) / *total_bytes_);
      const int filled = static_cast<int>(done * kWidth);
      line = fmt::format("[{}{}] {:3.0f}% ", std::string(filled, '#'),
                         std::string(kWidth - filled, '.'), done * 100);
    }
    line += fmt::format("{}  {:.2f} MB/s", Plural(documents_, "document"),
                        rate / 1e6);
    if (total_bytes_ && rate > 0 && *total_bytes_ >= bytes_) {
      const auto left =
          static_cast<std::uint64_t>((*total_bytes_ - bytes_) / rate);
      line += fmt::format("  {}:{:02} left", left / 60, left % 60);
    }
    fmt::print(stderr, "\r\033[K{}", line);
    std::fflush(stderr);
    drawn_ = true;
  }

  const bool show_bar_;
  const std::optional<std::uint64_t> total_bytes_;
  const std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
  std::uint64_t documents_ = 0;
  std::uint64_t records_ = 0;
  std::uint64_t bytes_ = 0;
  std::uint64_t errors_ = 0;
};

View ViewOf(const Settings& settings) {
  if (settings.pretty || settings.format == "json") return View::kJson;
  if (settings.format == "brat") return View::kBrat;
  if (settings.format == "html") return View::kHtml;
  return View::kJsonLines;
}

int Run(int argc, char** argv) {
  Settings settings;
  CLI::App app{
      "Extracts people, countries, offices, dates and meetings from English "
      "news text and prints them as records, one per document, in input "
      "order.",
      "parley-extract"};
  app.set_version_flag("--version",
                       std::string("parley-extract ") + PARLEY_VERSION_STRING);
  app.add_option("FILE", settings.files,
                 "Input files: plain-text documents, or JSON Lines with "
                 "--jsonl. A directory stands for its *.txt files (*.jsonl "
                 "with --jsonl), recursively, in sorted order. '-' or none "
                 "reads stdin.")
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
  app.add_option("--untensed", settings.untensed,
                 "Which way a date goes when no tense says so: past (the "
                 "latest such day on or before the document date), future "
                 "or nearest.")
      ->check(CLI::IsMember({"past", "future", "nearest"}))
      ->type_name("past|future|nearest")
      ->capture_default_str();
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
                     "jsonl: one JSON record a line; json: indented JSON "
                     "records; brat: brat standoff annotations (.ann, "
                     "Unicode character offsets); html: a self-contained "
                     "page with the article highlighted and a table of "
                     "meetings.")
          ->type_name("FORMAT")
          ->check(CLI::IsMember({"jsonl", "json", "brat", "html"}))
          ->capture_default_str();
  app.add_flag("--pretty", settings.pretty, "The same as --format json.")
      ->excludes(format);
  app.add_option("--output-dir", settings.output_dir,
                 "With --format brat or html: write each document to DIR, as "
                 "ID.html, or as ID.ann beside ID.txt with one "
                 "annotation.conf (a brat collection).")
      ->type_name("DIR");
  app.add_flag("--explain", settings.explain,
               "Add to every JSON record an \"explain\" member: the rules and "
               "gazetteer entries behind it.");
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
  app.add_flag("--quiet", settings.quiet,
               "No progress bar and no summary line on stderr; diagnostics "
               "still.");
  app.footer(
      "Records go to stdout, or to --output-dir; diagnostics and a summary "
      "line to stderr, with a progress bar when stderr is a terminal.\n"
      "In JSON Lines a line without an id gets FILE:LINE, with FILE the base "
      "name of its file; a file found in a directory is named by its path "
      "under it, without the extension.\nExit status: 0 when every document "
      "was extracted, 1 when some input failed (the rest are still "
      "processed), 2 for a usage error or gazetteers or rules that do not "
      "load.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitUsage;
  }
  if (settings.files.empty()) settings.files.push_back("-");
  const std::vector<Input> inputs =
      ListInputs(settings.files, settings.jsonl ? ".jsonl" : ".txt");

  const View view = ViewOf(settings);
  const bool page_view = view == View::kBrat || view == View::kHtml;
  auto usage_error = [](const std::string& message) {
    fmt::print(stderr, "parley-extract: {}\n", message);
    return kExitUsage;
  };
  if (!settings.id.empty() && inputs.size() != 1) {
    return usage_error(
        fmt::format("--id names one document, not {}", inputs.size()));
  }
  if (!settings.output_dir.empty() && !page_view) {
    return usage_error("--output-dir is for --format brat or html");
  }
  if (page_view && settings.output_dir.empty() &&
      (settings.jsonl || inputs.size() != 1)) {
    return usage_error(fmt::format(
        "--format {} writes one plain-text document to stdout; give "
        "--output-dir DIR for several",
        settings.format));
  }
  if (settings.explain && page_view) {
    return usage_error(fmt::format(
        "--explain is for the JSON formats; --format {} always names the "
        "sources",
        settings.format));
  }

  parley::ExtractorOptions options;
  options.untensed_dates =
      settings.untensed == "future"    ? parley::UntensedDates::kFuture
      : settings.untensed == "nearest" ? parley::UntensedDates::kNearest
                                       : parley::UntensedDates::kPast;
  options.gazetteer_files = settings.gazetteers;
  options.rule_files = settings.rules;
  parley::Result<parley::Extractor> extractor =
      parley::Extractor::Create(options);
  if (!extractor.ok()) {
    fmt::print(stderr, "parley-extract: {}\n", extractor.status().ToString());
    return kExitUsage;
  }

  std::optional<DirectoryOutput> directory;
  if (!settings.output_dir.empty()) {
    directory.emplace(settings.output_dir, view);
    if (parley::Status status = directory->Open(); !status.ok()) {
      return usage_error(
          fmt::format("{}: {}", settings.output_dir, status.ToString()));
    }
  }

  const Output output{
      .view = view,
      .json = {.pretty = view == View::kJson, .explain = settings.explain},
      .keep_text = directory.has_value() && view == View::kBrat};
  Progress progress(!settings.quiet && ::isatty(STDERR_FILENO) == 1,
                    TotalBytes(inputs));
  bool failed = false;
  {
    OrderedRunner runner(settings.threads, [&](const Outcome& outcome) {
      std::string diagnostic = outcome.diagnostic;
      bool outcome_failed = outcome.failed;
      if (!directory) {
        std::fwrite(outcome.record.data(), 1, outcome.record.size(), stdout);
      } else if (!outcome.failed) {
        if (parley::Status status = directory->Write(outcome); !status.ok()) {
          diagnostic += fmt::format("parley-extract: {}\n", status.ToString());
          outcome_failed = true;
        }
      }
      if (!diagnostic.empty()) {
        progress.Erase();
        std::fwrite(diagnostic.data(), 1, diagnostic.size(), stderr);
        progress.Redraw();
      }
      progress.Add(outcome.records, outcome.bytes, outcome_failed);
      failed = failed || outcome_failed;
    });
    if (settings.jsonl) {
      RunJsonLines(inputs, settings, *extractor, output, runner);
    } else {
      RunDocuments(inputs, settings, *extractor, output, runner);
    }
    runner.Finish();
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    progress.Erase();
    fmt::print(stderr, "parley-extract: cannot write the output: {}\n",
               std::strerror(errno));
    return kExitFailure;
  }
  if (!settings.quiet) progress.Summary();
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

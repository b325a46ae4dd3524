// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Errors as values.  Every fallible parley call returns a Status or a
// Result<T>; nothing throws into the caller.
//
//   parley::Result<parley::Extractor> extractor = parley::Extractor::Create();
//   if (!extractor.ok()) {
//     std::cerr << extractor.status().ToString() << "\n";
//     return 1;
//   }
//
// A Status that concerns a place in a file or a text carries that place in
// location(): a rule or gazetteer file (file, line, column, fragment), or a
// document (byte offset of the first bad byte).

#ifndef PARLEY_STATUS_H_
#define PARLEY_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace parley {

enum class StatusCode {
  kOk = 0,
  // An argument or option is not acceptable (a malformed document date).
  kInvalidArgument,
  // The document is not valid UTF-8, or is larger than the configured limit.
  kInvalidDocument,
  // A rule or gazetteer resource does not parse.
  kParseError,
  // A file could not be read.
  kIoError,
  // A bug in parley: please report it.
  kInternal,
};

// The name of a code, e.g. "invalid document".
const char* StatusCodeName(StatusCode code);

// Where an error is: a line and column of a named resource, or a byte offset
// into a document.  Lines and columns count from 1; 0 means unknown.
struct ErrorLocation {
  std::string file;      // resource name or path; empty for a document
  int line = 0;          // 1-based
  int column = 0;        // 1-based, in bytes
  std::string fragment;  // the offending text, shortened
  std::optional<uint64_t> byte_offset;  // into the document, 0-based
};

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  Status(StatusCode code, std::string message,
         std::optional<ErrorLocation> location = std::nullopt)
      : code_(code),
        message_(std::move(message)),
        location_(std::move(location)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // The reason, without the location: "unknown token class 'Cap'".
  const std::string& message() const { return message_; }
  const std::optional<ErrorLocation>& location() const { return location_; }

  // "file:line:column: reason: `fragment`" for resource errors, "byte N:
  // reason" for document errors, "reason" otherwise, "OK" for success.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::optional<ErrorLocation> location_;
};

inline Status OkStatus() { return Status(); }

// Either a value of type T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  // `status` must not be OK; an OK status becomes an internal error.
  Result(Status status) : state_(std::move(status)) {  // NOLINT
    if (std::get<Status>(state_).ok()) {
      state_ = Status(StatusCode::kInternal, "Result built from an OK status");
    }
  }

  bool ok() const { return std::holds_alternative<T>(state_); }

  // OK when a value is held.
  Status status() const {
    return ok() ? Status() : std::get<Status>(state_);
  }

  // Requires ok().
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }

  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace parley

#endif  // PARLEY_STATUS_H_

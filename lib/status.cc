// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Status's names and its one-line rendering.

#include "parley/status.h"

#include <fmt/format.h>

namespace parley {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kInvalidArgument:
      return "invalid argument";
    case StatusCode::kInvalidDocument:
      return "invalid document";
    case StatusCode::kParseError:
      return "parse error";
    case StatusCode::kIoError:
      return "I/O error";
    case StatusCode::kInternal:
      return "internal error";
  }
  return "unknown status code";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  if (!location_) return message_;
  const ErrorLocation& where = *location_;
  std::string out;
  if (!where.file.empty()) {
    out = where.file;
    if (where.line > 0) fmt::format_to(std::back_inserter(out), ":{}", where.line);
    if (where.column > 0) {
      fmt::format_to(std::back_inserter(out), ":{}", where.column);
    }
    out += ": ";
  } else if (where.byte_offset) {
    out = fmt::format("byte {}: ", *where.byte_offset);
  }
  out += message_;
  if (!where.fragment.empty()) {
    fmt::format_to(std::back_inserter(out), ": `{}`", where.fragment);
  }
  return out;
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Reads one line of JSON Lines input, {"id", "document_date", "text"}, into
// the document it carries, or says in one valid UTF-8 sentence why the line
// carries none, so that the caller can put an error record in its place.
//
//   parley::JsonLine line;
//   parley::Status status = parley::ParseJsonLine(R"({"text": "Hi."})", &line);
//   // status.ok(), line.text == "Hi.", no id, no document_date
//
// It does not read files or split lines (the caller reads them, so that
// memory is bounded by the longest line), give defaults for a missing id or
// date, check the date's form (Extractor::Extract does), or extract.

#ifndef PARLEY_LIB_JSONL_READER_H_
#define PARLEY_LIB_JSONL_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "parley/status.h"

namespace parley {

// The fields of one line.  Other members of the line's object are ignored.
struct JsonLine {
  std::optional<std::string> id;             // absent or null: none
  std::optional<std::string> document_date;  // absent or null: none
  std::string text;
};

// Parses `text`, one line without its line break, into `*line`.  Fails with
// kInvalidArgument whose message is the reason: "not valid JSON: ...", "not
// a JSON object", "\"id\" is not a string", "no \"text\" string" or
// "\"document_date\" is not a string".  On failure `line->id` still holds
// the line's id when it has a valid one, so that the error can name it.
// JSON strings are valid UTF-8 (lone surrogates in \u escapes are refused),
// and so is the message, which quotes the bytes where parsing stopped.
Status ParseJsonLine(std::string_view text, JsonLine* line);

}  // namespace parley

#endif  // PARLEY_LIB_JSONL_READER_H_

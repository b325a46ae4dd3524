// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fuzzes the JSON Lines reader (lib/jsonl_reader.h) on arbitrary bytes.  It
// checks that every line gives either a document or a reason, never an
// exception; that the reason is valid UTF-8, so that the error record the
// tool writes in the line's place is valid JSON; and that the fields of a
// document are valid UTF-8.  It does not extract the documents: the extract
// fuzzer does that on arbitrary text.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "jsonl_reader.h"
#include "parley/status.h"
#include "utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  parley::JsonLine line;
  const parley::Status status = parley::ParseJsonLine(text, &line);
  if (line.id) FUZZ_CHECK(!parley::FindInvalidUtf8(*line.id));
  if (!status.ok()) {
    FUZZ_CHECK(status.code() == parley::StatusCode::kInvalidArgument);
    FUZZ_CHECK(!status.message().empty());
    FUZZ_CHECK(!parley::FindInvalidUtf8(status.message()));
    // The error record the tool writes: dump() throws on invalid UTF-8.
    const nlohmann::ordered_json record = {
        {"id", line.id ? nlohmann::ordered_json(*line.id) : nullptr},
        {"line", 1},
        {"error", status.message()}};
    FUZZ_CHECK(nlohmann::json::accept(record.dump()));
    return 0;
  }
  FUZZ_CHECK(!parley::FindInvalidUtf8(line.text));
  if (line.document_date) {
    FUZZ_CHECK(!parley::FindInvalidUtf8(*line.document_date));
  }
  return 0;
}

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "jsonl_reader.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

namespace parley {
namespace {

// nlohmann quotes the bytes it stopped at, which may be the very invalid
// UTF-8 a line is refused for; replacing them with U+FFFD keeps the message
// valid UTF-8, fit for a JSON error record.
std::string ValidUtf8(std::string_view text) {
  return nlohmann::json::parse(
             nlohmann::json(std::string(text))
                 .dump(-1, ' ', false,
                       nlohmann::json::error_handler_t::replace))
      .get<std::string>();
}

Status Invalid(std::string reason) {
  return Status(StatusCode::kInvalidArgument, std::move(reason));
}

}  // namespace

Status ParseJsonLine(std::string_view text, JsonLine* line) {
  *line = JsonLine();
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    // what() is "[json.exception.parse_error.101] parse error at ...".
    std::string_view what = e.what();
    if (std::size_t end = what.find("] "); end != std::string_view::npos) {
      what.remove_prefix(end + 2);
    }
    return Invalid("not valid JSON: " + ValidUtf8(what));
  }
  if (!object.is_object()) return Invalid("not a JSON object");

  if (auto it = object.find("id"); it != object.end() && !it->is_null()) {
    if (!it->is_string()) return Invalid("\"id\" is not a string");
    line->id = std::move(it->get_ref<std::string&>());
  }
  auto text_member = object.find("text");
  if (text_member == object.end() || !text_member->is_string()) {
    return Invalid("no \"text\" string");
  }
  if (auto it = object.find("document_date");
      it != object.end() && !it->is_null()) {
    if (!it->is_string()) return Invalid("\"document_date\" is not a string");
    line->document_date = std::move(it->get_ref<std::string&>());
  }
  line->text = std::move(text_member->get_ref<std::string&>());
  return OkStatus();
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// nlohmann-json parses each line through its SAX interface into
// LineHandler, which keeps only the three members the line is read for.
// Building the line's DOM instead copied the text, the bulk of the line,
// into a tree only to move it out again.  The handler keeps what the DOM
// would have held: a later duplicate key replaces an earlier one, members of
// nested values are not the line's, and any parse error, even after the
// fields were seen, refuses the whole line with nlohmann's own message.

#include "jsonl_reader.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

namespace parley {
namespace {

using Json = nlohmann::json;

// nlohmann quotes the bytes it stopped at, which may be the very invalid
// UTF-8 a line is refused for; replacing them with U+FFFD keeps the message
// valid UTF-8, fit for a JSON error record.
std::string ValidUtf8(std::string_view text) {
  return Json::parse(Json(std::string(text))
                         .dump(-1, ' ', false, Json::error_handler_t::replace))
      .get<std::string>();
}

Status Invalid(std::string reason) {
  return Status(StatusCode::kInvalidArgument, std::move(reason));
}

// The last value a member of the line's object was given.
struct Member {
  enum class Kind { kAbsent, kNull, kString, kOther };
  Kind kind = Kind::kAbsent;
  std::string value;  // with kString
};

// The SAX handler (nlohmann's json_sax interface, called statically).
class LineHandler {
 public:
  Member id;
  Member document_date;
  Member text;
  bool is_object = false;
  std::string error;  // nlohmann's exception text, when parsing failed

  bool null() { return Value(Member::Kind::kNull); }
  bool boolean(bool) { return Value(Member::Kind::kOther); }
  bool number_integer(Json::number_integer_t) {
    return Value(Member::Kind::kOther);
  }
  bool number_unsigned(Json::number_unsigned_t) {
    return Value(Member::Kind::kOther);
  }
  bool number_float(Json::number_float_t, const Json::string_t&) {
    return Value(Member::Kind::kOther);
  }
  bool binary(Json::binary_t&) { return Value(Member::Kind::kOther); }
  bool string(Json::string_t& value) {
    // The lexer clears its buffer before the next token, so the text can
    // be taken rather than copied.
    if (Member* member = TakeMember()) {
      member->kind = Member::Kind::kString;
      member->value = std::move(value);
    }
    return true;
  }
  bool start_object(std::size_t) {
    if (depth_ == 0) is_object = true;
    Value(Member::Kind::kOther);
    ++depth_;
    return true;
  }
  bool start_array(std::size_t) {
    Value(Member::Kind::kOther);
    ++depth_;
    return true;
  }
  bool end_object() {
    --depth_;
    return true;
  }
  bool end_array() {
    --depth_;
    return true;
  }
  bool key(Json::string_t& name) {
    member_ = nullptr;
    if (depth_ != 1 || !is_object) return true;
    if (name == "id") {
      member_ = &id;
    } else if (name == "text") {
      member_ = &text;
    } else if (name == "document_date") {
      member_ = &document_date;
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const Json::exception& e) {
    error = e.what();
    return false;
  }

 private:
  // The member the value now being read belongs to, if it is one of the
  // three; it is read once.
  Member* TakeMember() { return std::exchange(member_, nullptr); }

  bool Value(Member::Kind kind) {
    if (Member* member = TakeMember()) member->kind = kind;
    return true;
  }

  int depth_ = 0;  // objects and arrays open
  Member* member_ = nullptr;
};

}  // namespace

Status ParseJsonLine(std::string_view text, JsonLine* line) {
  *line = JsonLine();
  LineHandler handler;
  if (!Json::sax_parse(text, &handler)) {
    // what() is "[json.exception.parse_error.101] parse error at ...".
    std::string_view what = handler.error;
    if (std::size_t end = what.find("] "); end != std::string_view::npos) {
      what.remove_prefix(end + 2);
    }
    return Invalid("not valid JSON: " + ValidUtf8(what));
  }
  if (!handler.is_object) return Invalid("not a JSON object");

  using Kind = Member::Kind;
  const Kind id = handler.id.kind;
  if (id != Kind::kAbsent && id != Kind::kNull) {
    if (id != Kind::kString) return Invalid("\"id\" is not a string");
    line->id = std::move(handler.id.value);
  }
  if (handler.text.kind != Kind::kString) return Invalid("no \"text\" string");
  const Kind date = handler.document_date.kind;
  if (date != Kind::kAbsent && date != Kind::kNull) {
    if (date != Kind::kString) {
      return Invalid("\"document_date\" is not a string");
    }
    line->document_date = std::move(handler.document_date.value);
  }
  line->text = std::move(handler.text.value);
  return OkStatus();
}

}  // namespace parley

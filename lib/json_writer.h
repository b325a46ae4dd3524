// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A JSON writer that builds a string as it goes, for the records of
// parley/json.h.  Its output is what nlohmann-json's dump() gives for the same
// tree (compact, or indented by two spaces with "key": value), strings with
// the same escapes and U+FFFD in place of ill-formed UTF-8.
//
//   parley::JsonWriter json(/*pretty=*/false);
//   json.BeginObject();
//   json.Key("begin");
//   json.Number(17);
//   json.EndObject();
//   std::string text = json.Finish();  // {"begin":17}
//
// It exists for speed: a record's JSON is several times the size of its
// text, and building an nlohmann tree only to serialize it cost a quarter of
// a whole extraction run.  So it writes into spare room at the end of its
// buffer rather than through std::string::append, which cost a call and a
// memcpy call for each key and number; the calls with fixed-size output are
// inline, so that a literal key is copied as a constant.  It does not parse
// JSON, check that keys are unique, or check that calls nest: callers write
// a fixed shape.

#ifndef PARLEY_LIB_JSON_WRITER_H_
#define PARLEY_LIB_JSON_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace parley {

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty) : pretty_(pretty) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // The key of the next value, inside an object: a name written as it is,
  // so one that JSON needs no escape for (the record fields' names).
  void Key(std::string_view key) {
    if (pretty_) return PrettyKey(key);
    char* out = Room(key.size() + 4);
    char* const start = out;
    if (has_members_) *out++ = ',';
    has_members_ = true;
    *out++ = '"';
    std::memcpy(out, key.data(), key.size());
    out += key.size();
    *out++ = '"';
    *out++ = ':';
    size_ += static_cast<std::size_t>(out - start);
    after_key_ = true;
  }

  void String(std::string_view value);
  void Number(uint64_t value);
  void Bool(bool value) { Literal(value ? "true" : "false"); }
  void Null() { Literal("null"); }

  // The JSON written, which the writer gives up: it is left empty.
  std::string Finish();

 private:
  // Room for `n` more bytes after the output, where they are written before
  // size_ counts them.
  char* Room(std::size_t n) {
    if (buffer_.size() - size_ < n) Grow(n);
    return buffer_.data() + size_;
  }
  void Grow(std::size_t n);

  void Append(std::string_view text) {
    if (text.empty()) return;  // its data() may be null
    std::memcpy(Room(text.size()), text.data(), text.size());
    size_ += text.size();
  }

  void Literal(std::string_view text) {
    BeforeValue();
    Append(text);
  }

  void Open(char bracket) {
    BeforeValue();
    *Room(1) = bracket;
    ++size_;
    ++depth_;
    has_members_ = false;
  }

  void Close(char bracket) {
    --depth_;
    if (pretty_ && has_members_) LineBreak();
    *Room(1) = bracket;
    ++size_;
    has_members_ = true;
  }

  // The comma and, when pretty, the line break and indent before a member or
  // an element; nothing before a value that follows its key.
  void BeforeValue() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    if (has_members_) {
      *Room(1) = ',';
      ++size_;
    }
    has_members_ = true;
    if (pretty_) LineBreak();
  }

  void PrettyKey(std::string_view key);
  // A line break and the indent of depth_.
  void LineBreak();
  void AppendEscapedUtf8(std::string_view text);

  // The output, size_ bytes, then room to write more: resized, never
  // reserved, so that writing into the room is writing into the string.
  std::string buffer_;
  std::size_t size_ = 0;
  bool pretty_;
  bool after_key_ = false;
  // How many objects and arrays are open, and whether the innermost has a
  // member yet.  The others all have one: the innermost is a member of each.
  int depth_ = 0;
  bool has_members_ = false;
};

}  // namespace parley

#endif  // PARLEY_LIB_JSON_WRITER_H_

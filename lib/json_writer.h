// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A JSON writer that appends to a string as it goes, for the records of
// parley/json.h.  Its output is what nlohmann-json's dump() gives for the same
// tree (compact, or indented by two spaces with "key": value), strings with
// the same escapes and U+FFFD in place of ill-formed UTF-8.
//
// It exists for speed: a record's JSON is several times the size of its
// text, and building an nlohmann tree only to serialize it cost a quarter of
// a whole extraction run.  It does not parse JSON, check that keys are
// unique, or check that calls nest: callers write a fixed shape.

#ifndef PARLEY_LIB_JSON_WRITER_H_
#define PARLEY_LIB_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace parley {

class JsonWriter {
 public:
  // Appends to `*out`, which must outlive the writer.
  JsonWriter(std::string* out, bool pretty) : out_(out), pretty_(pretty) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // The key of the next value, inside an object: a name written as it is,
  // so one that JSON needs no escape for (the record fields' names).
  void Key(std::string_view key);

  void String(std::string_view value);
  void Number(uint64_t value);
  void Bool(bool value);
  void Null();

 private:
  void Open(char bracket);
  void Close(char bracket);
  // The comma and, when pretty, the line break and indent before a member or
  // an element; nothing before a value that follows its key.
  void BeforeValue();
  void AppendQuoted(std::string_view text);

  std::string* out_;
  bool pretty_;
  bool after_key_ = false;
  // How many objects and arrays are open, and whether the innermost has a
  // member yet.  The others all have one: the innermost is a member of each.
  int depth_ = 0;
  bool has_members_ = false;
};

}  // namespace parley

#endif  // PARLEY_LIB_JSON_WRITER_H_

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The JSON form of parley's records: the record contract of SCHEMA.md.
//
//   std::string line = parley::ToJson(document);          // one line
//   std::string pretty = parley::ToJson(document, {.pretty = true});
//
// Besides the fields SCHEMA.md requires, every mention has a "source" (the
// rule or gazetteer entry that produced it) and every meeting its "status"
// and "roles".

#ifndef PARLEY_JSON_H_
#define PARLEY_JSON_H_

#include <string>

#include "parley/records.h"

namespace parley {

struct JsonOptions {
  // Indented, one field a line; otherwise one line with no newline.
  bool pretty = false;
};

// Serializes `document` as one JSON object.
std::string ToJson(const Document& document, const JsonOptions& options = {});

}  // namespace parley

#endif  // PARLEY_JSON_H_

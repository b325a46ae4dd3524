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
//
// With {.explain = true} every record also has an "explain" member naming,
// once each and in order of first use, what produced it:
//
//   "explain": {"rules": ["rule:honorific-name", "rule:title-name"],
//               "gazetteer": []}
//
// "rules" holds the rules of its mentions ("rule:ID"), the date recognizer's
// patterns ("date:weekday"), "alias" for a short form of a name written in
// full elsewhere, and for a meeting its evidence rule ("rule:meeting-met");
// "gazetteer" holds gazetteer entries ("countries.tsv:1068", FILE:LINE).  It
// is drawn from the mentions' sources, so a gazetteer phrase matched inside
// a rule (the "Minister" of a title) is named through the rule only.

#ifndef PARLEY_JSON_H_
#define PARLEY_JSON_H_

#include <string>

#include "parley/records.h"

namespace parley {

struct JsonOptions {
  // Indented, one field a line; otherwise one line with no newline.
  bool pretty = false;
  // An "explain" member on every record; off, the output is exactly the
  // record contract.
  bool explain = false;
};

// Serializes `document` as one JSON object.
std::string ToJson(const Document& document, const JsonOptions& options = {});

}  // namespace parley

#endif  // PARLEY_JSON_H_

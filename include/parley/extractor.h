// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The Extractor: reads English news text and returns its people, countries,
// offices, dates and meetings (parley/records.h).
//
//   parley::Result<parley::Extractor> extractor = parley::Extractor::Create();
//   if (!extractor.ok()) { /* extractor.status().ToString() says why */ }
//
//   parley::DocumentInfo info;
//   info.id = "seed";
//   info.document_date = "2025-03-24";
//   parley::Result<parley::Document> doc = extractor->Extract(text, info);
//   if (doc.ok()) std::cout << parley::ToJson(*doc) << "\n";
//
// An Extractor is built once and never changes afterwards.  Extract() is const
// and keeps no state between calls, so any number of threads may call it on
// one Extractor at the same time.  Copies are cheap and share the same
// compiled gazetteers and rules.
//
// The default gazetteers and rules are compiled into the library: an
// Extractor built with default options reads no file.

#ifndef PARLEY_EXTRACTOR_H_
#define PARLEY_EXTRACTOR_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/records.h"
#include "parley/status.h"

namespace parley {

// A resource given as text rather than as a file: `name` is used in error
// messages ("name:line:column: ...") and in the provenance of records.
struct NamedText {
  std::string name;
  std::string text;
};

// How numeric dates such as "03/04/2025" are read.
enum class NumericDateOrder {
  kUnambiguousOnly,  // only where one reading is possible (13/04/2025)
  kMonthFirst,       // 03/04/2025 is March 4
  kDayFirst,         // 03/04/2025 is 3 April
};

// Which way a date goes when no tense or word of plan says so ("the talks
// resume on January 2"): "on Monday" is then the latest Monday on or before
// the document date (kPast), the next one after it (kFuture), or the one
// nearest it (kNearest).
enum class UntensedDates {
  kPast,
  kFuture,
  kNearest,
};

// Options for building an Extractor.
//
//   option                       default
//   use_default_gazetteers       true
//   use_default_rules            true
//   gazetteer_files              {}    extra TSV gazetteers, loaded in order
//   gazetteers                   {}    extra gazetteers given as text
//   rule_files                   {}    extra rule files, loaded in order
//   rules                        {}    extra rules given as text
//   max_document_bytes           64 MiB
//   numeric_date_order           kUnambiguousOnly
//   untensed_dates               kPast
//
// Entries of later gazetteers override earlier ones with the same phrase and
// type; later rules override earlier rules with the same name.
struct ExtractorOptions {
  bool use_default_gazetteers = true;
  bool use_default_rules = true;
  std::vector<std::string> gazetteer_files;
  std::vector<NamedText> gazetteers;
  std::vector<std::string> rule_files;
  std::vector<NamedText> rules;
  // Longer documents are refused with kInvalidDocument rather than processed.
  std::size_t max_document_bytes = std::size_t{64} << 20;
  NumericDateOrder numeric_date_order = NumericDateOrder::kUnambiguousOnly;
  UntensedDates untensed_dates = UntensedDates::kPast;
  // The rules are compiled when the first document is extracted, so that
  // Create is quick.  False compiles them in Create (about 2 ms more with
  // the default rules), for a service whose first request must not pay
  // for it.
  bool compile_rules_on_first_use = true;
};

// What is known about a document besides its text.
struct DocumentInfo {
  std::string id;
  // "YYYY-MM-DD": the day the story was written, against which "Monday" and
  // "last week" are resolved.  Empty when unknown: such dates keep their X
  // placeholders ("XXXX-03-22").
  std::string document_date;
};

class Extractor {
 public:
  // Builds an Extractor.  Fails with kParseError naming file:line:column for
  // a malformed rule or gazetteer, kIoError for a file that cannot be read.
  static Result<Extractor> Create(const ExtractorOptions& options = {});

  // Extracts the records of one document.  `text` must be UTF-8: otherwise
  // the result is kInvalidDocument with the byte offset of the first bad
  // sequence.  A malformed document_date is kInvalidArgument.
  Result<Document> Extract(std::string_view text,
                           const DocumentInfo& info = {}) const;

  // The options the Extractor was built with.
  const ExtractorOptions& options() const;

 private:
  struct Impl;
  explicit Extractor(std::shared_ptr<const Impl> impl);

  std::shared_ptr<const Impl> impl_;
};

}  // namespace parley

#endif  // PARLEY_EXTRACTOR_H_

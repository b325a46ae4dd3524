// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fuzzes Extractor::Extract on arbitrary bytes with the default resources.
// Besides crashes and sanitizer reports, it checks the contract every
// caller relies on: ill-formed UTF-8 is refused at the offset of its first
// bad byte and anything else is extracted; every mention and meeting
// evidence lies inside the input, and a mention's text is exactly its
// slice; the JSON of a document parses.  It does not judge whether the
// records are right.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "parley/extractor.h"
#include "parley/json.h"
#include "parley/records.h"
#include "parley/status.h"
#include "utf8.h"

namespace {

void CheckMentions(std::string_view text,
                   const std::vector<parley::Mention>& mentions) {
  FUZZ_CHECK(!mentions.empty());
  for (const parley::Mention& mention : mentions) {
    FUZZ_CHECK(mention.begin < mention.end);
    FUZZ_CHECK(mention.end <= text.size());
    FUZZ_CHECK(mention.text ==
               text.substr(mention.begin, mention.end - mention.begin));
    FUZZ_CHECK(!mention.source.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const parley::Extractor* const extractor = [] {
    parley::Result<parley::Extractor> created = parley::Extractor::Create();
    FUZZ_CHECK(created.ok());
    return new parley::Extractor(std::move(created).value());
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  parley::Result<parley::Document> document =
      extractor->Extract(text, {.id = "fuzz", .document_date = "2025-03-24"});

  const std::optional<std::size_t> bad = parley::FindInvalidUtf8(text);
  if (!document.ok()) {
    const parley::Status status = document.status();
    FUZZ_CHECK(status.code() == parley::StatusCode::kInvalidDocument);
    FUZZ_CHECK(bad.has_value());
    FUZZ_CHECK(status.location().has_value());
    FUZZ_CHECK(status.location()->byte_offset == *bad);
    return 0;
  }
  FUZZ_CHECK(!bad.has_value());
  for (const parley::Person& person : document->people) {
    CheckMentions(text, person.mentions);
  }
  for (const parley::Country& country : document->countries) {
    CheckMentions(text, country.mentions);
  }
  for (const parley::Office& office : document->offices) {
    CheckMentions(text, office.mentions);
  }
  for (const parley::Date& date : document->dates) {
    CheckMentions(text, date.mentions);
  }
  for (const parley::Meeting& meeting : document->meetings) {
    FUZZ_CHECK(meeting.evidence.begin < meeting.evidence.end);
    FUZZ_CHECK(meeting.evidence.end <= text.size());
  }
  FUZZ_CHECK(nlohmann::json::accept(parley::ToJson(*document)));
  return 0;
}

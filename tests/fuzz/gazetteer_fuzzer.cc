// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fuzzes the gazetteer loader on arbitrary bytes: Gazetteer::Builder::Add
// after a small fixed source (so that overrides run too), then Build and
// Match over a fixed sentence and over the input itself when it is UTF-8.
// It checks that a refused source is a kParseError at a real line and
// column of the input, and that every match is a known entry inside one
// sentence, in the documented order.  It does not judge the entries.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "fuzz_check.h"
#include "gazetteer.h"
#include "parley/status.h"
#include "tokenizer.h"
#include "utf8.h"

namespace {

constexpr std::string_view kName = "fuzz.tsv";

constexpr std::string_view kBase =
    "Pakistan\tcountry\tPK\tcanonical=yes\tname=Pakistan\n"
    "US\tcountry\tUS\tcase=exact\n"
    "Foreign Minister\toffice_head\tforeign-minister\n"
    "Kabul\tcity\tKabul\tcountry=AF\n";

constexpr std::string_view kSentence =
    "Pakistan's Foreign Minister met US envoys in Kabul. Then the US left.";

void CheckMatches(const parley::Gazetteer& gazetteer, std::string_view text) {
  const parley::Tokens tokens = parley::Tokenize(text);
  const std::vector<parley::GazetteerMatch> matches =
      gazetteer.Match(text, tokens);
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const parley::GazetteerMatch& match = matches[i];
    FUZZ_CHECK(match.entry < gazetteer.entries().size());
    FUZZ_CHECK(match.first_token < match.end_token);
    FUZZ_CHECK(match.end_token <= tokens.tokens.size());
    bool in_one_sentence = false;
    for (const parley::Sentence& sentence : tokens.sentences) {
      in_one_sentence |= sentence.first_token <= match.first_token &&
                         match.end_token <= sentence.end_token;
    }
    FUZZ_CHECK(in_one_sentence);
    if (i > 0) {
      const parley::GazetteerMatch& previous = matches[i - 1];
      // By first token, then longest first, then entry.
      FUZZ_CHECK(
          std::make_tuple(previous.first_token, match.end_token,
                          previous.entry) <
          std::make_tuple(match.first_token, previous.end_token, match.entry));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view tsv(reinterpret_cast<const char*>(data), size);
  parley::Gazetteer::Builder builder;
  FUZZ_CHECK(builder.Add("base.tsv", kBase).ok());
  const parley::Status status = builder.Add(kName, tsv);
  if (!status.ok()) CheckParseError(status, kName, tsv);
  const parley::Gazetteer gazetteer = std::move(builder).Build();
  // A refused source adds nothing: the base's four entries remain.
  if (!status.ok()) FUZZ_CHECK(gazetteer.entries().size() == 4);
  CheckMatches(gazetteer, kSentence);
  if (!parley::FindInvalidUtf8(tsv)) CheckMatches(gazetteer, tsv);
  return 0;
}

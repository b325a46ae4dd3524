// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fuzzes the rule language on arbitrary bytes: ParseRules, then
// RuleMatcher::Compile of what parses, then Match on a fixed annotated
// sentence.  It checks that a refused rule file is a kParseError at a real
// line and column of the input (never an internal error), and that every
// match and capture lies inside the sentence.  It does not judge which
// matches a rule should have.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_check.h"
#include "parley/status.h"
#include "rule_matcher.h"
#include "rule_parser.h"
#include "tokenizer.h"

namespace {

constexpr std::string_view kName = "fuzz.rules";

// A sentence with one of each kind of token and overlapping annotations, so
// that compiled rules have words, shapes and facts to match.
constexpr std::string_view kSentence =
    "Pakistan's Foreign Minister Ishaq Dar met U.S. envoy McDONALD in Kabul "
    "on 22 March, 2025 - talks ended.";

using Attributes = std::vector<std::pair<std::string, std::string>>;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const parley::Tokens* const tokens =
      new parley::Tokens(parley::Tokenize(kSentence));
  static const Attributes* const adjective =
      new Attributes{{"form", "adjective"}};
  const std::vector<parley::Annotation> annotations = {
      {.first_token = 0, .end_token = 1, .type = "country"},
      {.first_token = 0,
       .end_token = 2,
       .type = "country",
       .attributes = adjective},
      {.first_token = 2, .end_token = 4, .type = "office_head"},
      {.first_token = 3, .end_token = 4, .type = "office_head"},
      {.first_token = 4, .end_token = 6, .type = "person"},
      {.first_token = 7, .end_token = 8, .type = "country"},
      {.first_token = 10, .end_token = 11, .type = "person"},
      {.first_token = 12, .end_token = 13, .type = "city"},
  };

  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const parley::RuleSource source{kName, text};
  parley::Result<std::vector<parley::Rule>> rules =
      parley::ParseRules({&source, 1});
  if (!rules.ok()) {
    CheckParseError(rules.status(), kName, text);
    return 0;
  }
  parley::Result<parley::RuleMatcher> matcher =
      parley::RuleMatcher::Compile(*rules);
  if (!matcher.ok()) {
    CheckParseError(matcher.status(), kName, text);
    return 0;
  }
  FUZZ_CHECK(matcher->rule_count() == rules->size());
  for (const parley::Sentence& sentence : tokens->sentences) {
    for (const parley::RuleMatch& match :
         matcher->Match(kSentence, *tokens, sentence, annotations)) {
      FUZZ_CHECK(match.rule < matcher->rule_count());
      FUZZ_CHECK(sentence.first_token <= match.first_token);
      FUZZ_CHECK(match.first_token < match.end_token);
      FUZZ_CHECK(match.end_token <= sentence.end_token);
      for (const parley::Capture& capture : match.captures) {
        FUZZ_CHECK(match.first_token <= capture.first_token);
        FUZZ_CHECK(capture.first_token < capture.end_token);
        FUZZ_CHECK(capture.end_token <= match.end_token);
      }
    }
  }
  return 0;
}

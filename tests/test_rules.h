// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Rules written inline in a test, parsed as one source named "test.rules".
// A parse error fails the test that asked, and gives no rules.

#ifndef PARLEY_TESTS_TEST_RULES_H_
#define PARLEY_TESTS_TEST_RULES_H_

#include <gtest/gtest.h>

#include <string_view>
#include <utility>
#include <vector>

#include "parley/status.h"
#include "rule_parser.h"

namespace parley {

inline std::vector<Rule> ParseTestRules(std::string_view rules) {
  const RuleSource source{"test.rules", rules};
  Result<std::vector<Rule>> parsed = ParseRules({&source, 1});
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  return parsed.ok() ? *std::move(parsed) : std::vector<Rule>{};
}

}  // namespace parley

#endif  // PARLEY_TESTS_TEST_RULES_H_

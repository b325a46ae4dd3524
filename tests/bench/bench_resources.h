// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The default gazetteer and rule matcher, built from the resources compiled
// into the library (lib/default_resources.h) the way Extractor::Create
// builds them, for the benchmarks of single stages.
//
// It does not load users' files or cache anything: each call builds anew,
// so the build itself can be timed.

#ifndef PARLEY_TESTS_BENCH_BENCH_RESOURCES_H_
#define PARLEY_TESTS_BENCH_BENCH_RESOURCES_H_

#include "gazetteer.h"
#include "parley/status.h"
#include "rule_matcher.h"

namespace parley::bench {

// DefaultGazetteers() added in order.
Result<Gazetteer> BuildDefaultGazetteer();

// DefaultRules() compiled in order, `when` RuleCompilation says.
Result<RuleMatcher> BuildDefaultRuleMatcher(
    RuleCompilation when = RuleCompilation::kOnFirstUse);

}  // namespace parley::bench

#endif  // PARLEY_TESTS_BENCH_BENCH_RESOURCES_H_

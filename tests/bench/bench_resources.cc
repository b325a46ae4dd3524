// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Builds the default resources for the benchmarks (bench_resources.h).

#include "bench_resources.h"

#include <utility>
#include <vector>

#include "default_resources.h"

namespace parley::bench {

Result<Gazetteer> BuildDefaultGazetteer() {
  Gazetteer::Builder builder;
  for (const EmbeddedResource& resource : DefaultGazetteers()) {
    Status status = builder.Add(resource.name, resource.text);
    if (!status.ok()) return status;
  }
  return std::move(builder).Build();
}

Result<RuleMatcher> BuildDefaultRuleMatcher(RuleCompilation when) {
  std::vector<RuleSource> sources;
  for (const EmbeddedResource& resource : DefaultRules()) {
    sources.push_back(RuleSource{resource.name, resource.text});
  }
  return RuleMatcher::Create(sources, when);
}

}  // namespace parley::bench

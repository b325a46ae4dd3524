// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The Extractor with the default gazetteers and rules, built once per test
// binary and shared by its tests (an Extractor is immutable and thread-safe).
// A failure to build it fails the test that first asks for it.

#ifndef PARLEY_TESTS_DEFAULT_EXTRACTOR_H_
#define PARLEY_TESTS_DEFAULT_EXTRACTOR_H_

#include <gtest/gtest.h>

#include <utility>

#include "parley/extractor.h"

namespace parley {

inline const Extractor& DefaultExtractor() {
  static const Extractor* extractor = [] {
    Result<Extractor> created = Extractor::Create();
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return new Extractor(std::move(created).value());
  }();
  return *extractor;
}

}  // namespace parley

#endif  // PARLEY_TESTS_DEFAULT_EXTRACTOR_H_

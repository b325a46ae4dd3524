// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// FUZZ_CHECK(condition): the invariant a fuzz target asserts.  A failure
// prints the condition and aborts, which libFuzzer and the replay driver
// both report as a crash with the input that caused it.  Unlike assert(),
// it is never compiled out: fuzzers run in every build type.

#ifndef PARLEY_TESTS_FUZZ_FUZZ_CHECK_H_
#define PARLEY_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                          \
  do {                                                                 \
    if (!(condition)) {                                                \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, \
                   __LINE__, #condition);                              \
      std::abort();                                                    \
    }                                                                  \
  } while (false)

#endif  // PARLEY_TESTS_FUZZ_FUZZ_CHECK_H_

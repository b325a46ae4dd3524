// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// FUZZ_CHECK(condition): the invariant a fuzz target asserts.  A failure
// prints the condition and aborts, which libFuzzer and the replay driver
// both report as a crash with the input that caused it.  Unlike assert(),
// it is never compiled out: fuzzers run in every build type.
//
// CheckParseError(status, file, text): the invariants of a resource that
// does not load: a parse error at a line and column inside `text` (or just
// past its end) of `file`.

#ifndef PARLEY_TESTS_FUZZ_FUZZ_CHECK_H_
#define PARLEY_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "parley/status.h"

#define FUZZ_CHECK(condition)                                          \
  do {                                                                 \
    if (!(condition)) {                                                \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, \
                   __LINE__, #condition);                              \
      std::abort();                                                    \
    }                                                                  \
  } while (false)

inline void CheckParseError(const parley::Status& status, std::string_view file,
                            std::string_view text) {
  FUZZ_CHECK(status.code() == parley::StatusCode::kParseError);
  FUZZ_CHECK(status.location().has_value());
  const parley::ErrorLocation& where = *status.location();
  FUZZ_CHECK(where.file == file);
  FUZZ_CHECK(where.line >= 1);
  FUZZ_CHECK(where.column >= 1);
  std::size_t line_start = 0;
  for (int line = 1; line < where.line; ++line) {
    line_start = text.find('\n', line_start);
    FUZZ_CHECK(line_start != std::string_view::npos);
    ++line_start;
  }
  FUZZ_CHECK(line_start + where.column - 1 <= text.size());
}

#endif  // PARLEY_TESTS_FUZZ_FUZZ_CHECK_H_

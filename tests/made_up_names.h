// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Made-up name words for hostile documents that name many different
// people or topics: tests/adversarial_test.cc checks their records and
// tests/bench/linearity_bench.cc times them.  The words are built of
// syllables that no gazetteer word is, so each is a name word and nothing
// else.

#ifndef PARLEY_TESTS_MADE_UP_NAMES_H_
#define PARLEY_TESTS_MADE_UP_NAMES_H_

#include <cstddef>
#include <string>

namespace parley {

// A capitalized word of five syllables, different for each `n` below
// 16^5.
inline std::string MadeUpNameWord(std::size_t n) {
  static constexpr const char* kSyllables[] = {
      "ba", "ko", "ri", "te", "su", "na", "mi", "lo",
      "de", "fa", "gu", "pe", "zo", "ha", "vi", "ru"};
  std::string word;
  for (int i = 0; i < 5; ++i, n /= 16) word += kSyllables[n % 16];
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

}  // namespace parley

#endif  // PARLEY_TESTS_MADE_UP_NAMES_H_

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// News-like text for the benchmarks: the paragraphs of the fixture
// tests/bench/data/news_sample.txt and, when the directory exists, of the
// development corpus's *.txt files, shuffled and joined into documents of a
// chosen size.  The same size and seed give the same text on every run, so
// figures from different runs compare.
//
// It does not: invent words or names (a long document repeats the
// paragraphs it has, in a new order each pass), or vary anything but the
// order of paragraphs.

#ifndef PARLEY_TESTS_BENCH_BENCH_TEXT_H_
#define PARLEY_TESTS_BENCH_BENCH_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace parley::bench {

// The paragraphs (blocks between blank lines) of the fixture, then of the
// corpus files in name order.  Exits the process with a message on stderr
// when the fixture cannot be read: no benchmark means anything without it.
const std::vector<std::string>& NewsParagraphs();

// A document of `min_bytes` or a little more, ending at a paragraph:
// paragraphs joined by blank lines, each pass over them in an order chosen
// by `seed`.
std::string NewsDocument(std::size_t min_bytes, uint32_t seed);

// `count` documents as NewsDocument makes them, with seeds 0 to count - 1.
std::vector<std::string> NewsDocuments(std::size_t count,
                                       std::size_t min_bytes);

}  // namespace parley::bench

#endif  // PARLEY_TESTS_BENCH_BENCH_TEXT_H_

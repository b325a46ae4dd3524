// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// UTF-8 validation through ICU, so that every later stage may assume
// well-formed text.  It does not repair text: a document with a bad sequence
// is refused, and the caller says where.

#ifndef PARLEY_LIB_UTF8_H_
#define PARLEY_LIB_UTF8_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace parley {

// The byte offset of the first ill-formed sequence (overlong forms,
// surrogates, code points past U+10FFFF, truncated sequences, stray
// continuation bytes), or nullopt when `text` is well-formed UTF-8.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

}  // namespace parley

#endif  // PARLEY_LIB_UTF8_H_

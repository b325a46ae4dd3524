// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Reads a user's gazetteer or rule file whole, as bytes.  Only resources are
// read this way: the library never reads documents from files (the caller
// passes their text), and with default options it reads no file at all.

#ifndef PARLEY_LIB_FILE_READER_H_
#define PARLEY_LIB_FILE_READER_H_

#include <string>

#include "parley/status.h"

namespace parley {

// The bytes of the file at `path`, or kIoError "cannot read PATH: reason".
Result<std::string> ReadFile(const std::string& path);

}  // namespace parley

#endif  // PARLEY_LIB_FILE_READER_H_

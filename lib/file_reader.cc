// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "file_reader.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

namespace parley {

Result<std::string> ReadFile(const std::string& path) {
  const auto io_error = [&path](int error) {
    return Status(StatusCode::kIoError,
                  fmt::format("cannot read {}: {}", path,
                              std::generic_category().message(error)));
  };
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(
      std::fopen(path.c_str(), "rb"), &std::fclose);
  if (file == nullptr) return io_error(errno);
  std::string bytes;
  char buffer[1 << 16];
  std::size_t read;
  while ((read = std::fread(buffer, 1, sizeof(buffer), file.get())) > 0) {
    bytes.append(buffer, read);
  }
  if (std::ferror(file.get())) return io_error(errno != 0 ? errno : EIO);
  return bytes;
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "file_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace parley {
namespace {

TEST(FileReaderTest, ReadsBytesExactly) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "parley_file_reader_test.tsv";
  const std::string bytes("line one\r\nline\0two\n\xFF", 20);
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  Result<std::string> read = ReadFile(path.string());
  std::filesystem::remove(path);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, bytes);
}

TEST(FileReaderTest, MissingFileIsAnIoErrorNamingThePath) {
  Result<std::string> read = ReadFile("/nonexistent/dir/mine.rules");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kIoError);
  EXPECT_EQ(read.status().message(),
            "cannot read /nonexistent/dir/mine.rules: No such file or "
            "directory");
}

TEST(FileReaderTest, DirectoryIsAnIoError) {
  Result<std::string> read =
      ReadFile(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace parley

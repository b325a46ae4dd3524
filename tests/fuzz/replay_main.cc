// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A main() for a fuzz target in builds without libFuzzer (gcc, or clang
// without PARLEY_BUILD_FUZZERS): runs LLVMFuzzerTestOneInput once on every
// file named on the command line, or found directly inside a directory named
// there, in sorted order.  So the seed corpora and the inputs of past
// crashes run as ordinary tests in every build, under sanitizers too.  It
// does not mutate inputs: that is libFuzzer's job.
//
//   extract_fuzzer tests/fuzz/corpus/extract tests/fuzz/regressions/extract

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const fs::path path = argv[i];
    std::error_code error;
    if (fs::is_directory(path, error)) {
      for (const fs::directory_entry& entry : fs::directory_iterator(path)) {
        if (entry.is_regular_file()) inputs.push_back(entry.path());
      }
    } else if (fs::is_regular_file(path, error)) {
      inputs.push_back(path);
    } else {
      // A missing corpus must fail the test, not pass it with nothing run.
      std::fprintf(stderr, "%s: no such file or directory\n", argv[i]);
      return 1;
    }
  }
  std::sort(inputs.begin(), inputs.end());
  for (const fs::path& path : inputs) {
    std::ifstream file(path, std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(file)),
                           std::istreambuf_iterator<char>());
    if (!file.good() && !file.eof()) {
      std::fprintf(stderr, "%s: cannot read\n", path.c_str());
      return 1;
    }
    std::fprintf(stderr, "Running %s (%zu bytes)\n", path.c_str(), data.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()),
                           data.size());
  }
  std::fprintf(stderr, "Ran %zu inputs\n", inputs.size());
  return inputs.empty() ? 1 : 0;
}

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The default gazetteers (lib/data/*.tsv) and rules (lib/data/*.rules),
// compiled into the library by the build (lib/cmake/EmbedResources.cmake).
// Each resource is named by its file name, which records carry as
// provenance ("countries.tsv:142").

#ifndef PARLEY_LIB_DEFAULT_RESOURCES_H_
#define PARLEY_LIB_DEFAULT_RESOURCES_H_

#include <span>
#include <string_view>

namespace parley {

struct EmbeddedResource {
  std::string_view name;
  std::string_view text;
};

// In file-name order.
std::span<const EmbeddedResource> DefaultGazetteers();
std::span<const EmbeddedResource> DefaultRules();

}  // namespace parley

#endif  // PARLEY_LIB_DEFAULT_RESOURCES_H_

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Turns the office claims that rules made ("Pakistani Prime Minister X":
// title, country and holder) into offices held by known people.
//
// It does: tie each title to the person its rule named, read the office's
// state from a country word and its organization from an organization name,
// keep "former" and "-elect" as flags rather than words of the title, merge
// repeated claims of one (title, holder), and give an office with no
// country of its own the country of the holder's other offices, or else the
// state a well-known holder serves ("President Donald Trump": US).
// It does not: find titles (lib/data/people.rules does), record offices
// with no named holder, or keep a post that companies and clubs have too
// ("chief executive", generic=yes in offices.tsv) with neither a state nor
// an organization.

#ifndef PARLEY_LIB_OFFICE_FINDER_H_
#define PARLEY_LIB_OFFICE_FINDER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "person_finder.h"
#include "tokenizer.h"

namespace parley {

// What one rule match says about an office; token spans are [first, end),
// empty (first == end) when absent.
struct OfficeClaim {
  uint32_t title_first = 0, title_end = 0;
  uint32_t person_first = 0, person_end = 0;
  uint32_t country_first = 0, country_end = 0;
  uint32_t org_first = 0, org_end = 0;
  bool former = false;
  bool elect = false;
  // The title span names what the holder heads ("foreign ministry"): the
  // office is "head of the" it.
  bool heads = false;
  std::string_view rule;
};

// One office of one holder, with the title spans that state it.
struct OfficeFinding {
  std::string title;                        // as first written
  uint32_t holder = 0;                      // index into People::persons
  std::optional<std::string> country;       // ISO code
  std::optional<std::string> organization;  // display name
  bool former = false;
  bool elect = false;
  // Its head is also a post outside government ("spokesman"): kept only
  // with a state or an organization.
  bool generic = false;
  struct Span {
    uint32_t first_token, end_token;
    std::string source;
  };
  std::vector<Span> mentions;
};

// The offices of `claims`, in order of first claim.  `matches` are the
// document's gazetteer matches, to read country codes and organization
// names under the claims' spans.  `known_countries` (one per person, ""
// where unknown) is the last resort for an office's state.
std::vector<OfficeFinding> FindOffices(
    std::string_view text, const Tokens& tokens,
    std::span<const OfficeClaim> claims, const People& people,
    const Gazetteer& gazetteer, std::span<const GazetteerMatch> matches,
    const std::vector<std::string>& known_countries);

}  // namespace parley

#endif  // PARLEY_LIB_OFFICE_FINDER_H_

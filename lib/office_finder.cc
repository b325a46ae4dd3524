// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "office_finder.h"

#include <algorithm>
#include <compare>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {
namespace {

// The gazetteer entry of `type` that covers exactly tokens [first, end).
const GazetteerEntry* EntryAt(uint32_t first, uint32_t end,
                              std::string_view type, const Gazetteer& gazetteer,
                              std::span<const GazetteerMatch> matches) {
  if (first == end) return nullptr;
  auto it = std::lower_bound(
      matches.begin(), matches.end(), first,
      [](const GazetteerMatch& m, uint32_t t) { return m.first_token < t; });
  for (; it != matches.end() && it->first_token == first; ++it) {
    const GazetteerEntry& entry = gazetteer.entries()[it->entry];
    if (it->end_token == end && entry.type == type) return &entry;
  }
  return nullptr;
}

// Whether the title over tokens [first, end) could as well be the post of
// a company, party or club: its head, the last office word, is one
// ("chief executive", "spokesman": generic=yes in offices.tsv) and no
// portfolio or government unit makes it a state's ("Secretary of National
// Defense", "Foreign Office spokesperson").
bool IsGenericTitle(uint32_t first, uint32_t end, const Gazetteer& gazetteer,
                    std::span<const GazetteerMatch> matches) {
  auto starts_before = [](const GazetteerMatch& match, uint32_t token) {
    return match.first_token < token;
  };
  const GazetteerEntry* head = nullptr;
  uint32_t head_end = first;
  for (auto it = std::lower_bound(matches.begin(), matches.end(), first,
                                  starts_before);
       it != matches.end() && it->first_token < end; ++it) {
    if (it->end_token > end) continue;
    const GazetteerEntry& entry = gazetteer.entries()[it->entry];
    if (entry.type == "portfolio" || entry.type == "office_unit") return false;
    // Of the heads that end last, the longest ("Army Chief", not "Chief").
    if (entry.type == "office_head" && it->end_token > head_end) {
      head = &entry;
      head_end = it->end_token;
    }
  }
  return head != nullptr && head->Attribute("generic") == "yes";
}

// Appends the key of the title over tokens [first, end) to `keys`: its
// words normalized, a space after any but an empty start, so that "Foreign
// Minister" and "foreign minister" of one holder are one office.
void AppendTitleKey(const Tokens& tokens, uint32_t first, uint32_t end,
                    std::string& keys) {
  const std::size_t begin = keys.size();
  for (uint32_t t = first; t < end; ++t) {
    if (keys.size() != begin) keys.push_back(' ');
    keys.append(tokens.tokens[t].norm);
  }
}

}  // namespace

std::vector<OfficeFinding> FindOffices(
    std::string_view text, const Tokens& tokens,
    std::span<const OfficeClaim> claims, const People& people,
    const Gazetteer& gazetteer, std::span<const GazetteerMatch> matches,
    const std::vector<std::string>& known_countries) {
  // One title belongs to one person: where rules tie the same title span to
  // different people ("Rubio, Prime Minister Sharif and ..."),
  // the nearest person holds it.
  auto distance = [](const OfficeClaim& claim) {
    return claim.person_first >= claim.title_end
               ? claim.person_first - claim.title_end
               : claim.title_first -
                     std::min(claim.title_first, claim.person_end);
  };
  // Sorted vectors, not maps: a node per title and an allocated key per
  // claim were most of the cost of finding offices.
  struct Distance {
    uint32_t title_first, title_end, distance;
    auto operator<=>(const Distance&) const = default;
  };
  std::vector<Distance> nearest;
  nearest.reserve(claims.size());
  for (const OfficeClaim& claim : claims) {
    nearest.push_back({claim.title_first, claim.title_end, distance(claim)});
  }
  std::sort(nearest.begin(), nearest.end());
  const auto nearest_to = [&](const OfficeClaim& claim) {
    return std::lower_bound(nearest.begin(), nearest.end(),
                            Distance{claim.title_first, claim.title_end, 0})
        ->distance;
  };

  // The claims that stand, with their holders and title keys, all keys in
  // one string.
  struct Held {
    const OfficeClaim* claim;
    uint32_t holder;
    uint32_t key_begin, key_end;  // in keys
  };
  std::vector<Held> held;
  held.reserve(claims.size());
  std::string keys;
  for (const OfficeClaim& claim : claims) {
    if (distance(claim) > nearest_to(claim)) continue;
    const int holder = people.PersonAt(claim.person_first, claim.person_end);
    if (holder < 0 || claim.title_first == claim.title_end) continue;
    const auto key_begin = static_cast<uint32_t>(keys.size());
    AppendTitleKey(tokens, claim.title_first, claim.title_end, keys);
    held.push_back(Held{.claim = &claim,
                        .holder = static_cast<uint32_t>(holder),
                        .key_begin = key_begin,
                        .key_end = static_cast<uint32_t>(keys.size())});
  }
  const auto key_of = [&](const Held& h) {
    return std::string_view(keys).substr(h.key_begin, h.key_end - h.key_begin);
  };
  // Claims of one (title key, holder) make one office: the first of them
  // in claim order, which the stable sort puts first, leads the rest.
  std::vector<uint32_t> order(held.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const int by_key = key_of(held[a]).compare(key_of(held[b]));
    return by_key != 0 ? by_key < 0 : held[a].holder < held[b].holder;
  });
  // By held claim, its leader's index in held, then its office's in
  // offices: a leader comes before those it leads.
  std::vector<uint32_t> office_of(held.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Held& h = held[order[i]];
    const bool same_as_previous =
        i > 0 && held[order[i - 1]].holder == h.holder &&
        key_of(held[order[i - 1]]) == key_of(h);
    office_of[order[i]] = same_as_previous ? office_of[order[i - 1]] : order[i];
  }

  std::vector<OfficeFinding> offices;
  offices.reserve(held.size());
  for (uint32_t i = 0; i < held.size(); ++i) {
    const OfficeClaim& claim = *held[i].claim;
    if (office_of[i] == i) {
      office_of[i] = static_cast<uint32_t>(offices.size());
      const uint32_t begin = tokens.tokens[claim.title_first].begin;
      const uint32_t end = tokens.tokens[claim.title_end - 1].end;
      std::string title(text.substr(begin, end - begin));
      if (claim.heads) title.insert(0, "head of the ");
      offices.push_back(OfficeFinding{
          .title = std::move(title),
          .holder = held[i].holder,
          .generic =
              !claim.heads && IsGenericTitle(claim.title_first, claim.title_end,
                                             gazetteer, matches)});
    } else {
      office_of[i] = office_of[office_of[i]];
    }
    OfficeFinding& office = offices[office_of[i]];
    if (!office.country) {
      if (const GazetteerEntry* country =
              EntryAt(claim.country_first, claim.country_end, "country",
                      gazetteer, matches)) {
        office.country = country->id;
      }
    }
    if (!office.organization) {
      for (std::string_view type : {"organization", "forum"}) {
        if (const GazetteerEntry* org = EntryAt(claim.org_first, claim.org_end,
                                                type, gazetteer, matches)) {
          std::string_view name = org->Attribute("name");
          office.organization =
              std::string(name.empty() ? std::string_view(org->phrase) : name);
          break;
        }
      }
    }
    office.former = office.former || claim.former;
    office.elect = office.elect || claim.elect;
    std::string source;
    source.reserve(5 + claim.rule.size());
    source.append("rule:").append(claim.rule);
    office.mentions.push_back(
        OfficeFinding::Span{.first_token = claim.title_first,
                            .end_token = claim.title_end,
                            .source = std::move(source)});
  }

  // An office with neither state nor organization of its own belongs to the
  // state of the holder's other offices ("Minister Kamikawa" after "Japan's
  // Minister for Foreign Affairs Kamikawa"), or else to the state the holder
  // is known to serve.
  // By person, the country of their first office that has one.
  std::vector<const std::string*> holder_country(people.persons.size());
  for (const OfficeFinding& office : offices) {
    if (office.country && holder_country[office.holder] == nullptr) {
      holder_country[office.holder] = &*office.country;
    }
  }
  for (OfficeFinding& office : offices) {
    if (office.country || office.organization) continue;
    if (const std::string* country = holder_country[office.holder]) {
      office.country = *country;
    } else if (!known_countries[office.holder].empty()) {
      office.country = known_countries[office.holder];
    }
  }
  // "Apple chief executive Tim Cook": a post that companies and clubs
  // have too is an office only where a state or an international
  // organization is its own.
  std::erase_if(offices, [&](const OfficeFinding& office) {
    return !office.country && !office.organization && office.generic;
  });
  return offices;
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "office_finder.h"

#include <algorithm>
#include <map>
#include <utility>

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

// A title compared case-insensitively: "Foreign Minister" and "foreign
// minister" of one holder are one office.
std::string TitleKey(const Tokens& tokens, uint32_t first, uint32_t end) {
  std::string key;
  for (uint32_t t = first; t < end; ++t) {
    if (!key.empty()) key += ' ';
    key += tokens.tokens[t].norm;
  }
  return key;
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
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> nearest;
  for (const OfficeClaim& claim : claims) {
    auto [it, inserted] = nearest.emplace(
        std::make_pair(claim.title_first, claim.title_end), distance(claim));
    if (!inserted) it->second = std::min(it->second, distance(claim));
  }

  std::vector<OfficeFinding> offices;
  std::map<std::pair<std::string, uint32_t>, std::size_t> index;
  for (const OfficeClaim& claim : claims) {
    if (distance(claim) >
        nearest[std::make_pair(claim.title_first, claim.title_end)]) {
      continue;
    }
    const int holder = people.PersonAt(claim.person_first, claim.person_end);
    if (holder < 0 || claim.title_first == claim.title_end) continue;
    auto [it, inserted] = index.emplace(
        std::make_pair(TitleKey(tokens, claim.title_first, claim.title_end),
                       static_cast<uint32_t>(holder)),
        offices.size());
    if (inserted) {
      const uint32_t begin = tokens.tokens[claim.title_first].begin;
      const uint32_t end = tokens.tokens[claim.title_end - 1].end;
      std::string title(text.substr(begin, end - begin));
      if (claim.heads) title.insert(0, "head of the ");
      offices.push_back(OfficeFinding{
          .title = std::move(title),
          .holder = static_cast<uint32_t>(holder),
          .generic =
              !claim.heads && IsGenericTitle(claim.title_first, claim.title_end,
                                             gazetteer, matches)});
    }
    OfficeFinding& office = offices[it->second];
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
    office.mentions.push_back(
        OfficeFinding::Span{.first_token = claim.title_first,
                            .end_token = claim.title_end,
                            .source = "rule:" + std::string(claim.rule)});
  }

  // An office with neither state nor organization of its own belongs to the
  // state of the holder's other offices ("Minister Kamikawa" after "Japan's
  // Minister for Foreign Affairs Kamikawa"), or else to the state the holder
  // is known to serve.
  std::map<uint32_t, std::string> holder_country;
  for (const OfficeFinding& office : offices) {
    if (office.country) holder_country.emplace(office.holder, *office.country);
  }
  for (OfficeFinding& office : offices) {
    if (office.country || office.organization) continue;
    auto it = holder_country.find(office.holder);
    if (it != holder_country.end()) {
      office.country = it->second;
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

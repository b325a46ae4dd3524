// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "rule_claims.h"

namespace parley {

void AddClaims(const RuleMatch& match, std::string_view rule_id,
               Claims& claims) {
  const Capture* person = nullptr;
  const Capture* titles[2] = {nullptr, nullptr};
  OfficeClaim office{.rule = rule_id};
  for (const Capture& capture : match.captures) {
    if (capture.name == "person") {
      person = &capture;
    } else if (capture.name == "title") {
      titles[0] = &capture;
    } else if (capture.name == "title2") {
      titles[1] = &capture;
    } else if (capture.name == "headed") {
      titles[0] = &capture;
      office.heads = true;
    } else if (capture.name == "country") {
      office.country_first = capture.first_token;
      office.country_end = capture.end_token;
    } else if (capture.name == "org") {
      office.org_first = capture.first_token;
      office.org_end = capture.end_token;
    } else if (capture.name == "former") {
      office.former = capture.end_token > capture.first_token;
    } else if (capture.name == "elect") {
      office.elect = capture.end_token > capture.first_token;
    }
  }
  if (person == nullptr || person->end_token <= person->first_token) return;
  claims.names.push_back(NameSpan{.first_token = person->first_token,
                                  .end_token = person->end_token,
                                  .rule = rule_id});
  office.person_first = person->first_token;
  office.person_end = person->end_token;
  for (const Capture* title : titles) {
    if (title == nullptr || title->end_token <= title->first_token) continue;
    office.title_first = title->first_token;
    office.title_end = title->end_token;
    claims.offices.push_back(office);
  }
}

}  // namespace parley

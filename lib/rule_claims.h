// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Reads what a rule match says, from the names of its captures (README,
// "Rules"): `person` is a name; `title` and `title2` are offices of that
// person; `country` and `org` whose offices they are; `former` and `elect`
// flag a past or future holder.  Captures with other names are ignored here,
// so that users' rules may carry captures for their own use.
//
// It does not judge the claims: the people and office stages do.

#ifndef PARLEY_LIB_RULE_CLAIMS_H_
#define PARLEY_LIB_RULE_CLAIMS_H_

#include <string_view>
#include <vector>

#include "office_finder.h"
#include "person_finder.h"
#include "rule_matcher.h"

namespace parley {

struct Claims {
  std::vector<NameSpan> names;
  std::vector<OfficeClaim> offices;
};

// Adds the claims of `match`, a match of the rule named `rule_id`.
void AddClaims(const RuleMatch& match, std::string_view rule_id,
               Claims& claims);

}  // namespace parley

#endif  // PARLEY_LIB_RULE_CLAIMS_H_

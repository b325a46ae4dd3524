// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Writes a parsed pattern (rule_parser.h) back in the rule language, to
// show what a rule has become once parsed: macros expanded, literals
// tokenized and normalized, attribute tests sorted, and only the
// parentheses that the operators' precedence needs.
//
//   // macro NAME_WORD = [Title] | [Upper] ;
//   // macro PERSON = NAME_WORD{1,3} ;
//   // rule title-name : title=(@office_head+) person=(PERSON) ;
//   std::string text = parley::PatternString(rule.pattern);
//   // "title=(@office_head+) person=(([Title] | [Upper]){1,3})"
//
// It does not: print a rule's id or the names of its macros (a pattern
// keeps neither), nor the terms a condition was normalized to: a bracketed
// condition prints as it was written.

#ifndef PARLEY_LIB_PATTERN_PRINTER_H_
#define PARLEY_LIB_PATTERN_PRINTER_H_

#include <string>

#include "rule_parser.h"

namespace parley {

// `pattern` written in the rule language, macros expanded:
// `title=(@office_head+) person=(([Title] | [Upper]){1,3})`.
std::string PatternString(const Pattern& pattern);

}  // namespace parley

#endif  // PARLEY_LIB_PATTERN_PRINTER_H_

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "pattern_printer.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rule_lexer.h"
#include "rule_parser.h"

namespace parley {
namespace {

std::string Quote(std::string_view prefix,
                  const std::vector<std::string>& words) {
  std::string out(prefix);
  out += '"';
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ' ';
    for (char c : words[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
  }
  out += '"';
  return out;
}

std::string SelectorString(const AnnotationSelector& selector) {
  std::string out = "@" + selector.type;
  for (size_t i = 0; i < selector.tests.size(); ++i) {
    const AttributeTest& test = selector.tests[i];
    out += i == 0 ? "[" : ", ";
    out += test.key + (test.equal ? "=" : "!=");
    out += LexesAsOneWord(test.value) ? test.value : Quote("", {test.value});
  }
  if (!selector.tests.empty()) out += "]";
  return out;
}

void Print(const Pattern& pattern, std::string* out);

// `pattern` as an operand of a sequence (`wrap_sequence` false) or of a
// repetition (true).
void PrintOperand(const Pattern& pattern, bool wrap_sequence,
                  std::string* out) {
  const bool wrap =
      pattern.kind == Pattern::Kind::kAlternation ||
      (wrap_sequence && (pattern.kind == Pattern::Kind::kSequence ||
                         pattern.kind == Pattern::Kind::kRepeat));
  if (wrap) *out += '(';
  Print(pattern, out);
  if (wrap) *out += ')';
}

void Print(const Pattern& pattern, std::string* out) {
  switch (pattern.kind) {
    case Pattern::Kind::kToken:
      *out += pattern.text;
      return;
    case Pattern::Kind::kWords:
      *out += Quote("", pattern.words);
      return;
    case Pattern::Kind::kExactWords:
      *out += Quote("c", pattern.words);
      return;
    case Pattern::Kind::kPhrase:
      *out += SelectorString(pattern.selector);
      return;
    case Pattern::Kind::kSequence:
      for (size_t i = 0; i < pattern.children.size(); ++i) {
        if (i > 0) *out += ' ';
        PrintOperand(pattern.children[i], false, out);
      }
      return;
    case Pattern::Kind::kAlternation:
      for (size_t i = 0; i < pattern.children.size(); ++i) {
        if (i > 0) *out += " | ";
        Print(pattern.children[i], out);
      }
      return;
    case Pattern::Kind::kRepeat: {
      PrintOperand(pattern.children[0], true, out);
      const int min = pattern.min_count;
      const int max = pattern.max_count;
      if (min == 0 && max == 1) {
        *out += '?';
      } else if (min == 0 && max == Pattern::kUnbounded) {
        *out += '*';
      } else if (min == 1 && max == Pattern::kUnbounded) {
        *out += '+';
      } else {
        // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on
        // concatenating the bounds.
        *out += '{';
        *out += std::to_string(min);
        if (max != min) {
          *out += ',';
          if (max != Pattern::kUnbounded) *out += std::to_string(max);
        }
        *out += '}';
      }
      return;
    }
    case Pattern::Kind::kCapture:
      *out += pattern.name + "=(";
      Print(pattern.children[0], out);
      *out += ')';
      return;
  }
}

}  // namespace

std::string PatternString(const Pattern& pattern) {
  std::string out;
  Print(pattern, &out);
  return out;
}

}  // namespace parley

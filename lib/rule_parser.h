// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The rule language: token patterns that find people, offices and meetings
// in tokenized sentences.  This file parses rule files into patterns with
// their macros expanded and every static error reported as a kParseError
// naming file, line, column and fragment.  It reads the text with
// rule_lexer.h and normalizes bracketed conditions with token_conditions.h;
// pattern_printer.h writes the patterns back as text.  It does not match
// anything: rule_matcher.h compiles each pattern to a TokenProgram that
// runs over the tokens (token_program.h), and runs a pattern that no
// program takes on RE2 over the tokens encoded as bytes (token_encoding.h).
//
// The language
// ------------
//
// A rule file is a list of definitions, each ending with ';'.  '#' starts a
// comment that runs to the end of the line.
//
//   # A name word is capitalized and not part of an office title.
//   macro NAME_WORD = [Cap & !@office_head] ;
//   macro PERSON = NAME_WORD{1,3} ;
//
//   # "Foreign Minister Ishaq Dar"
//   rule title-name : title=(@office_head+) person=(PERSON) ;
//
//   # "Dar met with Wang Yi", "Dar meets Wang Yi"
//   rule met-with : a=(PERSON) ("met" | "meets") "with"? b=(PERSON) ;
//
//   # "Pakistani", "Afghan"
//   rule country-adj : @country[form=adjective] ;
//
//   # "the US", but not "us"
//   rule us : "the" c"US" ;
//
// Definitions:
//
//   rule ID : PATTERN ;     ID: lowercase letters, digits and '-'
//   macro NAME = PATTERN ;  NAME: uppercase letters, digits and '_'
//
// A macro stands for its pattern wherever a later definition names it; it
// must be defined before it is used, so macros cannot refer to themselves.
//
// Elements of a pattern (each matches one or more tokens):
//
//   "met"          a token whose normalized form is "met": case and
//                  diacritics are folded, so it also matches "Met" and "MET"
//   "held talks"   a literal is tokenized like text: here two tokens
//   ","  "'s"  "-" punctuation and possessive endings are tokens too
//   c"US"          tokens exactly as written: matches "US", not "us"
//   [Title]        one token of a class (see below)
//   [Cap & !"the"] one token that satisfies a condition (see below)
//   @office_head   a whole phrase annotated with that type, by a gazetteer
//                  or by the pipeline
//   @country[form=adjective]
//                  such a phrase whose attributes pass the tests (see below)
//   PERSON         a macro
//   ( ... )        a group
//   name=( ... )   a named capture: the tokens it matches are reported under
//                  `name` (lowercase letters, digits and '_')
//
// Operators, tightest first:
//
//   X?  X*  X+  X{n}  X{m,n}  X{m,}    repetition, bounds at most 64
//   X Y                                sequence
//   X | Y                              alternation
//
// Token classes:
//
//   Word  Num  Punct  Sym   the token's kind: a word, a number, punctuation,
//                           a symbol
//   Any                     every token
//   Lower  Title  Upper     its case: "minister", "Dar", "TTP" or "U.S."
//   Mixed                   mixed case: "iPhone", "McDONALD"
//   Cap                     Title, Upper, or Mixed starting with a capital
//
// A condition in brackets tests one token.  Its parts are token classes,
// one-word literals ("the", c"US") and annotation types (@not_name: the
// token lies inside such a phrase), combined with ! (not), & (and) and
// | (or), tightest first, and parentheses:
//
//   [Title | Upper]   [Cap & !@not_name]   [Punct & !("." | "?")]
//
// Attribute tests follow an annotation type with no space before '[':
// @type[key=value] holds when the phrase has `key` with that value,
// @type[key!=value] when it has not; several tests are separated by ','
// and must all hold.  A value is a word or a quoted string:
//
//   @city[country=AF, capital=yes]   @title[kind!="honorific"]
//
// Matching: a rule reports every leftmost-longest match in a sentence, one
// after the other without overlap; captures report the tokens they matched
// (inside a repetition, in its last repeat).  @type matches a whole phrase
// from its first token to its last; where phrases of one type overlap, it
// may also match a span that chains them.  See rule_matcher.h.
//
// Limits: a pattern must match at least one token; a repetition bound is at
// most 64 and bounds of nested repetitions multiply to at most 1000; a rule
// expands to at most 10000 elements and 100 levels of nesting; brackets nest
// at most 32 deep in the text; a condition expands to at most 32
// alternatives; all rules together test at most 222 annotation facts, six
// per type used as a phrase and one per type only tested in conditions.
//
// Speed: matching takes time linear in the text whatever the rules, but a
// rule that expands to a large pattern is slower to match: its program
// has a state per token test, and one with more than 4,096 runs on RE2
// instead (token_program.h).  Bounded repetitions copy their operand
// (X{0,4} is four X), so prefer X* to X{0,n} around a large macro.
//
// Rule ids are unique within a file, and so are macro names.  A later file
// may define a rule or macro again: the new definition replaces the old one
// (a rule keeps its place in the order of rules).

#ifndef PARLEY_LIB_RULE_PARSER_H_
#define PARLEY_LIB_RULE_PARSER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/status.h"
#include "token_conditions.h"

namespace parley {

// A rule file's text and the name its errors carry.
struct RuleSource {
  std::string_view name;
  std::string_view text;
};

struct Pattern;

// The children of a pattern, shared between copies until one is changed:
// a macro's pattern is copied at every use, and its subtrees need not be.
class PatternList {
 public:
  PatternList() = default;
  PatternList(std::vector<Pattern> patterns);  // NOLINT: implicit, as a vector

  size_t size() const;
  const Pattern& operator[](size_t i) const;
  const Pattern* begin() const;
  const Pattern* end() const;
  operator std::span<const Pattern>() const;  // NOLINT: implicit

  void push_back(Pattern pattern);

 private:
  // Null while empty.
  std::shared_ptr<std::vector<Pattern>> patterns_;
};

// A parsed pattern, with macros expanded.
struct Pattern {
  enum class Kind : uint8_t {
    kToken,        // one token satisfying one of `terms`
    kWords,        // one token per normalized word of `words`
    kExactWords,   // one token per word of `words`, as written
    kPhrase,       // one whole phrase that `selector` accepts
    kSequence,     // `children` one after another
    kAlternation,  // one of `children`
    kRepeat,       // children[0], from min_count to max_count times
    kCapture,      // children[0], reported under `name`
  };
  static constexpr int kUnbounded = -1;

  Kind kind = Kind::kSequence;
  std::string text;  // kToken: the condition as written, "[Cap & !\"the\"]"
  std::vector<TokenTerm> terms;
  std::vector<std::string> words;
  AnnotationSelector selector;
  PatternList children;
  int min_count = 0;
  int max_count = 0;  // or kUnbounded
  std::string name;
};

inline PatternList::PatternList(std::vector<Pattern> patterns)
    : patterns_(patterns.empty() ? nullptr
                                 : std::make_shared<std::vector<Pattern>>(
                                       std::move(patterns))) {}
inline size_t PatternList::size() const {
  return patterns_ ? patterns_->size() : 0;
}
inline const Pattern& PatternList::operator[](size_t i) const {
  return (*patterns_)[i];
}
inline const Pattern* PatternList::begin() const {
  return patterns_ ? patterns_->data() : nullptr;
}
inline const Pattern* PatternList::end() const {
  return patterns_ ? patterns_->data() + patterns_->size() : nullptr;
}
inline PatternList::operator std::span<const Pattern>() const {
  return {begin(), size()};
}

struct Rule {
  std::string id;
  ErrorLocation location;  // of the id; the fragment is the id
  Pattern pattern;
};

// Parses `sources` in order.  The rules come in the order of their first
// definition.  Fails at the first error.
Result<std::vector<Rule>> ParseRules(std::span<const RuleSource> sources);

// Whether `pattern` can match no token at all ("x?", "(x | y*)").
bool CanBeEmpty(const Pattern& pattern);

// How many copies of the repeated pattern RE2 spells out for a repetition
// of these bounds: x{2,4} is four, x{3,} three; ?, * and + are one.
int RepeatFactor(int min_count, int max_count);

}  // namespace parley

#endif  // PARLEY_LIB_RULE_PARSER_H_

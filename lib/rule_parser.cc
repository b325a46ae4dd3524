// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A hand-written recursive-descent parser for the rule language of
// rule_parser.h, over the lexemes of rule_lexer.h.  Macros are expanded as
// they are used; bracketed conditions are normalized (token_conditions.h)
// as they are parsed, so that the matcher only compiles and never has to
// report a condition error.

#include "rule_parser.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rule_lexer.h"
#include "token_conditions.h"
#include "tokenizer.h"

namespace parley {

void PatternList::push_back(Pattern pattern) {
  if (!patterns_) {
    patterns_ = std::make_shared<std::vector<Pattern>>();
  } else if (patterns_.use_count() > 1) {
    patterns_ = std::make_shared<std::vector<Pattern>>(*patterns_);
  }
  patterns_->push_back(std::move(pattern));
}

namespace {

constexpr int kMaxRepeat = 64;
// RE2 refuses nested counted repetitions whose bounds multiply past 1000;
// the parser says so first, at the repetition.
constexpr int kMaxRepeatProduct = 1000;
constexpr int kMaxPatternNodes = 10000;
// Brackets open at once in the text, and levels of a pattern with macros
// expanded: both bound the recursion of the parser, the matcher and RE2.
constexpr int kMaxNesting = 32;
constexpr int kMaxPatternDepth = 100;
constexpr size_t kMaxFragmentBytes = 60;

bool AllOf(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}

bool IsRuleId(std::string_view s) {
  return AllOf(s, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool IsMacroName(std::string_view s) {
  return !s.empty() && s[0] >= 'A' && s[0] <= 'Z' && AllOf(s, [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsCaptureName(std::string_view s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z' && AllOf(s, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsNumber(std::string_view s) {
  return AllOf(s, [](char c) { return c >= '0' && c <= '9'; });
}

// At most kMaxFragmentBytes, cut at a UTF-8 character boundary.
std::string Shorten(std::string_view text) {
  if (text.size() <= kMaxFragmentBytes) return std::string(text);
  size_t cut = kMaxFragmentBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "...";
}

int Depth(const Pattern& pattern) {
  int depth = 0;
  for (const Pattern& child : pattern.children) {
    depth = std::max(depth, Depth(child));
  }
  return depth + 1;
}

// The largest product of nested repetition factors within `pattern`.
int RepeatProduct(const Pattern& pattern) {
  int inner = 1;
  for (const Pattern& child : pattern.children) {
    inner = std::max(inner, RepeatProduct(child));
  }
  if (pattern.kind != Pattern::Kind::kRepeat) return inner;
  return RepeatFactor(pattern.min_count, pattern.max_count) * inner;
}

// A pattern of `kind` from `parts`, flattening parts of the same kind.
Pattern Combine(Pattern::Kind kind, std::vector<Pattern> parts) {
  if (parts.size() == 1) return std::move(parts[0]);
  Pattern result;
  result.kind = kind;
  for (Pattern& part : parts) {
    if (part.kind == kind) {
      for (const Pattern& child : part.children)
        result.children.push_back(child);
    } else {
      result.children.push_back(std::move(part));
    }
  }
  return result;
}

struct Macro {
  Pattern pattern;
  int nodes = 0;
};

// What the sources define so far.
struct Definitions {
  std::map<std::string, Macro, std::less<>> macros;
  std::vector<Rule> rules;
  std::map<std::string, size_t, std::less<>> rule_index;
};

bool IsQuantifier(const Lexeme& lexeme) {
  return lexeme.Is("?") || lexeme.Is("*") || lexeme.Is("+") || lexeme.Is("{");
}

class Parser {
 public:
  Parser(std::string_view file, std::string_view text, Definitions* definitions)
      : file_(file), text_(text), lexer_(text), definitions_(definitions) {}

  Status ParseFile() {
    while (true) {
      const Lexeme& next = Peek();
      Status status;
      if (next.kind == Lexeme::Kind::kEnd) return OkStatus();
      if (next.IsWord("rule")) {
        status = ParseRule();
      } else if (next.IsWord("macro")) {
        status = ParseMacro();
      } else {
        status = Error(next, "expected 'rule' or 'macro'");
      }
      if (!status.ok()) return status;
    }
  }

 private:
  // Where the pattern being parsed is, for the message about an empty one.
  enum class Context { kDefinition, kGroup };

  // Whether the sequence being parsed ends here: at '|', ')', ';', the end,
  // or the next definition (a missing ';').
  bool AtSequenceEnd() {
    const Lexeme& next = Peek();
    if (next.IsWord("rule") || next.IsWord("macro")) return !Peek(1).Is("=");
    return next.kind == Lexeme::Kind::kEnd || next.Is("|") || next.Is(")") ||
           next.Is(";");
  }

  const Lexeme& Peek(size_t k = 0) {
    while (ahead_.size() <= k) ahead_.push_back(lexer_.Next());
    return ahead_[k];
  }

  Lexeme Take() {
    Peek();
    Lexeme lexeme = std::move(ahead_.front());
    ahead_.pop_front();
    last_end_ = lexeme.end();
    return lexeme;
  }

  Status ErrorAt(const Lexeme& at, std::string_view fragment,
                 std::string message) const {
    return Status(StatusCode::kParseError, std::move(message),
                  ErrorLocation{std::string(file_), at.line, at.column,
                                Shorten(fragment), std::nullopt});
  }

  // An error at `at`; a lexical error there takes precedence.
  Status Error(const Lexeme& at, std::string message) const {
    if (at.kind == Lexeme::Kind::kError) return ErrorAt(at, at.text, at.value);
    return ErrorAt(at, at.text, std::move(message));
  }

  // An error whose fragment runs from `from` to the last token taken.
  Status ErrorFrom(const Lexeme& from, std::string message) const {
    return ErrorAt(from, text_.substr(from.offset, last_end_ - from.offset),
                   std::move(message));
  }

  // Takes an opening bracket.
  Result<Lexeme> Open() {
    if (++nesting_ > kMaxNesting) {
      return Error(Peek(), "too many nested brackets: more than " +
                               std::to_string(kMaxNesting));
    }
    return Take();
  }

  // Takes the bracket that closes `open`, if it is next.
  bool Close(std::string_view bracket) {
    if (!Peek().Is(bracket)) return false;
    --nesting_;
    Take();
    return true;
  }

  Status CountNodes(int nodes, const Lexeme& at) {
    nodes_ += nodes;
    if (nodes_ <= kMaxPatternNodes) return OkStatus();
    return Error(at, "pattern too large: more than " +
                         std::to_string(kMaxPatternNodes) +
                         " elements after expanding macros");
  }

  Status ParseRule() {
    Take();  // rule
    const Lexeme id = Take();
    if (id.kind != Lexeme::Kind::kWord || !IsRuleId(id.text)) {
      if (id.kind == Lexeme::Kind::kWord) {
        return Error(id, "bad rule id '" + std::string(id.text) +
                             "'; use lowercase letters, digits and '-'");
      }
      return Error(id, "expected a rule id after 'rule'");
    }
    auto [defined, inserted] = rules_here_.emplace(id.text, id.line);
    if (!inserted) {
      return Error(id, "duplicate rule id '" + std::string(id.text) +
                           "' (first defined at line " +
                           std::to_string(defined->second) + ")");
    }
    if (!Peek().Is(":")) {
      return Error(Peek(),
                   "expected ':' after rule id '" + std::string(id.text) + "'");
    }
    Take();
    Result<Pattern> pattern =
        ParseDefinitionBody("rule '" + std::string(id.text) + "'", true);
    if (!pattern.ok()) return pattern.status();

    Rule rule{std::string(id.text),
              ErrorLocation{std::string(file_), id.line, id.column,
                            std::string(id.text), std::nullopt},
              std::move(*pattern)};
    auto [index, added] =
        definitions_->rule_index.emplace(rule.id, definitions_->rules.size());
    if (added) {
      definitions_->rules.push_back(std::move(rule));
    } else {
      definitions_->rules[index->second] = std::move(rule);
    }
    return OkStatus();
  }

  Status ParseMacro() {
    Take();  // macro
    const Lexeme name = Take();
    if (name.kind != Lexeme::Kind::kWord || !IsMacroName(name.text)) {
      if (name.kind == Lexeme::Kind::kWord) {
        return Error(name, "bad macro name '" + std::string(name.text) +
                               "'; use uppercase letters, digits and '_'");
      }
      return Error(name, "expected a macro name after 'macro'");
    }
    auto [defined, inserted] = macros_here_.emplace(name.text, name.line);
    if (!inserted) {
      return Error(name, "duplicate macro '" + std::string(name.text) +
                             "' (first defined at line " +
                             std::to_string(defined->second) + ")");
    }
    if (!Peek().Is("=")) {
      return Error(Peek(), "expected '=' after macro name '" +
                               std::string(name.text) + "'");
    }
    Take();
    Result<Pattern> pattern =
        ParseDefinitionBody("macro '" + std::string(name.text) + "'", false);
    if (!pattern.ok()) return pattern.status();
    definitions_->macros[std::string(name.text)] =
        Macro{std::move(*pattern), nodes_};
    return OkStatus();
  }

  // PATTERN ';' of `what`, a rule (which must match tokens) or a macro.
  Result<Pattern> ParseDefinitionBody(const std::string& what, bool rule) {
    nodes_ = 0;
    const Lexeme start = Peek();
    Result<Pattern> pattern = ParseAlternation(Context::kDefinition);
    if (!pattern.ok()) return pattern;
    const Lexeme& end = Peek();
    if (end.Is(")")) return Error(end, "unmatched ')'");
    if (!end.Is(";")) return Error(end, "missing ';' at the end of " + what);
    if (rule && CanBeEmpty(*pattern)) {
      return ErrorFrom(start, "pattern can match no tokens");
    }
    if (Depth(*pattern) > kMaxPatternDepth) {
      return ErrorFrom(start, "pattern nested too deeply: more than " +
                                  std::to_string(kMaxPatternDepth) +
                                  " levels after expanding macros");
    }
    Take();
    return pattern;
  }

  // sequence ('|' sequence)*
  Result<Pattern> ParseAlternation(Context context) {
    std::vector<Pattern> alternatives;
    while (true) {
      if (AtSequenceEnd()) {
        const bool alone = alternatives.empty() && !Peek().Is("|");
        std::string message = !alone                       ? "empty alternative"
                              : context == Context::kGroup ? "empty group"
                                                           : "empty pattern";
        return Error(Peek(), std::move(message));
      }
      Result<Pattern> sequence = ParseSequence();
      if (!sequence.ok()) return sequence;
      alternatives.push_back(std::move(*sequence));
      if (!Peek().Is("|")) break;
      Take();
    }
    if (alternatives.size() > 1) {
      Status status = CountNodes(1, Peek());
      if (!status.ok()) return status;
    }
    return Combine(Pattern::Kind::kAlternation, std::move(alternatives));
  }

  // item+, up to something that ends a sequence.
  Result<Pattern> ParseSequence() {
    std::vector<Pattern> items;
    while (!AtSequenceEnd()) {
      Result<Pattern> item = ParseItem();
      if (!item.ok()) return item;
      items.push_back(std::move(*item));
    }
    if (items.size() > 1) {
      Status status = CountNodes(1, Peek());
      if (!status.ok()) return status;
    }
    return Combine(Pattern::Kind::kSequence, std::move(items));
  }

  // element quantifier?
  Result<Pattern> ParseItem() {
    Result<Pattern> element = ParseElement();
    if (!element.ok() || !IsQuantifier(Peek())) return element;
    Result<Pattern> repeat = ParseQuantifier(std::move(*element));
    if (repeat.ok() && IsQuantifier(Peek())) {
      return Error(Peek(), "'" + std::string(Peek().text) +
                               "' cannot follow a repetition; use "
                               "parentheses");
    }
    return repeat;
  }

  Result<Pattern> ParseElement() {
    const Lexeme& next = Peek();
    switch (next.kind) {
      case Lexeme::Kind::kString:
      case Lexeme::Kind::kExactString:
        return ParseLiteral();
      case Lexeme::Kind::kWord:
        return ParseWordElement();
      case Lexeme::Kind::kSymbol:
        break;
      case Lexeme::Kind::kEnd:
      case Lexeme::Kind::kError:
        return Error(next, "expected a pattern element");
    }
    if (next.Is("(")) {
      Result<Lexeme> open = Open();
      if (!open.ok()) return open.status();
      Result<Pattern> group = ParseAlternation(Context::kGroup);
      if (!group.ok()) return group;
      if (!Close(")")) return Error(*open, "unclosed '('");
      return group;
    }
    if (next.Is("[")) return ParseToken();
    if (next.Is("@")) {
      Pattern phrase;
      phrase.kind = Pattern::Kind::kPhrase;
      Result<AnnotationSelector> selector = ParseSelector();
      if (!selector.ok()) return selector.status();
      phrase.selector = std::move(*selector);
      Status status = CountNodes(1, Peek());
      if (!status.ok()) return status;
      return phrase;
    }
    if (IsQuantifier(next)) {
      return Error(next,
                   "'" + std::string(next.text) + "' must follow an element");
    }
    if (next.Is("!")) {
      return Error(next, "negation goes inside brackets, as in [!\"the\"]");
    }
    return Error(next, "unexpected '" + std::string(next.text) + "'");
  }

  // A capture, a macro, or a misplaced word.
  Result<Pattern> ParseWordElement() {
    const Lexeme word = Take();
    if (Peek().Is("=")) {
      if (!IsCaptureName(word.text)) {
        return Error(word, "bad capture name '" + std::string(word.text) +
                               "'; use lowercase letters, digits and '_'");
      }
      Take();
      if (!Peek().Is("(")) {
        return Error(Peek(),
                     "expected '(' after '" + std::string(word.text) + "='");
      }
      Result<Lexeme> open = Open();
      if (!open.ok()) return open.status();
      Result<Pattern> inner = ParseAlternation(Context::kGroup);
      if (!inner.ok()) return inner;
      if (!Close(")")) return Error(*open, "unclosed '('");
      Pattern capture;
      capture.kind = Pattern::Kind::kCapture;
      capture.name = std::string(word.text);
      capture.children.push_back(std::move(*inner));
      Status status = CountNodes(1, word);
      if (!status.ok()) return status;
      return capture;
    }
    if (TokenClassShapes(word.text)) {
      return Error(word, "token class '" + std::string(word.text) +
                             "' goes in brackets: [" + std::string(word.text) +
                             "]");
    }
    if (IsMacroName(word.text)) {
      auto macro = definitions_->macros.find(word.text);
      if (macro == definitions_->macros.end()) {
        return Error(word, "unknown macro '" + std::string(word.text) + "'");
      }
      Status status = CountNodes(macro->second.nodes, word);
      if (!status.ok()) return status;
      return macro->second.pattern;
    }
    return Error(word, "bare word '" + std::string(word.text) +
                           "'; literal words go in quotes: \"" +
                           std::string(word.text) + "\"");
  }

  // The tokens of a literal: normalized forms, or as written for c"...".
  Result<std::vector<std::string>> LiteralWords(const Lexeme& literal) const {
    std::string text = literal.value;
    Tokens tokens = Tokenize(text);
    size_t skip = 0;
    // The tokenizer makes "'s" a token only after a word; in a rule it
    // always follows one, so such a literal is tokenized after a stand-in
    // word, when the stand-in stays a token of its own.
    if (text.starts_with("'") || text.starts_with("\u2019")) {
      Tokens after_word = Tokenize("x" + text);
      if (after_word.tokens[0].end == 1) {
        text = "x" + text;
        tokens = std::move(after_word);
        skip = 1;
      }
    }
    std::vector<std::string> words;
    for (size_t i = skip; i < tokens.tokens.size(); ++i) {
      const Token& token = tokens.tokens[i];
      if (literal.kind == Lexeme::Kind::kExactString) {
        words.emplace_back(std::string_view(text).substr(
            token.begin, token.end - token.begin));
      } else {
        words.push_back(token.norm);
      }
    }
    if (words.empty()) return Error(literal, "empty literal");
    return words;
  }

  Result<Pattern> ParseLiteral() {
    const Lexeme literal = Take();
    Result<std::vector<std::string>> words = LiteralWords(literal);
    if (!words.ok()) return words.status();
    Pattern pattern;
    pattern.kind = literal.kind == Lexeme::Kind::kExactString
                       ? Pattern::Kind::kExactWords
                       : Pattern::Kind::kWords;
    pattern.words = std::move(*words);
    Status status = CountNodes(1, literal);
    if (!status.ok()) return status;
    return pattern;
  }

  Result<Pattern> ParseQuantifier(Pattern element) {
    const Lexeme op = Take();
    int min_count = 0;
    int max_count = Pattern::kUnbounded;
    if (op.Is("?")) {
      max_count = 1;
    } else if (op.Is("+")) {
      min_count = 1;
    } else if (op.Is("{")) {
      Status status = ParseBounds(op, &min_count, &max_count);
      if (!status.ok()) return status;
    }
    const int product =
        RepeatFactor(min_count, max_count) * RepeatProduct(element);
    if (product > kMaxRepeatProduct) {
      return ErrorFrom(op, "nested repetitions too large: bounds multiply to " +
                               std::to_string(product) + ", more than " +
                               std::to_string(kMaxRepeatProduct));
    }
    Pattern repeat;
    repeat.kind = Pattern::Kind::kRepeat;
    repeat.min_count = min_count;
    repeat.max_count = max_count;
    repeat.children.push_back(std::move(element));
    Status status = CountNodes(1, op);
    if (!status.ok()) return status;
    return repeat;
  }

  // The rest of {n}, {m,n} or {m,} after `open`.
  Status ParseBounds(const Lexeme& open, int* min_count, int* max_count) {
    auto number = [this](int* value) {
      if (Peek().kind != Lexeme::Kind::kWord || !IsNumber(Peek().text)) {
        return false;
      }
      const Lexeme digits = Take();
      // Anything above the limit is an error anyway; do not overflow.
      *value = digits.text.size() > 6 ? 1000000
                                      : std::stoi(std::string(digits.text));
      return true;
    };
    auto malformed = [&] {
      if (Peek().kind != Lexeme::Kind::kEnd) Take();
      return ErrorFrom(open, "bad repetition; expected {n}, {m,n} or {m,}");
    };
    if (!number(min_count)) return malformed();
    *max_count = *min_count;
    if (Peek().Is(",")) {
      Take();
      *max_count = Pattern::kUnbounded;
      if (!Peek().Is("}") && !number(max_count)) return malformed();
    }
    if (!Peek().Is("}")) return malformed();
    Take();
    const int largest = std::max(*min_count, *max_count);
    if (largest > kMaxRepeat) {
      return ErrorFrom(open, "repetition bound " + std::to_string(largest) +
                                 " exceeds " + std::to_string(kMaxRepeat));
    }
    if (*max_count != Pattern::kUnbounded && *min_count > *max_count) {
      return ErrorFrom(open, "repetition minimum exceeds maximum");
    }
    if (*max_count == 0) return ErrorFrom(open, "repetition matches nothing");
    return OkStatus();
  }

  // '@' type ('[' test (',' test)* ']')?, the bracket right after the type.
  Result<AnnotationSelector> ParseSelector() {
    Take();  // @
    if (Peek().kind != Lexeme::Kind::kWord) {
      return Error(Peek(), "expected an annotation type after '@'");
    }
    const Lexeme type = Take();
    AnnotationSelector selector;
    selector.type = std::string(type.text);
    if (!Peek().Is("[") || Peek().offset != type.end()) return selector;
    const Lexeme open = Take();
    while (true) {
      const Lexeme& key = Peek();
      if (key.kind == Lexeme::Kind::kEnd || key.Is(";")) {
        return Error(open, "unclosed '['");
      }
      if (key.kind != Lexeme::Kind::kWord ||
          (!Peek(1).Is("=") && !Peek(1).Is("!="))) {
        return Error(key, "expected an attribute test such as form=adjective");
      }
      AttributeTest test;
      test.key = std::string(Take().text);
      test.equal = Take().Is("=");
      const Lexeme value = Take();
      if (value.kind == Lexeme::Kind::kWord) {
        test.value = std::string(value.text);
      } else if (value.kind == Lexeme::Kind::kString) {
        test.value = value.value;
      } else {
        return Error(value, "expected a value after '" + test.key +
                                (test.equal ? "='" : "!='"));
      }
      selector.tests.push_back(std::move(test));
      if (Peek().Is("]")) break;
      if (!Peek().Is(",")) {
        if (Peek().kind == Lexeme::Kind::kEnd || Peek().Is(";")) {
          return Error(open, "unclosed '['");
        }
        return Error(Peek(), "expected ',' or ']' after an attribute test");
      }
      Take();
    }
    Take();  // ]
    std::sort(selector.tests.begin(), selector.tests.end());
    return selector;
  }

  // '[' condition ']'
  Result<Pattern> ParseToken() {
    Result<Lexeme> opened = Open();
    if (!opened.ok()) return opened.status();
    const Lexeme open = std::move(*opened);
    Result<Condition> condition = ParseOr();
    if (!condition.ok()) return condition.status();
    if (!Close("]")) {
      const Lexeme& close = Peek();
      if (close.kind == Lexeme::Kind::kEnd || close.Is(";") ||
          close.IsWord("rule") || close.IsWord("macro")) {
        return Error(open, "unclosed '['");
      }
      return Error(close, "expected '&', '|' or ']' in a condition");
    }
    std::optional<std::vector<TokenTerm>> terms = ConditionTerms(*condition);
    if (!terms) {
      return ErrorFrom(open, "condition too complex: more than " +
                                 std::to_string(kMaxConditionTerms) +
                                 " alternatives");
    }
    if (terms->empty()) return ErrorFrom(open, "condition never holds");
    Pattern token;
    token.kind = Pattern::Kind::kToken;
    token.text =
        std::string(text_.substr(open.offset, last_end_ - open.offset));
    token.terms = std::move(*terms);
    Status status = CountNodes(1, open);
    if (!status.ok()) return status;
    return token;
  }

  Result<Condition> ParseOr() {
    return ParseBinary("|", Condition::Op::kOr, &Parser::ParseAnd);
  }

  Result<Condition> ParseAnd() {
    return ParseBinary("&", Condition::Op::kAnd, &Parser::ParseUnary);
  }

  Result<Condition> ParseBinary(std::string_view symbol, Condition::Op op,
                                Result<Condition> (Parser::*operand)()) {
    Result<Condition> first = (this->*operand)();
    if (!first.ok() || !Peek().Is(symbol)) return first;
    Condition result;
    result.op = op;
    result.operands.push_back(std::move(*first));
    while (Peek().Is(symbol)) {
      Take();
      Result<Condition> next = (this->*operand)();
      if (!next.ok()) return next;
      result.operands.push_back(std::move(*next));
    }
    return result;
  }

  // '!'* atom, counting the '!' rather than recursing on them.
  Result<Condition> ParseUnary() {
    bool negated = false;
    while (Peek().Is("!")) {
      Take();
      negated = !negated;
    }
    Result<Condition> operand = ParseAtom();
    if (!operand.ok() || !negated) return operand;
    Condition result;
    result.op = Condition::Op::kNot;
    result.operands.push_back(std::move(*operand));
    return result;
  }

  Result<Condition> ParseAtom() {
    const Lexeme& next = Peek();
    Condition atom;
    if (next.Is("(")) {
      Result<Lexeme> open = Open();
      if (!open.ok()) return open.status();
      Result<Condition> inner = ParseOr();
      if (!inner.ok()) return inner;
      if (!Close(")")) return Error(*open, "unclosed '('");
      return inner;
    }
    if (next.Is("@")) {
      Result<AnnotationSelector> selector = ParseSelector();
      if (!selector.ok()) return selector.status();
      atom.op = Condition::Op::kInside;
      atom.atom.annotations.push_back(InsideTest{std::move(*selector), true});
      return atom;
    }
    if (next.kind == Lexeme::Kind::kWord) {
      std::optional<uint32_t> shapes = TokenClassShapes(next.text);
      if (!shapes) {
        return Error(next,
                     "unknown token class '" + std::string(next.text) + "'");
      }
      Take();
      atom.op = Condition::Op::kClass;
      atom.atom.shapes = *shapes;
      return atom;
    }
    if (next.kind == Lexeme::Kind::kString ||
        next.kind == Lexeme::Kind::kExactString) {
      const Lexeme literal = Take();
      Result<std::vector<std::string>> words = LiteralWords(literal);
      if (!words.ok()) return words.status();
      if (words->size() != 1) {
        return Error(literal, "a condition tests one token, but " +
                                  std::string(literal.text) + " is " +
                                  std::to_string(words->size()) + " tokens");
      }
      const bool exact = literal.kind == Lexeme::Kind::kExactString;
      atom.op = exact ? Condition::Op::kExactWord : Condition::Op::kWord;
      (exact ? atom.atom.exact : atom.atom.norm) =
          WordSet{std::move(*words), false};
      return atom;
    }
    return Error(next,
                 "expected a token class, a literal or an annotation "
                 "type in a condition");
  }

  std::string_view file_;
  std::string_view text_;
  Lexer lexer_;
  std::deque<Lexeme> ahead_;  // a deque keeps Peek() references valid
  size_t last_end_ = 0;
  Definitions* definitions_;
  // Definitions of this source, with their lines, to refuse duplicates.
  std::map<std::string, int, std::less<>> rules_here_;
  std::map<std::string, int, std::less<>> macros_here_;
  // Elements in the definition being parsed, macros expanded.
  int nodes_ = 0;
  // Brackets open at the current token.
  int nesting_ = 0;
};

}  // namespace

int RepeatFactor(int min_count, int max_count) {
  if (max_count == Pattern::kUnbounded) return min_count <= 1 ? 1 : min_count;
  if (min_count == 0 && max_count == 1) return 1;
  return max_count;
}

bool CanBeEmpty(const Pattern& pattern) {
  switch (pattern.kind) {
    case Pattern::Kind::kToken:
    case Pattern::Kind::kWords:
    case Pattern::Kind::kExactWords:
    case Pattern::Kind::kPhrase:
      return false;
    case Pattern::Kind::kSequence:
      return std::all_of(pattern.children.begin(), pattern.children.end(),
                         CanBeEmpty);
    case Pattern::Kind::kAlternation:
      return std::any_of(pattern.children.begin(), pattern.children.end(),
                         CanBeEmpty);
    case Pattern::Kind::kRepeat:
      return pattern.min_count == 0 || CanBeEmpty(pattern.children[0]);
    case Pattern::Kind::kCapture:
      return CanBeEmpty(pattern.children[0]);
  }
  return false;
}

Result<std::vector<Rule>> ParseRules(std::span<const RuleSource> sources) {
  Definitions definitions;
  for (const RuleSource& source : sources) {
    Parser parser(source.name, source.text, &definitions);
    Status status = parser.ParseFile();
    if (!status.ok()) return status;
  }
  return std::move(definitions.rules);
}

}  // namespace parley

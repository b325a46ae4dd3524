// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The date recognizer in three steps.
//
// Scan: one RE2 holding every form of date_forms.h as an alternative,
// searched leftmost-longest over the whole text, yields the candidate
// spans in one linear pass.
//
// Parse: a candidate of one word that is a date by itself ("Monday",
// "2024", "today"), more than half of them, names its form and is its own
// part; over any other an anchored RE2::Set names its form, and the parts
// are its runs of letters and digits in the commonest forms ("March 22",
// "last week") or else what the form's own RE2 captures.  The words around
// the span reject what is not a date ("every Monday", "April Ryan", "the
// next week", "of 2000 troops").  Where the value depends on tense,
// TenseReader (tense_reader.h) walks out from the date to the nearest
// tense cue of its sentence.
//
// Resolve: once one reading per repeated day or month has been chosen for
// the whole document, DateResolver (date_resolver.h) values the mentions
// in text order, so that "the same day" and "a week later" can use the
// dates before them.
//
// The words around a span are read as runs of ASCII letters
// (ascii_words.h): every word the rules look at (prepositions, "every",
// tense cues) is ASCII, and UTF-8 never puts an ASCII byte inside a
// multi-byte character.  All look-arounds are bounded, so the whole is
// linear in the text.
//
// It does not tokenize, tag parts of speech, or parse clauses: tense is the
// nearest cue word, clause punctuation counting as distance.

#include "date_recognizer.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ascii_words.h"
#include "date_forms.h"
#include "date_resolver.h"
#include "tense_reader.h"

namespace parley {
namespace {

using Span = std::pair<uint32_t, uint32_t>;

// ---------------------------------------------------------------------------
// Word lists.

// Capitalized words that make a weekday part of a holiday's name.
constexpr std::string_view kHolidayPrefixes[] = {
    "Ash",  "Black", "Bloody", "Cyber", "Easter",
    "Good", "Holy",  "Maundy", "Palm",  "Super",
};

// Words after which a bare year is read as a year: prepositions,
// determiners, and the words that modify a year.
constexpr std::string_view kYearLeaders[] = {
    "in",     "since",   "until",  "till",   "by",     "from",
    "to",     "through", "before", "after",  "during", "between",
    "of",     "and",     "or",     "early",  "late",   "mid",
    "around", "circa",   "the",    "a",      "an",     "its",
    "his",    "her",     "their",  "our",    "year",   "spring",
    "summer", "autumn",  "fall",   "winter", "for",    "throughout",
};

// Determiners after which a year modifies a plural noun ("the 2024
// elections") rather than counting it ("2000 troops").
constexpr std::string_view kDeterminers[] = {"the",   "its", "his", "her",
                                             "their", "our", "'s"};

// Words after which "March", "April", "May" or "June" alone is a month.
constexpr std::string_view kMonthLeaders[] = {
    "in",      "on",     "of",         "since",  "until", "till",
    "by",      "from",   "through",    "before", "after", "during",
    "between", "early",  "late",       "mid",    "last",  "next",
    "this",    "around", "throughout", "for",
};

// Words that end in "s" and are not plural nouns.
constexpr std::string_view kNotPlural[] = {
    "this",    "thus",    "plus",   "unless", "across", "perhaps", "whereas",
    "towards", "besides", "always", "does",   "goes",   "says",
};

// Tense is read within at most this many bytes around a date: a sentence
// longer than that (or a line, where no sentence is given) is cut into
// blocks of this size.
constexpr uint32_t kMaxContext = 4096;

// A dateline's place name and comma take at most this many bytes.
constexpr size_t kMaxDatelinePrefix = 48;

// ---------------------------------------------------------------------------
// The parts of a date and the words around it.

bool IsCapitalized(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

// Whether `word` looks like a plural noun: "troops", not "was" or "across".
bool LooksPlural(std::string_view word) {
  return word.size() >= 4 && word[0] >= 'a' && word[0] <= 'z' &&
         word.back() == 's' && word[word.size() - 2] != 's' &&
         word[word.size() - 2] != 'u' && !IsOneOf(word, kNotPlural);
}

// Months whose names are also common words or given names.
bool IsAmbiguousMonth(int month) { return month >= 3 && month <= 6; }

int MonthNumber(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr",
                                                 "may", "jun", "jul", "aug",
                                                 "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; ++i) {
    if (EqualsIgnoreCase(name.substr(0, 3), kMonths[i])) return i + 1;
  }
  return 0;
}

Weekday WeekdayNumber(std::string_view name) {
  static constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu",
                                               "fri", "sat", "sun"};
  for (int i = 0; i < 7; ++i) {
    if (EqualsIgnoreCase(name.substr(0, 3), kDays[i])) {
      return static_cast<Weekday>(i + 1);
    }
  }
  return Weekday::kMonday;
}

// The value of the leading digits of `text`.
int ParseNumber(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (!IsAsciiDigit(c)) break;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "a", "two", "12" -> 1, 2, 12.
int CountNumber(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "one",   "two",   "three", "four", "five",   "six",
      "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
  if (EqualsIgnoreCase(word, "a") || EqualsIgnoreCase(word, "an")) return 1;
  for (int i = 0; i < 12; ++i) {
    if (EqualsIgnoreCase(word, kWords[i])) return i + 1;
  }
  return ParseNumber(word);
}

DateUnit UnitNamed(std::string_view word) {
  switch (AsciiLower(word[0])) {
    case 'd':
      return DateUnit::kDay;
    case 'w':
      return DateUnit::kWeek;
    case 'm':
      return DateUnit::kMonth;
    default:
      return DateUnit::kYear;
  }
}

DateModifier ModifierNamed(std::string_view word) {
  if (EqualsIgnoreCase(word, "last")) return DateModifier::kLast;
  if (EqualsIgnoreCase(word, "next")) return DateModifier::kNext;
  if (EqualsIgnoreCase(word, "this")) return DateModifier::kThis;
  return DateModifier::kNone;
}

// Whether the month and day at `begin` follow a dateline's place name:
// "BEIJING, April 7 -" at the start of a line.
bool IsDateline(std::string_view text, size_t begin) {
  size_t i = SkipSpaceBackward(text, begin);
  if (i == 0 || text[i - 1] != ',') return false;
  --i;
  const size_t floor = i > kMaxDatelinePrefix ? i - kMaxDatelinePrefix : 0;
  bool upper = false;
  while (i > floor && text[i - 1] != '\n') {
    const char c = text[i - 1];
    if (c >= 'a' && c <= 'z') return false;
    upper |= c >= 'A' && c <= 'Z';
    --i;
  }
  return upper && (i == 0 || text[i - 1] == '\n');
}

// ---------------------------------------------------------------------------
// Spans that are one word.

constexpr std::string_view kWeekdayNames[] = {
    "Monday", "Tuesday",  "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday"};

constexpr std::string_view kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// What RE2's \b takes for a word character.
bool IsRe2WordChar(char c) {
  return IsAsciiLetter(c) || IsAsciiDigit(c) || c == '_';
}

// The groups the RE2 of a form captures, by position (date_forms.cc).
using Groups = std::array<re2::StringPiece, 8>;

// The index of the form of [begin, end) when the span is one word that
// names a date by itself, a weekday, a month, a year or a day word ("Monday",
// "June", "2024", "today"), with the groups that form's RE2 captures;
// nullopt for any other span.  More than half the spans of news are such a
// word, and for them the RE2::Set and the capturing RE2 of Parse would only
// confirm what the word says: no form before the word's own matches it
// whole, and the \b that ends the word's form holds where a non-word
// character follows.
std::optional<int> LoneWordForm(std::string_view text, uint32_t begin,
                                uint32_t end, Groups* groups) {
  if (end < text.size() && IsRe2WordChar(text[end])) return std::nullopt;
  const std::string_view word = text.substr(begin, end - begin);
  const re2::StringPiece piece(word.data(), word.size());
  auto found = [&](DateForm form, int group) {
    (*groups)[0] = piece;
    (*groups)[group] = piece;
    return static_cast<int>(form);
  };
  if (IsOneOf(word, {"today", "yesterday", "tomorrow"})) {
    return found(DateForm::kDayWord, 1);
  }
  if (word.size() == 4 && std::all_of(word.begin(), word.end(), IsAsciiDigit) &&
      (word.starts_with("18") || word.starts_with("19") ||
       word.starts_with("20"))) {
    return found(DateForm::kYear, 3);
  }
  if (std::find(std::begin(kWeekdayNames), std::end(kWeekdayNames), word) !=
      std::end(kWeekdayNames)) {
    return found(DateForm::kWeekday, 2);
  }
  if (std::find(std::begin(kMonthNames), std::end(kMonthNames), word) !=
      std::end(kMonthNames)) {
    return found(DateForm::kMonth, 3);
  }
  return std::nullopt;
}

// The groups of a span that form `index` matches whole, read from its runs
// of letters and of digits, for the commonest forms of more than one word
// ("March 22", "last week", "22nd of March", "mid-March 2025",
// "2025-03-22"); false for other forms, for spans with bytes beyond ASCII
// and for a month glued to "mid", which the form's RE2 captures.  In these
// forms every group is a name, a keyword or a number, so a run of letters
// or of digits, and the other runs ("st", "of", "early") stand at known
// places: a group is the Nth or the last run of its kind.  Only the parts
// Parse reads are found: a month group without its abbreviation's dot.
bool ReadGroupsFromRuns(std::string_view text, uint32_t begin, uint32_t end,
                        int index, Groups* groups) {
  const DateForm form = static_cast<DateForm>(index);
  if (form != DateForm::kWeekdayMonthDay && form != DateForm::kMonthDayYear &&
      form != DateForm::kMonthDay && form != DateForm::kDayMonth &&
      form != DateForm::kMonthYear && form != DateForm::kIso &&
      form != DateForm::kRelative && form != DateForm::kWeekday) {
    return false;
  }
  // The \b that ends each of these forms, read in context as the RE2 does.
  if (end < text.size() && IsRe2WordChar(text[end])) return false;
  std::array<re2::StringPiece, 3> letters;
  std::array<re2::StringPiece, 3> digits;
  size_t letter_count = 0;
  size_t digit_count = 0;
  for (uint32_t i = begin; i < end;) {
    if (IsNonAscii(text[i])) return false;
    uint32_t run_end = i;
    if (IsAsciiLetter(text[i])) {
      while (run_end < end && IsAsciiLetter(text[run_end])) ++run_end;
      if (letter_count == letters.size()) return false;
      letters[letter_count++] = re2::StringPiece(text.data() + i, run_end - i);
    } else if (IsAsciiDigit(text[i])) {
      while (run_end < end && IsAsciiDigit(text[run_end])) ++run_end;
      if (digit_count == digits.size()) return false;
      digits[digit_count++] = re2::StringPiece(text.data() + i, run_end - i);
    } else {
      ++run_end;
    }
    i = run_end;
  }
  (*groups)[0] = re2::StringPiece(text.data() + begin, end - begin);
  switch (form) {
    case DateForm::kWeekdayMonthDay:  // weekday, month, day, year
      (*groups)[1] = letters[0];
      (*groups)[2] = letters[1];
      (*groups)[3] = digits[0];
      (*groups)[4] = digits[1];
      return true;
    case DateForm::kMonthDayYear:  // month, day, year
      (*groups)[1] = letters[0];
      (*groups)[2] = digits[0];
      (*groups)[3] = digits[1];
      return true;
    case DateForm::kMonthDay:  // month, day
      (*groups)[1] = letters[0];
      (*groups)[2] = digits[0];
      return true;
    case DateForm::kDayMonth:  // day, "st" and "of" perhaps, month
      if (letter_count == 0) return false;
      (*groups)[1] = digits[0];
      (*groups)[2] = letters[letter_count - 1];
      return true;
    case DateForm::kMonthYear: {  // "early" perhaps, month, "of" perhaps
      if (letter_count == 0) return false;
      const size_t month =
          letter_count - (letters[letter_count - 1] == "of" ? 1 : 0);
      // "midMarch" is one run, which only the RE2 splits.
      if (month == 0 ||
          MonthNumber(std::string_view(letters[month - 1].data(),
                                       letters[month - 1].size())) == 0) {
        return false;
      }
      (*groups)[1] = letters[month - 1];
      (*groups)[2] = digits[0];
      return true;
    }
    case DateForm::kIso:  // year, month, day
      (*groups)[1] = digits[0];
      (*groups)[2] = digits[1];
      (*groups)[3] = digits[2];
      return true;
    case DateForm::kRelative:  // "earlier", "last", "week"
      if (letter_count < 2) return false;
      (*groups)[1] = letter_count == 3 ? letters[0] : re2::StringPiece();
      (*groups)[2] = letters[letter_count - 2];
      (*groups)[3] = letters[letter_count - 1];
      return true;
    default:  // kWeekday: "last", "Monday"
      if (letter_count == 0) return false;
      (*groups)[1] = letter_count == 2 ? letters[0] : re2::StringPiece();
      (*groups)[2] = letters[letter_count - 1];
      return true;
  }
}

// ---------------------------------------------------------------------------
// Where tense is read.

// `span` if at most kMaxContext bytes long, else its part in the block of
// kMaxContext bytes that holds `pos`.
Span CutToBlock(Span span, uint32_t pos) {
  if (span.second - span.first <= kMaxContext) return span;
  const uint32_t block = pos / kMaxContext * kMaxContext;
  return {std::max(span.first, block),
          std::min(span.second, block + kMaxContext)};
}

// The line that holds `pos`, cut by CutToBlock; the same for every offset
// in the span it returns.
Span LineAround(std::string_view text, uint32_t pos) {
  const uint32_t low = pos > kMaxContext ? pos - kMaxContext : 0;
  const uint32_t high = static_cast<uint32_t>(
      std::min<size_t>(text.size(), size_t{pos} + kMaxContext));
  const size_t before = text.substr(low, pos - low).rfind('\n');
  const size_t after = text.substr(pos, high - pos).find('\n');
  const Span line{before == std::string_view::npos
                      ? low
                      : low + static_cast<uint32_t>(before) + 1,
                  after == std::string_view::npos
                      ? high
                      : pos + static_cast<uint32_t>(after)};
  return CutToBlock(line, pos);
}

// ---------------------------------------------------------------------------
// Repeated mentions.

// A key shared by the expressions that, in one news story, name the same
// day or month: "Thursday" and "Thursday", "June 12" and "12 June"; -1 for
// those that take no shared reading ("this Thursday").
int ReadingKey(const DateExpression& e) {
  switch (e.form) {
    case DateForm::kWeekday:
      return e.modifier == DateModifier::kNone ? static_cast<int>(e.weekday)
                                               : -1;
    case DateForm::kMonth:
      return 100 + e.month;
    default:
      return 1000 + e.month * 100 + e.day;
  }
}

// Whether `between`, the text between two dates, joins them as the ends of
// a range or a pair: "to", "until", "through", "and", "or" or a dash.
bool JoinsARange(std::string_view between) {
  while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
  while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
  for (std::string_view joint :
       {"to", "until", "till", "through", "and", "or", "-", "\u2013"}) {
    if (between == joint) return true;
  }
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------
// DateRecognizer.

struct DateRecognizer::Patterns {
  Patterns(const RE2::Options& options, const std::string& scan)
      : scanner(scan, options), forms(options, RE2::ANCHOR_BOTH) {}

  // Parses the candidate [begin, end), or nullopt when it is not a date.
  // `fired` is scratch space for the forms that match it.
  std::optional<DateExpression> Parse(std::string_view text, uint32_t begin,
                                      uint32_t end, const DateContext& context,
                                      std::vector<int>* fired) const;

  // The index of the first form that matches [begin, end) whole, or -1,
  // with the groups its RE2 captures and how many it has.
  int Capture(std::string_view text, uint32_t begin, uint32_t end,
              std::vector<int>* fired, Groups* groups, int* count) const;

  // The RE2 that captures the parts of form `index`, compiled on first
  // use: a run over a few stories meets few of the forms, and compiling
  // them all was a third of the time of DateRecognizer::Create.
  const RE2& Capturing(int index) const {
    const LazyRe2& form = captures[index];
    std::call_once(form.once, [&form] {
      RE2::Options options;
      options.set_log_errors(false);
      form.regex = std::make_unique<const RE2>(form.pattern, options);
    });
    return *form.regex;
  }

  struct LazyRe2 {
    std::string pattern;
    mutable std::once_flag once;
    mutable std::unique_ptr<const RE2> regex;
  };

  RE2 scanner;             // every form, leftmost-longest
  mutable RE2::Set forms;  // compiled on first use
  mutable std::once_flag forms_compiled;
  std::vector<DateFormSpec> specs;
  std::deque<LazyRe2> captures;  // by form
  CueLexicon lexicon;
};

int DateRecognizer::Patterns::Capture(std::string_view text, uint32_t begin,
                                      uint32_t end, std::vector<int>* fired,
                                      Groups* groups, int* count) const {
  // Compiled on first use, as the capturing forms are; the forms are fixed
  // and the tests compile them, so it does not fail.
  std::call_once(forms_compiled, [this] { forms.Compile(); });
  forms.Match(re2::StringPiece(text.data() + begin, end - begin), fired);
  if (fired->empty()) return -1;
  const int index = *std::min_element(fired->begin(), fired->end());
  if (ReadGroupsFromRuns(text, begin, end, index, groups)) return index;
  const RE2& re = Capturing(index);
  *count = std::min<int>(re.NumberOfCapturingGroups() + 1,
                         static_cast<int>(groups->size()));
  // RE2 reads no more than a byte either side of a span for \b, so that
  // byte is all the context the match needs; a text that short also lets
  // RE2 capture at once (OnePass or BitState) rather than first run its
  // DFA to find the match it then captures.
  const uint32_t window_begin = begin > 0 ? begin - 1 : 0;
  const uint32_t window_end =
      std::min<uint32_t>(static_cast<uint32_t>(text.size()), end + 1);
  if (!re.Match(re2::StringPiece(text.data() + window_begin,
                                 window_end - window_begin),
                begin - window_begin, end - window_begin, RE2::ANCHOR_BOTH,
                groups->data(), *count)) {
    return -1;
  }
  return index;
}

std::optional<DateExpression> DateRecognizer::Patterns::Parse(
    std::string_view text, uint32_t begin, uint32_t end,
    const DateContext& context, std::vector<int>* fired) const {
  Groups groups;
  int count = static_cast<int>(groups.size());
  const std::optional<int> lone_word = LoneWordForm(text, begin, end, &groups);
  const int index = lone_word
                        ? *lone_word
                        : Capture(text, begin, end, fired, &groups, &count);
  if (index < 0) return std::nullopt;
  auto group = [&](int i) -> std::string_view {
    return i < count && groups[i].data() != nullptr
               ? std::string_view(groups[i].data(), groups[i].size())
               : std::string_view();
  };

  DateExpression e;
  e.form = specs[index].form;
  e.rule = specs[index].rule;
  e.begin = begin;
  e.end = end;
  const std::string_view before = WordBefore(text, begin);
  const std::string_view after = WordAfter(text, end);
  const char next_char = end < text.size() ? text[end] : '\0';
  const char next_next = end + 1 < text.size() ? text[end + 1] : '\0';
  // "2024-25", "1/2025", "2025.5", "5:30": a number glued to more numbers.
  const bool glued_number =
      (next_char == '-' || next_char == '/' || next_char == '.' ||
       next_char == ':' || next_char == ',') &&
      IsAsciiDigit(next_next);

  switch (e.form) {
    case DateForm::kWeekdayMonthDay:
      e.weekday = WeekdayNumber(group(1));
      e.month = MonthNumber(group(2));
      e.day = ParseNumber(group(3));
      e.year = ParseNumber(group(4));
      break;
    case DateForm::kWeekdayDayMonth:
      e.weekday = WeekdayNumber(group(1));
      e.day = ParseNumber(group(2));
      e.month = MonthNumber(group(3));
      e.year = ParseNumber(group(4));
      break;
    case DateForm::kMonthDayYear:
      e.month = MonthNumber(group(1));
      e.day = ParseNumber(group(2));
      e.year = ParseNumber(group(3));
      break;
    case DateForm::kDayMonthYear:
      e.day = ParseNumber(group(1));
      e.month = MonthNumber(group(2));
      e.year = ParseNumber(group(3));
      break;
    case DateForm::kMonthDay:
      e.month = MonthNumber(group(1));
      e.day = ParseNumber(group(2));
      // "March 22-23" keeps its first day; "May 5:30" is no date.
      if (glued_number && next_char != '-' && next_char != ',') {
        return std::nullopt;
      }
      e.dateline = IsDateline(text, begin);
      if (e.dateline) e.rule = "date:dateline";
      break;
    case DateForm::kDayMonth:
      e.day = ParseNumber(group(1));
      e.month = MonthNumber(group(2));
      break;
    case DateForm::kMonthYear:
      e.month = MonthNumber(group(1));
      e.year = ParseNumber(group(2));
      if (glued_number) return std::nullopt;
      break;
    case DateForm::kIso:
      e.year = ParseNumber(group(1));
      e.month = ParseNumber(group(2));
      e.day = ParseNumber(group(3));
      if (glued_number) return std::nullopt;
      break;
    case DateForm::kNumeric: {
      const int first = ParseNumber(group(1));
      const int second = ParseNumber(group(2));
      e.year = ParseNumber(group(3));
      if (glued_number) return std::nullopt;
      if (first <= 12 && second <= 12 && first != second &&
          context.numeric_order == NumericDateOrder::kUnambiguousOnly) {
        return std::nullopt;
      }
      const bool day_first =
          first > 12 || (second <= 12 &&
                         context.numeric_order == NumericDateOrder::kDayFirst);
      e.day = day_first ? first : second;
      e.month = day_first ? second : first;
      break;
    }
    case DateForm::kRelative:
      // "the next week", "over the last year": durations.
      if (EqualsIgnoreCase(before, "the")) return std::nullopt;
      e.modifier = ModifierNamed(group(2));
      e.unit = UnitNamed(group(3));
      e.amount = e.modifier == DateModifier::kLast   ? -1
                 : e.modifier == DateModifier::kNext ? 1
                                                     : 0;
      break;
    case DateForm::kOffset: {
      const std::string_view direction = group(3);
      const bool counts_from_event = EqualsIgnoreCase(direction, "before") ||
                                     EqualsIgnoreCase(direction, "after");
      // "two days before the vote" counts from an event that is not a date;
      // "for two years before" is a duration.
      if ((counts_from_event && !after.empty()) ||
          EqualsIgnoreCase(before, "for")) {
        return std::nullopt;
      }
      e.unit = UnitNamed(group(2));
      const bool backward = EqualsIgnoreCase(direction, "ago") ||
                            EqualsIgnoreCase(direction, "earlier") ||
                            EqualsIgnoreCase(direction, "before");
      e.amount = backward ? -CountNumber(group(1)) : CountNumber(group(1));
      e.from_antecedent = !EqualsIgnoreCase(direction, "ago");
      break;
    }
    case DateForm::kDayWord:
      e.unit = DateUnit::kDay;
      if (!group(2).empty()) {
        e.amount = -2;
      } else if (!group(3).empty()) {
        e.amount = 2;
      } else if (EqualsIgnoreCase(group(1), "yesterday")) {
        e.amount = -1;
      } else if (EqualsIgnoreCase(group(1), "tomorrow")) {
        e.amount = 1;
      }
      break;
    case DateForm::kAnaphor: {
      // "the day before the vote", "the same day as the election": the day
      // they count from follows them and is not a date.
      if ((!group(2).empty() && !after.empty()) ||
          EqualsIgnoreCase(after, "as")) {
        return std::nullopt;
      }
      const std::string_view which = group(1).empty() ? group(2) : group(1);
      e.unit = DateUnit::kDay;
      e.from_antecedent = true;
      if (EqualsIgnoreCase(which, "previous") ||
          EqualsIgnoreCase(which, "before")) {
        e.amount = -1;
      } else if (!EqualsIgnoreCase(which, "same")) {
        e.amount = 1;
      }
      break;
    }
    case DateForm::kWeekday:
      e.modifier = ModifierNamed(group(1));
      e.weekday = WeekdayNumber(group(2));
      // "every Monday", "each Friday", "every other Monday": sets.
      if (IsOneOf(before, {"every", "each", "other"})) return std::nullopt;
      if (e.modifier == DateModifier::kNone &&
          std::find(std::begin(kHolidayPrefixes), std::end(kHolidayPrefixes),
                    before) != std::end(kHolidayPrefixes)) {
        return std::nullopt;
      }
      // "the last Monday of the month" names no single week.
      if (e.modifier != DateModifier::kNone &&
          EqualsIgnoreCase(before, "the")) {
        return std::nullopt;
      }
      break;
    case DateForm::kMonth: {
      const std::string_view prefix = group(1).empty() ? group(2) : group(1);
      e.modifier = ModifierNamed(prefix);
      e.month = MonthNumber(group(3));
      if (!group(4).empty()) {
        const DateModifier year = ModifierNamed(group(4));
        e.relative_year = year == DateModifier::kLast   ? -1
                          : year == DateModifier::kNext ? 1
                                                        : 0;
      }
      // "in May", but not "they may" or "a tribute for April Ryan".
      if (prefix.empty() && !e.relative_year && IsAmbiguousMonth(e.month) &&
          (!IsOneOf(before, kMonthLeaders) ||
           (IsOneOf(before, {"for", "from", "by", "of"}) &&
            IsCapitalized(after) && SpaceWidth(text, end) > 0))) {
        return std::nullopt;
      }
      break;
    }
    case DateForm::kYear: {
      e.year = ParseNumber(group(3));
      const char previous_char = begin > 0 ? text[begin - 1] : '\0';
      if (glued_number || next_char == '%' || previous_char == '$' ||
          previous_char == '#' || previous_char == '-' ||
          previous_char == '/') {
        return std::nullopt;
      }
      if (!group(1).empty() || !group(2).empty()) break;  // "early 2024"
      if (!IsOneOf(before, kYearLeaders) && before != "'s") {
        return std::nullopt;
      }
      // "the 1990's" is a decade; "of 2000 troops" a count.
      if (before == "the" && ApostropheWidth(text, end) > 0) {
        return std::nullopt;
      }
      if (LooksPlural(after) && !IsOneOf(before, kDeterminers) &&
          SpaceWidth(text, end) > 0) {
        return std::nullopt;
      }
      break;
    }
  }

  if (e.month != 0 && e.day != 0 &&
      !IsValidCivilDate(
          CivilDate{e.year != 0 ? e.year : kPlaceholderYear, e.month, e.day})) {
    return std::nullopt;
  }
  return e;
}

DateRecognizer::DateRecognizer(std::shared_ptr<const Patterns> patterns)
    : patterns_(std::move(patterns)) {}

Result<DateRecognizer> DateRecognizer::Create() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_longest_match(true);

  std::vector<DateFormSpec> specs = DateFormSpecs();
  std::string scan = R"(\b(?:)";
  for (size_t i = 0; i < specs.size(); ++i) {
    if (i > 0) scan += "|";
    scan += specs[i].pattern;
  }
  scan += ")";

  auto patterns = std::make_shared<Patterns>(options, scan);
  if (!patterns->scanner.ok()) {
    return Status(StatusCode::kInternal, "date scanner does not compile: " +
                                             patterns->scanner.error());
  }
  for (const DateFormSpec& spec : specs) {
    // The Set parses each form, so a form that would not compile to its
    // capturing RE2 fails here.
    std::string error;
    if (patterns->forms.Add(spec.pattern, &error) < 0) {
      return Status(StatusCode::kInternal,
                    std::string(spec.rule) + " does not compile: " + error);
    }
    patterns->captures.emplace_back().pattern = spec.pattern;
  }
  patterns->specs = std::move(specs);
  return DateRecognizer(std::move(patterns));
}

std::vector<DateMention> DateRecognizer::Find(
    std::string_view text, const std::vector<Span>& sentences,
    const DateContext& context) const {
  const Patterns& patterns = *patterns_;

  // Where the tense of a date at `pos` is read: its sentence, else its
  // line.
  Span line{1, 0};
  auto context_of = [&](uint32_t pos) -> Span {
    const auto it =
        std::partition_point(sentences.begin(), sentences.end(),
                             [pos](const Span& s) { return s.first <= pos; });
    if (it != sentences.begin() && pos < std::prev(it)->second) {
      return CutToBlock(*std::prev(it), pos);
    }
    if (pos < line.first || pos >= line.second) line = LineAround(text, pos);
    return line;
  };

  // Scan, parse, and read the tense where the value depends on it.
  std::vector<DateExpression> expressions;
  std::vector<int> fired;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  size_t pos = 0;
  while (pos < text.size() &&
         patterns.scanner.Match(input, pos, text.size(), RE2::UNANCHORED,
                                &match, 1)) {
    const uint32_t begin = static_cast<uint32_t>(match.data() - text.data());
    const uint32_t end = static_cast<uint32_t>(begin + match.size());
    pos = std::max<size_t>(end, begin + 1);
    std::optional<DateExpression> e =
        patterns.Parse(text, begin, end, context, &fired);
    if (!e) continue;
    if (NeedsTense(*e)) {
      const TenseReader reader(text, context_of(begin), patterns.lexicon);
      const TenseReading reading = reader.Read(begin, end);
      if (reading.tense != Tense::kNone) e->tense = reading.tense;
      e->cue_separation = reading.separation;
    }
    expressions.push_back(*e);
  }

  // One reading per repeated day or month: that of the nearest cue.
  std::unordered_map<int, const DateExpression*> readings;
  for (const DateExpression& e : expressions) {
    if (!NeedsTense(e) || e.cue_separation < 0 || ReadingKey(e) < 0) continue;
    const auto [it, inserted] = readings.emplace(ReadingKey(e), &e);
    if (!inserted && e.cue_separation < it->second->cue_separation) {
      it->second = &e;
    }
  }
  for (DateExpression& e : expressions) {
    if (!NeedsTense(e)) continue;
    if (const auto it = readings.find(ReadingKey(e)); it != readings.end()) {
      e.tense = it->second->tense;
    }
  }

  // The end of a range or the second of a pair is in the time of the
  // first: "will tour from July 2 to July 6, the ministry announced".
  for (std::size_t i = 1; i < expressions.size(); ++i) {
    DateExpression& second = expressions[i];
    const DateExpression& first = expressions[i - 1];
    if (NeedsTense(first) && NeedsTense(second) &&
        JoinsARange(text.substr(first.end, second.begin - first.end))) {
      second.tense = first.tense;
    }
  }

  std::vector<DateMention> mentions;
  mentions.reserve(expressions.size());
  DateResolver resolver(context.document_date, context.untensed);
  for (const DateExpression& e : expressions) {
    std::optional<ResolvedDate> r = resolver.Resolve(e);
    if (r) {
      mentions.push_back(
          DateMention{e.begin, e.end, std::move(r->value), e.rule});
    }
  }
  return mentions;
}

}  // namespace parley

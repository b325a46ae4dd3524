// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The tense cues, and the walk out from a date to the nearest of them.
//
// It does not look beyond the span it is given, nor past the first cue on
// each side of a date.

#include "tense_reader.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "ascii_words.h"

namespace parley {
namespace {

// Tense cues.  Present-tense travel and schedule verbs mark the future in
// news ("Yellen arrives in Guangzhou on Thursday", "whose country takes
// over in December").
constexpr std::string_view kFutureCues[] = {
    "will",    "shall",    "would",     "scheduled", "planned", "expected",
    "expects", "upcoming", "slated",    "may",       "might",   "next",
    "intends", "expect",   "arrives",   "attends",   "begins",  "chairs",
    "closes",  "comes",    "concludes", "convenes",  "departs", "ends",
    "flies",   "goes",     "heads",     "holds",     "hosts",   "launches",
    "leaves",  "meets",    "opens",     "resumes",   "returns", "starts",
    "takes",   "tours",    "travels",   "visits",
};

// Past-tense words other than regular "-ed" verbs.
constexpr std::string_view kPastCues[] = {
    "ago",    "since",   "was",    "were",   "had",     "did",       "said",
    "told",   "met",     "held",   "took",   "made",    "came",      "went",
    "gave",   "began",   "flew",   "left",   "spoke",   "sat",       "won",
    "led",    "brought", "saw",    "became", "got",     "kept",      "ran",
    "wrote",  "sent",    "struck", "stood",  "fell",    "rose",      "broke",
    "chose",  "drove",   "found",  "heard",  "lost",    "paid",      "sold",
    "spent",  "meant",   "felt",   "built",  "caught",  "fought",    "taught",
    "bought", "knew",    "grew",   "drew",   "threw",   "sought",    "withdrew",
    "shook",  "swore",   "fled",   "dealt",  "oversaw", "undertook",
};

// Words ending in "ed" that are not past tenses.
constexpr std::string_view kNotPastCues[] = {
    "need",    "indeed", "speed", "proceed", "succeed", "exceed",
    "hundred", "sacred", "naked", "wicked",  "kindred", "feed",
    "seed",    "breed",  "greed", "deed",
};

// Verbs whose infinitive marks a plan: "agreed to meet on Friday".
constexpr std::string_view kPlanVerbs[] = {
    "meet",  "visit",   "travel", "hold",  "host",   "attend",
    "fly",   "arrive",  "sign",   "chair", "open",   "begin",
    "start", "address", "join",   "tour",  "return", "lead",
};

// Words that mark a plan only before a given word: "set to", "plans to",
// "ahead of"; alone they are often nouns ("the plan") or adverbs ("went
// ahead").
constexpr std::pair<std::string_view, std::string_view> kPlanPairs[] = {
    {"set", "to"},  {"going", "to"},    {"plans", "to"},
    {"plan", "to"}, {"planning", "to"}, {"ahead", "of"},
};

// Forms of "be" after which "due" marks a plan ("is due in Paris"); "due
// to" alone may give a cause ("due to the storm").
constexpr std::string_view kBeForms[] = {"is", "are", "was", "were", "be"};

// Words after which an "-ed" word is an adjective or a present passive,
// not a past tense: "the disputed frontier", "is not expected".
constexpr std::string_view kParticipleLeaders[] = {"the", "a",  "an", "is",
                                                   "are", "am", "be", "being"};

// A clause break (comma, semicolon, colon, parenthesis, dash) between a cue
// and a date weighs as much as this many words.
constexpr int kClauseBreakCost = 6;

// Cues farther than this many words from a date do not govern it.
constexpr int kMaxCueWords = 40;

}  // namespace

CueLexicon::CueLexicon() {
  for (std::string_view w : kFutureCues) roles_.emplace(w, CueRole::kFuture);
  for (std::string_view w : kPastCues) roles_.emplace(w, CueRole::kPast);
  for (std::string_view w : kNotPastCues) {
    roles_.emplace(w, CueRole::kNotPast);
  }
  for (const auto& [first, second] : kPlanPairs) {
    roles_.emplace(first, CueRole::kPlanPair);
    partners_.emplace(first, second);
  }
  for (std::string_view w : kPlanVerbs) roles_.emplace(w, CueRole::kPlanVerb);
  roles_.emplace("to", CueRole::kTo);
  roles_.emplace("due", CueRole::kDue);
  for (const auto& [word, role] : roles_) {
    if (word.size() >= initials_.size()) initials_.resize(word.size() + 1);
    initials_[word.size()] |= uint32_t{1} << (word[0] - 'a');
  }
}

std::optional<CueRole> CueLexicon::Role(std::string_view word) const {
  if (word.empty() || word.size() >= initials_.size() || word[0] < 'a' ||
      word[0] > 'z' || (initials_[word.size()] >> (word[0] - 'a') & 1) == 0) {
    return std::nullopt;
  }
  const auto it = roles_.find(word);
  if (it == roles_.end()) return std::nullopt;
  return it->second;
}

std::string_view CueLexicon::Partner(std::string_view word) const {
  const auto it = partners_.find(word);
  return it == partners_.end() ? std::string_view() : it->second;
}

TenseReading TenseReader::Read(size_t begin, size_t end) const {
  TenseReading best;
  int words = 0;
  for (size_t i = begin; i > span_.first && words <= kMaxCueWords;) {
    if (!IsAsciiLetter(text_[i - 1])) {
      --i;
      continue;
    }
    size_t run_begin = i - 1;
    while (run_begin > span_.first && IsAsciiLetter(text_[run_begin - 1])) {
      --run_begin;
    }
    const std::optional<Cue> cue = CueAt(run_begin, i);
    if (cue && cue->end <= begin) {
      best = {cue->tense, Separation(cue->end, begin)};
      break;
    }
    i = run_begin;
    ++words;
  }
  words = 0;
  for (size_t i = end; i < span_.second && words <= kMaxCueWords;) {
    // A cue after the date wins only when strictly nearer.
    if (best.separation >= 0 && words >= best.separation) break;
    if (!IsAsciiLetter(text_[i])) {
      ++i;
      continue;
    }
    size_t run_end = i + 1;
    while (run_end < span_.second && IsAsciiLetter(text_[run_end])) ++run_end;
    if (const std::optional<Cue> cue = CueAt(i, run_end)) {
      // A cue that opens a second verb phrase ("met Lula on Monday and will
      // meet Milei") belongs to that phrase: "and" before it is a clause
      // break.
      const int separation =
          Separation(end, cue->begin) +
          (IsOneOf(PreviousWord(cue->begin), {"and", "but"}) ? kClauseBreakCost
                                                             : 0);
      if (best.separation < 0 || separation < best.separation) {
        best = {cue->tense, separation};
      }
      break;
    }
    i = run_end;
    ++words;
  }
  return best;
}

std::optional<TenseReader::Cue> TenseReader::CueAt(size_t begin,
                                                   size_t end) const {
  const std::string_view word = text_.substr(begin, end - begin);
  // "he'll", "they’ll".
  if (word == "ll" && begin > span_.first) {
    if (text_[begin - 1] == '\'') return Cue{begin - 1, end, Tense::kFuture};
    if (begin >= span_.first + 3 && text_.substr(begin - 3, 3) == kRightQuote) {
      return Cue{begin - 3, end, Tense::kFuture};
    }
  }
  // Every cue is lower case.
  if (word[0] < 'a' || word[0] > 'z') return std::nullopt;
  // Runs glued to digits or non-ASCII letters are parts of other words; an
  // apostrophe after a run starts a contraction or a possessive.
  const size_t apostrophe = ApostropheWidth(text_, end);
  if ((begin > 0 &&
       (IsAsciiDigit(text_[begin - 1]) || IsNonAscii(text_[begin - 1]))) ||
      (end < text_.size() && apostrophe == 0 &&
       (IsAsciiDigit(text_[end]) || IsNonAscii(text_[end])))) {
    return std::nullopt;
  }
  const std::optional<CueRole> role = lexicon_.Role(word);
  Tense tense = Tense::kNone;
  size_t cue_end = end;
  if (role == CueRole::kFuture) {
    tense = Tense::kFuture;
  } else if (role == CueRole::kPast) {
    // "won't" is not "won".
    tense = word == "won" && apostrophe > 0 &&
                    text_.substr(end + apostrophe, 1) == "t"
                ? Tense::kFuture
                : Tense::kPast;
  } else if (role == CueRole::kDue) {
    if (IsOneOf(PreviousWord(begin), kBeForms)) tense = Tense::kFuture;
  } else if (role == CueRole::kPlanPair || role == CueRole::kTo) {
    const std::string_view following = NextWord(end);
    const bool plan = role == CueRole::kTo
                          ? lexicon_.Role(following) == CueRole::kPlanVerb
                          : following == lexicon_.Partner(word);
    if (plan) {
      tense = Tense::kFuture;
      cue_end = following.data() + following.size() - text_.data();
    }
  } else if (!role && word.size() >= 4 && word.ends_with("ed")) {
    tense = Tense::kPast;
  }
  // Participles: "led by", "the disputed frontier", "is not expected".
  if (tense == Tense::kPast &&
      (NextWord(end) == "by" ||
       IsOneOf(PreviousWord(begin), kParticipleLeaders))) {
    tense = Tense::kNone;
  }
  // A plan in the past perfect was overtaken: "had planned to travel in
  // February", "had been scheduled for May".
  if (tense == Tense::kFuture && HadBefore(begin)) tense = Tense::kOvertaken;
  if (tense == Tense::kNone) return std::nullopt;
  return Cue{begin, cue_end, tense};
}

bool TenseReader::HadBefore(size_t begin) const {
  std::string_view previous = PreviousWord(begin);
  if (previous == "been") {
    previous = PreviousWord(previous.data() - text_.data());
  }
  if (!previous.empty() && previous != "had") {
    previous = PreviousWord(previous.data() - text_.data());
  }
  return previous == "had";
}

std::string_view TenseReader::NextWord(size_t pos) const {
  const size_t begin = SkipSpaceForward(text_, pos);
  size_t end = begin;
  while (end < span_.second && IsAsciiLetter(text_[end])) ++end;
  return end > begin ? text_.substr(begin, end - begin) : std::string_view();
}

std::string_view TenseReader::PreviousWord(size_t pos) const {
  const size_t end = SkipSpaceBackward(text_, pos);
  size_t begin = end;
  while (begin > span_.first && IsAsciiLetter(text_[begin - 1])) --begin;
  return text_.substr(begin, end - begin);
}

bool TenseReader::SpaceBefore(size_t pos) const {
  if (pos == span_.first) return true;
  const char c = text_[pos - 1];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
         (c == '\xA0' && pos >= 2 && text_[pos - 2] == '\xC2');
}

int TenseReader::Separation(size_t a, size_t b) const {
  int words = 0;
  int breaks = 0;
  for (size_t i = a; i < b; ++i) {
    // Most bytes read are letters and digits, which start a word after a
    // space and are never clause breaks: a run of them is read at once.
    if (IsAsciiLetter(text_[i]) || IsAsciiDigit(text_[i])) {
      if (SpaceBefore(i)) ++words;
      while (i + 1 < b &&
             (IsAsciiLetter(text_[i + 1]) || IsAsciiDigit(text_[i + 1]))) {
        ++i;
      }
      continue;
    }
    if (SpaceWidth(text_, i) > 0 || text_[i] == '\xA0') continue;
    if (SpaceBefore(i)) ++words;
    const char c = text_[i];
    const std::string_view rest = text_.substr(i, 3);
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' ||
        rest == "\xE2\x80\x94" || rest == "\xE2\x80\x93" ||
        (c == '-' && i > 0 && text_[i - 1] == ' ' && i + 1 < text_.size() &&
         text_[i + 1] == ' ')) {
      ++breaks;
    }
  }
  return words + kClauseBreakCost * breaks;
}

}  // namespace parley

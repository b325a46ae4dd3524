// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Reads whether a date is said in the past or the future from the nearest
// tense cue around it in its sentence (date_recognizer.h lists the cues):
//
//   const parley::CueLexicon lexicon;
//   std::string_view text = "The ministers will meet on Friday.";
//   parley::TenseReader reader(text, {0, 34}, lexicon);
//   reader.Read(27, 33);  // "Friday": {Tense::kFuture, 2}, "will" two
//                         // words before it
//
// In "The ministers met on Friday." the read of "Friday" gives
// {Tense::kPast, 1}.
//
// Distance is counted in words, a clause break (comma, semicolon, colon,
// parenthesis, dash) weighing as much as six, so that a cue across a
// clause yields to a nearer one.  A cue before the date wins a tie.
//
// It does not tokenize, tag parts of speech, or parse clauses: the tense
// is that of the nearest cue word.  It does not say what a tense makes of
// a date's value.

#ifndef PARLEY_LIB_TENSE_READER_H_
#define PARLEY_LIB_TENSE_READER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parley {

// kOvertaken: a plan in the past perfect ("had planned to travel in
// February"), which may have been for a day either side of the document's.
enum class Tense { kNone, kPast, kFuture, kOvertaken };

// What a word says about tense.
enum class CueRole {
  kFuture,
  kPast,
  kNotPast,   // ends in "ed" without being a past tense
  kPlanPair,  // future when its partner follows: "plans to", "ahead of"
  kTo,        // future when a plan verb follows
  kPlanVerb,  // "meet", "visit": future after "to"
  kDue,       // future after a form of "be"
};

// The tense cue words and their roles.  Built once and shared: a
// TenseReader only reads it.
class CueLexicon {
 public:
  CueLexicon();

  // The role of `word`, case-sensitive: sentence-initial "Will" is more
  // often a name than a cue.  nullopt for words without one.
  std::optional<CueRole> Role(std::string_view word) const;

  // The word that must follow a kPlanPair word.
  std::string_view Partner(std::string_view word) const;

 private:
  // A hash for words of a few ASCII letters, cheaper than std::hash's,
  // which is built for long strings: a read looks up every word it walks.
  struct WordHash {
    size_t operator()(std::string_view word) const {
      size_t hash = word.size();
      for (const char c : word) {
        hash = hash * 31 + static_cast<unsigned char>(c);
      }
      return hash;
    }
  };

  std::unordered_map<std::string_view, CueRole, WordHash> roles_;
  std::unordered_map<std::string_view, std::string_view, WordHash> partners_;
  // By length, a bit per letter a-z that starts a word of roles_ that
  // long: most words fail on these before any hashing.
  std::vector<uint32_t> initials_;
};

// What TenseReader::Read finds: the tense of the cue that governs a date,
// and how far the cue stands, in words and clause breaks.
struct TenseReading {
  Tense tense = Tense::kNone;
  int separation = -1;  // -1: no cue

  friend bool operator==(const TenseReading&, const TenseReading&) = default;
};

// Reads the tense of a date from the nearest cue word of its sentence,
// walking outwards from the date: on each side the first cue met is the
// nearest, so a read costs a few words, not a sentence.
class TenseReader {
 public:
  // Reads within `span`, the [begin, end) byte offsets of the sentence of
  // the dates to be read.  `text` and `lexicon` must outlive the reader.
  TenseReader(std::string_view text, std::pair<uint32_t, uint32_t> span,
              const CueLexicon& lexicon)
      : text_(text), span_(span), lexicon_(lexicon) {}

  // The tense of the nearest cue outside [begin, end), the one before on a
  // tie, and its separation from the date; {kNone, -1} when no cue stands
  // within 40 words.
  TenseReading Read(size_t begin, size_t end) const;

 private:
  struct Cue {
    size_t begin;
    size_t end;
    Tense tense;
  };

  // The cue that the run of letters [begin, end) starts, if any.
  std::optional<Cue> CueAt(size_t begin, size_t end) const;
  // The run of letters after `pos` across white space only, or "".
  std::string_view NextWord(size_t pos) const;
  // The run of letters before `pos` across white space only, or "".
  std::string_view PreviousWord(size_t pos) const;
  // Whether "had" governs the cue at `begin`: "had planned", "had been
  // scheduled", "had hoped to meet".
  bool HadBefore(size_t begin) const;
  // Words and clause breaks that start in [a, b).
  int Separation(size_t a, size_t b) const;
  bool SpaceBefore(size_t pos) const;

  std::string_view text_;
  std::pair<uint32_t, uint32_t> span_;
  const CueLexicon& lexicon_;
};

}  // namespace parley

#endif  // PARLEY_LIB_TENSE_READER_H_

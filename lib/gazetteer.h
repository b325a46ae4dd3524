// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Gazetteers: phrase lists with a type and a canonical id ("Pakistan" is a
// country with id PK), loaded from TSV text, and a token-level phrase matcher
// that finds every entry of every gazetteer in one pass over the tokens.
//
//   parley::Gazetteer::Builder builder;
//   parley::Status status = builder.Add("mine.tsv", "Pakistan\tcountry\tPK\n");
//   if (!status.ok()) return status;
//   parley::Gazetteer gazetteer = std::move(builder).Build();
//   parley::Tokens tokens = parley::Tokenize(text);
//   for (const parley::GazetteerMatch& match : gazetteer.Match(text, tokens)) {
//     const parley::GazetteerEntry& entry = gazetteer.entries()[match.entry];
//     std::string source = gazetteer.SourceOf(match.entry);  // "mine.tsv:1"
//     ...
//   }
//
// TSV format, one entry per line, fields separated by one TAB:
//
//   # comment lines and blank lines are ignored
//   phrase <TAB> type <TAB> id [<TAB> key=value]...
//
//   Pakistan	country	PK
//   Pakistani	country	PK	form=adjective
//   US	country	US	case=exact
//   Kabul	city	Kabul	country=AF	capital=yes
//
// A line is a comment when its first byte is '#', blank when it holds only
// spaces and tabs.  Lines end in LF or CRLF and must be valid UTF-8 without
// NUL bytes.  A byte order mark at the start is skipped, and not counted in
// the columns of errors.
//
// The phrase is tokenized like text and matched on normalized tokens (case
// and diacritics folded), unless the entry has `case=exact`, in which case
// every token must also match exactly as written; `case` takes no other
// value and is not kept among the attributes.  `type` and `id` are non-empty
// and free of white space.  Other attributes are kept for the stages that
// read them; a key appears at most once per line and is not empty, a value
// may be.
//
// Overrides: an entry of a later source (a later Add call) with the same
// normalized phrase tokens, type and case (and, for `case=exact`, the same
// exact token texts) replaces all entries with that key from earlier
// sources, taking the index of the first of them.  Within one source such
// entries are all kept: "Punjab" is a province of Pakistan and of India.
//
// It does not decide between overlapping or ambiguous matches: it reports
// them all, and the stages that read them decide.

#ifndef PARLEY_LIB_GAZETTEER_H_
#define PARLEY_LIB_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/status.h"
#include "tokenizer.h"

namespace parley {

class PhraseTrie;

struct GazetteerEntry {
  std::string phrase;  // as written in the file
  std::string type;    // "country", "city", "title", "given_name", ...
  std::string id;      // canonical id: "PK", "Kabul", ...
  std::vector<std::pair<std::string, std::string>> attributes;
  bool case_exact = false;
  // Provenance, which Gazetteer::SourceOf spells "countries.tsv:142": the
  // index of the Add call that added the entry, counting those that
  // succeeded, and the 1-based line.  A number rather than the string, which
  // few entries ever need and which cost an allocation for each.
  uint32_t source = 0;
  uint32_t line = 0;
  // `type` interned, so that stages compare integers: see Gazetteer::TypeId.
  uint32_t type_id = 0;

  // The value of attribute `key`, or "" when absent.
  std::string_view Attribute(std::string_view key) const;
};

// One occurrence of an entry: tokens [first_token, end_token).
struct GazetteerMatch {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  uint32_t entry = 0;  // index into Gazetteer::entries()

  friend bool operator==(const GazetteerMatch&,
                         const GazetteerMatch&) = default;
};

// Immutable once built; Match() is thread-safe.
class Gazetteer {
 public:
  // Collects entries from TSV sources.  Once built or moved from, a Builder
  // may only be assigned to or destroyed.
  class Builder {
   public:
    Builder();
    ~Builder();
    Builder(Builder&&) noexcept;
    Builder& operator=(Builder&&) noexcept;

    // Parses TSV text.  `name` names the source in errors
    // ("name:line:column: reason: `fragment`", a kParseError whose location
    // has the 1-based line and byte column of the offending field or byte)
    // and in entry provenance ("name:line").  On error nothing of this
    // source is added.
    Status Add(std::string_view name, std::string_view tsv);

    // Reads and adds a TSV file; the path is its name.  A file that cannot
    // be read is a kIoError "cannot read PATH: reason".
    Status AddFile(const std::string& path);

    Gazetteer Build() &&;

   private:
    struct State;
    std::unique_ptr<State> state_;
  };

  // What TypeId returns for a type no entry has; no entry's type_id.
  static constexpr uint32_t kNoType = UINT32_MAX;

  // An empty gazetteer: it matches nothing.
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

  // Inline: stages read it for nearly every match of every document.
  const std::vector<GazetteerEntry>& entries() const { return entries_; }

  // The type_id of entries whose type is `type`, or kNoType.  Type ids
  // count from 0 in the order the types first appear, so that stages may
  // index arrays by them.
  uint32_t TypeId(std::string_view type) const;

  // The provenance of entries()[entry]: "name:line", where name is the
  // `name` of its Add call.
  std::string SourceOf(uint32_t entry) const;

  // Every occurrence of every entry in `tokens`, which Tokenize made from
  // `text`, sorted by first_token, then longest first, then entry index.
  // Matches lie within one of tokens.sentences.
  std::vector<GazetteerMatch> Match(std::string_view text,
                                    const Tokens& tokens) const;

 private:
  std::vector<GazetteerEntry> entries_;
  std::vector<std::string> types_;         // indexed by type_id
  std::vector<std::string> source_names_;  // indexed by GazetteerEntry::source
  // Phrase e is the phrase of entries_[e]; null unless a Builder built this.
  std::unique_ptr<const PhraseTrie> trie_;
  // Entry e's phrase tokens as byte ranges of its phrase, which text must
  // equal: exact_[exact_begin_[e], exact_begin_[e + 1]), empty unless
  // case-exact.
  std::vector<uint32_t> exact_begin_;
  std::vector<std::pair<uint32_t, uint32_t>> exact_;
};

}  // namespace parley

#endif  // PARLEY_LIB_GAZETTEER_H_

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Parsing one gazetteer source, TSV text in the format that gazetteer.h
// describes, into entries and the tokens of their phrases, or into the
// parse error of its first bad line ("name:line:column: reason:
// `fragment`").
//
//   std::vector<parley::GazetteerEntry> entries;
//   parley::PhraseTokens phrases;
//   parley::Status status = parley::ParseGazetteerTsv(
//       "mine.tsv", /*source=*/0, "Prime Minister\toffice\tPM\n", &entries,
//       &phrases);
//   // entries[0].id == "PM"; phrases.Of(0) has the tokens "prime" and
//   // "minister", as Tokenize gives them.
//
// It does not intern types (type_id stays 0), apply overrides between
// sources, or undo what it added before an error: Gazetteer::Builder does.

#ifndef PARLEY_LIB_GAZETTEER_TSV_H_
#define PARLEY_LIB_GAZETTEER_TSV_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "parley/status.h"

namespace parley {

// A token of a phrase: where its norm is among the norms of PhraseTokens,
// and where its bytes are in the entry's phrase, which a case-exact entry
// compares with the text.
struct PhraseToken {
  uint32_t norm_begin = 0;
  uint32_t norm_end = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// The tokens of every phrase added, by entry, flat, so that loading
// allocates per source rather than per entry or per token.
class PhraseTokens {
 public:
  std::span<const PhraseToken> Of(size_t entry) const {
    return std::span(tokens_).subspan(
        entry_begin_[entry], entry_begin_[entry + 1] - entry_begin_[entry]);
  }

  std::string_view Norm(const PhraseToken& token) const {
    return std::string_view(norms_).substr(token.norm_begin,
                                           token.norm_end - token.norm_begin);
  }

  size_t token_count() const { return tokens_.size(); }

  // Adds a token to the entry being added.  Returns its norm, which stays
  // valid until the next call.
  std::span<char> AddToken(std::string_view norm, size_t begin, size_t end) {
    PhraseToken& token = tokens_.emplace_back();
    token.norm_begin = static_cast<uint32_t>(norms_.size());
    norms_.append(norm);
    token.norm_end = static_cast<uint32_t>(norms_.size());
    token.begin = static_cast<uint32_t>(begin);
    token.end = static_cast<uint32_t>(end);
    return std::span(norms_).subspan(token.norm_begin);
  }

  // Ends the entry being added.
  void EndEntry() {
    entry_begin_.push_back(static_cast<uint32_t>(tokens_.size()));
  }

  // Forgets all entries from `entry_count` on, complete or not.
  void Truncate(size_t entry_count) {
    entry_begin_.resize(entry_count + 1);
    tokens_.resize(entry_begin_.back());
    norms_.resize(tokens_.empty() ? 0 : tokens_.back().norm_end);
  }

 private:
  std::string norms_;  // back to back
  std::vector<PhraseToken> tokens_;
  // Entry e has tokens_[entry_begin_[e], entry_begin_[e + 1]).
  std::vector<uint32_t> entry_begin_ = {0};
};

// Parses `tsv`, the source numbered `source` and named `name`, appending
// its entries to `entries` and their phrase tokens to `phrases`, which hold
// the same entries before the call.  An error is a kParseError whose
// location has `name`, the 1-based line and the 1-based byte column of the
// offending field or byte, not counting a byte order mark; on error the
// entries of the source before the bad line, and perhaps a partial one,
// stay behind.
Status ParseGazetteerTsv(std::string_view name, uint32_t source,
                         std::string_view tsv,
                         std::vector<GazetteerEntry>* entries,
                         PhraseTokens* phrases);

}  // namespace parley

#endif  // PARLEY_LIB_GAZETTEER_TSV_H_

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Groups tokens into sentences as the tokenizer emits them, from what each
// token is to sentence breaking (its SentenceRole), its first character,
// whether space comes before it and how many line breaks.
//
//   parley::Tokens out;
//   parley::SentenceSplitter sentences(&out);
//   // For each token: append it to out.tokens, then
//   sentences.Add(first_character, line_breaks, role);
//   // At the end of the text:
//   sentences.Finish();  // out.sentences now covers every token
//
// The rules are tokenizer.h's ("Sentences end: ...").
//
// It does not look at the text: which tokens are terminals, titles or
// closers is the tokenizer's to say.

#ifndef PARLEY_LIB_SENTENCE_SPLITTER_H_
#define PARLEY_LIB_SENTENCE_SPLITTER_H_

#include <unicode/umachine.h>

#include <cstdint>

#include "tokenizer.h"

namespace parley {

// How a token bears on sentence breaking.
enum class SentenceRole : uint8_t {
  kPlain,
  kTerminal,      // . ! ? … and other sentence terminals
  kWideTerminal,  // 。！？: no space follows them
  kCloser,        // ) ] ” ’ and straight quotes glued to what precedes
  kContinuer,     // , ; : dashes, openers, titles, initials
};

class SentenceSplitter {
 public:
  // Appends sentences to `out->sentences`, over `out->tokens`.
  explicit SentenceSplitter(Tokens* out) : out_(out) {}

  // The token just appended to `out->tokens`, which starts with `first`,
  // after a gap with `line_breaks` line breaks.
  //
  // Inline for the token in the middle of a line after anything but a
  // terminal, which is most of them and can start no sentence.
  void Add(UChar32 first, int line_breaks, SentenceRole role) {
    if (line_breaks == 0 && state_ != SentenceRole::kTerminal &&
        state_ != SentenceRole::kWideTerminal) {
      state_ = role;
      return;
    }
    AddAfterBreakOrTerminal(first, line_breaks, role);
  }

  // Closes the last sentence, if there are tokens.
  void Finish();

 private:
  void AddAfterBreakOrTerminal(UChar32 first, int line_breaks,
                               SentenceRole role);
  void Close(uint32_t end_token);

  Tokens* out_;
  uint32_t first_token_ = 0;
  // The role of the last token, except that closers after a terminal
  // leave it a terminal.
  SentenceRole state_ = SentenceRole::kPlain;
};

}  // namespace parley

#endif  // PARLEY_LIB_SENTENCE_SPLITTER_H_

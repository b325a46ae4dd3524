// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The folded form of a token's text that gazetteers and rules match on
// (Token::norm): NFKC case folding, Latin-style diacritics removed, curly
// apostrophes and quotes and Unicode hyphens made straight.
//
//   std::string norm;
//   parley::NormalizeToken("Türkiye", &norm);     // "turkiye"
//   parley::NormalizeToken("Pakistan’s", &norm);  // "pakistan's"
//
// ASCII, curly quotes and characters whose norm depends on them alone (a
// dash, "é") are folded one by one; any other non-ASCII character sends the
// whole text through ICU's normalizers.
//
// Only marks placed above or below a letter go (canonical combining class
// 200 and up: "ü", "ç", "й"); marks that are part of a spelling stay: Indic
// vowel signs, virama and nukta, kana voicing marks, Arabic and Hebrew vowel
// points.
//
// It does not split text into tokens or compute shapes or case classes.

#ifndef PARLEY_LIB_TOKEN_NORMALIZER_H_
#define PARLEY_LIB_TOKEN_NORMALIZER_H_

#include <string>
#include <string_view>

namespace parley {

// Sets `*norm` to the norm of `text`, reusing its buffer.  The result is
// always valid UTF-8: ill-formed bytes become U+FFFD.
void NormalizeToken(std::string_view text, std::string* norm);

}  // namespace parley

#endif  // PARLEY_LIB_TOKEN_NORMALIZER_H_

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Token norms: a loop over code points for ASCII, curly quotes and the
// characters whose norm is their own (dashes, most accented Latin letters),
// which is nearly all of English news, and ICU's nfkc_cf and NFC
// normalizers over the whole token for the rest.
//
// It does not cache norms or allocate beyond the output string and, on the
// ICU path, ICU's UTF-16 strings.

#include "token_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "code_point.h"

namespace parley {
namespace {

// ICU's normalizers are immutable and thread-safe once created.  Both are
// null if either is unavailable.
struct Normalizers {
  const icu::Normalizer2* nfkd_casefold = nullptr;
  const icu::Normalizer2* nfc = nullptr;
};

const Normalizers& GetNormalizers() {
  static const Normalizers normalizers = [] {
    UErrorCode status = U_ZERO_ERROR;
    Normalizers n;
    n.nfkd_casefold = icu::Normalizer2::getInstance(nullptr, "nfkc_cf",
                                                    UNORM2_DECOMPOSE, status);
    n.nfc = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : Normalizers{};
  }();
  return normalizers;
}

// Straight forms of curly quotes and Unicode hyphens, or 0.
UChar32 StraightQuoteOrHyphen(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
      return '\'';
    case 0x201C:
    case 0x201D:
      return '"';
    case 0x2010:
    case 0x2011:
      return '-';
    default:
      return 0;
  }
}

// Nonspacing marks placed above or below a letter (canonical combining
// class 200 and up), as in "ü", "ã", "ç", "й".  Marks that are part of the
// spelling in their scripts have lower classes and stay: Indic vowel signs,
// virama and nukta, Japanese voicing marks, Arabic and Hebrew vowel points.
bool IsDiacritic(UChar32 c) {
  return u_charType(c) == U_NON_SPACING_MARK && u_getCombiningClass(c) >= 200;
}

// The ICU path: compatibility decomposition with case folding (which also
// drops default-ignorable characters), then diacritics removed and the rest
// recomposed.  Should ICU's normalization data be missing, case folding
// alone still gives a usable norm.
void AppendUnicodeNorm(std::string_view text, std::string* out) {
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const Normalizers& normalizers = GetNormalizers();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded;
  if (normalizers.nfkd_casefold != nullptr) {
    normalizers.nfkd_casefold->normalize(source, folded, status);
  }
  if (normalizers.nfkd_casefold == nullptr || U_FAILURE(status)) {
    folded = source;
    folded.foldCase();
    status = U_ZERO_ERROR;
  }
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (IsDiacritic(c)) continue;
    const UChar32 straight = StraightQuoteOrHyphen(c);
    stripped.append(straight != 0 ? straight : c);
  }
  icu::UnicodeString composed;
  if (normalizers.nfc != nullptr) {
    normalizers.nfc->normalize(stripped, composed, status);
  }
  (normalizers.nfc != nullptr && U_SUCCESS(status) ? composed : stripped)
      .toUTF8String(*out);
}

// Appends the norm of `c`, a code point at `bytes` in a token, when it
// depends on `c` alone and is the same there as on the ICU path: `c`
// straightened; or `c` itself if both normalizers leave it alone and it
// joins nothing around it (ICU's "inert"); or the ASCII of its folded
// decomposition if all else in that is diacritics ("É" -> "e" + U+0301 ->
// "e", "ß" -> "ss").  ASCII, inert characters and dropped diacritics
// neither reorder nor compose with what is around them, so a token of such
// characters needs no normalizer.  Returns false for any other `c`.
bool AppendOwnNorm(UChar32 c, std::string_view bytes, std::string* out) {
  if (const UChar32 straight = StraightQuoteOrHyphen(c); straight != 0) {
    out->push_back(static_cast<char>(straight));
    return true;
  }
  const Normalizers& normalizers = GetNormalizers();
  if (c < 0 || normalizers.nfkd_casefold == nullptr) return false;
  if (normalizers.nfkd_casefold->isInert(c) && normalizers.nfc->isInert(c)) {
    out->append(bytes);
    return true;
  }
  icu::UnicodeString decomposition;
  if (!normalizers.nfkd_casefold->getDecomposition(c, decomposition)) {
    return false;
  }
  char ascii[8];
  size_t length = 0;
  for (int32_t i = 0; i < decomposition.length();) {
    const UChar32 part = decomposition.char32At(i);
    i += U16_LENGTH(part);
    if (IsDiacritic(part)) continue;
    if (part >= 0x80 || length == sizeof(ascii)) return false;
    ascii[length++] = static_cast<char>(part);
  }
  out->append(ascii, length);
  return true;
}

}  // namespace

void NormalizeToken(std::string_view text, std::string* norm) {
  norm->clear();
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      norm->push_back(
          static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b));
      continue;
    }
    const CodePoint cp = DecodeNonAscii(text, i);
    if (!AppendOwnNorm(cp.c, text.substr(i, cp.size), norm)) {
      norm->clear();
      AppendUnicodeNorm(text, norm);
      return;
    }
    i += cp.size - 1;
  }
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Token norms: a byte loop for ASCII and curly quotes, which is nearly all
// of English news, and ICU's nfkc_cf and NFC normalizers for the rest.
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

}  // namespace

void NormalizeToken(std::string_view text, std::string* norm) {
  norm->resize(text.size());
  size_t length = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      (*norm)[length++] =
          static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      continue;
    }
    const CodePoint cp = DecodeNonAscii(text, i);
    const UChar32 straight = StraightQuoteOrHyphen(cp.c);
    if (straight == 0) {
      norm->clear();
      AppendUnicodeNorm(text, norm);
      return;
    }
    (*norm)[length++] = static_cast<char>(straight);
    i += cp.size - 1;
  }
  norm->resize(length);
}

}  // namespace parley

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The HTML view of parley's records: one self-contained page that shows the
// article with its people, countries, offices and dates highlighted, and
// its meetings in a table, for a person to check what was extracted.
//
//   std::string page = parley::ToHtml(document, text);
//
// - Each kind has its own colour, named in a legend above the article.  A
//   mention is a <span class="mention KIND"> (KIND: person, country,
//   office, date) carrying data-record, data-begin and data-end (parley's
//   UTF-8 byte offsets, as in the JSON); hovering shows the record's id and
//   normalized value and the rule or gazetteer entry behind the mention.
//   A record's mentions of the same span are one element.
// - Mentions inside others (a country in an office's title) are nested
//   elements.  Two spans that cross are drawn as the inner one split in
//   pieces, each piece with the same data attributes, since HTML elements
//   cannot cross.
// - Below, a table has one row per meeting (<tr data-meeting="M1">): kind,
//   participants by name with their role, date, place, topics, status and
//   the rule, linked to the evidence sentence in the article
//   (<span class="evidence" id="evidence-M1">), which the link outlines.
//
// The page is one file: inline CSS, no script, no external resource.
// Everything from the text and the records is HTML-escaped.  It does not
// show records without mentions in the article, and leaves out mentions
// whose offsets do not fall inside `text`; offsets must fall on character
// boundaries, as the Extractor's do.

#ifndef PARLEY_HTML_H_
#define PARLEY_HTML_H_

#include <string>
#include <string_view>

#include "parley/records.h"

namespace parley {

// A complete HTML document showing `document`, extracted from `text`.
std::string ToHtml(const Document& document, std::string_view text);

}  // namespace parley

#endif  // PARLEY_HTML_H_

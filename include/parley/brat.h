// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The brat standoff view of parley's records: the ".ann" file that the brat
// annotation tool (and tools that read its format) shows beside the
// document's ".txt", so that extractions can be reviewed and corrected by
// hand.
//
//   std::string ann = parley::ToBrat(document, text);    // DOC.ann
//   std::string conf = parley::BratAnnotationConf();     // annotation.conf
//
// For the sentence "Pakistan's Foreign Minister Ishaq Dar met Amir Khan
// Muttaqi in Kabul." it writes, among others (fields separated by tabs):
//
//   T1  Person 28 37  Ishaq Dar
//   #1  AnnotatorNotes T1  P1 Ishaq Dar; country PK; rule:title-name
//   T4  Office 11 27  Foreign Minister
//   T5  Meeting 0 69  Pakistan's Foreign Minister Ishaq Dar met Amir ...
//   E1  Meeting:T5 Participant:T1 Participant2:T2
//   #5  AnnotatorNotes E1  M1 meeting; location Kabul; rule:meeting-met
//
// - Every mention of a person, country, office or date is a text-bound
//   annotation ("T") of type Person, Country, Office or Date, in record
//   order; a record's mentions of the same span are one annotation.  Its
//   note ("#") gives the record's id, normalized value and the sources of
//   the mention.
// - The mentions of one record are tied by an "Equiv" line, the coreference
//   that brat draws between them.
// - A meeting is an event ("E") of type Meeting, Talks, Visit, Call or
//   Briefing whose trigger is its evidence sentence.  Its arguments are the
//   participants (their mention inside the evidence, else their first one),
//   as Host, Visitor or Chair where the text gives the role and Participant
//   otherwise, numbered from the second of a role on as brat does
//   (Participant2), and its Date.  Its place, topics and rule are in its
//   note; a planned meeting has the attribute Planned.
//
// Offsets are Unicode code point offsets, not parley's UTF-8 byte offsets:
// brat reads the .txt as text and counts characters ("Zürich" is 6 long).
// A span that crosses a line break is written as brat's fragments
// ("0 5;6 12"), since brat does not draw annotations across lines.
//
// It does not write the .txt (the document's text, unchanged, is the .txt)
// nor brat's visual.conf; mentions whose offsets do not fall inside `text`
// are left out rather than written wrong.

#ifndef PARLEY_BRAT_H_
#define PARLEY_BRAT_H_

#include <string>
#include <string_view>

#include "parley/records.h"

namespace parley {

// The brat standoff annotations of `document`, extracted from `text`: one
// annotation a line, each line ending in '\n'.
std::string ToBrat(const Document& document, std::string_view text);

// The annotation.conf that declares the types ToBrat writes; brat reads it
// from the directory of the .ann files or one above.
std::string BratAnnotationConf();

}  // namespace parley

#endif  // PARLEY_BRAT_H_

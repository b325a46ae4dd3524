// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The last stage: turns the mentions the finders accepted into the records
// of parley/records.h, one record per entity with all its mentions, ids in
// order of first mention ("C1", "D1", ...), and each mention's text and
// provenance filled from the input.
//
// It decides nothing about what is a mention, which is the finders' work,
// save one thing: a country that takes part in a meeting only through the
// place it was held or visited gets a record whose mention is that place
// (AddPlaceCountries), since a participant must be a record.

#ifndef PARLEY_LIB_RECORD_BUILDER_H_
#define PARLEY_LIB_RECORD_BUILDER_H_

#include <span>
#include <string_view>
#include <vector>

#include "country_finder.h"
#include "date_recognizer.h"
#include "gazetteer.h"
#include "meeting_finder.h"
#include "office_finder.h"
#include "person_finder.h"
#include "parley/records.h"
#include "tokenizer.h"

namespace parley {

// One Country per code, mentions in text order.
std::vector<Country> BuildCountryRecords(
    std::string_view text, const Tokens& tokens,
    std::span<const CountryMention> mentions, const CountryFinder& finder,
    const Gazetteer& gazetteer);

// One Person per entity, ids "P1"... in `people` order; a person's country
// is that of their first office that has one, else the one they are known
// to serve (`known_countries`, "" where none).
std::vector<Person> BuildPersonRecords(
    std::string_view text, const Tokens& tokens, const People& people,
    std::span<const OfficeFinding> offices,
    const std::vector<std::string>& known_countries);

// One Office per finding; holders are the ids BuildPersonRecords gives.
std::vector<Office> BuildOfficeRecords(std::string_view text,
                                       const Tokens& tokens,
                                       std::span<const OfficeFinding> offices);

// One Date per normalized value, mentions in text order.
std::vector<Date> BuildDateRecords(std::string_view text,
                                   std::span<const DateMention> mentions);

// Adds a Country for each participant country of a meeting that the text
// names only by the meeting's place ("Modi arrived in Washington" in a
// story that never writes "US"), with that place as its mention: a
// participant must be a record.
void AddPlaceCountries(std::string_view text, const Tokens& tokens,
                       std::span<const MeetingFinding> meetings,
                       const CountryFinder& finder, const Gazetteer& gazetteer,
                       std::vector<Country>& countries);

// One Meeting per finding, referring to the person, country and date
// records already in `document` (a participant country with no record of
// its own is left out).
std::vector<Meeting> BuildMeetingRecords(
    std::span<const MeetingFinding> meetings, const Document& document);

}  // namespace parley

#endif  // PARLEY_LIB_RECORD_BUILDER_H_

// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The Extractor: builds the shared, immutable resources once (gazetteers,
// rules, date grammar) and runs the pipeline on each document:
//
//   UTF-8 check -> tokenizer -> gazetteer matches -> countries, people and
//   offices -> dates -> meetings -> records
//
// Each stage lives in its own file; this one only wires them together and
// owns the per-document checks (size, encoding, document date).

#include "parley/extractor.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "country_finder.h"
#include "date_normalizer.h"
#include "date_recognizer.h"
#include "default_resources.h"
#include "file_reader.h"
#include "gazetteer.h"
#include "meeting_finder.h"
#include "office_finder.h"
#include "person_finder.h"
#include "record_builder.h"
#include "rule_claims.h"
#include "rule_matcher.h"
#include "rule_parser.h"
#include "tokenizer.h"
#include "utf8.h"

namespace parley {
namespace {

std::vector<std::pair<uint32_t, uint32_t>> SentenceSpans(const Tokens& tokens) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  spans.reserve(tokens.sentences.size());
  for (const Sentence& sentence : tokens.sentences) {
    spans.emplace_back(sentence.begin, sentence.end);
  }
  return spans;
}

// The rules of both passes: people and offices first, then meetings (the
// rules whose id names a meeting kind), which need people as annotations.
struct RuleMatchers {
  RuleMatcher entities;
  RuleMatcher meetings;
};

// The default rules, then the user's files and texts, in that order.
Result<RuleMatchers> BuildRuleMatchers(const ExtractorOptions& options) {
  std::vector<std::string> file_texts;
  file_texts.reserve(options.rule_files.size());
  for (const std::string& path : options.rule_files) {
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) return text.status();
    file_texts.push_back(std::move(text).value());
  }
  std::vector<RuleSource> sources;
  if (options.use_default_rules) {
    for (const EmbeddedResource& resource : DefaultRules()) {
      sources.push_back(RuleSource{resource.name, resource.text});
    }
  }
  for (std::size_t i = 0; i < file_texts.size(); ++i) {
    sources.push_back(RuleSource{options.rule_files[i], file_texts[i]});
  }
  for (const NamedText& rules : options.rules) {
    sources.push_back(RuleSource{rules.name, rules.text});
  }
  Result<std::vector<Rule>> rules = ParseRules(sources);
  if (!rules.ok()) return rules.status();

  std::vector<Rule> entity_rules;
  std::vector<Rule> meeting_rules;
  for (Rule& rule : *rules) {
    (MeetingKindOfRule(rule.id) ? meeting_rules : entity_rules)
        .push_back(std::move(rule));
  }
  const RuleCompilation when = options.compile_rules_on_first_use
                                   ? RuleCompilation::kOnFirstUse
                                   : RuleCompilation::kNow;
  Result<RuleMatcher> entities =
      RuleMatcher::Compile(std::move(entity_rules), when);
  if (!entities.ok()) return entities.status();
  Result<RuleMatcher> meetings =
      RuleMatcher::Compile(std::move(meeting_rules), when);
  if (!meetings.ok()) return meetings.status();
  return RuleMatchers{std::move(entities).value(), std::move(meetings).value()};
}

// The gazetteer matches of each sentence as rule annotations: sentence i
// owns annotations [begin[i], begin[i + 1]).
struct SentenceAnnotations {
  std::vector<Annotation> annotations;
  std::vector<std::size_t> begin;

  SentenceAnnotations(const Tokens& tokens, const Gazetteer& gazetteer,
                      std::span<const GazetteerMatch> matches) {
    annotations.reserve(matches.size());
    begin.reserve(tokens.sentences.size() + 1);
    std::size_t next = 0;
    for (const Sentence& sentence : tokens.sentences) {
      begin.push_back(annotations.size());
      for (; next < matches.size() &&
             matches[next].first_token < sentence.end_token;
           ++next) {
        const GazetteerEntry& entry = gazetteer.entries()[matches[next].entry];
        annotations.push_back(
            Annotation{.first_token = matches[next].first_token,
                       .end_token = matches[next].end_token,
                       .type = entry.type,
                       .attributes = &entry.attributes});
      }
    }
    begin.push_back(annotations.size());
  }

  std::span<const Annotation> Of(std::size_t sentence) const {
    return std::span(annotations)
        .subspan(begin[sentence], begin[sentence + 1] - begin[sentence]);
  }
};

// Whether a country word is part of a longer personal name ("Michael
// Jordan", "Chad Smith"), and so no country mention.
bool InsideLongerName(const People& people, const CountryMention& country) {
  auto it = std::lower_bound(
      people.mentions.begin(), people.mentions.end(), country.first_token,
      [](const PersonMention& m, uint32_t t) { return m.end_token <= t; });
  return it != people.mentions.end() &&
         it->first_token <= country.first_token &&
         country.end_token <= it->end_token &&
         it->end_token - it->first_token >
             country.end_token - country.first_token;
}

// Pass 1: the rules that find people and offices.
Claims MatchEntityRules(std::string_view text, const Tokens& tokens,
                        const RuleMatcher& rules,
                        const SentenceAnnotations& annotations) {
  Claims claims;
  RuleMatcher::Scratch scratch;
  for (std::size_t i = 0; i < tokens.sentences.size(); ++i) {
    for (const RuleMatch& match : rules.Match(text, tokens, tokens.sentences[i],
                                              annotations.Of(i), &scratch)) {
      AddClaims(match, rules.rule_id(match.rule), claims);
    }
  }
  return claims;
}

// Pass 2: meeting rules, with every mention of a person annotated `person`.
std::vector<MeetingFinding> MatchMeetingRules(
    const MeetingContext& context, const RuleMatcher& rules,
    const SentenceAnnotations& annotations) {
  MeetingLog log;
  std::vector<Annotation> sentence_annotations;
  std::vector<std::string_view> rule_ids;
  const std::vector<PersonMention>& people = context.people->mentions;
  std::size_t next_person = 0;
  RuleMatcher::Scratch scratch;
  for (std::size_t i = 0; i < context.tokens->sentences.size(); ++i) {
    const Sentence& sentence = context.tokens->sentences[i];
    const std::span<const Annotation> of_sentence = annotations.Of(i);
    sentence_annotations.assign(of_sentence.begin(), of_sentence.end());
    for (; next_person < people.size() &&
           people[next_person].first_token < sentence.end_token;
         ++next_person) {
      sentence_annotations.push_back(
          Annotation{.first_token = people[next_person].first_token,
                     .end_token = people[next_person].end_token,
                     .type = "person"});
    }
    const std::vector<RuleMatch> matches =
        rules.Match(context.text, *context.tokens, sentence,
                    sentence_annotations, &scratch);
    rule_ids.clear();
    for (const RuleMatch& match : matches) {
      rule_ids.push_back(rules.rule_id(match.rule));
    }
    AddMeetings(context, i, matches, rule_ids, log);
  }
  return std::move(log.meetings);
}

}  // namespace

// Members refer to `gazetteer`, so an Impl never moves once built.
struct Extractor::Impl {
  Impl(ExtractorOptions options_in, Gazetteer gazetteer_in,
       RuleMatchers rules_in, DateRecognizer dates_in)
      : options(std::move(options_in)),
        gazetteer(std::move(gazetteer_in)),
        countries(gazetteer),
        rules(std::move(rules_in)),
        dates(std::move(dates_in)) {}
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  const ExtractorOptions options;
  const Gazetteer gazetteer;
  const CountryFinder countries;
  const RuleMatchers rules;
  const DateRecognizer dates;
};

Extractor::Extractor(std::shared_ptr<const Impl> impl)
    : impl_(std::move(impl)) {}

const ExtractorOptions& Extractor::options() const { return impl_->options; }

Result<Extractor> Extractor::Create(const ExtractorOptions& options) {
  Gazetteer::Builder gazetteers;
  if (options.use_default_gazetteers) {
    for (const EmbeddedResource& resource : DefaultGazetteers()) {
      Status status = gazetteers.Add(resource.name, resource.text);
      if (!status.ok()) return status;
    }
  }
  for (const std::string& path : options.gazetteer_files) {
    Status status = gazetteers.AddFile(path);
    if (!status.ok()) return status;
  }
  for (const NamedText& gazetteer : options.gazetteers) {
    Status status = gazetteers.Add(gazetteer.name, gazetteer.text);
    if (!status.ok()) return status;
  }

  Result<RuleMatchers> rules = BuildRuleMatchers(options);
  if (!rules.ok()) return rules.status();
  Result<DateRecognizer> dates = DateRecognizer::Create();
  if (!dates.ok()) return dates.status();

  return Extractor(std::make_shared<const Impl>(
      options, std::move(gazetteers).Build(), std::move(rules).value(),
      std::move(dates).value()));
}

Result<Document> Extractor::Extract(std::string_view text,
                                    const DocumentInfo& info) const {
  const Impl& impl = *impl_;
  // Offsets are 32-bit, whatever limit the options set.
  if (text.size() > std::numeric_limits<uint32_t>::max()) {
    return Status(
        StatusCode::kInvalidDocument,
        fmt::format("document of {} bytes exceeds 4 GiB", text.size()));
  }
  if (text.size() > impl.options.max_document_bytes) {
    return Status(StatusCode::kInvalidDocument,
                  fmt::format("document of {} bytes exceeds the limit of {} "
                              "bytes (ExtractorOptions::max_document_bytes)",
                              text.size(), impl.options.max_document_bytes));
  }
  if (std::optional<std::size_t> bad = FindInvalidUtf8(text)) {
    return Status(StatusCode::kInvalidDocument, "invalid UTF-8",
                  ErrorLocation{.byte_offset = *bad});
  }
  std::optional<CivilDate> document_date;
  if (!info.document_date.empty()) {
    document_date = ParseCivilDate(info.document_date);
    if (!document_date) {
      return Status(StatusCode::kInvalidArgument,
                    fmt::format("document date '{}' is not a valid "
                                "YYYY-MM-DD date",
                                info.document_date));
    }
  }

  Document document;
  document.id = info.id;
  if (document_date) document.document_date = info.document_date;

  const Tokens tokens = Tokenize(text);
  const std::vector<GazetteerMatch> matches =
      impl.gazetteer.Match(text, tokens);

  std::vector<CountryMention> country_mentions =
      impl.countries.FindMentions(tokens, matches);

  const SentenceAnnotations annotations(tokens, impl.gazetteer, matches);
  const Claims claims =
      MatchEntityRules(text, tokens, impl.rules.entities, annotations);
  const People people = ResolvePeople(
      tokens, claims.names, ClassifyNameWords(tokens, impl.gazetteer, matches));
  const std::vector<std::string> known_countries =
      KnownCountries(tokens, people, impl.gazetteer, matches);
  const std::vector<OfficeFinding> offices =
      FindOffices(text, tokens, claims.offices, people, impl.gazetteer, matches,
                  known_countries);
  std::erase_if(country_mentions, [&](const CountryMention& mention) {
    return InsideLongerName(people, mention);
  });
  document.countries = BuildCountryRecords(text, tokens, country_mentions,
                                           impl.countries, impl.gazetteer);
  document.people =
      BuildPersonRecords(text, tokens, people, offices, known_countries);
  document.offices = BuildOfficeRecords(text, tokens, offices);

  const std::vector<DateMention> date_mentions = impl.dates.Find(
      text, SentenceSpans(tokens),
      DateContext{.document_date = document_date,
                  .numeric_order = impl.options.numeric_date_order,
                  .untensed = impl.options.untensed_dates});
  document.dates = BuildDateRecords(text, date_mentions);

  std::vector<std::string> person_countries;
  for (const Person& person : document.people) {
    person_countries.push_back(person.country.value_or(""));
  }
  const MeetingContext meeting_context{.text = text,
                                       .tokens = &tokens,
                                       .gazetteer = &impl.gazetteer,
                                       .matches = matches,
                                       .people = &people,
                                       .countries = country_mentions,
                                       .dates = date_mentions,
                                       .person_countries = person_countries,
                                       .document_date = info.document_date};
  const std::vector<MeetingFinding> meetings =
      MatchMeetingRules(meeting_context, impl.rules.meetings, annotations);
  AddPlaceCountries(text, tokens, meetings, impl.countries, impl.gazetteer,
                    document.countries);
  document.meetings = BuildMeetingRecords(meetings, document);
  return document;
}

}  // namespace parley

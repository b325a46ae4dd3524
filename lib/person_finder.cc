// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0

#include "person_finder.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "phrase_trie.h"

namespace parley {
namespace {

std::vector<std::string_view> NameWords(const Tokens& tokens, uint32_t first,
                                        uint32_t end) {
  std::vector<std::string_view> words;
  for (uint32_t t = first; t < end; ++t) {
    if (tokens.tokens[t].norm != "-") words.push_back(tokens.tokens[t].norm);
  }
  return words;
}

// How many words NameWords would give, without building them.
std::size_t NameWordCount(const Tokens& tokens, uint32_t first, uint32_t end) {
  std::size_t count = 0;
  for (uint32_t t = first; t < end; ++t) {
    if (tokens.tokens[t].norm != "-") ++count;
  }
  return count;
}

// Whether `part` occurs as a contiguous run inside `whole`.
bool ContainsRun(const std::vector<std::string_view>& whole,
                 const std::vector<std::string_view>& part) {
  return part.size() <= whole.size() &&
         std::search(whole.begin(), whole.end(), part.begin(), part.end()) !=
             whole.end();
}

class Resolver {
 public:
  // `spans` are the spans that name people: every word a person's name
  // holds is one of theirs.  The words are numbered once here, so that
  // the indexes below are arrays and flat lists by number: hashing words
  // into maps of vectors took most of ResolvePeople in allocations.
  Resolver(const Tokens& tokens, const std::vector<char>& particle,
           std::span<const NameSpan> spans)
      : tokens_(tokens),
        particle_(particle),
        vocabulary_(SpanTokenCount(spans)),
        token_word_(tokens.tokens.size(), WordVocabulary::kNoWord),
        named_exactly_(SpanTokenCount(spans)) {
    uint32_t word_count = 0;
    for (const NameSpan& span : spans) {
      for (uint32_t t = span.first_token; t < span.end_token; ++t) {
        token_word_[t] = vocabulary_.Intern(tokens_.tokens[t].norm);
        word_count = std::max(word_count, token_word_[t] + 1);
      }
    }
    named_with_.assign(word_count, List{});
    holders_.assign(word_count, Holders{});
    // Each span names at most one new person, and a name of n words adds
    // at most n trie nodes and n + 1 links.
    persons_.reserve(spans.size());
    name_ends_.reserve(SpanTokenCount(spans) + 1);
    links_.reserve(SpanTokenCount(spans) + spans.size());
    name_ends_.push_back(kEnd);  // the root's, which no name ends at
  }

  // Pass 1: a multi-word span names a known person, makes a known person's
  // name fuller, or names someone new.  The persons it may name are looked
  // up by word, not tried one by one, so that a story naming many people
  // costs in proportion to their names.
  uint32_t ResolveFullName(uint32_t first, uint32_t end) {
    std::vector<std::string_view> words = NameWords(tokens_, first, end);
    ids_.clear();
    for (uint32_t t = first; t < end; ++t) {
      if (tokens_.tokens[t].norm != "-") ids_.push_back(token_word_[t]);
    }
    int best = -1;
    auto consider = [&](uint32_t list) {
      for (; list != kEnd; list = links_[list].next) {
        const uint32_t p = links_[list].person;
        const PersonEntity& person = persons_[p];
        if (static_cast<int>(p) > best &&  // the latest named wins
            (ContainsRun(person.words, words) ||
             ContainsRun(words, person.words))) {
          best = static_cast<int>(p);
        }
      }
    };
    // A person whose name holds the span's words holds the rarest of them.
    const List* rarest = nullptr;
    for (uint32_t id : ids_) {
      const List& with = named_with_[id];
      if (with.size == 0) {
        rarest = nullptr;
        break;
      }
      if (rarest == nullptr || with.size < rarest->size) rarest = &with;
    }
    if (rarest != nullptr) consider(rarest->head);
    // A person whose name the span holds is named by a run of its words:
    // a path from the root of the names' trie.
    for (std::size_t from = 0; from < ids_.size(); ++from) {
      uint32_t node = kRoot;
      for (std::size_t i = from; i < ids_.size(); ++i) {
        node = named_exactly_.Find(node, ids_[i]);
        if (node == EdgeTable::kNoNode) break;
        consider(name_ends_[node]);
      }
    }
    if (best < 0) {
      persons_.push_back(PersonEntity{
          .first_token = first, .end_token = end, .words = std::move(words)});
      IndexName(static_cast<uint32_t>(persons_.size() - 1));
      return static_cast<uint32_t>(persons_.size() - 1);
    }
    PersonEntity& person = persons_[best];
    if (words.size() > person.words.size()) {
      person.first_token = first;
      person.end_token = end;
      person.words = std::move(words);
      IndexName(static_cast<uint32_t>(best));
    }
    return static_cast<uint32_t>(best);
  }

  void IndexWords() {
    for (uint32_t p = 0; p < persons_.size(); ++p) {
      const PersonEntity& person = persons_[p];
      for (uint32_t t = person.first_token; t < person.end_token; ++t) {
        if (tokens_.tokens[t].norm == "-" || particle_[t]) continue;
        std::string_view word = tokens_.tokens[t].norm;
        Holders& holders = holders_[token_word_[t]];
        int& first = person.words.back() == word ? holders.first_last
                                                 : holders.first_other;
        if (first < 0) first = static_cast<int>(p);
      }
    }
  }

  // Whether a person's name holds the word of token `token`, which may lie
  // outside the spans.
  bool KnownWord(uint32_t token) {
    uint32_t& id = token_word_[token];
    if (id == WordVocabulary::kNoWord) {
      id = vocabulary_.Find(tokens_.tokens[token].norm);
    }
    return id != WordVocabulary::kNoWord && holders_[id].known();
  }

  // Pass 2, in text order: a one-word mention joins the person most recently
  // named who bears that word, preferring it as a last word; failing that,
  // the first person named later who bears it; failing that, a new person.
  // `token` lies in a span, or KnownWord said yes to it: its word is
  // numbered.
  uint32_t ResolveWord(uint32_t token) {
    Holders& holders = holders_[token_word_[token]];
    if (!holders.known()) {
      persons_.push_back(PersonEntity{.first_token = token,
                                      .end_token = token + 1,
                                      .words = {tokens_.tokens[token].norm}});
      const auto p = static_cast<int>(persons_.size() - 1);
      holders = Holders{.first_last = p};
      return static_cast<uint32_t>(p);
    }
    if (holders.first_last >= 0) {
      return static_cast<uint32_t>(holders.seen_last >= 0 ? holders.seen_last
                                                          : holders.first_last);
    }
    return static_cast<uint32_t>(holders.seen_other >= 0 ? holders.seen_other
                                                         : holders.first_other);
  }

  // Notes that pass 2, which reads mentions in text order, has just seen
  // `person`: of the holders of each of its words, the one seen latest.
  void Saw(uint32_t person) {
    const PersonEntity& entity = persons_[person];
    for (uint32_t t = entity.first_token; t < entity.end_token; ++t) {
      if (tokens_.tokens[t].norm == "-" || particle_[t]) continue;
      Holders& holders = holders_[token_word_[t]];
      if (!holders.known()) continue;
      (entity.words.back() == tokens_.tokens[t].norm ? holders.seen_last
                                                     : holders.seen_other) =
          static_cast<int>(person);
    }
  }

  std::vector<PersonEntity>& persons() { return persons_; }

 private:
  static constexpr uint32_t kEnd = UINT32_MAX;
  static constexpr uint32_t kRoot = 0;

  // A list of persons in links_, latest added first.
  struct List {
    uint32_t head = kEnd;
    uint32_t size = 0;
  };
  struct Link {
    uint32_t person;
    uint32_t next;
  };

  static std::size_t SpanTokenCount(std::span<const NameSpan> spans) {
    std::size_t count = 0;
    for (const NameSpan& span : spans) count += span.end_token - span.first_token;
    return count;
  }

  // Adds `p` to `head`'s list unless it was the last added.
  void Push(uint32_t p, uint32_t& head) {
    if (head == kEnd || links_[head].person != p) {
      links_.push_back(Link{.person = p, .next = head});
      head = static_cast<uint32_t>(links_.size() - 1);
    }
  }

  // Indexes person `p`, whose words ids_ numbers, under each word of its
  // name and under the whole of it, for ResolveFullName.  A name made
  // fuller keeps its entries under its earlier words; ResolveFullName
  // checks every person it finds.
  void IndexName(uint32_t p) {
    uint32_t node = kRoot;
    for (uint32_t id : ids_) {
      List& with = named_with_[id];
      const uint32_t head = with.head;
      Push(p, with.head);
      if (with.head != head) ++with.size;
      node = named_exactly_.FindOrAdd(node, id,
                                      static_cast<uint32_t>(name_ends_.size()));
      if (node == name_ends_.size()) name_ends_.push_back(kEnd);
    }
    if (node != kRoot) Push(p, name_ends_[node]);
  }

  const Tokens& tokens_;
  const std::vector<char>& particle_;
  std::vector<PersonEntity> persons_;
  // The words of the spans, and each token's word number where known.
  WordVocabulary vocabulary_;
  std::vector<uint32_t> token_word_;
  // The word numbers of the name at hand.
  std::vector<uint32_t> ids_;
  // Pass 1, by word number: the persons whose name holds the word.  And a
  // trie of names by word number, whose node n is where the persons named
  // exactly its path end: name_ends_[n].
  std::vector<List> named_with_;
  EdgeTable named_exactly_;
  std::vector<uint32_t> name_ends_;
  std::vector<Link> links_;
  // Pass 2, by word number: of the persons whose name holds the word,
  // those whose last word it is and the others, the first named and the
  // one seen latest (-1 for none): ResolveWord's choice without reading
  // them all.
  struct Holders {
    int first_last = -1, first_other = -1;
    int seen_last = -1, seen_other = -1;

    bool known() const { return first_last >= 0 || first_other >= 0; }
  };
  std::vector<Holders> holders_;
};

// The gazetteer types of name words, interned: a document has nearly a
// gazetteer match per token, and comparing type strings took a tenth of
// ClassifyNameWords.
struct NameTypes {
  explicit NameTypes(const Gazetteer& gazetteer)
      : given_name(gazetteer.TypeId("given_name")),
        surname(gazetteer.TypeId("surname")),
        particle(gazetteer.TypeId("name_particle")),
        suffix(gazetteer.TypeId("name_suffix")),
        country(gazetteer.TypeId("country")) {}

  bool IsName(const GazetteerEntry& entry) const {
    const uint32_t type = entry.type_id;
    return type == given_name || type == surname || type == particle ||
           type == suffix ||
           (type == country && entry.Attribute("ambiguous") == "given-name");
  }

  uint32_t given_name;
  uint32_t surname;
  uint32_t particle;
  uint32_t suffix;
  uint32_t country;
};

// Whether `word` (normalized) is an initial ("c", "c.") or a generational
// suffix, which a name may carry or not: "Gilberto C. Teodoro Jr.".
bool IsInitialOrSuffix(std::string_view word) {
  if (word.ends_with('.')) word.remove_suffix(1);
  return word.size() == 1 || word == "jr" || word == "sr" || word == "ii" ||
         word == "iii" || word == "iv";
}

// The state of the public figure a name stands for, written with initials
// or suffixes ("Gilberto C. Teodoro Jr.") or family name first in capitals
// ("KAMIKAWA Yoko"), where the gazetteer lists only the plain form
// ("Gilberto Teodoro", "Yoko Kamikawa"); "" where none, or where the name
// is written plain (the gazetteer's own match has found it, if anyone).
std::string CountryOfCoreName(const Tokens& tokens, const PersonEntity& person,
                              const Gazetteer& gazetteer) {
  std::vector<std::string_view> core;
  bool capitals = false;
  for (uint32_t t = person.first_token; t < person.end_token; ++t) {
    const Token& token = tokens.tokens[t];
    if (token.norm == "-" || IsInitialOrSuffix(token.norm)) continue;
    core.push_back(token.norm);
    capitals = capitals || token.case_class == CaseClass::kUpper;
  }
  const std::size_t written = person.end_token - person.first_token;
  if (core.size() < 2 || (core.size() == written && !capitals)) return "";
  std::vector<std::string> names;
  if (core.size() < written) {
    names.push_back(std::string(core.front()) + " " + std::string(core.back()));
  }
  if (capitals) {
    names.push_back(std::string(core.back()) + " " + std::string(core.front()));
  }
  for (const std::string& name : names) {
    const Tokens name_tokens = Tokenize(name);
    for (const GazetteerMatch& match : gazetteer.Match(name, name_tokens)) {
      const GazetteerEntry& entry = gazetteer.entries()[match.entry];
      if (entry.type == "public_figure" && match.first_token == 0 &&
          match.end_token == name_tokens.tokens.size()) {
        return std::string(entry.Attribute("country"));
      }
    }
  }
  return "";
}

}  // namespace

NameWordClasses ClassifyNameWords(const Tokens& tokens,
                                  const Gazetteer& gazetteer,
                                  std::span<const GazetteerMatch> matches) {
  const std::size_t n = tokens.tokens.size();
  NameWordClasses classes{.alias_candidate = std::vector<char>(n, false),
                          .particle = std::vector<char>(n, false)};
  for (std::size_t t = 0; t < n; ++t) {
    const Token& token = tokens.tokens[t];
    classes.alias_candidate[t] = token.kind == TokenKind::kWord &&
                                 token.case_class != CaseClass::kLower &&
                                 token.case_class != CaseClass::kNone;
  }
  const NameTypes types(gazetteer);
  const std::vector<GazetteerEntry>& entries = gazetteer.entries();
  for (const GazetteerMatch& match : matches) {
    const GazetteerEntry& entry = entries[match.entry];
    if (entry.type_id == types.particle) {
      for (uint32_t t = match.first_token; t < match.end_token; ++t) {
        classes.particle[t] = true;
      }
    } else if (!types.IsName(entry)) {
      for (uint32_t t = match.first_token; t < match.end_token; ++t) {
        classes.alias_candidate[t] = false;
      }
    }
  }
  return classes;
}

std::vector<std::string> KnownCountries(
    const Tokens& tokens, const People& people, const Gazetteer& gazetteer,
    std::span<const GazetteerMatch> matches) {
  std::vector<std::string> countries(people.persons.size());
  const uint32_t public_figure = gazetteer.TypeId("public_figure");
  const std::vector<GazetteerEntry>& entries = gazetteer.entries();
  for (const GazetteerMatch& match : matches) {
    const GazetteerEntry& entry = entries[match.entry];
    if (entry.type_id != public_figure) continue;
    const int person = people.PersonAt(match.first_token, match.end_token);
    if (person >= 0 && countries[person].empty()) {
      countries[person] = std::string(entry.Attribute("country"));
    }
  }
  for (std::size_t i = 0; i < people.persons.size(); ++i) {
    if (countries[i].empty()) {
      countries[i] = CountryOfCoreName(tokens, people.persons[i], gazetteer);
    }
  }
  return countries;
}

int People::PersonAt(uint32_t first_token, uint32_t end_token) const {
  auto it = std::upper_bound(
      mentions.begin(), mentions.end(), first_token,
      [](uint32_t t, const PersonMention& m) { return t < m.first_token; });
  if (it == mentions.begin()) return -1;
  --it;
  return it->first_token <= first_token && end_token <= it->end_token
             ? static_cast<int>(it->person)
             : -1;
}

People ResolvePeople(const Tokens& tokens, std::span<const NameSpan> spans,
                     const NameWordClasses& classes) {
  const std::vector<char>& particle = classes.particle;
  // The longest span wins where spans overlap.
  std::vector<NameSpan> sorted(spans.begin(), spans.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const NameSpan& a, const NameSpan& b) {
              if (a.first_token != b.first_token) {
                return a.first_token < b.first_token;
              }
              return a.end_token > b.end_token;
            });
  std::vector<NameSpan> accepted;
  accepted.reserve(sorted.size());
  uint32_t covered_until = 0;
  for (const NameSpan& span : sorted) {
    if (span.first_token < covered_until || span.end_token <= span.first_token) {
      continue;
    }
    accepted.push_back(span);
    covered_until = span.end_token;
  }

  Resolver resolver(tokens, particle, accepted);
  struct Pending {
    uint32_t first_token, end_token;
    std::string source;
    int person;  // -1 until resolved
  };
  std::vector<Pending> pending;
  pending.reserve(accepted.size());
  for (const NameSpan& span : accepted) {
    const bool one_word =
        NameWordCount(tokens, span.first_token, span.end_token) == 1;
    std::string source;
    source.reserve(5 + span.rule.size());
    source.append("rule:").append(span.rule);
    pending.push_back(Pending{
        .first_token = span.first_token,
        .end_token = span.end_token,
        .source = std::move(source),
        .person = one_word ? -1
                           : static_cast<int>(resolver.ResolveFullName(
                                 span.first_token, span.end_token))});
  }
  resolver.IndexWords();
  // A one-word name that no fuller name explains is a person of its own, so
  // that its other mentions are found below.
  for (Pending& p : pending) {
    if (p.person < 0 &&
        !resolver.KnownWord(p.end_token - 1)) {
      p.person = static_cast<int>(resolver.ResolveWord(p.end_token - 1));
    }
  }

  // Short forms no rule reported: a capitalized word that a known person
  // bears, with a particle and hyphen before it ("al-Sharaa").
  std::vector<char> covered(tokens.tokens.size(), false);
  for (const Pending& p : pending) {
    std::fill(covered.begin() + p.first_token, covered.begin() + p.end_token,
              true);
  }
  const std::size_t rule_mentions = pending.size();
  for (uint32_t t = 0; t < tokens.tokens.size(); ++t) {
    if (covered[t] || !classes.alias_candidate[t] || !resolver.KnownWord(t)) {
      continue;
    }
    uint32_t first = t;
    if (t >= 2 && !covered[t - 2] && !covered[t - 1] && particle[t - 2] &&
        tokens.tokens[t - 1].norm == "-" && !tokens.tokens[t].space_before) {
      first = t - 2;
    }
    pending.push_back(Pending{.first_token = first,
                              .end_token = t + 1,
                              .source = "alias",
                              .person = -1});
  }
  std::inplace_merge(pending.begin(), pending.begin() + rule_mentions,
                     pending.end(), [](const Pending& a, const Pending& b) {
                       return a.first_token < b.first_token;
                     });

  People people;
  people.mentions.reserve(pending.size());
  for (Pending& p : pending) {
    if (p.person < 0) {
      // The name word of a one-word mention is its last token.
      p.person = static_cast<int>(resolver.ResolveWord(p.end_token - 1));
    }
    resolver.Saw(static_cast<uint32_t>(p.person));
  }

  // Number people in order of first mention.
  std::vector<PersonEntity>& persons = resolver.persons();
  std::vector<int> renumbered(persons.size(), -1);
  people.persons.reserve(persons.size());
  for (const Pending& p : pending) {
    int& id = renumbered[p.person];
    if (id < 0) {
      id = static_cast<int>(people.persons.size());
      people.persons.push_back(std::move(persons[p.person]));
    }
    people.mentions.push_back(
        PersonMention{.first_token = p.first_token,
                      .end_token = p.end_token,
                      .person = static_cast<uint32_t>(id),
                      .source = std::move(p.source)});
  }
  return people;
}

}  // namespace parley

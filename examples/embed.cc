// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The smallest complete program that embeds parley: it builds an Extractor,
// extracts one sentence (the first argument, or a built-in one) and prints
// the people and meetings found.  For real input use parley-extract.

#include <iostream>
#include <string>

#include "parley/extractor.h"

int main(int argc, char** argv) {
  const std::string text =
      argc > 1 ? argv[1]
               : "Pakistan's Foreign Minister Ishaq Dar met Afghan Acting "
                 "Foreign Minister Amir Khan Muttaqi in Kabul on Saturday.";

  parley::Result<parley::Extractor> extractor = parley::Extractor::Create();
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << "\n";
    return 1;
  }
  parley::DocumentInfo info;
  info.document_date = "2025-03-24";
  parley::Result<parley::Document> document = extractor->Extract(text, info);
  if (!document.ok()) {
    std::cerr << document.status().ToString() << "\n";
    return 1;
  }

  for (const parley::Person& person : document->people) {
    std::cout << person.id << ": " << person.name << "\n";
  }
  for (const parley::Meeting& meeting : document->meetings) {
    std::cout << meeting.id << ": " << parley::MeetingKindName(meeting.kind);
    for (const std::string& participant : meeting.participants) {
      std::cout << " " << participant;
    }
    std::cout << "\n";
  }
  return 0;
}

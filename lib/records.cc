// Copyright 2026 The Parley Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The names of the record enumerations, as they appear in JSON.

#include "parley/records.h"

namespace parley {

const char* MeetingKindName(MeetingKind kind) {
  switch (kind) {
    case MeetingKind::kMeeting:
      return "meeting";
    case MeetingKind::kTalks:
      return "talks";
    case MeetingKind::kVisit:
      return "visit";
    case MeetingKind::kCall:
      return "call";
    case MeetingKind::kBriefing:
      return "briefing";
  }
  return "meeting";
}

const char* MeetingStatusName(MeetingStatus status) {
  switch (status) {
    case MeetingStatus::kHappened:
      return "happened";
    case MeetingStatus::kPlanned:
      return "planned";
  }
  return "happened";
}

}  // namespace parley

// Test helper: placements written into the store the way the placement book stores them
// (Family::kPlacements, id -> v1::Placement; service/matching/matching_keys.h), with an
// ACCEPTED event and then the given lifecycle steps in their history, for retention
// tests that need placements dated in the past without walking AdvancePlacement.
#ifndef AZUBIMATCH_TESTS_SERVICE_REPORTS_STORED_PLACEMENTS_H_
#define AZUBIMATCH_TESTS_SERVICE_REPORTS_STORED_PLACEMENTS_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "azubimatch/v1/matching.pb.h"
#include "gtest/gtest.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

struct Day {
  int y, m, d;
};

struct StoredPlacement {
  std::string member = "";
  std::string offer = "";
  std::vector<std::pair<v1::PlacementStatus, Day>> steps = {};
  v1::PlacementStatus status = v1::PLACEMENT_STATUS_UNSPECIFIED;  // else the last step's
  std::string candidate = "";                                     // default: a made-up id
  std::string run = "";  // the proposing run, if any
};

// Writes `p` with the id "p" + `serial` (16 characters); returns the id.
inline std::string StorePlacement(KvStore* store, int serial, const StoredPlacement& p) {
  auto date_of = [](v1::PlacementEvent* event, Day day) {
    event->mutable_date()->set_year(day.y);
    event->mutable_date()->set_month(day.m);
    event->mutable_date()->set_day(day.d);
  };
  v1::Placement placement;
  placement.set_id(absl::StrFormat("p%015d", serial));
  placement.set_member_id(p.member);
  placement.set_candidate_id(p.candidate.empty() ? absl::StrFormat("c%015d", serial)
                                                 : p.candidate);
  placement.set_offer_id(p.offer);
  placement.set_run_id(p.run);
  placement.set_version(1);
  v1::PlacementEvent* accepted = placement.add_history();
  accepted->set_status(v1::PLACEMENT_STATUS_ACCEPTED);
  date_of(accepted, {2024, 6, 1});
  placement.set_status(v1::PLACEMENT_STATUS_ACCEPTED);
  for (const auto& [status, day] : p.steps) {
    v1::PlacementEvent* event = placement.add_history();
    event->set_status(status);
    date_of(event, day);
    placement.set_status(status);
  }
  if (p.status != v1::PLACEMENT_STATUS_UNSPECIFIED) placement.set_status(p.status);
  WriteBatch batch;
  batch.Put(Family::kPlacements, placement.id(), placement.SerializeAsString());
  EXPECT_TRUE(store->Write(batch).ok());
  return placement.id();
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_REPORTS_STORED_PLACEMENTS_H_

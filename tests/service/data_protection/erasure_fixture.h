// A store holding one candidate with everything that can name it: the record with a
// unique marker in its display name and external id, an accepted placement (holding a
// seat) and a rejected one with the matching service's placement index entries
// (service/matching/matching_keys.h), a stored run naming it in every field that can
// (placements, unmatched, locked and banned pairs, label) with its listing summary,
// next to a second candidate and a second run that must stay untouched. Shared by the
// data protection tests. Test use only; not thread-safe.
#ifndef AZUBIMATCH_TESTS_SERVICE_DATA_PROTECTION_ERASURE_FIXTURE_H_
#define AZUBIMATCH_TESTS_SERVICE_DATA_PROTECTION_ERASURE_FIXTURE_H_

#include <cstdint>
#include <memory>
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/matching.pb.h"
#include "gtest/gtest.h"
#include "service/auth/caller.h"
#include "service/auth/keyed_hasher.h"
#include "service/matching/matching_keys.h"
#include "service/registry/record_store.h"
#include "service/store/kv_store.h"
#include "tests/service/registry/sample_records.h"

namespace azubimatch::service {

inline constexpr char kMemberA[] = "membera000000001";
inline constexpr char kMemberB[] = "memberb000000002";
// A fixed 32-byte secret for the keyed hash.
inline constexpr char kTestSecret[] = "0123456789abcdef0123456789abcdef";

inline Caller MakeCaller(Role role, const std::string& member_id) {
  Caller caller;
  caller.role = role;
  caller.member_id = member_id;
  caller.key_id = std::string(RoleName(role)) + "-key";
  return caller;
}

// A marker no other test data contains.
inline std::string UniqueMarker(const std::string& prefix) {
  std::random_device random;
  return absl::StrCat(prefix, random(), "x", random());
}

// The creation time of the seeded runs, in microseconds.
inline constexpr int64_t kRunCreatedMicros = 1767225600000000;

struct SeededCandidate {
  std::string marker;        // in display_name and external_id
  std::string candidate_id;  // the one to erase
  std::string other_id;      // a second candidate of the same member
  std::string offer_id;
  std::string accepted_placement_id;
  std::string rejected_placement_id;
  std::string run_id;        // names the candidate everywhere
  std::string other_run_id;  // names only the other candidate
};

// Creates the records through `records` (as an officer of kMemberA) and writes the
// placements, the pair index and the runs straight into `store`; the accepted
// placement takes a seat through RecordStore::AdjustSeatsTaken.
inline SeededCandidate SeedCandidate(KvStore& store, RecordStore& records) {
  SeededCandidate seeded;
  seeded.marker = UniqueMarker("zq-marker-");
  const Caller officer = MakeCaller(Role::kOfficer, kMemberA);
  auto company = records.Create(officer, SampleCompany());
  EXPECT_TRUE(company.ok()) << company.status();
  auto offer = records.Create(officer, SampleOffer(company->id()));
  EXPECT_TRUE(offer.ok()) << offer.status();
  seeded.offer_id = offer->id();
  v1::Candidate candidate = SampleCandidate(seeded.marker);
  candidate.set_display_name(absl::StrCat("Name ", seeded.marker));
  auto created = records.Create(officer, candidate);
  EXPECT_TRUE(created.ok()) << created.status();
  seeded.candidate_id = created->id();
  auto other = records.Create(officer, SampleCandidate("other-external"));
  EXPECT_TRUE(other.ok()) << other.status();
  seeded.other_id = other->id();

  seeded.accepted_placement_id = "placementaccept1";
  seeded.rejected_placement_id = "placementreject1";
  v1::Placement accepted;
  accepted.set_id(seeded.accepted_placement_id);
  accepted.set_member_id(kMemberA);
  accepted.set_candidate_id(seeded.candidate_id);
  accepted.set_offer_id(seeded.offer_id);
  accepted.set_status(v1::PLACEMENT_STATUS_ACCEPTED);
  v1::Placement rejected = accepted;
  rejected.set_id(seeded.rejected_placement_id);
  rejected.set_status(v1::PLACEMENT_STATUS_REJECTED);
  rejected.set_reject_reason(v1::REJECT_REASON_CANDIDATE_DECLINED);
  WriteBatch placements;
  placements.Put(Family::kPlacements, accepted.id(), accepted.SerializeAsString());
  placements.Put(Family::kPlacements, rejected.id(), rejected.SerializeAsString());
  placements.Put(Family::kIndex, PlacementPairKey(seeded.candidate_id, seeded.offer_id),
                 accepted.id());
  for (const v1::Placement* placement : {&accepted, &rejected}) {
    placements.Put(Family::kIndex,
                   PlacementOfCandidateKey(seeded.candidate_id, placement->id()), "");
    placements.Put(Family::kIndex, PlacementOfOfferKey(seeded.offer_id, placement->id()),
                   "");
  }
  auto seat = records.AdjustSeatsTaken(seeded.offer_id, +1, placements);
  EXPECT_TRUE(seat.ok()) << seat.status();

  seeded.run_id = "run0000000000001";
  seeded.other_run_id = "run0000000000002";
  v1::Run run;
  run.set_id(seeded.run_id);
  run.set_member_id(kMemberA);
  run.set_mode(v1::ASSIGN_MODE_OPTIMAL);
  run.mutable_request()->set_label(absl::StrCat("cohort incl. ", seeded.candidate_id));
  v1::CandidateOfferPair* locked = run.mutable_request()->add_locked();
  locked->set_candidate_id(seeded.candidate_id);
  locked->set_offer_id(seeded.offer_id);
  *run.mutable_request()->add_banned() = *locked;
  v1::RunPlacement* placement = run.add_placements();
  placement->set_candidate_id(seeded.candidate_id);
  placement->set_offer_id(seeded.offer_id);
  placement->set_score(0.75);
  v1::RunPlacement* other_placement = run.add_placements();
  other_placement->set_candidate_id(seeded.other_id);
  other_placement->set_offer_id(seeded.offer_id);
  other_placement->set_score(0.5);
  v1::UnmatchedCandidate* unmatched = run.add_unmatched();
  unmatched->set_candidate_id(seeded.candidate_id);
  unmatched->set_reason("outcompeted");
  v1::Run other_run;
  other_run.set_id(seeded.other_run_id);
  other_run.set_member_id(kMemberA);
  *other_run.add_placements() = *other_placement;
  WriteBatch runs;
  runs.Put(Family::kRuns, run.id(), run.SerializeAsString());
  v1::Run summary = run;
  summary.clear_placements();
  summary.clear_unmatched();
  runs.Put(Family::kIndex, RunByTimeKey(kRunCreatedMicros, run.id()),
           summary.SerializeAsString());
  runs.Put(Family::kIndex, RunByMemberKey(kMemberA, kRunCreatedMicros, run.id()),
           summary.SerializeAsString());
  runs.Put(Family::kRuns, other_run.id(), other_run.SerializeAsString());
  EXPECT_TRUE(store.Write(runs).ok());
  return seeded;
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_DATA_PROTECTION_ERASURE_FIXTURE_H_

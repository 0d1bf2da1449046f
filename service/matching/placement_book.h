// PlacementBook: accepting, rejecting, advancing and withdrawing placements, and listing
// them.
//
//   Accept    the candidate (visible to the caller) and the offer must exist; the
//             candidate must hold no placement yet, the pair must not be rejected, and
//             the offer must be open with a free seat (FAILED_PRECONDITION otherwise).
//             The pair need not be eligible: an officer may record a placement agreed
//             outside the service. The placement takes a seat: the offer's seats_taken
//             is raised through RecordStore::AdjustSeatsTaken, which writes the placement
//             and its index entries in the SAME WriteBatch and checks the seat, and that
//             the candidate still exists (NOT_FOUND naming candidate_id otherwise), under
//             the registry's write lock (so a concurrent registry write to the offer
//             cannot oversell it, and a concurrent delete of the candidate is either
//             seen here or refused, see Deletes). The candidate's record is not changed:
//             its status stays what the officer keeps it at; matching treats a candidate
//             holding a placement as placed (left out of suggestions and pools, locked to
//             its offer in runs, and Explain names the placement under
//             CANDIDATE_INACTIVE). The acceptance is the first event of the
//             placement's history, dated the day it was recorded.
//   Advance   one step of the training lifecycle (placement_lifecycle.h: the allowed
//             steps and dates), appended to the history, version + 1; a non-zero request
//             version must be the current one. COMPLETED and ENDED_EARLY give the seat
//             back (RecordStore::ReleaseSeat, in the SAME WriteBatch as the placement);
//             ENDED_EARLY also sets the candidate ACTIVE again (whatever status the
//             officer had given it) so that it may be placed anew, and bans the pair in
//             later runs and suggestions like a rejection. COMPLETED leaves the
//             candidate's record as it is. Other steps are written through
//             WriteForCandidate. A refused step writes nothing.
//   Reject    with a reason; the pair must not hold a live placement. The pair is banned
//             in later runs and suggestions until the rejection is withdrawn. Written
//             through RecordStore::WriteForCandidate: the candidate is re-checked under
//             the registry's write lock (NOT_FOUND naming candidate_id, nothing written).
//   Withdraw  of an accepted (or later, seat-holding) placement frees its seat in the
//             same batch (AdjustSeatsTaken -1); of a rejection or of an ENDED_EARLY
//             placement lifts the ban (its seat was freed already; the candidate's record
//             is not touched). A withdrawn placement stays stored with status WITHDRAWN,
//             its history kept as it was (withdrawal is no lifecycle step); the pair may
//             be accepted or rejected anew. COMPLETED placements cannot be withdrawn.
//   List      filters candidate_id, offer_id, status; placement id order; pages.
//   Deletes   the book is the RecordStore's delete guard (record_delete_guard.h),
//             registered while it lives. Deleting a candidate that holds a seat-holding
//             placement (ACCEPTED, CONTRACT_SIGNED, STARTED, PROBATION_PASSED) is refused
//             with FAILED_PRECONDITION naming "id": withdraw the placement first. A
//             candidate with only other placements may be deleted; its bans (REJECTED
//             and ENDED_EARLY) are withdrawn in the same WriteBatch as the delete (status
//             WITHDRAWN, version +1, their pair entries removed, the index's ban lifted
//             after the commit),
//             so that no pair entry or ban names the missing candidate. The placements
//             stay stored, as every withdrawn one does, as the record of the decisions;
//             GDPR erasure (service/data_protection) removes them with the candidate.
// The score of a placement is the Explain score of its pair under the server's default
// policy at the time of the decision (the same engine computation, equal bit for bit).
//
// Ownership: a placement belongs to its candidate's member; callers see and change the
// placements of candidates they may see (admins all); others are NOT_FOUND.
//
// Thread safety: every method may be called concurrently. Writes are serialized by one
// mutex (mutex()), held across the seat change and the index update, so that the
// checks above and the write are atomic with respect to other placement writes; pool
// snapshots of assignment runs take the same mutex to never see half a placement.
// Candidates and placements: the writes that create a live placement (Accept, Reject)
// re-check the candidate under the RecordStore's write lock, and the delete guard runs
// under the same lock, so the two are ordered: either the placement is written first
// and the delete then refused (seat) or completed (rejection withdrawn), or the
// candidate is deleted first and the placement write fails with NOT_FOUND. No
// seat-holding placement or pair entry is ever left naming a deleted candidate. The
// guard does not take mutex(): a Withdraw of a rejection racing with the candidate's
// delete may rewrite the already withdrawn placement once more (same status; the index
// update is idempotent). An offer with taken seats cannot be deleted (the registry
// refuses it); withdrawing a placement whose offer is gone only rewrites the placement.
// Lock order: mutex() -> the RecordStore's write lock -> the index's lock; the guard
// runs under the write lock and takes only the index's lock (after the commit).
// Complexity: each write O(1) store reads plus one WriteBatch; List O(page_size) reads
// plus the entries skipped by filters.
#ifndef AZUBIMATCH_SERVICE_MATCHING_PLACEMENT_BOOK_H_
#define AZUBIMATCH_SERVICE_MATCHING_PLACEMENT_BOOK_H_

#include <functional>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "azubimatch/v1/matching.pb.h"
#include "engine/matching/scoring_policy.h"
#include "engine/matching/travel_time.h"
#include "service/auth/caller.h"
#include "service/matching/matching_index.h"
#include "service/store/random_id.h"
#include "service/matching/run_store.h"
#include "service/registry/record_delete_guard.h"
#include "service/registry/record_store.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

class PlacementBook final : public RecordDeleteGuard {
 public:
  // Every pointer must outlive the book. `policy` scores placements. Registers the book
  // as a delete guard of `records` until it is destroyed.
  PlacementBook(KvStore* store, RecordStore* records, MatchingIndex* index,
                const RunStore* runs, const engine::TravelTimeModel* travel,
                engine::ScoringPolicy policy, std::function<absl::Time()> clock);
  ~PlacementBook() override;

  PlacementBook(const PlacementBook&) = delete;
  PlacementBook& operator=(const PlacementBook&) = delete;

  // Reports every stored placement to the index. Call once, before serving.
  absl::Status Load();

  // REQUIRES for each: the request passed its Validate* function.
  absl::StatusOr<v1::Placement> Accept(const Caller& caller,
                                       const v1::AcceptPlacementRequest& request);
  absl::StatusOr<v1::Placement> Reject(const Caller& caller,
                                       const v1::RejectPlacementRequest& request);
  absl::StatusOr<v1::Placement> Withdraw(const Caller& caller,
                                         const v1::WithdrawPlacementRequest& request);
  absl::StatusOr<v1::Placement> Advance(const Caller& caller,
                                        const v1::AdvancePlacementRequest& request);
  absl::StatusOr<v1::ListPlacementsResponse> List(
      const Caller& caller, const v1::ListPlacementsRequest& request) const;

  // Held while a placement is written; see the file comment.
  absl::Mutex* mutex() ABSL_LOCK_RETURNED(mu_) { return &mu_; }

  // RecordDeleteGuard (see Deletes in the file comment). Called by the RecordStore
  // under its write lock; takes no lock of the book. Cost: O(placements of the
  // candidate) store reads.
  absl::Status CheckDelete(RecordKind kind, std::string_view id, const KvStore& store,
                           DeleteEffects* effects) override;

 private:
  // An officer's decision on a pair.
  struct Decision {
    const std::string& candidate_id;
    const std::string& offer_id;
    const std::string& run_id;  // may be empty
    const std::string& note;
    v1::PlacementStatus status;  // ACCEPTED or REJECTED
  };

  // The new placement for `decision`: checks the run, visibility and the pair's state;
  // fills id, member, status, score and times.
  absl::StatusOr<v1::Placement> NewPlacement(const Caller& caller, const Decision& decision)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<std::string> NewId() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<v1::Placement> ReadPlacement(absl::string_view id) const;

  KvStore* const store_;
  RecordStore* const records_;
  MatchingIndex* const index_;
  const RunStore* const runs_;
  const engine::TravelTimeModel* const travel_;
  const engine::ScoringPolicy policy_;
  const std::function<absl::Time()> clock_;
  RandomIdGenerator ids_;
  absl::Mutex mu_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_PLACEMENT_BOOK_H_

// CandidateEraser: GDPR Art. 17 erasure of one candidate, so that neither the id nor
// any personal field remains in the data folder.
//
// Erase(caller, id, version), in this order:
//   1. access: the candidate as the caller sees it (RecordStore::Get): another member's
//      candidate is NOT_FOUND, an analyst PERMISSION_DENIED; a non-zero `version` must
//      be the current one (FAILED_PRECONDITION naming "version").
//   2. ledger first: the erasure (keyed hash, member, time; erasure_record.h) is
//      appended to the data folder's ledger file (fsynced) and written into
//      Family::kErasures, before any data is touched. A crash at any later point leaves
//      an erasure that a retry, or a restore (ledger_restore.h), completes.
//   3. step 4 once, then the record and its external-id index entry go through
//      RecordStore::Delete, so every RecordObserver (e.g. the in-memory matching index)
//      drops the candidate. The placements go first because the RecordStore's delete
//      guards (record_delete_guard.h; the matching service's PlacementBook) refuse to
//      delete a candidate holding a seat; when a placement was accepted between the
//      sweep and the delete (FAILED_PRECONDITION), both are repeated, at most
//      `max_sweeps` times. Once the candidate is gone no new placement can name it
//      (the PlacementBook re-checks the candidate in its write).
//   4. one WriteBatch removes every placement of the candidate with its index entries
//      (service/matching/matching_keys.h) and every other index entry that mentions
//      it, and rewrites every stored run and run summary that mentions it with
//      Pseudonym(hash) in its place (placements, unmatched, locked and banned pairs,
//      any text) — see candidate_holdings.h. When a removed
//      placement held a seat (accepted up to probation passed), the offer's
//      seats_taken is lowered by one in the same batch (RecordStore::AdjustSeatsTaken),
//      so seats_taken keeps counting the seat-holding placements; further seats of the
//      same erasure are released in their own writes. Step 4 is repeated (at most
//      `max_sweeps` times) until a scan finds nothing, which catches a run stored
//      between the scan and the write.
//   5. ForceOutRanges over the key ranges touched in steps 3 and 4: the old versions
//      leave the table files, the write-ahead log and the manifest (rocksdb_store.h).
// Erasing an id that is already erased (the ledger knows its hash, and the caller is
// an admin or of the member that owned it) repeats steps 4 and 5 and succeeds, so an
// interrupted erasure can be completed by calling it again; for anyone else it is
// NOT_FOUND like any unknown id.
//
// ReapplyErasures(records) is the restore path: it records every ledger entry in
// Family::kErasures and erases, without caller checks, every candidate id found in
// the store (records, placements, runs) whose keyed hash is in `records`.
//
// Not covered: backups made before an erasure still hold the person (a restore
// re-applies the erasure); file-system blocks of deleted files are not overwritten; an
// Assign that read the candidate before step 3 and stores its run after the last sweep
// keeps the id in that run (the matching service must not store runs naming deleted
// candidates — see the report of this component).
//
// Thread safety: every method may be called concurrently; erasures are serialized
// among themselves. Complexity: O(bytes in kIndex, kPlacements and kRuns) per sweep
// plus the compaction of the touched ranges.
#ifndef AZUBIMATCH_SERVICE_DATA_PROTECTION_CANDIDATE_ERASER_H_
#define AZUBIMATCH_SERVICE_DATA_PROTECTION_CANDIDATE_ERASER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "azubimatch/v1/matching.pb.h"
#include "service/auth/caller.h"
#include "service/auth/keyed_hasher.h"
#include "service/data_protection/erasure_ledger.h"
#include "service/data_protection/erasure_record.h"
#include "service/registry/record_store.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

struct CandidateEraserOptions {
  // How often step 4 may find new mentions before the erasure gives up with INTERNAL
  // (something keeps writing the id). Each sweep is a scan of three families.
  // Default: 3.
  int max_sweeps = 3;

  // Called after the write for every placement an erasure removed (a parsed one), so
  // that in-memory views of placements drop it, e.g. the matching service's
  // MatchingIndex::OnPlacementChanged(&placement, nullptr). Runs under the erasure's
  // lock; must not erase.
  // Default: empty (nobody is told).
  std::function<void(const v1::Placement& removed)> on_placement_removed;

  // The time recorded in the ledger. Tests may pass a fixed clock.
  // Default: absl::Now.
  std::function<absl::Time()> clock = [] { return absl::Now(); };
};

struct ErasureOutcome {
  std::string pseudonym;       // what stored runs show instead of the id
  int64_t runs_rewritten = 0;  // runs changed (or removed when unreadable)
  int64_t placements_removed = 0;
  bool already_erased = false;  // the record was gone; leftovers were cleaned up
};

struct ReapplyOutcome {
  int64_t ledger_entries = 0;           // erasures the ledger lists
  int64_t candidates_erased = 0;        // of them, found in the store and erased again
  std::vector<std::string> erased_ids;  // their ids, in id order (for the audit log)
};

class CandidateEraser {
 public:
  // None of the pointers is owned; all must outlive the eraser.
  CandidateEraser(KvStore* store, RecordStore* records, KeyedHasher hasher,
                  ErasureLedger* ledger, CandidateEraserOptions options = {});

  CandidateEraser(const CandidateEraser&) = delete;
  CandidateEraser& operator=(const CandidateEraser&) = delete;

  // See above. INVALID_ARGUMENT naming "id" (malformed) or "version" (negative).
  absl::StatusOr<ErasureOutcome> Erase(const Caller& caller, std::string_view id,
                                       int64_t version) ABSL_LOCKS_EXCLUDED(mu_);

  // See above; `records` usually come from ErasureLedger::Load() and the stores.
  absl::StatusOr<ReapplyOutcome> ReapplyErasures(
      const std::vector<ErasureRecord>& records) ABSL_LOCKS_EXCLUDED(mu_);

  const KeyedHasher& hasher() const { return hasher_; }

 private:
  class TouchedRanges;

  // Steps 4 until no mention is left; adds to `outcome` and `touched`.
  absl::Status Sweep(const std::string& id, const std::string& pseudonym,
                     ErasureOutcome* outcome, TouchedRanges* touched)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Steps 3 to 4 for a candidate whose erasure is recorded; no caller checks.
  absl::StatusOr<ErasureOutcome> EraseRecorded(const std::string& id,
                                               const ErasureRecord& record,
                                               TouchedRanges* touched)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Step 2.
  absl::Status Record(const ErasureRecord& record) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  KvStore* const store_;
  RecordStore* const records_;
  const KeyedHasher hasher_;
  ErasureLedger* const ledger_;
  const CandidateEraserOptions options_;
  absl::Mutex mu_;
};

// True when a placement in `status` holds a seat of its offer (accepted and every
// later stage before completion; the same rule as the matching service's).
bool PlacementHoldsSeat(v1::PlacementStatus status);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_DATA_PROTECTION_CANDIDATE_ERASER_H_

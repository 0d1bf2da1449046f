// RecordDeleteGuard: how components that keep data about registry records (e.g. the
// matching service's placements) refuse, or complete, the delete of a record they still
// depend on, without the registry knowing their keys.
//
// RecordStore::Delete consults every registered guard (RecordStore::AddDeleteGuard)
// under its write lock, after its own checks passed and before anything is written, in
// registration order. The first guard that returns a non-OK status refuses the delete:
// nothing is written and Delete returns that status (a guard names the field, e.g.
// FAILED_PRECONDITION naming "id"). A guard may also complete the delete: the writes it
// adds to DeleteEffects::writes are committed in the SAME WriteBatch as the delete, and
// its after_commit callbacks run once that batch is in the store (still under the write
// lock, right after the record observers), e.g. to update an in-memory view.
//
// What a guard sees: `store` holds every committed write. Writes through the RecordStore
// cannot commit while the guard runs; components that write their own keys around the
// RecordStore must route the writes the guard's decision depends on through the
// RecordStore (AdjustSeatsTaken, WriteForCandidate) so that they are serialized with it.
//
// REQUIRES: a guard must not write through the RecordStore, nor take a lock that is
// ordered before the RecordStore's write lock (e.g. the PlacementBook's mutex); it may
// read the KvStore and take locks ordered after it (e.g. an index's lock, in
// after_commit). A guard must outlive its registration (RemoveDeleteGuard first).
//
// Thread safety: CheckDelete runs under the RecordStore's write lock, so calls never
// overlap. Cost: whatever the guard reads; it runs once per Delete.
#ifndef AZUBIMATCH_SERVICE_REGISTRY_RECORD_DELETE_GUARD_H_
#define AZUBIMATCH_SERVICE_REGISTRY_RECORD_DELETE_GUARD_H_

#include <functional>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "service/registry/record_kind.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

// What a guard adds to an allowed delete.
struct DeleteEffects {
  // The time of the delete (the RecordStore's clock), for the records a guard rewrites.
  absl::Time now;
  // Committed in the same WriteBatch as the delete.
  WriteBatch writes;
  // Run in order after the batch is in the store, under the RecordStore's write lock.
  std::vector<std::function<void()>> after_commit;
};

class RecordDeleteGuard {
 public:
  virtual ~RecordDeleteGuard() = default;

  // The record `id` of `kind` is about to be deleted. Returns OK to allow it (possibly
  // adding to `effects`), or the status to refuse it with.
  virtual absl::Status CheckDelete(RecordKind kind, std::string_view id,
                                   const KvStore& store, DeleteEffects* effects) = 0;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_RECORD_DELETE_GUARD_H_

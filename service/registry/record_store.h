// RecordStore: companies, training offers and candidates over a KvStore, with the rules
// of the Registry API: server-assigned ids, external-id uniqueness, optimistic versions,
// ownership, referential checks, paged listings and change notification.
//
// Every write (one record, or an import batch) is validated (validation.h), checked
// against the stored state, and then written as ONE WriteBatch holding the record and
// its index entries (registry_keys.h); on any error nothing is written. Writes are
// serialized by a per-store mutex, so read-modify-write sequences (version checks,
// uniqueness checks) are safe; reads take no lock.
//
// Rules:
//   - ids: 16 characters [0-9a-z] (service/store/random_id.h), checked for collisions.
//   - version: 1 on create, +1 on every change. A non-zero version in an update, upsert
//     or delete must equal the stored one (FAILED_PRECONDITION otherwise); an upsert
//     that would create carries version 0.
//   - created_at / updated_at from the clock; member_id from the caller (admins may
//     set it on create; an offer always belongs to its company's member); seats_taken
//     is kept by the server (AdjustSeatsTaken); UNSPECIFIED status becomes
//     ACTIVE / OPEN.
//   - external_id: unique per (kind, member); ALREADY_EXISTS when taken by another
//     record; Upsert keys on it.
//   - an offer's company (company_id, or company_external_id among the owner's
//     companies) must exist and be visible to the caller (NOT_FOUND naming the field);
//     a company with offers cannot be deleted (FAILED_PRECONDITION).
//   - access: access_policy.h (others' companies and candidates are NOT_FOUND).
//   - an offer's seats cannot drop below its seats_taken (FAILED_PRECONDITION).
//   - an offer with seats taken cannot be deleted (FAILED_PRECONDITION naming "id").
//   - other components may refuse or complete a delete through a RecordDeleteGuard
//     (record_delete_guard.h), consulted under the write lock; the matching service's
//     guard refuses to delete a candidate holding a seat (FAILED_PRECONDITION naming
//     "id": withdraw the placement first).
//
// Listing is in id order. A page holds page_size records (0 = 100, at most 1000) that
// pass the filters and the caller's visibility; next_page_token is empty on the last
// page (never a spurious empty page). Cost: O(records scanned until the page is full,
// plus one), i.e. O(n) for a complete listing.
//
// Change notification: record_observer.h. Observers run after each successful commit,
// in commit order, under the write mutex.
//
// Thread safety: every method may be called concurrently. Cost: a write is O(size of
// the record) plus one KvStore write; Get is one KvStore read.
//
// Files: record_store.cc holds the generic operations; what differs between companies,
// offers and candidates is in the Traits of record_traits.h (an internal header, with
// the offer's company resolution, seats and index hooks in record_traits.cc); the
// operations for the placement book (AdjustSeatsTaken, ReleaseSeat, WriteForCandidate)
// are in record_store_placements.cc.
#ifndef AZUBIMATCH_SERVICE_REGISTRY_RECORD_STORE_H_
#define AZUBIMATCH_SERVICE_REGISTRY_RECORD_STORE_H_

#include <concepts>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "azubimatch/v1/records.pb.h"
#include "azubimatch/v1/registry.pb.h"
#include "service/auth/caller.h"
#include "service/registry/record_delete_guard.h"
#include "service/registry/record_kind.h"
#include "service/registry/record_observer.h"
#include "service/registry/validation.h"
#include "service/store/kv_store.h"
#include "service/store/random_id.h"

namespace azubimatch::service {

namespace registry_internal {
struct Txn;  // the staged writes of one operation (record_traits.h)
}  // namespace registry_internal

// The record types the store holds.
template <typename R>
concept RegistryRecord = std::same_as<R, v1::Company> ||
                         std::same_as<R, v1::TrainingOffer> ||
                         std::same_as<R, v1::Candidate>;

// The kind of a record type.
template <RegistryRecord R>
constexpr RecordKind RecordKindOf() {
  if constexpr (std::same_as<R, v1::Company>) return RecordKind::kCompany;
  if constexpr (std::same_as<R, v1::TrainingOffer>) return RecordKind::kOffer;
  return RecordKind::kCandidate;
}

template <RegistryRecord R>
struct UpsertResult {
  R record;
  bool created = false;  // false: an existing record was replaced
};

template <RegistryRecord R>
struct RecordPage {
  std::vector<R> records;
  std::string next_page_token;  // empty on the last page
};

// The result of one record of an import batch.
struct ImportOutcome {
  absl::Status status;   // the record's own error, if any
  std::string id;        // the stored id when OK
  bool created = false;  // OK: created (true) or replaced (false)
};

struct RecordStoreOptions {
  // Page size when a listing asks for 0.
  // Default: 100.
  int default_page_size = 100;

  // Largest page size a listing may ask for; larger requests are INVALID_ARGUMENT.
  // Bounds the memory one request can take.
  // Default: 1000.
  int max_page_size = 1000;

  // The time written into created_at / updated_at. Tests may pass a fixed clock.
  // Default: absl::Now.
  std::function<absl::Time()> clock = [] { return absl::Now(); };
};

class RecordStore {
 public:
  // `store` must outlive this object.
  explicit RecordStore(KvStore* store, RecordStoreOptions options = {});

  RecordStore(const RecordStore&) = delete;
  RecordStore& operator=(const RecordStore&) = delete;

  // Creates a record; server-assigned fields of `record` are ignored. Returns the
  // stored record as the caller may see it.
  template <RegistryRecord R>
  absl::StatusOr<R> Create(const Caller& caller, const R& record);

  // Replaces the whole record `record.id()`.
  template <RegistryRecord R>
  absl::StatusOr<R> Update(const Caller& caller, const R& record);

  // Creates the record, or replaces the one of the owning member with the same
  // external_id (required).
  template <RegistryRecord R>
  absl::StatusOr<UpsertResult<R>> Upsert(const Caller& caller, const R& record);

  // The record `id` as the caller may see it. INVALID_ARGUMENT for a malformed id,
  // NOT_FOUND when missing or not visible.
  template <RegistryRecord R>
  absl::StatusOr<R> Get(const Caller& caller, std::string_view id);

  // One page of a listing (see above). INVALID_ARGUMENT for bad filters or tokens.
  template <RegistryRecord R>
  absl::StatusOr<RecordPage<R>> List(const Caller& caller,
                                     const v1::ListRecordsRequest& request);

  // Deletes the record `id` and its index entries; `version` 0 deletes any version.
  // Errors: INVALID_ARGUMENT naming "id" / "version" for a malformed id or a negative
  // version; PERMISSION_DENIED for a caller who may not change it; NOT_FOUND naming "id"
  // when missing or not visible; FAILED_PRECONDITION naming "version" for a stale
  // version, naming "id" for a company with offers, an offer with seats taken, or when a
  // delete guard refuses (a candidate holding a seat-holding placement, when the matching
  // service is installed); store errors. Nothing is written on error.
  template <RegistryRecord R>
  absl::Status Delete(const Caller& caller, std::string_view id, int64_t version);

  // Writes a batch of import records, each created or (with an external_id) upserted,
  // in ONE WriteBatch. Every record gets its own outcome, in order; a bad record does
  // not stop the others, and later records see earlier ones of the same batch (an offer
  // may name a company imported just before it). Errors of the batch as a whole (the
  // store write failed) are returned as the status: then nothing was written.
  absl::StatusOr<std::vector<ImportOutcome>> Import(
      const Caller& caller, const std::vector<v1::ImportRequest>& records);

  // Changes an offer's seats_taken by `delta` (e.g. +1 when a placement is accepted)
  // and writes `also` in the same WriteBatch (e.g. the placement record), bumping the
  // version and notifying observers. No caller check: for trusted service code.
  // A non-empty `candidate_id` names a candidate that must still exist when the batch
  // commits (checked under the write lock, so a concurrent Delete is either seen or
  // refused by its guards).
  // NOT_FOUND naming "offer_id" for an unknown offer, naming "candidate_id" for a
  // missing candidate; FAILED_PRECONDITION when seats_taken would leave 0..seats.
  // Nothing is written on error.
  absl::StatusOr<v1::TrainingOffer> AdjustSeatsTaken(std::string_view offer_id, int delta,
                                                     const WriteBatch& also = {},
                                                     std::string_view candidate_id = {});

  // Frees the seat of a placement that stopped holding it (ended early or completed) and
  // writes `also` in the same WriteBatch: the offer's seats_taken goes down by one
  // (skipped when the offer no longer exists), and with `reactivate` the candidate's
  // status becomes ACTIVE (version + 1, updated_at; no candidate write when it is ACTIVE
  // already). Observers are notified of each record changed. No caller check: for
  // trusted service code. NOT_FOUND naming "candidate_id" for a missing candidate;
  // FAILED_PRECONDITION when the offer has no seat taken. Nothing is written on error.
  absl::Status ReleaseSeat(std::string_view offer_id, std::string_view candidate_id,
                           bool reactivate, const WriteBatch& also);

  // Writes `batch` (trusted service data about candidate `candidate_id`, e.g. a
  // placement) under the write lock, if the candidate exists; NOT_FOUND naming
  // "candidate_id" otherwise, with nothing written. No caller check, no notification.
  absl::Status WriteForCandidate(std::string_view candidate_id, const WriteBatch& batch);

  // Runs `build` under the write lock on the committed store and writes the batch it
  // returns, so that the records `build` checked cannot be deleted in between (e.g. the
  // ids of a ranking, service/matching/ranking_book.h). An error from `build` is
  // returned with nothing written. No caller check, no notification.
  // REQUIRES: `build` does not call back into the RecordStore.
  absl::Status WriteChecked(
      const std::function<absl::StatusOr<WriteBatch>(const KvStore& store)>& build);

  // Registers `guard`, consulted by every later Delete (record_delete_guard.h), or
  // removes it. `guard` must outlive its registration.
  void AddDeleteGuard(RecordDeleteGuard* guard);
  void RemoveDeleteGuard(RecordDeleteGuard* guard);

  // Replays every stored record to `observer` as (nullptr, record) — companies, then
  // offers, then candidates, each in id order — and then notifies it of every later
  // change, with no write in between. `observer` must outlive the store or be
  // unsubscribed first.
  absl::Status Subscribe(RecordObserver* observer);
  void Unsubscribe(RecordObserver* observer);

  // How many records of each kind are stored.
  struct Totals {
    int64_t companies = 0;
    int64_t offers = 0;
    int64_t candidates = 0;
  };
  // Like Subscribe for an observer that only counts: instead of replaying the records
  // it calls `start` with the stored totals (counted over the keys, nothing parsed),
  // with no write between the count and the first notification. O(records) key reads,
  // far cheaper than a replay.
  absl::Status SubscribeCounting(RecordObserver* observer,
                                 const std::function<void(const Totals&)>& start);

 private:
  using Txn = registry_internal::Txn;

  template <RegistryRecord R>
  absl::StatusOr<UpsertResult<R>> WriteOne(const Caller& caller, const R& record,
                                           WriteMode mode);
  template <RegistryRecord R>
  absl::StatusOr<UpsertResult<R>> StageWrite(const Caller& caller, const R& input,
                                             WriteMode mode, Txn& txn)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  absl::StatusOr<std::string> NewId(Family family, const Txn& txn)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  absl::Status Commit(Txn& txn) ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // Stages seats_taken + `delta` on the offer `offer_id` into `txn` (version + 1,
  // notification); returns the new offer. NOT_FOUND naming "offer_id" for an unknown
  // offer; FAILED_PRECONDITION when seats_taken would leave 0..seats.
  absl::StatusOr<v1::TrainingOffer> StageSeatsTaken(const std::string& offer_id,
                                                    int delta, Txn& txn)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);
  // NOT_FOUND naming "candidate_id" unless the candidate exists as `txn` would leave it.
  absl::Status CheckCandidateExists(std::string_view candidate_id, const Txn& txn)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);

  KvStore* const store_;
  const RecordStoreOptions options_;
  absl::Mutex write_mu_;
  RandomIdGenerator ids_;
  std::vector<RecordObserver*> observers_ ABSL_GUARDED_BY(write_mu_);
  std::vector<RecordDeleteGuard*> delete_guards_ ABSL_GUARDED_BY(write_mu_);
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_RECORD_STORE_H_

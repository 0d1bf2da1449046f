// RunStore: assignment runs in the store (keys in matching_keys.h): saving a run with a
// new id, reading one, and listing the caller's runs newest first.
//
// Ownership: a run belongs to the member of the caller that made it; callers see the
// runs of their own member, admins every run; another member's run is NOT_FOUND, as an
// unknown id. Every run handed out is what the caller may see of it: an analyst's
// carries aggregates only (analyst_view.h). ListRuns returns summaries (placements and unmatched left out), read from
// the index entries alone, so a page costs O(page) reads whatever the runs' size.
// Page tokens are the last summary's position (opaque to clients; INVALID_ARGUMENT for
// one this store did not issue).
//
// Thread safety: every method may be called concurrently (the store is thread-safe; ids
// come from a locked generator and are checked against the store).
// Complexity: Save one Write of the run plus two summaries; Get one read; List
// O(page_size) reads.
#ifndef AZUBIMATCH_SERVICE_MATCHING_RUN_STORE_H_
#define AZUBIMATCH_SERVICE_MATCHING_RUN_STORE_H_


#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "azubimatch/v1/matching.pb.h"
#include "service/auth/caller.h"
#include "service/store/random_id.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

class RunStore {
 public:
  // `store` must outlive this object.
  explicit RunStore(KvStore* store) : store_(store) {}

  // Stores `run` with a new id, member_id = the caller's member and created_at = `now`;
  // returns it as stored.
  absl::StatusOr<v1::Run> Save(const Caller& caller, v1::Run run, absl::Time now);

  // The run `id` if the caller may see it, else NOT_FOUND (field "id").
  absl::StatusOr<v1::Run> Get(const Caller& caller, absl::string_view id) const;

  // REQUIRES: request passed ValidateListRunsRequest.
  absl::StatusOr<v1::ListRunsResponse> List(const Caller& caller,
                                            const v1::ListRunsRequest& request) const;

 private:
  KvStore* const store_;
  RandomIdGenerator ids_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_RUN_STORE_H_

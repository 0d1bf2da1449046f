// RankingBook: the two-sided rankings (proto/azubimatch/v1/preferences.proto) — a
// candidate's ranking of offers, an offer's ranking of candidates — stored under the
// keys of ranking_keys.h, and the rankings a run's pool uses.
//
// Rules (Set, Get, Clear):
//   owner   a candidate the caller may not see is NOT_FOUND naming "owner_id" (as the
//           Registry answers); an offer of another member is PERMISSION_DENIED naming
//           "owner_id" (offers are visible network-wide; the Registry answers a change
//           of another member's offer the same way); analysts PERMISSION_DENIED.
//   ids     each of ranked_ids must be a well-formed id named once, at most 200 of
//           them; a candidate's ranking names existing offers; an offer's ranking names
//           existing candidates of the offer's member. Otherwise INVALID_ARGUMENT
//           naming "ranked_ids[i]" (an unknown candidate and another member's candidate
//           get the same answer, so that existence is not leaked). Nothing is written.
//   version a non-zero version must be the stored one (0 when there is none), else
//           FAILED_PRECONDITION naming "version". Set stores version + 1.
// The checks of the ids and the write happen under the RecordStore's write lock
// (RecordStore::WriteChecked), so a record cannot be deleted in between.
//
// Cleanup: the book is a RecordDeleteGuard. Deleting a candidate or offer deletes its
// ranking and removes it from every ranking that names it, in the same WriteBatch as
// the delete. Erasure needs nothing more: see ranking_keys.h.
//
// Runs (ForPool): the explicit rankings of the pool's candidates, and of the pool's
// offers owned by the caller's member (an admin: every offer's), as indices into the
// pool; partners outside the pool are left out (the order of the rest is kept). Offers
// of other members rank by the default list: their rankings are visible only to their
// own member, and name only that member's candidates.
//
// Thread safety: every method may be called concurrently. Complexity: Set/Get/Clear
// O(k log n) for k entries; ForPool O(R) over every stored ranking entry R plus
// O(C + O) to index the pool; CheckDelete O(k) for the entries naming or owned by the id.
#ifndef AZUBIMATCH_SERVICE_MATCHING_RANKING_BOOK_H_
#define AZUBIMATCH_SERVICE_MATCHING_RANKING_BOOK_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "azubimatch/v1/preferences.pb.h"
#include "engine/matching/company_policy.h"
#include "engine/matching/two_sided_instance.h"
#include "service/auth/caller.h"
#include "service/matching/run_pool.h"
#include "service/registry/record_delete_guard.h"
#include "service/registry/record_store.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

struct PoolRankings {
  engine::TwoSidedRankings rankings;  // sized to the pool when any ranking is used
  int64_t candidate_rankings = 0;     // explicit candidate rankings used
  int64_t offer_rankings = 0;         // explicit offer rankings used
  // The company policies of the pool's offers (CompanyPolicyBook::ForPool, filled in
  // by the caller): empty, or per offer its member's weights (nullopt: the pair score).
  // They order the default lists of offers without an explicit ranking.
  std::vector<std::optional<engine::ComponentWeights>> offer_weights;
};

class RankingBook final : public RecordDeleteGuard {
 public:
  // `store` and `records` must outlive the book; the book registers itself as a delete
  // guard of `records` and removes itself in its destructor.
  RankingBook(KvStore* store, RecordStore* records, std::function<absl::Time()> clock);
  ~RankingBook() override;

  RankingBook(const RankingBook&) = delete;
  RankingBook& operator=(const RankingBook&) = delete;

  absl::StatusOr<v1::Ranking> Set(const Caller& caller, const v1::SetRankingRequest& request);
  // Version 0 and no ids when no ranking is stored.
  absl::StatusOr<v1::Ranking> Get(const Caller& caller,
                                  const v1::GetRankingRequest& request) const;
  absl::StatusOr<v1::ClearRankingResponse> Clear(const Caller& caller,
                                                 const v1::ClearRankingRequest& request);

  absl::StatusOr<PoolRankings> ForPool(const Caller& caller, const RunPool& pool) const;

  absl::Status CheckDelete(RecordKind kind, std::string_view id, const KvStore& store,
                           DeleteEffects* effects) override;

 private:
  KvStore* const store_;
  RecordStore* const records_;
  const std::function<absl::Time()> clock_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_RANKING_BOOK_H_

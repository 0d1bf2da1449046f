// CompanyPolicyBook: the company-side policies of issue 11
// (proto/azubimatch/v1/preferences.proto, SetCompanyPolicy and its siblings) — per
// member, the weights over the pair score's components by which the member's offers
// without an explicit ranking rank their eligible candidates in a run
// (engine/matching/company_policy.h) — and the weights a run's pool uses.
//
// Storage: one v1::CompanyPolicy per member in Family::kIndex under
// "company-policy/<member_id>" (CompanyPolicyKey). A policy names no candidate, so
// erasure and the audit log (which record candidate data) have nothing to do with it.
//
// Rules (Set, Get, Clear):
//   member  empty member_id is the caller's member; an officer or portal naming another
//           member is PERMISSION_DENIED naming "member_id"; an admin must name a member
//           (INVALID_ARGUMENT) that exists (NOT_FOUND naming "member_id"); analysts
//           PERMISSION_DENIED.
//   weights (Set) required; each in [0, 1] and finite, at least one positive, else
//           INVALID_ARGUMENT naming "weights" or "weights.<component>". Nothing is
//           written.
//   version a non-zero version must be the stored one (0 when there is none), else
//           FAILED_PRECONDITION naming "version". Set stores version + 1.
// Version check and write happen under the RecordStore's write lock (WriteChecked).
//
// Runs (ForPool): for every offer of the pool, its member's weights when that member has
// a policy, else nullopt (the pair score). Every member's policy applies, whoever
// starts the run: a policy holds no personal data, and the run of the same pool stays
// the same for every caller (apart from rankings, see ranking_book.h).
//
// Thread safety: every method may be called concurrently. Complexity: Set/Get/Clear
// O(log n); ForPool O(P + O) for P stored policies and O offers in the pool.
#ifndef AZUBIMATCH_SERVICE_MATCHING_COMPANY_POLICY_BOOK_H_
#define AZUBIMATCH_SERVICE_MATCHING_COMPANY_POLICY_BOOK_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "azubimatch/v1/preferences.pb.h"
#include "engine/matching/company_policy.h"
#include "service/auth/caller.h"
#include "service/matching/run_pool.h"
#include "service/registry/record_store.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

inline constexpr absl::string_view kCompanyPolicyPrefix = "company-policy/";

inline std::string CompanyPolicyKey(absl::string_view member_id) {
  return absl::StrCat(kCompanyPolicyPrefix, member_id);
}

struct PoolCompanyPolicies {
  // Empty when no offer of the pool has a policy; else one entry per pool offer.
  std::vector<std::optional<engine::ComponentWeights>> offer_weights;
  int64_t offers = 0;  // offers of the pool whose member has a policy
};

class CompanyPolicyBook {
 public:
  // `store` and `records` must outlive the book.
  CompanyPolicyBook(KvStore* store, RecordStore* records, std::function<absl::Time()> clock);

  CompanyPolicyBook(const CompanyPolicyBook&) = delete;
  CompanyPolicyBook& operator=(const CompanyPolicyBook&) = delete;

  absl::StatusOr<v1::CompanyPolicy> Set(const Caller& caller,
                                        const v1::SetCompanyPolicyRequest& request);
  // Version 0 and no weights when no policy is stored.
  absl::StatusOr<v1::CompanyPolicy> Get(const Caller& caller,
                                        const v1::GetCompanyPolicyRequest& request) const;
  absl::StatusOr<v1::ClearCompanyPolicyResponse> Clear(
      const Caller& caller, const v1::ClearCompanyPolicyRequest& request);

  // REQUIRES: pool.offer_member_ids is aligned with pool.offers.
  absl::StatusOr<PoolCompanyPolicies> ForPool(const RunPool& pool) const;

 private:
  // The member the request is about, after the caller's access is checked.
  absl::StatusOr<std::string> ResolveMember(const Caller& caller,
                                            const std::string& member_id) const;

  KvStore* const store_;
  RecordStore* const records_;
  const std::function<absl::Time()> clock_;
};

// The weights of `weights` in engine::ComponentId order.
engine::ComponentWeights ToEngineWeights(const v1::ComponentWeights& weights);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_COMPANY_POLICY_BOOK_H_

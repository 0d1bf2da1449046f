#include "service/matching/company_policy_book.h"

#include <cmath>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "engine/base/status_macros.h"
#include "service/registry/field_violations.h"
#include "service/rpc/proto_time.h"

namespace azubimatch::service {
namespace {

absl::StatusOr<std::optional<v1::CompanyPolicy>> LoadPolicy(const KvStore& store,
                                                            const std::string& member_id) {
  absl::StatusOr<std::string> bytes = store.Get(Family::kIndex, CompanyPolicyKey(member_id));
  if (absl::IsNotFound(bytes.status())) return std::optional<v1::CompanyPolicy>();
  if (!bytes.ok()) return bytes.status();
  v1::CompanyPolicy policy;
  if (!policy.ParseFromString(*bytes)) {
    return absl::DataLossError(
        absl::StrCat("stored company policy of member ", member_id, " cannot be parsed"));
  }
  return std::optional<v1::CompanyPolicy>(std::move(policy));
}

// The stored policy of `member`, after checking that a non-zero `requested` version is
// the stored one (0 when none is stored).
absl::StatusOr<std::optional<v1::CompanyPolicy>> LoadAtVersion(const KvStore& store,
                                                               const std::string& member,
                                                               int64_t requested) {
  AZM_ASSIGN_OR_RETURN(std::optional<v1::CompanyPolicy> stored, LoadPolicy(store, member));
  const int64_t version = stored.has_value() ? stored->version() : 0;
  if (requested != 0 && requested != version) {
    return WithField(absl::FailedPreconditionError(absl::StrCat(
                         "version: ", requested, " is not the current version ", version)),
                     "version");
  }
  return stored;
}

absl::Status ValidateWeights(const v1::SetCompanyPolicyRequest& request) {
  if (!request.has_weights()) return InvalidField("weights", "required");
  const engine::ComponentWeights weights = ToEngineWeights(request.weights());
  bool any_positive = false;
  for (int i = 0; i < engine::kComponentCount; ++i) {
    const double w = weights[i];
    if (!std::isfinite(w) || w < 0.0 || w > 1.0) {
      const std::string field = absl::StrCat(
          "weights.", std::string(engine::ComponentName(static_cast<engine::ComponentId>(i))));
      return InvalidField(field, absl::StrCat("must be in [0, 1], is ", w));
    }
    any_positive = any_positive || w > 0.0;
  }
  if (!any_positive) return InvalidField("weights", "at least one weight must be positive");
  return absl::OkStatus();
}

}  // namespace

engine::ComponentWeights ToEngineWeights(const v1::ComponentWeights& weights) {
  return {weights.occupation(), weights.language(), weights.commute(),
          weights.certificate(), weights.start_date()};
}

CompanyPolicyBook::CompanyPolicyBook(KvStore* store, RecordStore* records,
                                     std::function<absl::Time()> clock)
    : store_(store), records_(records), clock_(std::move(clock)) {}

absl::StatusOr<std::string> CompanyPolicyBook::ResolveMember(
    const Caller& caller, const std::string& member_id) const {
  if (caller.role == Role::kAnalyst) {
    return absl::PermissionDeniedError("analysts may not read or write company policies");
  }
  if (!caller.is_admin()) {
    if (!member_id.empty() && member_id != caller.member_id) {
      return WithField(absl::PermissionDeniedError(
                           "member_id: only the member's own officers and portals (and "
                           "admins) may read or set its company policy"),
                       "member_id");
    }
    return caller.member_id;
  }
  const std::string& member = member_id.empty() ? caller.member_id : member_id;
  if (member.empty()) return InvalidField("member_id", "required for admins");
  absl::StatusOr<std::string> stored = store_->Get(Family::kMembers, member);
  if (absl::IsNotFound(stored.status())) {
    return WithField(
        absl::NotFoundError(absl::StrCat("member_id: no member with id \"", member, "\"")),
        "member_id");
  }
  if (!stored.ok()) return stored.status();
  return member;
}

absl::StatusOr<v1::CompanyPolicy> CompanyPolicyBook::Set(
    const Caller& caller, const v1::SetCompanyPolicyRequest& request) {
  AZM_ASSIGN_OR_RETURN(std::string member, ResolveMember(caller, request.member_id()));
  AZM_RETURN_IF_ERROR(ValidateWeights(request));
  if (request.version() < 0) return InvalidField("version", "must not be negative");
  v1::CompanyPolicy result;
  AZM_RETURN_IF_ERROR(records_->WriteChecked(
      [&](const KvStore& store) -> absl::StatusOr<WriteBatch> {
        AZM_ASSIGN_OR_RETURN(std::optional<v1::CompanyPolicy> stored,
                             LoadAtVersion(store, member, request.version()));
        const absl::Time now = clock_();
        result.set_member_id(member);
        *result.mutable_weights() = request.weights();
        *result.mutable_created_at() =
            stored.has_value() ? stored->created_at() : ToTimestamp(now);
        *result.mutable_updated_at() = ToTimestamp(now);
        result.set_version(stored.has_value() ? stored->version() + 1 : 1);
        WriteBatch batch;
        batch.Put(Family::kIndex, CompanyPolicyKey(member), result.SerializeAsString());
        return batch;
      }));
  return result;
}

absl::StatusOr<v1::CompanyPolicy> CompanyPolicyBook::Get(
    const Caller& caller, const v1::GetCompanyPolicyRequest& request) const {
  AZM_ASSIGN_OR_RETURN(std::string member, ResolveMember(caller, request.member_id()));
  AZM_ASSIGN_OR_RETURN(std::optional<v1::CompanyPolicy> stored, LoadPolicy(*store_, member));
  v1::CompanyPolicy policy;
  if (stored.has_value()) policy = *std::move(stored);
  policy.set_member_id(member);
  return policy;
}

absl::StatusOr<v1::ClearCompanyPolicyResponse> CompanyPolicyBook::Clear(
    const Caller& caller, const v1::ClearCompanyPolicyRequest& request) {
  AZM_ASSIGN_OR_RETURN(std::string member, ResolveMember(caller, request.member_id()));
  if (request.version() < 0) return InvalidField("version", "must not be negative");
  v1::ClearCompanyPolicyResponse response;
  AZM_RETURN_IF_ERROR(records_->WriteChecked(
      [&](const KvStore& store) -> absl::StatusOr<WriteBatch> {
        AZM_ASSIGN_OR_RETURN(std::optional<v1::CompanyPolicy> stored,
                             LoadAtVersion(store, member, request.version()));
        WriteBatch batch;
        if (!stored.has_value()) return batch;
        batch.Delete(Family::kIndex, CompanyPolicyKey(member));
        response.set_cleared(true);
        return batch;
      }));
  return response;
}

absl::StatusOr<PoolCompanyPolicies> CompanyPolicyBook::ForPool(const RunPool& pool) const {
  absl::flat_hash_map<std::string, engine::ComponentWeights> by_member;
  absl::Status parse_status;
  AZM_RETURN_IF_ERROR(store_->ScanPrefix(
      Family::kIndex, std::string(kCompanyPolicyPrefix),
      [&](std::string_view key, std::string_view value) {
        v1::CompanyPolicy policy;
        if (!policy.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
          parse_status = absl::DataLossError(
              absl::StrCat("stored company policy ", std::string(key), " cannot be parsed"));
          return false;
        }
        by_member[policy.member_id()] = ToEngineWeights(policy.weights());
        return true;
      }));
  AZM_RETURN_IF_ERROR(parse_status);
  PoolCompanyPolicies out;
  if (by_member.empty()) return out;
  out.offer_weights.resize(pool.offers.size());
  for (size_t o = 0; o < pool.offers.size() && o < pool.offer_member_ids.size(); ++o) {
    auto it = by_member.find(pool.offer_member_ids[o]);
    if (it == by_member.end()) continue;
    out.offer_weights[o] = it->second;
    ++out.offers;
  }
  if (out.offers == 0) out.offer_weights.clear();
  return out;
}

}  // namespace azubimatch::service

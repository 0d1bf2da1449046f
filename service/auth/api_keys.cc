#include "service/auth/api_keys.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"
#include "google/protobuf/util/time_util.h"
#include "service/auth/api_key_format.h"
#include "service/auth/digest.h"
#include "service/auth/input_checks.h"
#include "service/rpc/proto_time.h"

namespace azubimatch::service {
namespace {

constexpr char kInvalidKeyMessage[] = "invalid, unknown or revoked api key";

bool IsActive(const v1::ApiKeyInfo& info) { return !info.has_revoked_at(); }

bool IsActiveAdmin(const v1::ApiKeyInfo& info) {
  return IsActive(info) && info.role() == RoleName(Role::kAdmin);
}

}  // namespace

ApiKeyStore::ApiKeyStore(KvStore* store, const MemberStore* members, AuthClock clock)
    : store_(store), members_(members), clock_(std::move(clock)) {}

absl::StatusOr<CreatedApiKey> ApiKeyStore::Create(const v1::CreateApiKeyRequest& request,
                                                  const BeforeStore& before_store) {
  Role role;
  if (request.role().empty()) return absl::InvalidArgumentError("role: required");
  if (!ParseRole(request.role(), &role)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "role: '", request.role(), "' is not one of admin, officer, portal, analyst"));
  }
  if (role != Role::kAdmin && request.member_id().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "member_id: required for a key with role ", std::string(RoleName(role))));
  }
  AZM_RETURN_IF_ERROR(
      CheckDisplayText("label", request.label(), /*required=*/false, kMaxLabelLength));
  if (!request.member_id().empty()) {
    AZM_RETURN_IF_ERROR(members_->Get(request.member_id()).status());
  }
  AZM_ASSIGN_OR_RETURN(GeneratedApiKey generated, GenerateApiKey());

  v1::StoredApiKey stored;
  v1::ApiKeyInfo* info = stored.mutable_info();
  info->set_id(generated.key_id);
  info->set_member_id(request.member_id());
  info->set_role(std::string(RoleName(role)));
  *info->mutable_created_at() = ToTimestamp(clock_());
  info->set_label(request.label());
  stored.set_key_sha256(ApiKeyHash(generated.key));
  CreatedApiKey created{stored.info(), std::move(generated.key)};

  absl::MutexLock lock(&mu_);
  // 82 random bits make a collision practically impossible; refuse one rather than
  // overwrite another key.
  absl::StatusOr<std::string> existing = store_->Get(Family::kKeys, info->id());
  if (existing.ok()) return absl::InternalError("api key id collision; try again");
  if (!absl::IsNotFound(existing.status())) return existing.status();
  if (before_store != nullptr) AZM_RETURN_IF_ERROR(before_store(created));
  WriteBatch batch;
  batch.Put(Family::kKeys, info->id(), stored.SerializeAsString());
  AZM_RETURN_IF_ERROR(store_->Write(batch));
  return created;
}

absl::StatusOr<v1::StoredApiKey> ApiKeyStore::Load(std::string_view key_id) const {
  AZM_ASSIGN_OR_RETURN(std::string value, store_->Get(Family::kKeys, key_id));
  v1::StoredApiKey stored;
  if (!stored.ParseFromString(value)) {
    return absl::DataLossError(
        absl::StrCat("api key '", std::string(key_id), "': unreadable record"));
  }
  return stored;
}

absl::Status ApiKeyStore::ForEach(
    const std::function<bool(const v1::StoredApiKey&)>& visit) const {
  absl::Status parse_status;
  AZM_RETURN_IF_ERROR(store_->Scan(
      Family::kKeys, "", "", [&](std::string_view key, std::string_view value) {
        v1::StoredApiKey stored;
        if (!stored.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
          parse_status = absl::DataLossError(
              absl::StrCat("api key '", std::string(key), "': unreadable record"));
          return false;
        }
        return visit(stored);
      }));
  return parse_status;
}

absl::StatusOr<std::vector<v1::ApiKeyInfo>> ApiKeyStore::List(
    std::string_view member_id) const {
  std::vector<v1::ApiKeyInfo> keys;
  AZM_RETURN_IF_ERROR(ForEach([&](const v1::StoredApiKey& stored) {
    if (member_id.empty() || stored.info().member_id() == member_id) {
      keys.push_back(stored.info());
    }
    return true;
  }));
  return keys;
}

absl::StatusOr<v1::ApiKeyInfo> ApiKeyStore::Revoke(std::string_view key_id) {
  if (key_id.empty()) return absl::InvalidArgumentError("id: required");
  absl::MutexLock lock(&mu_);
  absl::StatusOr<v1::StoredApiKey> stored = Load(key_id);
  if (absl::IsNotFound(stored.status())) {
    return absl::NotFoundError(
        absl::StrCat("id: no api key '", std::string(key_id), "'"));
  }
  if (!stored.ok()) return stored.status();
  if (!IsActive(stored->info())) return stored->info();
  if (IsActiveAdmin(stored->info())) {
    int other_admins = 0;
    AZM_RETURN_IF_ERROR(ForEach([&](const v1::StoredApiKey& other) {
      if (IsActiveAdmin(other.info()) && other.info().id() != key_id) ++other_admins;
      return other_admins == 0;
    }));
    if (other_admins == 0) {
      return absl::FailedPreconditionError(
          absl::StrCat("id: '", std::string(key_id),
                       "' is the last active admin key; create another admin key first"));
    }
  }
  *stored->mutable_info()->mutable_revoked_at() = ToTimestamp(clock_());
  WriteBatch batch;
  batch.Put(Family::kKeys, key_id, stored->SerializeAsString());
  AZM_RETURN_IF_ERROR(store_->Write(batch));
  {
    absl::MutexLock cache_lock(&cache_mu_);
    cache_[std::string(key_id)] =
        *stored;  // overwrites: the next call sees the revocation
  }
  return stored->info();
}

absl::StatusOr<Caller> ApiKeyStore::Authenticate(std::string_view key) const {
  absl::StatusOr<std::string> key_id = ApiKeyIdOf(key);
  if (!key_id.ok()) return absl::UnauthenticatedError(kInvalidKeyMessage);
  absl::StatusOr<v1::StoredApiKey> stored = Find(*key_id);
  if (absl::IsNotFound(stored.status()))
    return absl::UnauthenticatedError(kInvalidKeyMessage);
  if (!stored.ok()) return stored.status();
  // Hash first, then check revocation: the time taken does not depend on the state.
  bool hash_matches = ConstantTimeEquals(ApiKeyHash(key), stored->key_sha256());
  if (!hash_matches || !IsActive(stored->info())) {
    return absl::UnauthenticatedError(kInvalidKeyMessage);
  }
  Caller caller;
  if (!ParseRole(stored->info().role(), &caller.role)) {
    return absl::DataLossError(
        absl::StrCat("api key '", *key_id, "': unknown stored role"));
  }
  caller.member_id = stored->info().member_id();
  caller.key_id = *key_id;
  return caller;
}

absl::StatusOr<v1::StoredApiKey> ApiKeyStore::Find(const std::string& key_id) const {
  {
    absl::ReaderMutexLock cache_lock(&cache_mu_);
    auto it = cache_.find(key_id);
    if (it != cache_.end()) return it->second;
  }
  absl::StatusOr<v1::StoredApiKey> stored = Load(key_id);
  if (stored.ok()) {
    absl::MutexLock cache_lock(&cache_mu_);
    // Never replaces: a Revoke since this read has put the newer record there.
    cache_.try_emplace(key_id, *stored);
  }
  return stored;
}

absl::StatusOr<bool> ApiKeyStore::HasActiveAdminKey() const {
  bool found = false;
  AZM_RETURN_IF_ERROR(ForEach([&](const v1::StoredApiKey& stored) {
    found = IsActiveAdmin(stored.info());
    return !found;
  }));
  return found;
}

}  // namespace azubimatch::service

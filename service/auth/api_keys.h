// ApiKeyStore: API keys in Family::kKeys: creation, listing, revocation, and the check
// of a presented key.
//
// Storage: key id -> v1::StoredApiKey {info, key_sha256}. The key itself is returned
// once by Create() and never stored or logged; only SHA-256(key) is kept (see
// api_key_format.h for the format and why a plain hash suffices).
//
// Authentication: Authenticate() derives the key id from the key, finds the record and
// compares hashes in constant time. Records are read from the store once and then kept
// in memory (only keys that exist: at most one record per stored key). Revoke writes
// the revoked record to the cache right after the store, before it returns, so a
// revocation takes effect for the very next call; a record read concurrently never
// replaces a cached one (a stale read cannot bring a revoked key back).
// Every failure (malformed key, unknown id, wrong secret, revoked) is the same
// UNAUTHENTICATED message, so a caller learns nothing about which part was wrong;
// store failures pass through with their own code (e.g. UNAVAILABLE), never as OK.
//
// Rules: role is one of admin, officer, portal, analyst; member_id is required except
// for admin keys and must name an existing member; the label is at most 200
// characters. Revoking is idempotent (a revoked key keeps its first revoked_at). The
// last active admin key cannot be revoked (FAILED_PRECONDITION), so that the service
// cannot be locked out of its own administration.
//
// Thread safety: every method may be called concurrently. Create and Revoke are
// serialized by a mutex (Revoke reads, checks and writes). One ApiKeyStore per store.
// Complexity: Authenticate O(1) expected plus one SHA-256 (O(log n) the first time a
// key is seen); Create O(log n) plus one SHA-256; Revoke and
// HasActiveAdminKey O(n) in the number of keys (they scan); List O(n).
// Order: List returns keys by key id (bytewise).
#ifndef AZUBIMATCH_SERVICE_AUTH_API_KEYS_H_
#define AZUBIMATCH_SERVICE_AUTH_API_KEYS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "azubimatch/v1/admin.pb.h"
#include "service/auth/caller.h"
#include "service/auth/members.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

struct CreatedApiKey {
  v1::ApiKeyInfo info;
  std::string key;  // the printable key; shown once
};

class ApiKeyStore {
 public:
  static constexpr int kMaxLabelLength = 200;

  // Neither argument is owned; both must outlive this object.
  ApiKeyStore(KvStore* store, const MemberStore* members, AuthClock clock = absl::Now);

  // Runs after a key is generated and before it is stored; a non-OK status aborts the
  // creation and nothing is stored.
  using BeforeStore = std::function<absl::Status(const CreatedApiKey&)>;

  // Creates a key. InvalidArgument naming the field (role, member_id, label); NotFound
  // ("member_id: ...") for an unknown member; the status of `before_store` when it fails.
  absl::StatusOr<CreatedApiKey> Create(const v1::CreateApiKeyRequest& request,
                                       const BeforeStore& before_store = nullptr)
      ABSL_LOCKS_EXCLUDED(mu_);

  // Keys of `member_id`, or every key when it is empty; revoked keys included.
  absl::StatusOr<std::vector<v1::ApiKeyInfo>> List(std::string_view member_id) const;

  // Revokes the key `key_id` at once. NotFound for an unknown id; FailedPrecondition
  // for the last active admin key.
  absl::StatusOr<v1::ApiKeyInfo> Revoke(std::string_view key_id) ABSL_LOCKS_EXCLUDED(mu_);

  // The caller a presented key stands for; Unauthenticated when the key is not a valid,
  // unrevoked key.
  absl::StatusOr<Caller> Authenticate(std::string_view key) const;

  // True when at least one unrevoked admin key exists.
  absl::StatusOr<bool> HasActiveAdminKey() const;

 private:
  absl::StatusOr<v1::StoredApiKey> Load(std::string_view key_id) const;
  // The record of `key_id` from the cache, else from the store (then cached).
  absl::StatusOr<v1::StoredApiKey> Find(const std::string& key_id) const
      ABSL_LOCKS_EXCLUDED(cache_mu_);
  // Visits every stored key in key id order; stops early when `visit` returns false.
  absl::Status ForEach(const std::function<bool(const v1::StoredApiKey&)>& visit) const;

  KvStore* const store_;
  const MemberStore* const members_;
  const AuthClock clock_;
  absl::Mutex mu_;
  mutable absl::Mutex cache_mu_;
  mutable absl::flat_hash_map<std::string, v1::StoredApiKey> cache_
      ABSL_GUARDED_BY(cache_mu_);
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_API_KEYS_H_

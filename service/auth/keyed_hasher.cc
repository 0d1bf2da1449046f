#include "service/auth/keyed_hasher.h"

#include "absl/status/status.h"
#include "engine/base/status_macros.h"
#include "service/auth/digest.h"
#include "service/auth/secure_random.h"

namespace azubimatch::service {

absl::StatusOr<KeyedHasher> KeyedHasher::LoadOrCreate(KvStore* store) {
  absl::StatusOr<std::string> secret = store->Get(Family::kMeta, kKeyedHashSecretKey);
  if (secret.ok()) {
    if (secret->size() != kDigestBytes) {
      return absl::DataLossError("meta keyed_hash_secret: wrong size");
    }
    return KeyedHasher(*std::move(secret));
  }
  if (!absl::IsNotFound(secret.status())) return secret.status();
  AZM_ASSIGN_OR_RETURN(std::string fresh, SecureRandomBytes(kDigestBytes));
  WriteBatch batch;
  batch.Put(Family::kMeta, kKeyedHashSecretKey, fresh);
  AZM_RETURN_IF_ERROR(store->Write(batch));
  return KeyedHasher(std::move(fresh));
}

std::string KeyedHasher::Hash(std::string_view id) const {
  return HexEncode(HmacSha256(secret_, id));
}

}  // namespace azubimatch::service

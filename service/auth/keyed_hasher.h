// KeyedHasher: pseudonyms for person ids (HMAC-SHA256 under a secret of the store).
//
// The audit log never holds a candidate id in clear, and the erasure ledger remembers
// erased persons only by this hash: a person's id can be checked against it by whoever
// holds the secret, but the id cannot be read back from it. The 32-byte secret is drawn
// from the CSPRNG when the store has none and kept in Family::kMeta under
// kKeyedHashSecretKey (created at bootstrap; backups carry it along, so hashes stay
// comparable after a restore).
//
// Thread safety: immutable after LoadOrCreate; Hash() may be called from any thread.
// Complexity: Hash() O(length of the id).
#ifndef AZUBIMATCH_SERVICE_AUTH_KEYED_HASHER_H_
#define AZUBIMATCH_SERVICE_AUTH_KEYED_HASHER_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

class KeyedHasher {
 public:
  // The meta key of the secret.
  static constexpr std::string_view kKeyedHashSecretKey = "keyed_hash_secret";

  // Reads the secret from `store`, creating and storing a new one when there is none.
  // DataLoss when a stored secret has the wrong size.
  static absl::StatusOr<KeyedHasher> LoadOrCreate(KvStore* store);

  // For tests: a hasher with the given secret.
  explicit KeyedHasher(std::string secret) : secret_(std::move(secret)) {}

  // Lower-case hex of HMAC-SHA256(secret, id): 64 characters.
  std::string Hash(std::string_view id) const;

 private:
  std::string secret_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_KEYED_HASHER_H_

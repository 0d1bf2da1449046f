// The printable form of API keys: generation, parsing and the stored hash.
//
// A key reads "azm_<key id>_<secret>":
//   key id  16 characters [0-9a-z], random; names the key in listings and logs (not
//   secret) secret  52 characters of lower-case base32 (RFC 4648 alphabet, no padding)
//   holding
//           256 random bits from the CSPRNG
// e.g. "azm_k3v9x0q2m8a1c7d4_mfrgg...". The key id is recoverable from the key itself, so
// authentication is one lookup by key id followed by a constant-time comparison of
// SHA-256(key) with the stored hash. The key is never stored; only its SHA-256 is. A
// plain (unsalted, fast) hash suffices because the secret has 256 bits of entropy:
// there is nothing to guess by brute force, unlike passwords.
//
// Thread safety: pure functions (generation draws from the thread-safe CSPRNG).
// Complexity: O(key length).
#ifndef AZUBIMATCH_SERVICE_AUTH_API_KEY_FORMAT_H_
#define AZUBIMATCH_SERVICE_AUTH_API_KEY_FORMAT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace azubimatch::service {

inline constexpr std::string_view kApiKeyPrefix = "azm_";
inline constexpr size_t kApiKeyIdLength = 16;
inline constexpr size_t kApiKeySecretBytes = 32;
// ceil(32 * 8 / 5) base32 characters.
inline constexpr size_t kApiKeySecretLength = 52;
inline constexpr size_t kApiKeyLength =
    kApiKeyPrefix.size() + kApiKeyIdLength + 1 + kApiKeySecretLength;

struct GeneratedApiKey {
  std::string key_id;  // the public id
  std::string key;     // the whole printable key, shown once
};

// A fresh key with a random key id and a random secret.
absl::StatusOr<GeneratedApiKey> GenerateApiKey();

// The key id of a well-formed key; InvalidArgument ("api key: ...") when `key` does not
// have the form above. Reveals nothing about the secret part in its messages.
absl::StatusOr<std::string> ApiKeyIdOf(std::string_view key);

// SHA-256 of the whole key: what the store keeps (32 bytes).
std::string ApiKeyHash(std::string_view key);

// Lower-case RFC 4648 base32 of `bytes`, without padding.
std::string Base32Encode(std::string_view bytes);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_API_KEY_FORMAT_H_

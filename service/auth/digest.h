// Digests for authentication and the audit log: SHA-256, HMAC-SHA256, constant-time
// comparison and lower-case hex.
//
// Used for: API keys (stored only as SHA-256 of the key), the audit log's hash chain,
// and keyed hashes of person ids (HMAC-SHA256 with a secret from the store).
// All on OpenSSL's EVP/HMAC one-shot functions.
//
// Thread safety: pure functions, callable from any thread. Complexity: O(n) in the
// input length.
#ifndef AZUBIMATCH_SERVICE_AUTH_DIGEST_H_
#define AZUBIMATCH_SERVICE_AUTH_DIGEST_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace azubimatch::service {

// Size of a SHA-256 or HMAC-SHA256 digest in bytes.
inline constexpr size_t kDigestBytes = 32;

// The 32-byte SHA-256 digest of `data`.
std::string Sha256(std::string_view data);

// The 32-byte HMAC-SHA256 of `data` under `key`.
std::string HmacSha256(std::string_view key, std::string_view data);

// True when `a` and `b` are equal. The time taken depends only on the lengths, never
// on where the first difference lies (CRYPTO_memcmp).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Lower-case hex of `bytes` (two characters per byte).
std::string HexEncode(std::string_view bytes);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_DIGEST_H_

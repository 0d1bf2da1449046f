// Secure randomness for secrets and identifiers: API key secrets, key ids, member ids,
// the audit log's keyed-hash secret.
//
// Every byte comes from OpenSSL's CSPRNG (RAND_bytes), never from a seeded generator,
// so that no key or id can be predicted from another one.
//
// Thread safety: every function may be called concurrently (OpenSSL 3 locks its
// generator). Complexity: O(n) for n bytes or characters.
#ifndef AZUBIMATCH_SERVICE_AUTH_SECURE_RANDOM_H_
#define AZUBIMATCH_SERVICE_AUTH_SECURE_RANDOM_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"

namespace azubimatch::service {

// `count` random bytes. Internal when the generator fails (it is not seeded, which
// does not happen on Linux with getrandom()).
absl::StatusOr<std::string> SecureRandomBytes(size_t count);

// A random identifier of `length` characters from [0-9a-z], every character uniform
// and independent (rejection sampling, no modulo bias). 16 characters carry 82 bits.
absl::StatusOr<std::string> SecureRandomId(size_t length);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_SECURE_RANDOM_H_

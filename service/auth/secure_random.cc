#include "service/auth/secure_random.h"

#include <openssl/rand.h>

#include <string_view>

#include "absl/status/status.h"

namespace azubimatch::service {

absl::StatusOr<std::string> SecureRandomBytes(size_t count) {
  std::string bytes(count, '\0');
  if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()),
                              static_cast<int>(count)) != 1) {
    return absl::InternalError("the system random number generator failed");
  }
  return bytes;
}

absl::StatusOr<std::string> SecureRandomId(size_t length) {
  static constexpr std::string_view kAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  // 252 = 7 * 36: bytes below it map uniformly onto the alphabet; others are redrawn.
  static constexpr unsigned char kLimit = 252;
  std::string id;
  id.reserve(length);
  while (id.size() < length) {
    auto bytes = SecureRandomBytes(length - id.size() + 8);
    if (!bytes.ok()) return bytes.status();
    for (unsigned char b : *bytes) {
      if (b >= kLimit) continue;
      id.push_back(kAlphabet[b % kAlphabet.size()]);
      if (id.size() == length) break;
    }
  }
  return id;
}

}  // namespace azubimatch::service

#include "service/auth/api_key_format.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "service/auth/digest.h"
#include "service/auth/secure_random.h"

namespace azubimatch::service {
namespace {

constexpr std::string_view kBase32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

bool IsIdChar(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); }
bool IsBase32Char(char c) { return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'); }

}  // namespace

std::string Base32Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kBase32Alphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

absl::StatusOr<GeneratedApiKey> GenerateApiKey() {
  auto key_id = SecureRandomId(kApiKeyIdLength);
  if (!key_id.ok()) return key_id.status();
  auto secret = SecureRandomBytes(kApiKeySecretBytes);
  if (!secret.ok()) return secret.status();
  GeneratedApiKey generated;
  generated.key_id = *key_id;
  generated.key =
      absl::StrCat(std::string(kApiKeyPrefix), *key_id, "_", Base32Encode(*secret));
  return generated;
}

absl::StatusOr<std::string> ApiKeyIdOf(std::string_view key) {
  if (key.size() != kApiKeyLength) {
    return absl::InvalidArgumentError(absl::StrCat("api key: expected ", kApiKeyLength,
                                                   " characters, got ", key.size()));
  }
  if (key.substr(0, kApiKeyPrefix.size()) != kApiKeyPrefix) {
    return absl::InvalidArgumentError(
        absl::StrCat("api key: must start with ", std::string(kApiKeyPrefix)));
  }
  std::string_view id = key.substr(kApiKeyPrefix.size(), kApiKeyIdLength);
  std::string_view rest = key.substr(kApiKeyPrefix.size() + kApiKeyIdLength);
  for (char c : id) {
    if (!IsIdChar(c)) return absl::InvalidArgumentError("api key: malformed key id");
  }
  if (rest[0] != '_')
    return absl::InvalidArgumentError("api key: missing '_' after the key id");
  for (char c : rest.substr(1)) {
    if (!IsBase32Char(c)) return absl::InvalidArgumentError("api key: malformed secret");
  }
  return std::string(id);
}

std::string ApiKeyHash(std::string_view key) { return Sha256(key); }

}  // namespace azubimatch::service

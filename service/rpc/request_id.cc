#include "service/rpc/request_id.h"

#include <atomic>
#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "service/auth/secure_random.h"

namespace azubimatch::service {

bool IsUsableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string NewRequestId() {
  if (absl::StatusOr<std::string> id = SecureRandomId(32); id.ok()) return *std::move(id);
  // The generator does not fail on Linux; a counter keeps ids unique if it ever does.
  static std::atomic<uint64_t> counter{0};
  return absl::StrCat("local-", counter.fetch_add(1) + 1);
}

}  // namespace azubimatch::service

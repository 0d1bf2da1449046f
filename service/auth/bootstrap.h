// Bootstrap of administration: the first admin key of a fresh data folder.
//
// matchd calls BootstrapAdminKey() at start, after opening the store and BEFORE it
// listens. When the store holds no active (unrevoked) admin key, a new admin key is
// created and written to `<dir>/admin.key`: the key alone on one line, mode 0600,
// created with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600 so that it is never readable by
// anyone else, not even for a moment; fsynced with its folder. The file is written
// before the key is stored: a crash in between leaves a file whose key the store does
// not know, and the next start replaces it. A stale admin.key (from a store that has no
// active admin key any more) is replaced the same way; with an active admin key the
// file is left alone. The caller logs the file's path (BootstrapResult), never the key.
//
// Losing every admin key is recovered the same way: revoke is refused for the last
// active admin key, but a store restored without one gets a new key at the next start.
//
// Thread safety: call once, before serving. Complexity: O(number of keys).
#ifndef AZUBIMATCH_SERVICE_AUTH_BOOTSTRAP_H_
#define AZUBIMATCH_SERVICE_AUTH_BOOTSTRAP_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "service/auth/api_keys.h"

namespace azubimatch::service {

inline constexpr std::string_view kAdminKeyFileName = "admin.key";

struct BootstrapResult {
  bool created = false;  // a new admin key was created
  std::string key_file;  // its file, when created
  std::string key_id;    // its key id (not secret), when created
};

// See above. `dir` is created when missing. Errors: the store's, or Unavailable /
// PermissionDenied when the file cannot be written (nothing is stored then).
absl::StatusOr<BootstrapResult> BootstrapAdminKey(ApiKeyStore* keys,
                                                  const std::string& dir);

// Writes `contents` followed by a newline to a new file `path` with mode 0600 (an
// existing file there is removed first), and fsyncs the file and its folder.
absl::Status WriteSecretFile(const std::string& path, std::string_view contents);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_BOOTSTRAP_H_

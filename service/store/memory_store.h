// MemoryStore: a KvStore held in memory, for fast unit tests of the store's callers.
//
// Behaves like RocksDbStore in everything a caller can observe through KvStore (the
// shared contract tests in tests/service/store/ run against both): the same argument
// checks and error codes, atomic batches, bytewise key order, snapshot scans. It has no
// files: nothing survives destruction, ForceOut* is a no-op that only checks its
// arguments, CreateBackup() is Unimplemented.
//
// Thread safety: every method may be called concurrently; one reader/writer lock
// guards all families. Scan() copies the visited range under the lock and calls the
// visitor without it, so a visitor may call back into the store (O(range) memory).
//
// Complexity: Get O(log n); Write O(k log n) for k operations; Scan O(log n + range).
#ifndef AZUBIMATCH_SERVICE_STORE_MEMORY_STORE_H_
#define AZUBIMATCH_SERVICE_STORE_MEMORY_STORE_H_

#include <array>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

class MemoryStore final : public KvStore {
 public:
  MemoryStore() = default;
  MemoryStore(const MemoryStore&) = delete;
  MemoryStore& operator=(const MemoryStore&) = delete;

  absl::StatusOr<std::string> Get(Family family, std::string_view key) const override;
  absl::Status Write(const WriteBatch& batch) override;
  absl::Status Scan(Family family, std::string_view start, std::string_view end,
                    const Visitor& visitor) const override;
  absl::Status ForceOutRanges(const std::vector<KeyRange>& ranges) override;
  absl::Status ForceOutAll() override;

 private:
  using Map = std::map<std::string, std::string, std::less<>>;

  mutable absl::Mutex mu_;
  std::array<Map, kFamilyCount> families_ ABSL_GUARDED_BY(mu_);
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_STORE_MEMORY_STORE_H_

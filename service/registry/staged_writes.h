// StagedWrites: a WriteBatch under construction plus a read view that sees it, so that a
// sequence of checked writes (one RPC, or an import batch of hundreds of records) can
// read its own earlier writes before everything is committed in ONE KvStore::Write.
//
// Reads consult the staged operations first (the last one for a key wins), then the
// store. Nothing reaches the store until the owner writes batch().
//
// Thread safety: thread-compatible; the RecordStore uses one per write under its write
// lock. Cost: Get O(log s) plus one store read, for s staged operations; AnyWithPrefix
// O(log s + k) for k stored keys under the prefix that were deleted in this batch.
#ifndef AZUBIMATCH_SERVICE_REGISTRY_STAGED_WRITES_H_
#define AZUBIMATCH_SERVICE_REGISTRY_STAGED_WRITES_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

class StagedWrites {
 public:
  explicit StagedWrites(const KvStore* store) : store_(store) {}

  // The value of `key` as it would be after the batch: nullopt when missing.
  // Errors: store read failures.
  absl::StatusOr<std::optional<std::string>> Get(Family family, std::string_view key) const;

  // True when some key beginning with `prefix` would exist after the batch.
  absl::StatusOr<bool> AnyWithPrefix(Family family, std::string_view prefix) const;

  void Put(Family family, std::string_view key, std::string_view value);
  void Delete(Family family, std::string_view key);
  // Stages every operation of `batch`, in order.
  void Append(const WriteBatch& batch);

  const WriteBatch& batch() const { return batch_; }
  bool empty() const { return batch_.empty(); }

 private:
  using Key = std::pair<Family, std::string>;

  const KvStore* store_;
  WriteBatch batch_;
  std::map<Key, std::optional<std::string>> overlay_;  // last staged value per key
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_STAGED_WRITES_H_

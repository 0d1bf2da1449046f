#include "service/store/memory_store.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"

namespace azubimatch::service {

absl::StatusOr<std::string> MemoryStore::Get(Family family, std::string_view key) const {
  AZM_RETURN_IF_ERROR(ValidateFamily(family));
  absl::ReaderMutexLock lock(&mu_);
  const Map& map = families_[static_cast<int>(family)];
  auto it = map.find(key);
  if (it == map.end()) {
    return KeyNotFoundError(family);
  }
  return it->second;
}

absl::Status MemoryStore::Write(const WriteBatch& batch) {
  AZM_RETURN_IF_ERROR(ValidateWriteBatch(batch));
  absl::MutexLock lock(&mu_);
  for (const WriteBatch::Op& op : batch.ops()) {
    Map& map = families_[static_cast<int>(op.family)];
    if (op.value.has_value()) {
      map.insert_or_assign(op.key, *op.value);
    } else {
      map.erase(op.key);
    }
  }
  return absl::OkStatus();
}

absl::Status MemoryStore::Scan(Family family, std::string_view start,
                               std::string_view end, const Visitor& visitor) const {
  AZM_RETURN_IF_ERROR(ValidateFamily(family));
  if (!end.empty() && end <= start) return absl::OkStatus();
  std::vector<std::pair<std::string, std::string>> entries;
  {
    absl::ReaderMutexLock lock(&mu_);
    const Map& map = families_[static_cast<int>(family)];
    auto last = end.empty() ? map.end() : map.lower_bound(end);
    for (auto it = map.lower_bound(start); it != last; ++it) entries.push_back(*it);
  }
  for (const auto& [key, value] : entries) {
    if (!visitor(key, value)) break;
  }
  return absl::OkStatus();
}

absl::Status MemoryStore::ForceOutRanges(const std::vector<KeyRange>& ranges) {
  for (size_t i = 0; i < ranges.size(); ++i) {
    AZM_RETURN_IF_ERROR(
        ValidateFamily(ranges[i].family, absl::StrCat("ranges[", i, "].family")));
  }
  // Erased entries left the maps in Write(); there are no files to clean.
  return absl::OkStatus();
}

absl::Status MemoryStore::ForceOutAll() { return absl::OkStatus(); }

}  // namespace azubimatch::service

#include "service/registry/staged_writes.h"


namespace azubimatch::service {

absl::StatusOr<std::optional<std::string>> StagedWrites::Get(Family family,
                                                             std::string_view key) const {
  auto it = overlay_.find(Key(family, std::string(key)));
  if (it != overlay_.end()) return it->second;
  absl::StatusOr<std::string> stored = store_->Get(family, key);
  if (stored.ok()) return std::optional<std::string>(*std::move(stored));
  if (absl::IsNotFound(stored.status())) return std::optional<std::string>();
  return stored.status();
}

absl::StatusOr<bool> StagedWrites::AnyWithPrefix(Family family,
                                                 std::string_view prefix) const {
  for (auto it = overlay_.lower_bound(Key(family, std::string(prefix)));
       it != overlay_.end() && it->first.first == family &&
       it->first.second.compare(0, prefix.size(), prefix) == 0;
       ++it) {
    if (it->second.has_value()) return true;
  }
  bool found = false;
  absl::Status status =
      store_->ScanPrefix(family, prefix, [&](std::string_view key, std::string_view) {
        auto staged = overlay_.find(Key(family, std::string(key)));
        if (staged != overlay_.end() && !staged->second.has_value()) return true;
        found = true;
        return false;
      });
  if (!status.ok()) return status;
  return found;
}

void StagedWrites::Put(Family family, std::string_view key, std::string_view value) {
  batch_.Put(family, key, value);
  overlay_[Key(family, std::string(key))] = std::string(value);
}

void StagedWrites::Delete(Family family, std::string_view key) {
  batch_.Delete(family, key);
  overlay_[Key(family, std::string(key))] = std::nullopt;
}

void StagedWrites::Append(const WriteBatch& batch) {
  for (const WriteBatch::Op& op : batch.ops()) {
    if (op.value.has_value()) {
      Put(op.family, op.key, *op.value);
    } else {
      Delete(op.family, op.key);
    }
  }
}

}  // namespace azubimatch::service

#include "service/store/kv_store.h"

#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"

namespace azubimatch::service {
namespace {

// The smallest key greater than every key that starts with `prefix`, or "" when no such
// key exists (empty prefix, or a prefix of only 0xff bytes).
std::string PrefixSuccessor(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    unsigned char last = static_cast<unsigned char>(end.back());
    if (last != 0xff) {
      end.back() = static_cast<char>(last + 1);
      return end;
    }
    end.pop_back();
  }
  return end;
}

}  // namespace

std::string_view FamilyName(Family family) {
  switch (family) {
    case Family::kMeta:
      return "meta";
    case Family::kMembers:
      return "members";
    case Family::kKeys:
      return "keys";
    case Family::kCompanies:
      return "companies";
    case Family::kOffers:
      return "offers";
    case Family::kCandidates:
      return "candidates";
    case Family::kIndex:
      return "index";
    case Family::kRuns:
      return "runs";
    case Family::kPlacements:
      return "placements";
    case Family::kAudit:
      return "audit";
    case Family::kErasures:
      return "erasures";
  }
  return "unknown";
}

absl::Status ValidateFamily(Family family, std::string_view field) {
  if (IsKnownFamily(family)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      std::string(field), ": ", static_cast<int>(family), " is not a known Family"));
}

absl::Status KeyNotFoundError(Family family) {
  return absl::NotFoundError(
      absl::StrCat("no entry for the key in family ", std::string(FamilyName(family))));
}

absl::Status ValidateWriteBatch(const WriteBatch& batch) {
  const auto& ops = batch.ops();
  for (size_t i = 0; i < ops.size(); ++i) {
    if (!IsKnownFamily(ops[i].family)) {
      return ValidateFamily(ops[i].family, absl::StrCat("batch.ops[", i, "].family"));
    }
    if (ops[i].key.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("batch.ops[", i, "].key: must not be empty (family ",
                       std::string(FamilyName(ops[i].family)), ")"));
    }
  }
  return absl::OkStatus();
}

absl::Status KvStore::ScanPrefix(Family family, std::string_view prefix,
                                 const Visitor& visitor) const {
  const std::string end = PrefixSuccessor(prefix);
  return Scan(family, prefix, end, [&](std::string_view key, std::string_view value) {
    // Only a prefix of 0xff bytes has no successor; stop past its keys.
    if (!key.starts_with(prefix)) return false;
    return visitor(key, value);
  });
}

absl::Status KvStore::ForceOutRanges(const std::vector<KeyRange>& ranges) {
  return absl::UnimplementedError("ForceOutRanges is not supported by this store");
}

absl::Status KvStore::ForceOut(Family family, std::string_view begin,
                               std::string_view end) {
  return ForceOutRanges({KeyRange{family, std::string(begin), std::string(end)}});
}

absl::Status KvStore::ForceOutAll() {
  return absl::UnimplementedError("ForceOutAll is not supported by this store");
}

absl::Status KvStore::CreateBackup(const std::string& backup_dir) {
  return absl::UnimplementedError("CreateBackup is not supported by this store");
}

}  // namespace azubimatch::service

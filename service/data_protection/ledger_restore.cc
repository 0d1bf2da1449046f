#include "service/data_protection/ledger_restore.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"
#include "service/auth/audit_log.h"
#include "service/auth/bootstrap.h"
#include "service/auth/keyed_hasher.h"
#include "service/data_protection/candidate_eraser.h"
#include "service/data_protection/erasure_ledger.h"
#include "service/registry/record_store.h"
#include "service/store/rocksdb_backup.h"
#include "service/store/rocksdb_store.h"

namespace azubimatch::service {
namespace {

// The erasures recorded in Family::kErasures. A value that does not decode still
// names its hash (the key).
absl::StatusOr<std::vector<ErasureRecord>> StoredErasures(const KvStore& store) {
  std::vector<ErasureRecord> records;
  AZM_RETURN_IF_ERROR(store.Scan(
      Family::kErasures, "", "", [&](std::string_view key, std::string_view value) {
        absl::StatusOr<ErasureRecord> record =
            DecodeErasureRecord(absl::string_view(value.data(), value.size()));
        if (record.ok() && record->id_hash == key) {
          records.push_back(*std::move(record));
        } else if (IsIdHash(absl::string_view(key.data(), key.size()))) {
          records.push_back(ErasureRecord{std::string(key), "", 0});
        }
        return true;
      }));
  return records;
}

absl::StatusOr<std::unique_ptr<RocksDbStore>> OpenExisting(const std::string& data_dir) {
  StoreOptions options;
  options.path = data_dir;
  options.create_if_missing = false;
  return RocksDbStore::Open(options);
}

// The contents of `path`, or nullopt when there is no such file.
absl::StatusOr<std::optional<std::string>> ReadIfExists(
    const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return std::optional<std::string>();
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    return absl::UnavailableError(absl::StrCat("cannot read ", path.string()));
  }
  return std::optional<std::string>(text.str());
}

}  // namespace

absl::StatusOr<RestoreOutcome> RestoreKeepingErasures(const std::string& backup_dir,
                                                      const std::string& data_dir) {
  RestoreOutcome outcome;
  ErasureLedger ledger(data_dir);
  // 1. What the current data folder knows.
  AZM_ASSIGN_OR_RETURN(std::vector<ErasureRecord> known, ledger.Load());
  std::error_code error;
  if (std::filesystem::exists(std::filesystem::path(data_dir) / "CURRENT", error)) {
    absl::StatusOr<std::unique_ptr<RocksDbStore>> current = OpenExisting(data_dir);
    if (current.ok()) {
      AZM_ASSIGN_OR_RETURN(std::vector<ErasureRecord> stored, StoredErasures(**current));
      known.insert(known.end(), stored.begin(), stored.end());
      outcome.current_store_read = true;
    } else if (absl::IsUnavailable(current.status())) {
      return current.status();  // another process holds the folder
    }
  }
  // 2. and 3.
  const std::filesystem::path admin_key_path =
      std::filesystem::path(data_dir) / kAdminKeyFileName;
  AZM_ASSIGN_OR_RETURN(std::optional<std::string> admin_key,
                       ReadIfExists(admin_key_path));
  AZM_RETURN_IF_ERROR(RestoreLatestBackup(backup_dir, data_dir));

  // 4.
  if (admin_key.has_value()) {
    std::string key = *std::move(admin_key);
    if (!key.empty() && key.back() == '\n') key.pop_back();
    AZM_RETURN_IF_ERROR(WriteSecretFile(admin_key_path.string(), key));
  }
  AZM_ASSIGN_OR_RETURN(std::unique_ptr<RocksDbStore> store, OpenExisting(data_dir));
  AZM_ASSIGN_OR_RETURN(std::vector<ErasureRecord> restored, StoredErasures(*store));
  known.insert(known.end(), restored.begin(), restored.end());
  std::vector<ErasureRecord> distinct;
  {
    absl::flat_hash_set<std::string> seen;
    for (ErasureRecord& record : known) {
      if (seen.insert(record.id_hash).second) distinct.push_back(std::move(record));
    }
  }
  AZM_RETURN_IF_ERROR(ledger.Rewrite(distinct));
  outcome.ledger_entries = static_cast<int64_t>(distinct.size());

  // 5.
  AZM_ASSIGN_OR_RETURN(KeyedHasher hasher, KeyedHasher::LoadOrCreate(store.get()));
  RecordStore records(store.get());
  CandidateEraser eraser(store.get(), &records, hasher, &ledger);
  AZM_ASSIGN_OR_RETURN(ReapplyOutcome reapplied, eraser.ReapplyErasures(distinct));
  outcome.candidates_erased = reapplied.candidates_erased;
  AZM_ASSIGN_OR_RETURN(std::unique_ptr<AuditLog> audit,
                       AuditLog::Open(store.get(), hasher));
  std::vector<AuditEvent> events;
  for (const std::string& id : reapplied.erased_ids) {
    AuditEvent& event = events.emplace_back();
    event.action = AuditAction::kErase;
    event.rpc = std::string(kRestoreAuditRpc);
    event.subject_kind = "candidate";
    event.subject_id = id;
  }
  Caller restorer;
  restorer.role = Role::kAdmin;
  AZM_RETURN_IF_ERROR(audit->AppendAll(restorer, events));
  return outcome;
}

}  // namespace azubimatch::service

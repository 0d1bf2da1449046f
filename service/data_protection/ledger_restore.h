// RestoreKeepingErasures: `matchd --restore-from DIR` — restores the newest backup in
// DIR into the data folder and then applies again every erasure the data folder knew,
// so that a restore never brings an erased person back.
//
// Steps:
//   1. read the erasures the current data folder knows: its ledger file
//      (erasure_ledger.h) and, when the current store opens, its Family::kErasures
//      (a store that does not open — often the reason for a restore — is skipped);
//   2. keep the side files RocksDB's restore would delete (the ledger and admin.key);
//   3. RestoreLatestBackup (rocksdb_backup.h) replaces the database;
//   4. write the side files back; the ledger then holds the union of step 1 and the
//      backup's own Family::kErasures;
//   5. open the restored store, record every erasure in Family::kErasures and erase
//      every candidate whose keyed hash is listed (CandidateEraser::ReapplyErasures),
//      recording each in the audit log as an "erase" by no member (rpc
//      kRestoreAuditRpc); then close the store.
// The keyed-hash secret comes from the restored store (backups carry it), so the
// hashes of a backup of the same store match. Restoring a backup of another store
// (another secret) re-applies nothing of the old ledger: its hashes cannot be matched.
//
// Errors: those of RestoreLatestBackup (NotFound without a backup, Unavailable while
// another process holds the folder, ...), of the ledger file, and of the store; the
// data folder is then in the state the failing step left (the backup can be restored
// again; the ledger file is rewritten only after the restore succeeded).
//
// Thread safety: call once, before anything opens `data_dir`. Complexity: the restore's
// file copying plus O(candidates + placements + runs) for re-applying.
#ifndef AZUBIMATCH_SERVICE_DATA_PROTECTION_LEDGER_RESTORE_H_
#define AZUBIMATCH_SERVICE_DATA_PROTECTION_LEDGER_RESTORE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace azubimatch::service {

// The rpc name audit entries of re-applied erasures carry.
inline constexpr std::string_view kRestoreAuditRpc = "matchd --restore-from";

struct RestoreOutcome {
  int64_t ledger_entries = 0;       // distinct erasures known after the restore
  int64_t candidates_erased = 0;    // candidates of the backup erased again
  bool current_store_read = false;  // step 1 read the store as well as the file
};

absl::StatusOr<RestoreOutcome> RestoreKeepingErasures(const std::string& backup_dir,
                                                      const std::string& data_dir);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_DATA_PROTECTION_LEDGER_RESTORE_H_

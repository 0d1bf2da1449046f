// Backups of a RocksDbStore data folder with rocksdb::BackupEngine.
//
// A backup folder holds any number of backups of one store; table files are shared
// between them, so a new backup copies only what changed. Backups are point-in-time
// copies: data erased after a backup is still in it (the erasure ledger re-applies
// such erasures after a restore).
//
// Thread safety: CreateRocksDbBackup may run concurrently with reads and writes of the
// database but not with another backup into the same folder (RocksDbStore serializes
// its own calls). RestoreLatestBackup needs the target folder closed.
// Complexity: O(size of the store) file copying (less for incremental backups).
#ifndef AZUBIMATCH_SERVICE_STORE_ROCKSDB_BACKUP_H_
#define AZUBIMATCH_SERVICE_STORE_ROCKSDB_BACKUP_H_

#include <string>

#include "absl/status/status.h"
#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {
class DB;
class Env;
}  // namespace ROCKSDB_NAMESPACE

namespace azubimatch::service {

// Flushes `db` and writes a new backup of it into `backup_dir` (created when missing),
// then checks the new backup's file sizes. `env` is the database's Env (also used for
// the backup files). Used by RocksDbStore::CreateBackup(); prefer that.
absl::Status CreateRocksDbBackup(ROCKSDB_NAMESPACE::DB* db, ROCKSDB_NAMESPACE::Env* env,
                                 const std::string& db_path,
                                 const std::string& backup_dir);

// Restores the newest intact backup in `backup_dir` into `db_path` (created when
// missing), replacing whatever store was there. No RocksDbStore may have `db_path` open
// (RocksDB's lock file makes that Unavailable). Errors: InvalidArgument for empty
// arguments or `backup_dir` inside `db_path`; NotFound when `backup_dir` holds no backup;
// the I/O codes of rocksdb_status.h otherwise.
absl::Status RestoreLatestBackup(const std::string& backup_dir,
                                 const std::string& db_path);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_STORE_ROCKSDB_BACKUP_H_

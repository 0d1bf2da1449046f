#include "service/store/rocksdb_backup.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/utilities/backup_engine.h"
#include "service/store/rocksdb_status.h"

namespace azubimatch::service {
namespace {

// InvalidArgument when either path is empty or `backup_dir` lies inside `db_path`
// (the backup would then be part of what it backs up, or be wiped by a restore).
absl::Status CheckFolders(const std::string& db_path, const std::string& backup_dir) {
  if (backup_dir.empty())
    return absl::InvalidArgumentError("backup_dir: must not be empty");
  if (db_path.empty()) return absl::InvalidArgumentError("db_path: must not be empty");
  std::error_code error;
  const std::filesystem::path db = std::filesystem::weakly_canonical(db_path, error);
  const std::filesystem::path backup =
      std::filesystem::weakly_canonical(backup_dir, error);
  if (error) return absl::OkStatus();  // RocksDB reports unusable paths itself.
  const std::filesystem::path relative = backup.lexically_relative(db);
  if (!relative.empty() && *relative.begin() != "..") {
    return absl::InvalidArgumentError(
        absl::StrCat("backup_dir: '", backup_dir,
                     "' must not be inside the data folder '", db_path, "'"));
  }
  return absl::OkStatus();
}

ROCKSDB_NAMESPACE::BackupEngineOptions EngineOptions(const std::string& backup_dir) {
  ROCKSDB_NAMESPACE::BackupEngineOptions options(backup_dir);
  options.share_table_files = true;
  options.sync = true;  // A backup that returned OK survives a power loss.
  options.destroy_old_data = false;
  return options;
}

}  // namespace

absl::Status CreateRocksDbBackup(ROCKSDB_NAMESPACE::DB* db, ROCKSDB_NAMESPACE::Env* env,
                                 const std::string& db_path,
                                 const std::string& backup_dir) {
  AZM_RETURN_IF_ERROR(CheckFolders(db_path, backup_dir));
  ROCKSDB_NAMESPACE::BackupEngine* raw_engine = nullptr;
  AZM_RETURN_IF_ERROR(ToAbslStatus(
      ROCKSDB_NAMESPACE::BackupEngine::Open(EngineOptions(backup_dir), env, &raw_engine),
      absl::StrCat("open backup folder ", backup_dir)));
  std::unique_ptr<ROCKSDB_NAMESPACE::BackupEngine> engine(raw_engine);
  ROCKSDB_NAMESPACE::CreateBackupOptions create_options;
  create_options.flush_before_backup = true;
  ROCKSDB_NAMESPACE::BackupID id = 0;
  AZM_RETURN_IF_ERROR(ToAbslStatus(engine->CreateNewBackup(create_options, db, &id),
                                   absl::StrCat("create backup in ", backup_dir)));
  return ToAbslStatus(engine->VerifyBackup(id),
                      absl::StrCat("verify backup ", id, " in ", backup_dir));
}

absl::Status RestoreLatestBackup(const std::string& backup_dir,
                                 const std::string& db_path) {
  AZM_RETURN_IF_ERROR(CheckFolders(db_path, backup_dir));
  ROCKSDB_NAMESPACE::Env* env = ROCKSDB_NAMESPACE::Env::Default();
  if (!env->FileExists(backup_dir).ok()) {
    return absl::NotFoundError(
        absl::StrCat("backup_dir: no backup folder at '", backup_dir, "'"));
  }
  ROCKSDB_NAMESPACE::BackupEngineReadOnly* raw_engine = nullptr;
  AZM_RETURN_IF_ERROR(ToAbslStatus(ROCKSDB_NAMESPACE::BackupEngineReadOnly::Open(
                                       EngineOptions(backup_dir), env, &raw_engine),
                                   absl::StrCat("open backup folder ", backup_dir)));
  std::unique_ptr<ROCKSDB_NAMESPACE::BackupEngineReadOnly> engine(raw_engine);
  std::vector<ROCKSDB_NAMESPACE::BackupInfo> backups;
  engine->GetBackupInfo(&backups);
  if (backups.empty()) {
    return absl::NotFoundError(
        absl::StrCat("backup_dir: no backup in '", backup_dir, "'"));
  }
  std::error_code error;
  std::filesystem::create_directories(db_path, error);
  if (error) {
    return absl::UnavailableError(
        absl::StrCat("db_path: cannot create '", db_path, "': ", error.message()));
  }
  // Hold the database's lock while replacing its files, so that an open store (in this
  // or another process) makes the restore fail instead of being overwritten under it.
  ROCKSDB_NAMESPACE::FileLock* lock = nullptr;
  AZM_RETURN_IF_ERROR(ToAbslStatus(env->LockFile(db_path + "/LOCK", &lock),
                                   absl::StrCat("lock ", db_path, " for the restore")));
  const absl::Status restored = ToAbslStatus(
      engine->RestoreDBFromLatestBackup(ROCKSDB_NAMESPACE::RestoreOptions(), db_path,
                                        db_path),
      absl::StrCat("restore latest backup from ", backup_dir, " into ", db_path));
  const absl::Status unlocked =
      ToAbslStatus(env->UnlockFile(lock), absl::StrCat("unlock ", db_path));
  return restored.ok() ? unlocked : restored;
}

}  // namespace azubimatch::service

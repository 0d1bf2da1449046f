// RocksDbStore: the KvStore on RocksDB, one column family per Family.
//
// Layout: the data folder is one RocksDB database with a column family named
// FamilyName(f) for every Family f (plus RocksDB's unused "default"). The meta family
// holds the schema version under kSchemaVersionKey as a decimal string: written when the
// store is created, checked on every Open (a newer version is refused). Values are
// opaque strings; keys are compared bytewise.
//
// Durability: every Write() is one rocksdb::WriteBatch through the write-ahead log,
// synced when StoreOptions::sync_writes is set (the default), so an acknowledged write
// survives kill -9 and power loss; after a crash RocksDB replays the log up to the last
// intact record (point-in-time recovery), so a batch is either whole or absent. Old log
// files are deleted, never archived or recycled (see ForceOutRanges).
//
// Errors: RocksDB failures are converted by ToAbslStatus() (rocksdb_status.h): a full
// disk is ResourceExhausted, other I/O errors Unavailable, corruption DataLoss. After a
// failed write (or flush) RocksDB stops accepting writes; the next Write(), ForceOut* or
// CreateBackup() first asks RocksDB to resume, so that writes work again as soon as the
// cause (e.g. a full disk) is gone. Reads keep working throughout.
//
// Thread safety: every method may be called concurrently from any thread. ForceOut*
// and CreateBackup() are serialized among themselves. Destruction closes the database
// and must not race with other calls.
//
// Complexity: Get O(log n) plus at most one table read per level; Write O(k) appends
// plus one fsync; Scan O(log n + visited); ForceOut* and CreateBackup() are O(size of
// the store) in the worst case (flush, compaction, file copies).
#ifndef AZUBIMATCH_SERVICE_STORE_ROCKSDB_STORE_H_
#define AZUBIMATCH_SERVICE_STORE_ROCKSDB_STORE_H_

#include <array>
#include <cstdint>
#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "rocksdb/rocksdb_namespace.h"
#include "service/store/kv_store.h"
#include "service/store/store_options.h"

namespace ROCKSDB_NAMESPACE {
class Cache;
class ColumnFamilyHandle;
class DB;
}  // namespace ROCKSDB_NAMESPACE

namespace azubimatch::service {

// Figures of a RocksDbStore for monitoring, from RocksDB's integer properties (named
// beside each field; summed over the store's column families where they are per family).
struct RocksDbFigures {
  uint64_t total_sst_bytes = 0;           // rocksdb.total-sst-files-size (every version)
  uint64_t live_sst_bytes = 0;            // rocksdb.live-sst-files-size (current version)
  uint64_t memtable_bytes = 0;            // rocksdb.cur-size-all-mem-tables
  uint64_t pending_compaction_bytes = 0;  // rocksdb.estimate-pending-compaction-bytes
  bool write_stopped = false;             // rocksdb.is-write-stopped
  uint64_t delayed_write_rate = 0;        // rocksdb.actual-delayed-write-rate, bytes/s;
                                          // 0 when writes are not slowed down
};

class RocksDbStore final : public KvStore {
 public:
  // The schema version this build writes and reads. Opening a store written with a
  // newer version is FailedPrecondition; older versions would be migrated on Open
  // (none exist yet).
  static constexpr int kSchemaVersion = 1;
  // The key of the schema version in Family::kMeta. Other meta keys must differ.
  static constexpr std::string_view kSchemaVersionKey = "schema_version";
  // A key in Family::kMeta that ForceOut* rewrites (to make RocksDB start a new
  // manifest). Reserved like kSchemaVersionKey.
  static constexpr std::string_view kManifestRollKey = "manifest_roll";

  // Opens (or creates) the store in `options.path`. Errors: InvalidArgument for an empty
  // path; NotFound when no store exists and create_if_missing is off; FailedPrecondition
  // when the folder holds a newer schema or a database that is not an azubimatch store;
  // DataLoss for an unreadable schema version; Unavailable when RocksDB cannot open the
  // folder (e.g. another process holds its lock).
  static absl::StatusOr<std::unique_ptr<RocksDbStore>> Open(const StoreOptions& options);

  // Closes the database; syncs the write-ahead log first when sync_writes is off.
  ~RocksDbStore() override;

  RocksDbStore(const RocksDbStore&) = delete;
  RocksDbStore& operator=(const RocksDbStore&) = delete;

  absl::StatusOr<std::string> Get(Family family, std::string_view key) const override;
  absl::Status Write(const WriteBatch& batch) override;
  absl::Status Scan(Family family, std::string_view start, std::string_view end,
                    const Visitor& visitor) const override;

  // Flushes every family (so every write-ahead log file written so far becomes obsolete
  // and is deleted), compacts each range down to and including the bottommost level
  // (dropping deleted values and their tombstones), rewrites the manifest (which records
  // the first and last key of every table file) and deletes every obsolete file before
  // returning. Entries deleted before the call are then in no file of the data folder;
  // RocksDB's own LOG, which would print the compaction bounds in hex, is held at
  // warning level during the compactions. The store starts a new manifest on every
  // change of its file set (max_manifest_file_size 0) so that old manifests, which
  // name the first and last keys of deleted table files, are deleted too.
  // Caveats: a live Scan (or any other reader's snapshot) keeps the old versions until
  // it ends; file system blocks that held deleted files are not overwritten (use an
  // encrypted file system for that); existing backups are not touched.
  absl::Status ForceOutRanges(const std::vector<KeyRange>& ranges) override;
  absl::Status ForceOutAll() override;

  // Writes a new backup of the whole store into `backup_dir` with rocksdb::BackupEngine
  // after flushing the memtables: a consistent point-in-time copy (every write
  // acknowledged before the call, nothing half). Table files are shared between the
  // backups in one folder. `backup_dir` must not be inside the data folder
  // (InvalidArgument). RestoreLatestBackup() (rocksdb_backup.h) brings one back.
  absl::Status CreateBackup(const std::string& backup_dir) override;

  // The data folder.
  const std::string& path() const { return options_.path; }

  // Size on disk, compaction debt and write stalls, read from RocksDB's properties (no
  // I/O, a few lookups; safe to call at any time from any thread). A property RocksDB
  // cannot answer reads as 0.
  RocksDbFigures Figures() const;

 private:
  // A key range of one open column family; empty bounds are open.
  struct CompactionTarget {
    ROCKSDB_NAMESPACE::ColumnFamilyHandle* handle;
    std::string_view begin;
    std::string_view end;
  };

  explicit RocksDbStore(const StoreOptions& options);

  // Opens or creates the database, checks the schema version, creates missing families.
  absl::Status OpenDatabase();
  // True when the meta family holds a schema version this build reads; false when
  // the store has none and is empty (new, or its creation was interrupted).
  absl::StatusOr<bool> CheckSchemaVersion();

  ROCKSDB_NAMESPACE::ColumnFamilyHandle* Handle(Family family) const {
    return handles_[static_cast<int>(family)];
  }
  // Flushes every family, waiting for the flushes to finish.
  absl::Status FlushAll();
  // Resumes writes after an earlier failure (see needs_resume_), then
  // FlushCompactAndPurge().
  absl::Status ForceOutTargets(const std::vector<CompactionTarget>& targets);
  // Flushes every family, compacts every target down to and including the bottommost
  // level, then RollManifestAndPurge().
  absl::Status FlushCompactAndPurge(const std::vector<CompactionTarget>& targets)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(maintenance_mu_);
  // Calls DB::Resume() when an earlier operation failed; OK when nothing failed.
  absl::Status ResumeIfNeeded();
  // Returns `status`; when it is an error, the next operation resumes first.
  absl::Status NoteFailure(absl::Status status);
  // Writes, syncs and flushes a meta entry so that the manifest is rewritten from the
  // current set of files, then deletes every obsolete file.
  absl::Status RollManifestAndPurge() ABSL_EXCLUSIVE_LOCKS_REQUIRED(maintenance_mu_);

  const StoreOptions options_;
  std::shared_ptr<ROCKSDB_NAMESPACE::Cache> block_cache_;
  ROCKSDB_NAMESPACE::DB* db_ = nullptr;
  // Every open column family: ours, "default", and any unknown one found on disk.
  std::vector<ROCKSDB_NAMESPACE::ColumnFamilyHandle*> all_handles_;
  // Ours, indexed by Family.
  std::array<ROCKSDB_NAMESPACE::ColumnFamilyHandle*, kFamilyCount> handles_ = {};
  // Set after a failed write, flush or backup; the next Write(), ForceOut* or
  // CreateBackup() calls DB::Resume() first.
  std::atomic<bool> needs_resume_{false};
  // Serializes ForceOut*, CreateBackup(): they toggle file deletions and rely on
  // nobody else keeping obsolete files alive.
  absl::Mutex maintenance_mu_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_STORE_ROCKSDB_STORE_H_

#include "service/store/rocksdb_store.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/base/status_macros.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/listener.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "rocksdb/write_batch.h"
#include "service/store/rocksdb_backup.h"
#include "service/store/rocksdb_status.h"

namespace azubimatch::service {
namespace {

namespace rdb = ::ROCKSDB_NAMESPACE;

rdb::Slice ToSlice(std::string_view s) { return rdb::Slice(s.data(), s.size()); }
std::string_view ToView(const rdb::Slice& s) {
  return std::string_view(s.data(), s.size());
}

absl::Status CheckOptions(const StoreOptions& options) {
  if (options.path.empty()) {
    return absl::InvalidArgumentError("StoreOptions.path: must not be empty");
  }
  if (options.write_buffer_bytes < (64 << 10)) {
    return absl::InvalidArgumentError(
        absl::StrCat("StoreOptions.write_buffer_bytes: ", options.write_buffer_bytes,
                     " is below the minimum of 65536"));
  }
  if (options.max_background_jobs < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("StoreOptions.max_background_jobs: ", options.max_background_jobs,
                     " must be at least 1"));
  }
  if (options.info_log_files_to_keep < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "StoreOptions.info_log_files_to_keep: ", options.info_log_files_to_keep,
        " must be at least 1"));
  }
  return absl::OkStatus();
}

// Turns off RocksDB's automatic recovery from a full disk (a background thread that
// polls free space every few seconds and refuses DB::Resume() meanwhile). The store
// resumes itself on the next write instead, at once and on the caller's thread.
class ResumeOnNextWrite final : public rdb::EventListener {
 public:
  void OnErrorRecoveryBegin(rdb::BackgroundErrorReason, rdb::Status,
                            bool* auto_recovery) override {
    *auto_recovery = false;
  }
};

rdb::DBOptions MakeDbOptions(const StoreOptions& options, rdb::Env* env) {
  rdb::DBOptions db;
  db.env = env;
  db.create_if_missing = true;  // Whether we may create is decided before opening.
  db.create_missing_column_families = false;  // Created after the schema check.
  db.paranoid_checks = true;
  db.max_background_jobs = options.max_background_jobs;
  db.keep_log_file_num = static_cast<size_t>(options.info_log_files_to_keep);
  // After a crash, replay the write-ahead log up to its last intact record: every
  // synced batch comes back, a torn last batch is dropped whole.
  db.wal_recovery_mode = rdb::WALRecoveryMode::kPointInTimeRecovery;
  // Obsolete write-ahead logs are deleted at once: never archived (TTL and size limit
  // 0), never recycled (a recycled file keeps old records until overwritten).
  db.WAL_ttl_seconds = 0;
  db.WAL_size_limit_MB = 0;
  db.recycle_log_file_num = 0;
  // Start a new manifest on every change of the file set. The manifest records the
  // first and last key of each table file; a fresh one holds only the live files, so a
  // key compacted away by ForceOut* leaves the manifest too. Each change then writes
  // the list of live files (a few KiB), which is cheap at the sizes of this service.
  db.max_manifest_file_size = 0;
  db.listeners.push_back(std::make_shared<ResumeOnNextWrite>());
  return db;
}

// Raises RocksDB's info log to warnings for its lifetime. A manual compaction logs its
// range bounds (user keys, in hex) at info level; the keys of an erasure must not end
// up in the LOG file.
class QuietInfoLog {
 public:
  explicit QuietInfoLog(rdb::Logger* log) : log_(log) {
    if (log_ == nullptr) return;
    saved_ = log_->GetInfoLogLevel();
    if (saved_ < rdb::InfoLogLevel::WARN_LEVEL)
      log_->SetInfoLogLevel(rdb::InfoLogLevel::WARN_LEVEL);
  }
  ~QuietInfoLog() {
    if (log_ != nullptr) log_->SetInfoLogLevel(saved_);
  }
  QuietInfoLog(const QuietInfoLog&) = delete;
  QuietInfoLog& operator=(const QuietInfoLog&) = delete;

 private:
  rdb::Logger* log_;
  rdb::InfoLogLevel saved_ = rdb::InfoLogLevel::INFO_LEVEL;
};

rdb::ColumnFamilyOptions MakeFamilyOptions(const StoreOptions& options,
                                           const std::shared_ptr<rdb::Cache>& cache) {
  rdb::ColumnFamilyOptions family;
  family.write_buffer_size = options.write_buffer_bytes;
  // A whole-key bloom filter over the memtable: most lookups while records are written
  // are for keys that do not exist yet (a fresh id, a new external id), and the filter
  // answers those without searching the skip list. 2 % of the write buffer.
  family.memtable_prefix_bloom_size_ratio = 0.02;
  family.memtable_whole_key_filtering = true;
  rdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.filter_policy.reset(rdb::NewBloomFilterPolicy(10));
  family.table_factory.reset(rdb::NewBlockBasedTableFactory(table));
  return family;
}

// The Family named `name`, or nullopt.
std::optional<Family> FamilyNamed(std::string_view name) {
  for (Family family : kAllFamilies) {
    if (FamilyName(family) == name) return family;
  }
  return std::nullopt;
}

}  // namespace

RocksDbStore::RocksDbStore(const StoreOptions& options) : options_(options) {}

RocksDbStore::~RocksDbStore() {
  if (db_ == nullptr) return;
  if (!options_.sync_writes) db_->FlushWAL(/*sync=*/true).PermitUncheckedError();
  for (rdb::ColumnFamilyHandle* handle : all_handles_) {
    db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
  }
  db_->Close().PermitUncheckedError();
  delete db_;
}

absl::StatusOr<std::unique_ptr<RocksDbStore>> RocksDbStore::Open(
    const StoreOptions& options) {
  AZM_RETURN_IF_ERROR(CheckOptions(options));
  std::unique_ptr<RocksDbStore> store(new RocksDbStore(options));
  AZM_RETURN_IF_ERROR(store->OpenDatabase());
  return store;
}

absl::Status RocksDbStore::OpenDatabase() {
  const std::string& path = options_.path;
  rdb::Env* env = options_.env != nullptr ? options_.env : rdb::Env::Default();
  block_cache_ = rdb::NewLRUCache(options_.block_cache_bytes);
  const rdb::DBOptions db_options = MakeDbOptions(options_, env);
  const rdb::ColumnFamilyOptions family_options =
      MakeFamilyOptions(options_, block_cache_);

  // Which column families exist decides between creating and opening.
  std::vector<std::string> existing;
  const rdb::Status current = env->FileExists(path + "/CURRENT");
  if (current.IsNotFound()) {
    if (!options_.create_if_missing) {
      return absl::NotFoundError(absl::StrCat(
          "no store at '", path, "' and StoreOptions.create_if_missing is off"));
    }
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error) {
      return absl::UnavailableError(absl::StrCat("StoreOptions.path: cannot create '",
                                                 path, "': ", error.message()));
    }
    existing.push_back(rdb::kDefaultColumnFamilyName);
  } else {
    AZM_RETURN_IF_ERROR(
        ToAbslStatus(current, absl::StrCat("look for a store at ", path)));
    AZM_RETURN_IF_ERROR(
        ToAbslStatus(rdb::DB::ListColumnFamilies(db_options, path, &existing),
                     absl::StrCat("list column families of ", path)));
    bool has_meta = false;
    std::vector<std::string> foreign;
    for (const std::string& name : existing) {
      if (name == FamilyName(Family::kMeta)) has_meta = true;
      if (name != rdb::kDefaultColumnFamilyName && !FamilyNamed(name))
        foreign.push_back(name);
    }
    // Without meta, only an interrupted creation (our families, no others) may proceed.
    if (!has_meta && !foreign.empty()) {
      return absl::FailedPreconditionError(
          absl::StrCat("'", path,
                       "' holds a RocksDB database that is not an azubimatch store "
                       "(no 'meta' column family; unknown families: ",
                       absl::StrJoin(foreign, ", "), ")"));
    }
  }

  std::vector<rdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : existing) descriptors.emplace_back(name, family_options);
  AZM_RETURN_IF_ERROR(
      ToAbslStatus(rdb::DB::Open(db_options, path, descriptors, &all_handles_, &db_),
                   absl::StrCat("open store at ", path)));
  for (rdb::ColumnFamilyHandle* handle : all_handles_) {
    if (std::optional<Family> family = FamilyNamed(handle->GetName())) {
      handles_[static_cast<int>(*family)] = handle;
    }
  }

  AZM_ASSIGN_OR_RETURN(const bool has_version, CheckSchemaVersion());
  // Families added since the store was created (or all of them, for a new store).
  for (Family family : kAllFamilies) {
    if (Handle(family) != nullptr) continue;
    rdb::ColumnFamilyHandle* handle = nullptr;
    AZM_RETURN_IF_ERROR(ToAbslStatus(
        db_->CreateColumnFamily(family_options, std::string(FamilyName(family)), &handle),
        absl::StrCat("create column family ", std::string(FamilyName(family)), " in ",
                     path)));
    all_handles_.push_back(handle);
    handles_[static_cast<int>(family)] = handle;
  }
  if (has_version) return absl::OkStatus();
  rdb::WriteOptions write_options;
  write_options.sync = true;
  return ToAbslStatus(db_->Put(write_options, Handle(Family::kMeta),
                               ToSlice(kSchemaVersionKey), absl::StrCat(kSchemaVersion)),
                      absl::StrCat("write schema version of ", path));
}

absl::StatusOr<bool> RocksDbStore::CheckSchemaVersion() {
  const std::string& path = options_.path;
  rdb::ColumnFamilyHandle* meta = Handle(Family::kMeta);
  if (meta != nullptr) {
    std::string value;
    const rdb::Status read =
        db_->Get(rdb::ReadOptions(), meta, ToSlice(kSchemaVersionKey), &value);
    if (read.ok()) {
      int version = 0;
      if (!absl::SimpleAtoi(value, &version) || version < 1) {
        return absl::DataLossError(absl::StrCat("store at '", path, "': schema version '",
                                                value, "' in family meta is not valid"));
      }
      if (version > kSchemaVersion) {
        return absl::FailedPreconditionError(
            absl::StrCat("store at '", path, "' has schema version ", version,
                         " but this build reads versions up to ", kSchemaVersion,
                         "; open it with a newer azubimatch"));
      }
      // Older versions would be migrated here; version 1 is the first.
      return true;
    }
    if (!read.IsNotFound()) {
      return ToAbslStatus(read, absl::StrCat("read schema version of ", path));
    }
  }
  // No version: only a store whose creation was interrupted, i.e. an empty one, may be
  // initialized now.
  for (rdb::ColumnFamilyHandle* handle : all_handles_) {
    std::unique_ptr<rdb::Iterator> it(db_->NewIterator(rdb::ReadOptions(), handle));
    it->SeekToFirst();
    AZM_RETURN_IF_ERROR(ToAbslStatus(it->status(), absl::StrCat("read ", path)));
    if (it->Valid()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "'", path, "' holds data but no schema version (column family '",
          handle->GetName(), "' is not empty); it is not an azubimatch store"));
    }
  }
  return false;
}

absl::StatusOr<std::string> RocksDbStore::Get(Family family, std::string_view key) const {
  AZM_RETURN_IF_ERROR(ValidateFamily(family));
  std::string value;
  const rdb::Status status =
      db_->Get(rdb::ReadOptions(), Handle(family), ToSlice(key), &value);
  if (status.IsNotFound()) {
    return KeyNotFoundError(family);
  }
  AZM_RETURN_IF_ERROR(
      ToAbslStatus(status, absl::StrCat("get from ", std::string(FamilyName(family)))));
  return value;
}

absl::Status RocksDbStore::Write(const WriteBatch& batch) {
  AZM_RETURN_IF_ERROR(ValidateWriteBatch(batch));
  if (batch.empty()) return absl::OkStatus();
  rdb::WriteBatch rocks_batch;
  for (const WriteBatch::Op& op : batch.ops()) {
    const rdb::Status added =
        op.value.has_value()
            ? rocks_batch.Put(Handle(op.family), ToSlice(op.key), ToSlice(*op.value))
            : rocks_batch.Delete(Handle(op.family), ToSlice(op.key));
    AZM_RETURN_IF_ERROR(ToAbslStatus(added, "build write batch"));
  }
  AZM_RETURN_IF_ERROR(ResumeIfNeeded());
  rdb::WriteOptions write_options;
  write_options.sync = options_.sync_writes;
  return NoteFailure(
      ToAbslStatus(db_->Write(write_options, &rocks_batch), "write batch"));
}

absl::Status RocksDbStore::ResumeIfNeeded() {
  if (!needs_resume_.load()) return absl::OkStatus();
  // A failed write stops RocksDB's writes until it is resumed; try once per call so
  // that writes work again as soon as the cause is gone. OK when there is nothing to do.
  AZM_RETURN_IF_ERROR(
      ToAbslStatus(db_->Resume(), "resume writes after an earlier failure"));
  needs_resume_.store(false);
  return absl::OkStatus();
}

absl::Status RocksDbStore::NoteFailure(absl::Status status) {
  if (!status.ok()) needs_resume_.store(true);
  return status;
}

absl::Status RocksDbStore::Scan(Family family, std::string_view start,
                                std::string_view end, const Visitor& visitor) const {
  AZM_RETURN_IF_ERROR(ValidateFamily(family));
  if (!end.empty() && end <= start) return absl::OkStatus();
  rdb::ReadOptions read_options;
  const rdb::Slice upper = ToSlice(end);
  if (!end.empty()) read_options.iterate_upper_bound = &upper;
  std::unique_ptr<rdb::Iterator> it(db_->NewIterator(read_options, Handle(family)));
  for (it->Seek(ToSlice(start)); it->Valid(); it->Next()) {
    if (!visitor(ToView(it->key()), ToView(it->value()))) break;
  }
  return ToAbslStatus(it->status(),
                      absl::StrCat("scan ", std::string(FamilyName(family))));
}

absl::Status RocksDbStore::FlushAll() {
  rdb::FlushOptions flush_options;
  flush_options.wait = true;
  flush_options.allow_write_stall = true;
  return ToAbslStatus(db_->Flush(flush_options, all_handles_), "flush all families");
}

absl::Status RocksDbStore::RollManifestAndPurge() {
  // With max_manifest_file_size 0, the next change of the file set starts a new
  // manifest holding the files live before that change. After the compactions those
  // are the compacted ones; this small flush of meta is that change.
  rdb::WriteOptions write_options;
  write_options.sync = true;
  AZM_RETURN_IF_ERROR(ToAbslStatus(
      db_->Put(write_options, Handle(Family::kMeta), ToSlice(kManifestRollKey), "1"),
      "write manifest roll marker"));
  rdb::FlushOptions flush_options;
  flush_options.allow_write_stall = true;
  AZM_RETURN_IF_ERROR(ToAbslStatus(db_->Flush(flush_options, Handle(Family::kMeta)),
                                   "flush family meta"));
  // Enabling file deletions scans the folder and deletes every obsolete file (old logs,
  // tables, manifests) before it returns. Nobody else disables deletions: backups take
  // maintenance_mu_ too.
  AZM_RETURN_IF_ERROR(
      ToAbslStatus(db_->DisableFileDeletions(), "disable file deletions"));
  return ToAbslStatus(db_->EnableFileDeletions(/*force=*/false), "delete obsolete files");
}

absl::Status RocksDbStore::ForceOutRanges(const std::vector<KeyRange>& ranges) {
  std::vector<CompactionTarget> targets;
  for (size_t i = 0; i < ranges.size(); ++i) {
    AZM_RETURN_IF_ERROR(
        ValidateFamily(ranges[i].family, absl::StrCat("ranges[", i, "].family")));
    targets.push_back({Handle(ranges[i].family), ranges[i].begin, ranges[i].end});
  }
  return ForceOutTargets(targets);
}

absl::Status RocksDbStore::ForceOutAll() {
  std::vector<CompactionTarget> targets;
  for (rdb::ColumnFamilyHandle* handle : all_handles_)
    targets.push_back({handle, "", ""});
  return ForceOutTargets(targets);
}

absl::Status RocksDbStore::ForceOutTargets(const std::vector<CompactionTarget>& targets) {
  absl::MutexLock lock(&maintenance_mu_);
  AZM_RETURN_IF_ERROR(ResumeIfNeeded());
  return NoteFailure(FlushCompactAndPurge(targets));
}

absl::Status RocksDbStore::FlushCompactAndPurge(
    const std::vector<CompactionTarget>& targets) {
  // Every family, so that every log file written so far becomes obsolete.
  AZM_RETURN_IF_ERROR(FlushAll());
  rdb::CompactRangeOptions compact_options;
  compact_options.bottommost_level_compaction = rdb::BottommostLevelCompaction::kForce;
  compact_options.allow_write_stall = true;
  // Other info messages of RocksDB during the compactions are dropped too (none matter).
  QuietInfoLog quiet(db_->GetDBOptions().info_log.get());
  for (const CompactionTarget& target : targets) {
    const rdb::Slice begin = ToSlice(target.begin);
    const rdb::Slice end = ToSlice(target.end);
    AZM_RETURN_IF_ERROR(
        ToAbslStatus(db_->CompactRange(compact_options, target.handle,
                                       target.begin.empty() ? nullptr : &begin,
                                       target.end.empty() ? nullptr : &end),
                     absl::StrCat("compact family ", target.handle->GetName())));
  }
  return RollManifestAndPurge();
}

RocksDbFigures RocksDbStore::Figures() const {
  // Per-family properties are summed over every open family; database-wide ones are
  // read once, through the default family.
  auto summed = [this](const std::string& name) -> uint64_t {
    uint64_t total = 0;
    for (ROCKSDB_NAMESPACE::ColumnFamilyHandle* handle : all_handles_) {
      uint64_t value = 0;
      if (db_->GetIntProperty(handle, name, &value)) total += value;
    }
    return total;
  };
  auto database_wide = [this](const std::string& name) -> uint64_t {
    uint64_t value = 0;
    return db_->GetIntProperty(name, &value) ? value : 0;
  };
  RocksDbFigures figures;
  figures.total_sst_bytes = summed(ROCKSDB_NAMESPACE::DB::Properties::kTotalSstFilesSize);
  figures.live_sst_bytes = summed(ROCKSDB_NAMESPACE::DB::Properties::kLiveSstFilesSize);
  figures.memtable_bytes = summed(ROCKSDB_NAMESPACE::DB::Properties::kCurSizeAllMemTables);
  figures.pending_compaction_bytes =
      summed(ROCKSDB_NAMESPACE::DB::Properties::kEstimatePendingCompactionBytes);
  figures.write_stopped =
      database_wide(ROCKSDB_NAMESPACE::DB::Properties::kIsWriteStopped) != 0;
  figures.delayed_write_rate =
      database_wide(ROCKSDB_NAMESPACE::DB::Properties::kActualDelayedWriteRate);
  return figures;
}

absl::Status RocksDbStore::CreateBackup(const std::string& backup_dir) {
  absl::MutexLock lock(&maintenance_mu_);
  AZM_RETURN_IF_ERROR(ResumeIfNeeded());
  rdb::Env* env = options_.env != nullptr ? options_.env : rdb::Env::Default();
  return NoteFailure(CreateRocksDbBackup(db_, env, options_.path, backup_dir));
}

}  // namespace azubimatch::service

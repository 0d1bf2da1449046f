// StoreOptions: how RocksDbStore opens its data folder.
//
// A plain struct; copy it freely. Every field has a safe default except `path`.
// Correctness comes first: the defaults never trade durability for speed.
#ifndef AZUBIMATCH_SERVICE_STORE_STORE_OPTIONS_H_
#define AZUBIMATCH_SERVICE_STORE_STORE_OPTIONS_H_

#include <cstddef>
#include <string>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {
class Env;
}  // namespace ROCKSDB_NAMESPACE

namespace azubimatch::service {

struct StoreOptions {
  // The data folder. Required; created (with its parent) when missing and
  // `create_if_missing` is set. Nothing else may live in it.
  // Default: "" (Open() refuses an empty path).
  std::string path;

  // Sync every Write() to disk (fsync of the write-ahead log) before it returns OK.
  // The store holds personal data of applicants, and an acknowledged write (an import,
  // an erasure, a consent withdrawal) must survive a power loss, not only a process
  // crash. Off, a Write() is safe against kill -9 but the last few milliseconds of
  // acknowledged writes can be lost when the machine loses power; only bulk loads that
  // can be repeated should turn it off. A clean shutdown syncs either way.
  // Default: true.
  bool sync_writes = true;

  // Create an empty store when `path` holds none. Off, opening a missing store is
  // NotFound (e.g. a restore or read-only tool that must not create one by accident).
  // Default: true.
  bool create_if_missing = true;

  // Memtable size per family before it is flushed to a table file. Larger means fewer,
  // bigger flushes and more memory (up to twice this per family while flushing).
  // Default: 16 MiB.
  size_t write_buffer_bytes = 16 << 20;

  // Block cache shared by all families, for reads of table files.
  // Default: 32 MiB.
  size_t block_cache_bytes = 32 << 20;

  // Background threads for flushes and compactions.
  // Default: 2.
  int max_background_jobs = 2;

  // How many of RocksDB's own informational log files (LOG, LOG.old.*) to keep in the
  // data folder. These hold operational messages, not keys or values.
  // Default: 5.
  int info_log_files_to_keep = 5;

  // The RocksDB environment (file system, threads, clock) for the store and its backups.
  // Not owned; must outlive the store. Production code leaves it unset; tests pass a
  // FaultInjectionEnv (service/store/fault_injection_env.h) to make writes fail.
  // Declared, not defined, here so that callers need no RocksDB headers.
  // Default: nullptr (RocksDB's default Env).
  ROCKSDB_NAMESPACE::Env* env = nullptr;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_STORE_STORE_OPTIONS_H_

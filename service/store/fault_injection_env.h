// FaultInjectionEnv: a RocksDB Env whose file writes can be made to fail on demand, for
// tests of the store's error paths (full disk, failing device).
//
// It wraps RocksDB's default file system; every file opened for writing (write-ahead
// log, tables, manifest) checks the current fault on each append or sync. Pass env() as
// StoreOptions::env. Reads, renames and deletions are never failed. Debian's RocksDB
// does not ship FaultInjectionTestFS, hence this small one of our own.
//
// A failed append writes nothing; a failed sync leaves the appended bytes in the file
// (as a real failed fsync may), so after a reopen a batch whose sync failed can be
// there, but only whole.
//
// Thread safety: all methods may be called from any thread at any time; a fault set on
// one thread is seen by the store's threads at their next append or sync.
// Complexity: O(1) per file operation on top of the real one.
#ifndef AZUBIMATCH_SERVICE_STORE_FAULT_INJECTION_ENV_H_
#define AZUBIMATCH_SERVICE_STORE_FAULT_INJECTION_ENV_H_

#include <cstdint>
#include <memory>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {
class Env;
class FileSystem;
}  // namespace ROCKSDB_NAMESPACE

namespace azubimatch::service {

class FaultInjectionEnv {
 public:
  // What a failing operation returns.
  enum class Fault {
    kNone,     // pass through
    kNoSpace,  // IOError with subcode NoSpace ("No space left on device")
    kIoError,  // plain IOError (a failing device)
  };

  FaultInjectionEnv();
  ~FaultInjectionEnv();
  FaultInjectionEnv(const FaultInjectionEnv&) = delete;
  FaultInjectionEnv& operator=(const FaultInjectionEnv&) = delete;

  // The Env to pass as StoreOptions::env; valid while this object lives.
  ROCKSDB_NAMESPACE::Env* env() const;

  // From now on, appends (resp. syncs) to files opened for writing fail with `fault`.
  void SetAppendFault(Fault fault);
  void SetSyncFault(Fault fault);
  // Clears both faults.
  void Heal();

  // How many operations failed because of an injected fault so far.
  int64_t injected_failures() const;

  struct State;  // shared with the wrapped files; defined in the .cc

 private:
  std::shared_ptr<State> state_;
  std::shared_ptr<ROCKSDB_NAMESPACE::FileSystem> file_system_;
  std::unique_ptr<ROCKSDB_NAMESPACE::Env> env_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_STORE_FAULT_INJECTION_ENV_H_

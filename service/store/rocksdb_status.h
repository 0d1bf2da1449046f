// Conversion of rocksdb::Status into absl::Status, in one place for the whole store.
//
// Every RocksDB call in RocksDbStore goes through ToAbslStatus(), so that a failure can
// never turn into a false OK and the caller sees a code it can act on:
//   NoSpace, SpaceLimit, MemoryLimit, LockLimit, CompactionTooLarge -> ResourceExhausted
//   IOError (any other), ShutdownInProgress, Busy, TryAgain           -> Unavailable
//   Corruption                                                       -> DataLoss
//   NotFound -> NotFound; NotSupported -> Unimplemented; TimedOut, Expired ->
//   DeadlineExceeded; Aborted -> Aborted; InvalidArgument -> FailedPrecondition (the
//   store validates its own arguments, so RocksDB refusing one means the folder or the
//   options are wrong, not the caller's input); everything else -> Internal.
// The message is "<context>: <RocksDB's message>", e.g.
//   "write batch: IO error: No space left on device: While appending to file: ...".
//
// Thread-safe (pure function). O(length of the message).
#ifndef AZUBIMATCH_SERVICE_STORE_ROCKSDB_STATUS_H_
#define AZUBIMATCH_SERVICE_STORE_ROCKSDB_STATUS_H_

#include <string_view>

#include "absl/status/status.h"
#include "rocksdb/status.h"

namespace azubimatch::service {

// The absl::Status for `status`; OK exactly when `status.ok()`.
absl::Status ToAbslStatus(const ROCKSDB_NAMESPACE::Status& status,
                          std::string_view context);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_STORE_ROCKSDB_STATUS_H_

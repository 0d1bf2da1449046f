// ErasureLedger: the erasures of a data folder, kept in a plain file beside the
// RocksDB files (`<data>/erasure-ledger`, kErasureLedgerFileName), one
// EncodeErasureRecord() line per erasure (erasure_record.h): keyed hashes, never ids.
//
// Why a file outside RocksDB: a restore replaces the whole database with an older
// backup, Family::kErasures included, so the erasures made after that backup would be
// forgotten and the erased persons would come back. The file is read before a restore
// and written back after it (ledger_restore.h), and every erasure it lists is applied
// again to the restored data. The same erasures are also in Family::kErasures, so a
// store copied without the file still knows its own.
//
// Durability: Append() writes one line with O_APPEND and fsyncs the file (and the
// folder when the file is new) before it returns, so an erasure is in the ledger
// before any of the person's data is deleted. A torn last line (crash during the
// append) is skipped by Load(); every earlier line survives. Rewrite() replaces the
// file atomically (temporary file, fsync, rename, fsync of the folder).
//
// Thread safety: Append() and Rewrite() of one object are serialized; Load() may run
// at any time and sees whole appended lines. Two objects (or processes) must not write
// the same file. Complexity: Append O(1) plus two fsyncs; Load and Rewrite O(lines).
// Order: Load() returns the lines in file order, each hash once (the first line of a
// hash wins).
#ifndef AZUBIMATCH_SERVICE_DATA_PROTECTION_ERASURE_LEDGER_H_
#define AZUBIMATCH_SERVICE_DATA_PROTECTION_ERASURE_LEDGER_H_

#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "service/data_protection/erasure_record.h"

namespace azubimatch::service {

inline constexpr absl::string_view kErasureLedgerFileName = "erasure-ledger";

class ErasureLedger {
 public:
  // The ledger of the data folder `data_dir` (the file need not exist yet).
  explicit ErasureLedger(std::string data_dir);

  ErasureLedger(const ErasureLedger&) = delete;
  ErasureLedger& operator=(const ErasureLedger&) = delete;

  // Appends `record` durably. Unavailable (naming the file) when it cannot be written;
  // InvalidArgument when record.id_hash is not a hash.
  absl::Status Append(const ErasureRecord& record) ABSL_LOCKS_EXCLUDED(mu_);

  // Every record in the file; empty when the file does not exist. Malformed lines
  // (a torn last append) are skipped. Unavailable when the file cannot be read.
  absl::StatusOr<std::vector<ErasureRecord>> Load() const;

  // Replaces the file's contents by `records` atomically.
  absl::Status Rewrite(const std::vector<ErasureRecord>& records)
      ABSL_LOCKS_EXCLUDED(mu_);

  // `<data_dir>/erasure-ledger`.
  const std::string& path() const { return path_; }

 private:
  const std::string data_dir_;
  const std::string path_;
  absl::Mutex mu_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_DATA_PROTECTION_ERASURE_LEDGER_H_

// KvStore: the storage interface every service component writes through.
//
// A KvStore is a set of ordered key/value maps ("families", one per kind of record plus
// indexes and metadata). Values are serialized protos; keys are the record ids or index
// keys the caller builds. Two implementations exist: RocksDbStore (the real one, one
// column family per Family) and MemoryStore (for quick unit tests of callers; every
// behaviour is also tested against RocksDbStore).
//
// Thread safety: all methods may be called concurrently. Write() applies a batch
// atomically: after a crash either every operation of a batch is visible or none is.
// Read-modify-write sequences need the caller's own lock; the store has no transactions.
//
// Errors: Get() returns NotFound for a missing key; I/O failures come back as
// Internal/Unavailable/ResourceExhausted (disk full), never as a false OK. A Family
// outside the enum or an empty key is InvalidArgument, and a batch holding one is
// refused as a whole before anything is written.
//
// Complexity: Get O(log n); Write O(k log n) for k operations; Scan O(log n + visited).
// Ties: keys are unique within a family; scans visit keys in bytewise (memcmp) order.
//
// Data protection: ForceOut()/ForceOutAll() make deleted entries leave the store's files
// (GDPR Art. 17 erasure); CreateBackup() writes a consistent copy. Stores without files
// (MemoryStore) implement ForceOut as a no-op; stores that cannot honour an operation
// return Unimplemented, never a false OK.
#ifndef AZUBIMATCH_SERVICE_STORE_KV_STORE_H_
#define AZUBIMATCH_SERVICE_STORE_KV_STORE_H_

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace azubimatch::service {

// The families of a store. Append only: the numbering is not persisted, the names are.
enum class Family {
  kMeta,        // schema version and other store-wide settings
  kMembers,     // member id -> Member
  kKeys,        // api key id -> stored key record (hash only)
  kCompanies,   // company id -> Company
  kOffers,      // offer id -> TrainingOffer
  kCandidates,  // candidate id -> Candidate
  kIndex,       // secondary indexes, e.g. external id -> record id
  kRuns,        // assignment run id -> Run
  kPlacements,  // placement id -> Placement
  kAudit,       // sequence number -> audit entry
  kErasures,    // keyed hash of an erased id -> erasure record
};
inline constexpr int kFamilyCount = 11;

// Every family, in enum order.
inline constexpr std::array<Family, kFamilyCount> kAllFamilies = {
    Family::kMeta,       Family::kMembers,    Family::kKeys,     Family::kCompanies,
    Family::kOffers,     Family::kCandidates, Family::kIndex,    Family::kRuns,
    Family::kPlacements, Family::kAudit,      Family::kErasures,
};

// True when `family` is one of the enumerators above (a cast integer may not be).
constexpr bool IsKnownFamily(Family family) {
  return static_cast<int>(family) >= 0 && static_cast<int>(family) < kFamilyCount;
}

// The persistent name of a family (the RocksDB column family name), e.g. "candidates";
// "unknown" for a value outside the enum.
std::string_view FamilyName(Family family);

// An ordered list of puts and deletes applied atomically by KvStore::Write.
class WriteBatch {
 public:
  struct Op {
    Family family;
    std::string key;
    std::optional<std::string> value;  // nullopt: delete the key
  };

  void Put(Family family, std::string_view key, std::string_view value) {
    ops_.push_back({family, std::string(key), std::string(value)});
  }
  void Delete(Family family, std::string_view key) {
    ops_.push_back({family, std::string(key), std::nullopt});
  }
  const std::vector<Op>& ops() const { return ops_; }
  bool empty() const { return ops_.empty(); }

 private:
  std::vector<Op> ops_;
};

// A key range [begin, end) of one family; an empty `end` means no upper bound.
struct KeyRange {
  Family family;
  std::string begin;
  std::string end;
};

// InvalidArgument naming the first operation with an unknown family or an empty key;
// OK otherwise. Every KvStore::Write checks its batch with this before writing.
absl::Status ValidateWriteBatch(const WriteBatch& batch);

// InvalidArgument when `family` is not a known Family; `field` names the argument.
absl::Status ValidateFamily(Family family, std::string_view field = "family");

// The NotFound status KvStore::Get returns for a missing key. The message names the
// family, never the key (keys may be personal ids).
absl::Status KeyNotFoundError(Family family);

class KvStore {
 public:
  // Called for each entry in key order; return false to stop the scan early.
  using Visitor = std::function<bool(std::string_view key, std::string_view value)>;

  virtual ~KvStore() = default;

  // Returns the value of `key`, or NotFound.
  virtual absl::StatusOr<std::string> Get(Family family, std::string_view key) const = 0;

  // Applies every operation of `batch` or none of them. With sync writes on (the
  // default of RocksDbStore) the batch is on disk when OK is returned.
  virtual absl::Status Write(const WriteBatch& batch) = 0;

  // Visits the entries with start <= key < end in key order; an empty `end` means no
  // upper bound. Sees a consistent snapshot.
  virtual absl::Status Scan(Family family, std::string_view start, std::string_view end,
                            const Visitor& visitor) const = 0;

  // Visits the entries whose key begins with `prefix`, in key order.
  absl::Status ScanPrefix(Family family, std::string_view prefix,
                          const Visitor& visitor) const;

  // Makes entries deleted earlier within `ranges` leave every file of the store: after
  // OK, neither the deleted keys nor their values are in any file of the data folder
  // (write-ahead log, tables, manifest). Call it after the Write() that deleted personal
  // data. Slow (flushes and compacts); meant for erasure, not for every delete.
  // Default: Unimplemented.
  virtual absl::Status ForceOutRanges(const std::vector<KeyRange>& ranges);

  // ForceOutRanges() for the single range [begin, end) of `family` (empty `end`: no
  // bound).
  absl::Status ForceOut(Family family, std::string_view begin, std::string_view end);

  // ForceOutRanges() over every family and every key. Default: Unimplemented.
  virtual absl::Status ForceOutAll();

  // Writes a consistent backup of the whole store into `backup_dir` (created when
  // missing; earlier backups there are kept and share unchanged files).
  // Default: Unimplemented.
  virtual absl::Status CreateBackup(const std::string& backup_dir);
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_STORE_KV_STORE_H_

// AuditLog: an append-only, tamper-evident record of every access to personal data
// (reads and writes of candidate records, exports, erasures) and of administration.
//
// An entry says who (member id, key id), what (action, full RPC name, subject kind and
// id), when, and the resulting status code; never a personal value. Subjects that are
// persons (kind "candidate") are stored only as "candidate:#<HMAC-SHA256 hex>" under the
// store's keyed-hash secret (keyed_hasher.h): the log never holds a candidate id in
// clear, so an erasure leaves no trace in it and its hash chain never needs rewriting.
// Other subjects read "<kind>:<id>", or "<kind>" alone for a listing.
//
// Storage: Family::kAudit, key = the sequence number as 20 zero-padded decimal digits
// (sequences start at 1 and have no gaps), value = serialized v1::AuditEntry. The head
// (last sequence and hash) is kept in Family::kMeta under kAuditHeadKey, written in the
// same batch as the entries.
//
// Hash chain: hash(e) = SHA-256(previous_hash || Canonical(e)), previous_hash of the
// first entry = 32 zero bytes, where Canonical() length-prefixes every field (see
// audit_log.cc), so no two different entries serialize alike. Verify() recomputes the
// whole chain and compares its end with the head this process holds in memory: any
// changed, removed, reordered or inserted entry below the head is found. (Someone who
// rewrites the whole log offline and its stored head can only be caught against an
// external copy of a recent entry's hash.)
//
// Thread safety: every method may be called concurrently. Appends are group-committed:
// concurrent Append() calls queue up, one of them writes the whole queue as one batch
// (one fsync), and each returns when its own entry is durable, so the chain order is
// the commit order. A failed write fails every entry of its batch and leaves the head
// unchanged. One AuditLog per store.
// Complexity: Append O(1) amortized plus a share of one store write; Read O(log n +
// limit); Verify and FindBySubject O(n).
#ifndef AZUBIMATCH_SERVICE_AUTH_AUDIT_LOG_H_
#define AZUBIMATCH_SERVICE_AUTH_AUDIT_LOG_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "azubimatch/v1/admin.pb.h"
#include "service/auth/caller.h"
#include "service/auth/keyed_hasher.h"
#include "service/auth/members.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

enum class AuditAction {
  kRead,    // a record or a listing read
  kWrite,   // a record created, changed or deleted
  kErase,   // a person's data erased (GDPR Art. 17)
  kExport,  // everything about a person exported (GDPR Art. 15/20)
  kAdmin,   // members and keys administered
};

// "read", "write", "erase", "export", "admin".
std::string_view AuditActionName(AuditAction action);

// One event to record. The caller's member and key come from the Caller.
struct AuditEvent {
  AuditAction action = AuditAction::kRead;
  // Full method name of the call, e.g. "/azubimatch.v1.Registry/GetCandidate".
  std::string rpc;
  // Record kind: "candidate", "company", "offer", "run", "placement", "member",
  // "api_key".
  std::string subject_kind;
  // The record id; empty for a listing or a batch.
  std::string subject_id;
  // How the call ended.
  absl::StatusCode code = absl::StatusCode::kOk;
};

class AuditLog {
 public:
  // The meta key of the head: 8 bytes big-endian sequence followed by the 32-byte hash.
  static constexpr std::string_view kAuditHeadKey = "audit_head";
  static constexpr int kDefaultReadLimit = 100;
  static constexpr int kMaxReadLimit = 1000;

  // Opens the log in `store` (not owned; must outlive the log). DataLoss when the stored
  // head is unreadable.
  static absl::StatusOr<std::unique_ptr<AuditLog>> Open(KvStore* store,
                                                        KeyedHasher hasher,
                                                        AuthClock clock = absl::Now);

  // Records `event` by `caller` durably; returns the store's error when it cannot.
  absl::Status Append(const Caller& caller, const AuditEvent& event)
      ABSL_LOCKS_EXCLUDED(mu_);

  // Records every event of `events` by `caller` in one commit, with consecutive
  // sequence numbers; all or none of them. An empty list records nothing.
  absl::Status AppendAll(const Caller& caller, const std::vector<AuditEvent>& events)
      ABSL_LOCKS_EXCLUDED(mu_);

  // The subject string an event is stored with ("candidate:#<hash>", "offer:<id>", ...).
  std::string SubjectOf(std::string_view kind, std::string_view id) const;

  // Up to `limit` entries with sequence > `after_sequence`, in sequence order (limit 0
  // means kDefaultReadLimit; larger than kMaxReadLimit is capped). InvalidArgument
  // ("limit: ...") for a negative limit.
  absl::StatusOr<std::vector<v1::AuditEntry>> Read(uint64_t after_sequence,
                                                   int limit) const;

  // Every entry about the subject (`kind`, `id`), in sequence order.
  absl::StatusOr<std::vector<v1::AuditEntry>> FindBySubject(std::string_view kind,
                                                            std::string_view id) const;

  // OK when every entry up to the current head is intact and chained; DataLoss naming the
  // first bad sequence otherwise; the store's error when it cannot be read.
  absl::Status Verify() const ABSL_LOCKS_EXCLUDED(mu_);

  // The sequence number of the last durable entry (0 for an empty log).
  uint64_t last_sequence() const ABSL_LOCKS_EXCLUDED(mu_);

  // The serialization the hash covers (exposed for tests).
  static std::string Canonical(const v1::AuditEntry& entry);

 private:
  struct Pending;

  AuditLog(KvStore* store, KeyedHasher hasher, AuthClock clock, uint64_t last_sequence,
           std::string last_hash);
  // Writes every queued entry as one batch. REQUIRES: the caller's entry is at the front.
  void CommitQueue() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  KvStore* const store_;
  const KeyedHasher hasher_;
  const AuthClock clock_;

  mutable absl::Mutex mu_;
  absl::CondVar committed_;
  std::deque<Pending*> queue_ ABSL_GUARDED_BY(mu_);
  uint64_t last_sequence_ ABSL_GUARDED_BY(mu_);
  std::string last_hash_ ABSL_GUARDED_BY(mu_);
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_AUDIT_LOG_H_

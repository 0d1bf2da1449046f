#include "service/auth/audit_log.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/base/status_macros.h"
#include "google/protobuf/util/time_util.h"
#include "service/auth/digest.h"
#include "service/auth/input_checks.h"

namespace azubimatch::service {
namespace {

// Subject kinds that name a person: stored only as a keyed hash.
constexpr std::string_view kPersonKinds[] = {"candidate"};

// Largest number of entries one group commit writes (one call's entries may exceed it).
constexpr size_t kMaxGroupSize = 512;

std::string SequenceKey(uint64_t sequence) { return absl::StrFormat("%020u", sequence); }

void AppendFixed64(uint64_t value, std::string* out) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out->push_back(static_cast<char>(value >> shift));
}

uint64_t ReadFixed64(std::string_view bytes) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  return value;
}

void AppendField(std::string_view field, std::string* out) {
  AppendFixed64(field.size(), out);
  out->append(field);
}

std::string HeadValue(uint64_t sequence, std::string_view hash) {
  std::string value;
  AppendFixed64(sequence, &value);
  value.append(hash);
  return value;
}

std::string StatusCodeName(absl::StatusCode code) {
  return absl::StatusCodeToString(code);
}

absl::StatusOr<v1::AuditEntry> ParseEntry(std::string_view key, std::string_view value) {
  v1::AuditEntry entry;
  if (!entry.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
    return absl::DataLossError(
        absl::StrCat("audit entry ", std::string(key), ": unreadable"));
  }
  return entry;
}

}  // namespace

struct AuditLog::Pending {
  std::vector<v1::AuditEntry> entries;
  absl::Status status;
  bool done = false;
};

std::string_view AuditActionName(AuditAction action) {
  switch (action) {
    case AuditAction::kRead:
      return "read";
    case AuditAction::kWrite:
      return "write";
    case AuditAction::kErase:
      return "erase";
    case AuditAction::kExport:
      return "export";
    case AuditAction::kAdmin:
      return "admin";
  }
  return "unknown";
}

std::string AuditLog::Canonical(const v1::AuditEntry& entry) {
  std::string out = "azm.audit.v1";
  AppendFixed64(entry.sequence(), &out);
  AppendFixed64(static_cast<uint64_t>(entry.at().seconds()), &out);
  AppendFixed64(static_cast<uint64_t>(entry.at().nanos()), &out);
  for (const std::string* field : {&entry.member_id(), &entry.key_id(), &entry.action(),
                                   &entry.rpc(), &entry.subject(), &entry.code()}) {
    AppendField(*field, &out);
  }
  return out;
}

absl::StatusOr<std::unique_ptr<AuditLog>> AuditLog::Open(KvStore* store,
                                                         KeyedHasher hasher,
                                                         AuthClock clock) {
  uint64_t last_sequence = 0;
  std::string last_hash(kDigestBytes, '\0');
  absl::StatusOr<std::string> head = store->Get(Family::kMeta, kAuditHeadKey);
  if (head.ok()) {
    if (head->size() != 8 + kDigestBytes)
      return absl::DataLossError("meta audit_head: wrong size");
    last_sequence = ReadFixed64(*head);
    last_hash = head->substr(8);
  } else if (!absl::IsNotFound(head.status())) {
    return head.status();
  }
  return std::unique_ptr<AuditLog>(new AuditLog(
      store, std::move(hasher), std::move(clock), last_sequence, std::move(last_hash)));
}

AuditLog::AuditLog(KvStore* store, KeyedHasher hasher, AuthClock clock,
                   uint64_t last_sequence, std::string last_hash)
    : store_(store),
      hasher_(std::move(hasher)),
      clock_(std::move(clock)),
      last_sequence_(last_sequence),
      last_hash_(std::move(last_hash)) {}

std::string AuditLog::SubjectOf(std::string_view kind, std::string_view id) const {
  if (id.empty()) return std::string(kind);
  bool person = std::find(std::begin(kPersonKinds), std::end(kPersonKinds), kind) !=
                std::end(kPersonKinds);
  std::string subject(kind);
  subject.append(person ? ":#" : ":");
  subject.append(person ? hasher_.Hash(id) : std::string(id));
  return subject;
}

absl::Status AuditLog::Append(const Caller& caller, const AuditEvent& event) {
  return AppendAll(caller, {event});
}

absl::Status AuditLog::AppendAll(const Caller& caller,
                                 const std::vector<AuditEvent>& events) {
  if (events.empty()) return absl::OkStatus();
  Pending pending;
  const google::protobuf::Timestamp at =
      google::protobuf::util::TimeUtil::NanosecondsToTimestamp(
          absl::ToUnixNanos(clock_()));
  for (const AuditEvent& event : events) {
    v1::AuditEntry& entry = pending.entries.emplace_back();
    *entry.mutable_at() = at;
    entry.set_member_id(caller.member_id);
    entry.set_key_id(caller.key_id);
    entry.set_action(std::string(AuditActionName(event.action)));
    entry.set_rpc(event.rpc);
    entry.set_subject(SubjectOf(event.subject_kind, event.subject_id));
    entry.set_code(StatusCodeName(event.code));
  }

  absl::MutexLock lock(&mu_);
  queue_.push_back(&pending);
  while (!pending.done && queue_.front() != &pending) committed_.Wait(&mu_);
  if (!pending.done) CommitQueue();
  return pending.status;
}

void AuditLog::CommitQueue() {
  // Whole calls only, so that each call's entries commit together; at least one call.
  std::vector<Pending*> group;
  size_t entries = 0;
  for (Pending* p : queue_) {
    if (!group.empty() && entries + p->entries.size() > kMaxGroupSize) break;
    group.push_back(p);
    entries += p->entries.size();
  }
  uint64_t sequence = last_sequence_;
  std::string hash = last_hash_;
  WriteBatch batch;
  for (Pending* p : group) {
    for (v1::AuditEntry& entry : p->entries) {
      entry.set_sequence(++sequence);
      entry.set_previous_hash(hash);
      hash = Sha256(absl::StrCat(hash, Canonical(entry)));
      entry.set_hash(hash);
      batch.Put(Family::kAudit, SequenceKey(sequence), entry.SerializeAsString());
    }
  }
  batch.Put(Family::kMeta, kAuditHeadKey, HeadValue(sequence, hash));

  // Others may queue up meanwhile; none of them commits before this group is done,
  // because the group's first call stays at the front of the queue.
  mu_.Unlock();
  absl::Status status = store_->Write(batch);
  mu_.Lock();

  if (status.ok()) {
    last_sequence_ = sequence;
    last_hash_ = hash;
  }
  for (Pending* p : group) {
    p->status = status;
    p->done = true;
    queue_.pop_front();
  }
  committed_.SignalAll();
}

absl::StatusOr<std::vector<v1::AuditEntry>> AuditLog::Read(uint64_t after_sequence,
                                                           int limit) const {
  AZM_ASSIGN_OR_RETURN(int count,
                       EffectivePageSize(limit, kDefaultReadLimit, kMaxReadLimit));
  std::vector<v1::AuditEntry> entries;
  if (after_sequence == UINT64_MAX) return entries;
  absl::Status parse_status;
  AZM_RETURN_IF_ERROR(store_->Scan(Family::kAudit, SequenceKey(after_sequence + 1), "",
                                   [&](std::string_view key, std::string_view value) {
                                     absl::StatusOr<v1::AuditEntry> entry =
                                         ParseEntry(key, value);
                                     if (!entry.ok()) {
                                       parse_status = entry.status();
                                       return false;
                                     }
                                     entries.push_back(*std::move(entry));
                                     return static_cast<int>(entries.size()) < count;
                                   }));
  AZM_RETURN_IF_ERROR(parse_status);
  return entries;
}

absl::StatusOr<std::vector<v1::AuditEntry>> AuditLog::FindBySubject(
    std::string_view kind, std::string_view id) const {
  const std::string subject = SubjectOf(kind, id);
  std::vector<v1::AuditEntry> entries;
  absl::Status parse_status;
  AZM_RETURN_IF_ERROR(store_->Scan(
      Family::kAudit, "", "", [&](std::string_view key, std::string_view value) {
        absl::StatusOr<v1::AuditEntry> entry = ParseEntry(key, value);
        if (!entry.ok()) {
          parse_status = entry.status();
          return false;
        }
        if (entry->subject() == subject) entries.push_back(*std::move(entry));
        return true;
      }));
  AZM_RETURN_IF_ERROR(parse_status);
  return entries;
}

absl::Status AuditLog::Verify() const {
  uint64_t head_sequence;
  std::string head_hash;
  {
    absl::MutexLock lock(&mu_);
    head_sequence = last_sequence_;
    head_hash = last_hash_;
  }
  uint64_t expected = 1;
  std::string hash(kDigestBytes, '\0');
  absl::Status problem;
  // Entries after the head are being committed right now; they are checked next time.
  std::string end = head_sequence == UINT64_MAX ? "" : SequenceKey(head_sequence + 1);
  AZM_RETURN_IF_ERROR(store_->Scan(
      Family::kAudit, "", end, [&](std::string_view key, std::string_view value) {
        absl::StatusOr<v1::AuditEntry> parsed = ParseEntry(key, value);
        const v1::AuditEntry& entry =
            parsed.ok() ? *parsed : v1::AuditEntry::default_instance();
        if (!parsed.ok()) {
          problem = parsed.status();
        } else if (key != SequenceKey(expected) || entry.sequence() != expected) {
          problem = absl::DataLossError(absl::StrCat(
              "audit entry ", expected, ": missing or out of order (found key ",
              std::string(key), ")"));
        } else if (entry.previous_hash() != hash) {
          problem = absl::DataLossError(
              absl::StrCat("audit entry ", expected, ": previous_hash breaks the chain"));
        } else {
          hash = Sha256(absl::StrCat(hash, Canonical(entry)));
          if (entry.hash() != hash) {
            problem = absl::DataLossError(absl::StrCat(
                "audit entry ", expected, ": hash does not match its fields"));
          }
        }
        if (!problem.ok()) return false;
        ++expected;
        return true;
      }));
  AZM_RETURN_IF_ERROR(problem);
  if (expected - 1 != head_sequence) {
    return absl::DataLossError(absl::StrCat(
        "audit entry ", expected, ": missing (the head is ", head_sequence, ")"));
  }
  if (hash != head_hash) {
    return absl::DataLossError(absl::StrCat("audit entry ", head_sequence,
                                            ": does not match the head of the log"));
  }
  return absl::OkStatus();
}

uint64_t AuditLog::last_sequence() const {
  absl::MutexLock lock(&mu_);
  return last_sequence_;
}

}  // namespace azubimatch::service

#include "service/registry/record_store.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"
#include "google/protobuf/timestamp.pb.h"
#include "service/registry/access_policy.h"
#include "service/registry/field_violations.h"
#include "service/registry/record_kind.h"
#include "service/registry/record_replay.h"
#include "service/registry/record_traits.h"
#include "service/registry/registry_keys.h"
#include "service/registry/staged_writes.h"

namespace azubimatch::service {

using registry_internal::KindName;
using registry_internal::MatchesFilters;
using registry_internal::NotFound;
using registry_internal::Traits;

namespace {

// A page token names the kind and the last id of the previous page.
std::string EncodePageToken(RecordKind kind, absl::string_view last_id) {
  return absl::WebSafeBase64Escape(absl::StrCat(RecordKindName(kind), ":", last_id));
}

absl::StatusOr<std::string> DecodePageToken(RecordKind kind, absl::string_view token) {
  std::string plain;
  const std::string prefix = absl::StrCat(RecordKindName(kind), ":");
  if (!absl::WebSafeBase64Unescape(token, &plain) || !absl::StartsWith(plain, prefix) ||
      !IsWellFormedRecordId(plain.substr(prefix.size()))) {
    return InvalidField("page_token", absl::StrCat("not a page token of this ",
                                                   RecordKindName(kind), " listing"));
  }
  return plain.substr(prefix.size());
}

}  // namespace

RecordStore::RecordStore(KvStore* store, RecordStoreOptions options)
    : store_(store), options_(std::move(options)) {}

absl::StatusOr<std::string> RecordStore::NewId(Family family, const Txn& txn) {
  static_assert(RandomIdGenerator::kIdLength == kRecordIdLength);
  for (int attempt = 0; attempt < 16; ++attempt) {
    std::string id = ids_.Next();
    AZM_ASSIGN_OR_RETURN(std::optional<std::string> existing, txn.writes.Get(family, id));
    if (!existing.has_value()) return id;
  }
  return absl::InternalError("could not draw an unused record id");
}

absl::Status RecordStore::Commit(Txn& txn) {
  if (txn.writes.empty()) return absl::OkStatus();
  AZM_RETURN_IF_ERROR(store_->Write(txn.writes.batch()));
  for (const auto& notify : txn.notifications) {
    for (RecordObserver* observer : observers_) notify(*observer);
  }
  return absl::OkStatus();
}

// PERMISSION_DENIED when `caller` sees `record` but may not change it.
template <typename R>
static absl::Status CheckMayChange(const Caller& caller, const R& record) {
  if (MayChange(caller, Traits<R>::kKind, record.member_id())) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat(
      KindName<R>(), " ", record.id(), " belongs to another member and cannot be changed"));
}

// The owner of a record a caller creates: the caller's member; an admin may name one.
template <typename R>
static absl::StatusOr<std::string> OwnerForNew(const Caller& caller, const R& input) {
  if (caller.is_admin() && !input.member_id().empty()) return input.member_id();
  if (caller.member_id.empty()) {
    return InvalidField(absl::StrCat(KindName<R>(), ".member_id"),
                        "required when the caller belongs to no member");
  }
  return caller.member_id;
}

template <RegistryRecord R>
absl::StatusOr<UpsertResult<R>> RecordStore::StageWrite(const Caller& caller,
                                                        const R& input, WriteMode mode,
                                                        Txn& txn) {
  using T = Traits<R>;
  const absl::string_view kind = KindName<R>();
  AZM_RETURN_IF_ERROR(T::Validate(input, mode));
  AZM_RETURN_IF_ERROR(CheckMayWriteKind(caller, T::kKind));

  // The stored record this write replaces, if any, and the owning member.
  std::optional<R> existing;
  std::string owner;
  if (mode == WriteMode::kUpdate) {
    AZM_ASSIGN_OR_RETURN(existing, txn.LoadVisible<R>(caller, input.id(),
                                                      absl::StrCat(kind, ".id")));
    AZM_RETURN_IF_ERROR(CheckMayChange(caller, *existing));
    owner = existing->member_id();
  } else {
    AZM_ASSIGN_OR_RETURN(owner, OwnerForNew(caller, input));
  }

  R record = input;
  AZM_RETURN_IF_ERROR(T::ResolveOwner(caller, input, txn, &owner, &record));

  if (mode == WriteMode::kUpsert) {
    AZM_ASSIGN_OR_RETURN(std::optional<std::string> id,
                         txn.LookupExternalId(T::kKind, owner, input.external_id()));
    if (id.has_value()) {
      AZM_ASSIGN_OR_RETURN(existing, txn.Load<R>(*id));
      if (!existing.has_value()) {
        return absl::InternalError(absl::StrCat("external id index names missing ", kind,
                                                " ", *id));
      }
    } else if (input.version() != 0) {
      return WithField(absl::FailedPreconditionError(absl::StrCat(
                           kind, ".version: no ", kind, " with external_id \"",
                           input.external_id(), "\" exists; version must be 0 to create")),
                       absl::StrCat(kind, ".version"));
    }
  }

  if (existing.has_value()) {
    AZM_RETURN_IF_ERROR(CheckMayChange(caller, *existing));
    if (input.version() != 0 && input.version() != existing->version()) {
      return WithField(absl::FailedPreconditionError(absl::StrCat(
                           kind, ".version: is ", input.version(), ", but ", kind, " ",
                           existing->id(), " is at version ", existing->version())),
                       absl::StrCat(kind, ".version"));
    }
  }

  // An upsert found `existing` by this very key above (or found none), so only creates
  // and updates ask who holds the external id.
  if (mode != WriteMode::kUpsert && !record.external_id().empty()) {
    AZM_ASSIGN_OR_RETURN(std::optional<std::string> holder,
                         txn.LookupExternalId(T::kKind, owner, record.external_id()));
    if (holder.has_value() && (!existing.has_value() || *holder != existing->id())) {
      return WithField(absl::AlreadyExistsError(absl::StrCat(
                           kind, ".external_id: \"", record.external_id(),
                           "\" is already used by ", kind, " ", *holder)),
                       absl::StrCat(kind, ".external_id"));
    }
  }

  // Server-assigned fields.
  record.set_member_id(owner);
  *record.mutable_updated_at() = ToTimestamp(txn.now);
  if (existing.has_value()) {
    record.set_id(existing->id());
    *record.mutable_created_at() = existing->created_at();
    record.set_version(existing->version() + 1);
  } else {
    AZM_ASSIGN_OR_RETURN(std::string id, NewId(T::kFamily, txn));
    record.set_id(id);
    *record.mutable_created_at() = ToTimestamp(txn.now);
    record.set_version(1);
  }
  T::NormalizeStatus(&record);
  AZM_RETURN_IF_ERROR(T::KeepServerFields(existing, &record));

  // Stage the record and its index entries; nothing below can fail.
  txn.writes.Put(T::kFamily, record.id(), record.SerializeAsString());
  const std::string new_key = record.external_id().empty()
                                  ? std::string()
                                  : ExternalIdIndexKey(T::kKind, owner, record.external_id());
  if (existing.has_value() && !existing->external_id().empty()) {
    const std::string old_key =
        ExternalIdIndexKey(T::kKind, existing->member_id(), existing->external_id());
    if (old_key != new_key) txn.writes.Delete(Family::kIndex, old_key);
  }
  if (!new_key.empty()) txn.writes.Put(Family::kIndex, new_key, record.id());
  T::StageIndexes(existing, record, txn);
  const bool created = !existing.has_value();
  txn.AddNotification<R>(std::move(existing), record);
  return UpsertResult<R>{std::move(record), created};
}

template <RegistryRecord R>
absl::StatusOr<UpsertResult<R>> RecordStore::WriteOne(const Caller& caller,
                                                      const R& record, WriteMode mode) {
  absl::MutexLock lock(&write_mu_);
  Txn txn(store_, options_.clock());
  AZM_ASSIGN_OR_RETURN(UpsertResult<R> result, StageWrite(caller, record, mode, txn));
  AZM_RETURN_IF_ERROR(Commit(txn));
  RedactFor(caller, &result.record);
  return result;
}

template <RegistryRecord R>
absl::StatusOr<R> RecordStore::Create(const Caller& caller, const R& record) {
  AZM_ASSIGN_OR_RETURN(UpsertResult<R> result, WriteOne(caller, record, WriteMode::kCreate));
  return std::move(result.record);
}

template <RegistryRecord R>
absl::StatusOr<R> RecordStore::Update(const Caller& caller, const R& record) {
  AZM_ASSIGN_OR_RETURN(UpsertResult<R> result, WriteOne(caller, record, WriteMode::kUpdate));
  return std::move(result.record);
}

template <RegistryRecord R>
absl::StatusOr<UpsertResult<R>> RecordStore::Upsert(const Caller& caller, const R& record) {
  return WriteOne(caller, record, WriteMode::kUpsert);
}

template <RegistryRecord R>
absl::StatusOr<R> RecordStore::Get(const Caller& caller, std::string_view id_view) {
  const std::string id(id_view);
  AZM_RETURN_IF_ERROR(ValidateRecordId(id, "id"));
  AZM_RETURN_IF_ERROR(CheckMayReadKind(caller, Traits<R>::kKind));
  const Txn view(store_, absl::InfinitePast());
  AZM_ASSIGN_OR_RETURN(R record, view.LoadVisible<R>(caller, id, "id"));
  RedactFor(caller, &record);
  return record;
}

template <RegistryRecord R>
absl::StatusOr<RecordPage<R>> RecordStore::List(const Caller& caller,
                                                const v1::ListRecordsRequest& request) {
  using T = Traits<R>;
  AZM_RETURN_IF_ERROR(ValidateListRequest(request, T::kKind));
  if (request.page_size() > options_.max_page_size) {
    return InvalidField("page_size", absl::StrCat("must be at most ", options_.max_page_size));
  }
  AZM_RETURN_IF_ERROR(CheckMayReadKind(caller, T::kKind));
  std::string start;
  if (!request.page_token().empty()) {
    AZM_ASSIGN_OR_RETURN(std::string last_id, DecodePageToken(T::kKind, request.page_token()));
    start = last_id + std::string(1, '\0');  // the first key after last_id
  }
  const size_t page_size = static_cast<size_t>(
      request.page_size() == 0 ? options_.default_page_size : request.page_size());

  RecordPage<R> page;
  absl::Status parse_status;
  AZM_RETURN_IF_ERROR(store_->Scan(
      T::kFamily, start, "", [&](std::string_view key, std::string_view value) {
        R record;
        if (!record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
          parse_status = absl::DataLossError(
              absl::StrCat("stored ", KindName<R>(), " ", std::string(key), " cannot be parsed"));
          return false;
        }
        if (!IsVisibleTo(caller, T::kKind, record.member_id()) ||
            !MatchesFilters(record, request)) {
          return true;
        }
        page.records.push_back(std::move(record));
        return page.records.size() <= page_size;  // one more tells whether a page follows
      }));
  AZM_RETURN_IF_ERROR(parse_status);
  if (page.records.size() > page_size) {
    page.records.pop_back();
    page.next_page_token = EncodePageToken(T::kKind, page.records.back().id());
  }
  for (R& record : page.records) RedactFor(caller, &record);
  return page;
}

template <RegistryRecord R>
absl::Status RecordStore::Delete(const Caller& caller, std::string_view id_view,
                                 int64_t version) {
  using T = Traits<R>;
  const std::string id(id_view);
  const absl::string_view kind = KindName<R>();
  FieldViolations violations;
  if (absl::Status id_status = ValidateRecordId(id, "id"); !id_status.ok()) {
    violations.Add("id", ViolationsOf(id_status).front().description);
  }
  if (version < 0) violations.Add("version", "must not be negative");
  AZM_RETURN_IF_ERROR(violations.ToStatus());
  AZM_RETURN_IF_ERROR(CheckMayWriteKind(caller, T::kKind));

  absl::MutexLock lock(&write_mu_);
  Txn txn(store_, options_.clock());
  AZM_ASSIGN_OR_RETURN(R existing, txn.LoadVisible<R>(caller, id, "id"));
  AZM_RETURN_IF_ERROR(CheckMayChange(caller, existing));
  if (version != 0 && version != existing.version()) {
    return WithField(absl::FailedPreconditionError(
                         absl::StrCat("version: is ", version, ", but ", kind, " ", id,
                                      " is at version ", existing.version())),
                     "version");
  }
  AZM_RETURN_IF_ERROR(T::StageDelete(existing, txn));
  // Other components' data about the record: refused, or completed in the same batch.
  DeleteEffects effects;
  effects.now = txn.now;
  for (RecordDeleteGuard* guard : delete_guards_) {
    AZM_RETURN_IF_ERROR(guard->CheckDelete(T::kKind, id, *store_, &effects));
  }
  txn.writes.Append(effects.writes);
  txn.writes.Delete(T::kFamily, id);
  if (!existing.external_id().empty()) {
    txn.writes.Delete(Family::kIndex, ExternalIdIndexKey(T::kKind, existing.member_id(),
                                                         existing.external_id()));
  }
  txn.AddNotification<R>(std::move(existing), std::nullopt);
  AZM_RETURN_IF_ERROR(Commit(txn));
  for (const std::function<void()>& after_commit : effects.after_commit) after_commit();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ImportOutcome>> RecordStore::Import(
    const Caller& caller, const std::vector<v1::ImportRequest>& records) {
  std::vector<ImportOutcome> outcomes(records.size());
  absl::MutexLock lock(&write_mu_);
  Txn txn(store_, options_.clock());
  for (size_t i = 0; i < records.size(); ++i) {
    const v1::ImportRequest& request = records[i];
    auto stage = [&](const auto& record) {
      const WriteMode mode =
          record.external_id().empty() ? WriteMode::kCreate : WriteMode::kUpsert;
      auto result = StageWrite(caller, record, mode, txn);
      if (!result.ok()) {
        outcomes[i].status = result.status();
      } else {
        outcomes[i].id = result->record.id();
        outcomes[i].created = result->created;
      }
    };
    switch (request.record_case()) {
      case v1::ImportRequest::kCompany: stage(request.company()); break;
      case v1::ImportRequest::kOffer: stage(request.offer()); break;
      case v1::ImportRequest::kCandidate: stage(request.candidate()); break;
      case v1::ImportRequest::RECORD_NOT_SET:
        outcomes[i].status =
            InvalidField("record", "one of company, offer, candidate is required");
        break;
    }
  }
  AZM_RETURN_IF_ERROR(Commit(txn));
  return outcomes;
}

absl::Status RecordStore::WriteChecked(
    const std::function<absl::StatusOr<WriteBatch>(const KvStore& store)>& build) {
  absl::MutexLock lock(&write_mu_);
  Txn txn(store_, options_.clock());
  AZM_ASSIGN_OR_RETURN(WriteBatch batch, build(*store_));
  if (batch.empty()) return absl::OkStatus();
  txn.writes.Append(batch);
  return Commit(txn);
}

void RecordStore::AddDeleteGuard(RecordDeleteGuard* guard) {
  absl::MutexLock lock(&write_mu_);
  delete_guards_.push_back(guard);
}

void RecordStore::RemoveDeleteGuard(RecordDeleteGuard* guard) {
  absl::MutexLock lock(&write_mu_);
  delete_guards_.erase(std::remove(delete_guards_.begin(), delete_guards_.end(), guard),
                       delete_guards_.end());
}

absl::Status RecordStore::Subscribe(RecordObserver* observer) {
  absl::MutexLock lock(&write_mu_);
  AZM_RETURN_IF_ERROR(ReplayRecords(*store_, *observer));
  observers_.push_back(observer);
  return absl::OkStatus();
}

absl::Status RecordStore::SubscribeCounting(
    RecordObserver* observer, const std::function<void(const Totals&)>& start) {
  absl::MutexLock lock(&write_mu_);
  Totals totals;
  for (const std::pair<Family, int64_t*>& kind :
       {std::pair{Family::kCompanies, &totals.companies},
        std::pair{Family::kOffers, &totals.offers},
        std::pair{Family::kCandidates, &totals.candidates}}) {
    int64_t* const count = kind.second;
    AZM_RETURN_IF_ERROR(store_->Scan(kind.first, "", "", [count](std::string_view,
                                                                 std::string_view) {
      ++*count;
      return true;
    }));
  }
  start(totals);
  observers_.push_back(observer);
  return absl::OkStatus();
}

void RecordStore::Unsubscribe(RecordObserver* observer) {
  absl::MutexLock lock(&write_mu_);
  observers_.erase(std::remove(observers_.begin(), observers_.end(), observer),
                   observers_.end());
}

#define AZM_INSTANTIATE_RECORD_STORE(R)                                                  \
  template absl::StatusOr<R> RecordStore::Create<R>(const Caller&, const R&);            \
  template absl::StatusOr<R> RecordStore::Update<R>(const Caller&, const R&);            \
  template absl::StatusOr<UpsertResult<R>> RecordStore::Upsert<R>(const Caller&,         \
                                                                  const R&);             \
  template absl::StatusOr<R> RecordStore::Get<R>(const Caller&, std::string_view);       \
  template absl::StatusOr<RecordPage<R>> RecordStore::List<R>(                           \
      const Caller&, const v1::ListRecordsRequest&);                                     \
  template absl::Status RecordStore::Delete<R>(const Caller&, std::string_view, int64_t);

AZM_INSTANTIATE_RECORD_STORE(v1::Company)
AZM_INSTANTIATE_RECORD_STORE(v1::TrainingOffer)
AZM_INSTANTIATE_RECORD_STORE(v1::Candidate)
#undef AZM_INSTANTIATE_RECORD_STORE

}  // namespace azubimatch::service

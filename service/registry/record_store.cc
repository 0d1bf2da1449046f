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
#include "service/registry/registry_keys.h"
#include "service/registry/staged_writes.h"

namespace azubimatch::service {
namespace {

// What differs between the kinds of record; everything else is shared.
template <typename R>
struct Traits;

template <>
struct Traits<v1::Company> {
  static constexpr RecordKind kKind = RecordKind::kCompany;
  static constexpr Family kFamily = Family::kCompanies;
  static absl::Status Validate(const v1::Company& r, WriteMode mode) {
    return ValidateCompany(r, mode);
  }
  static void Notify(RecordObserver& o, const v1::Company* before, const v1::Company* after) {
    o.OnCompanyChanged(before, after);
  }
  static void NormalizeStatus(v1::Company* r) {
    if (r->status() == v1::COMPANY_STATUS_UNSPECIFIED) {
      r->set_status(v1::COMPANY_STATUS_ACTIVE);
    }
  }
  static const std::string& Municipality(const v1::Company& r) {
    return r.location().municipality();
  }
  static bool MatchesKindFilters(const v1::Company&, const v1::ListRecordsRequest&) {
    return true;
  }
};

template <>
struct Traits<v1::TrainingOffer> {
  static constexpr RecordKind kKind = RecordKind::kOffer;
  static constexpr Family kFamily = Family::kOffers;
  static absl::Status Validate(const v1::TrainingOffer& r, WriteMode mode) {
    return ValidateOffer(r, mode);
  }
  static void Notify(RecordObserver& o, const v1::TrainingOffer* before,
                     const v1::TrainingOffer* after) {
    o.OnOfferChanged(before, after);
  }
  static void NormalizeStatus(v1::TrainingOffer* r) {
    if (r->status() == v1::OFFER_STATUS_UNSPECIFIED) r->set_status(v1::OFFER_STATUS_OPEN);
  }
  static const std::string& Municipality(const v1::TrainingOffer& r) {
    return r.location().municipality();
  }
  static bool MatchesKindFilters(const v1::TrainingOffer& r,
                                 const v1::ListRecordsRequest& q) {
    if (!q.kldb_code().empty() && r.occupation().kldb_code() != q.kldb_code()) return false;
    return q.company_id().empty() || r.company_id() == q.company_id();
  }
};

template <>
struct Traits<v1::Candidate> {
  static constexpr RecordKind kKind = RecordKind::kCandidate;
  static constexpr Family kFamily = Family::kCandidates;
  static absl::Status Validate(const v1::Candidate& r, WriteMode mode) {
    return ValidateCandidate(r, mode);
  }
  static void Notify(RecordObserver& o, const v1::Candidate* before,
                     const v1::Candidate* after) {
    o.OnCandidateChanged(before, after);
  }
  static void NormalizeStatus(v1::Candidate* r) {
    if (r->status() == v1::CANDIDATE_STATUS_UNSPECIFIED) {
      r->set_status(v1::CANDIDATE_STATUS_ACTIVE);
    }
  }
  static const std::string& Municipality(const v1::Candidate& r) {
    return r.home().municipality();
  }
  static bool MatchesKindFilters(const v1::Candidate& r, const v1::ListRecordsRequest& q) {
    if (q.kldb_code().empty()) return true;
    return std::any_of(
        r.desired_occupations().begin(), r.desired_occupations().end(),
        [&](const v1::Occupation& o) { return o.kldb_code() == q.kldb_code(); });
  }
};

template <typename R>
constexpr absl::string_view KindName() {
  return RecordKindName(Traits<R>::kKind);
}

template <typename R>
bool MatchesFilters(const R& r, const v1::ListRecordsRequest& q) {
  if (!q.external_id().empty() && r.external_id() != q.external_id()) return false;
  if (!q.municipality().empty() && Traits<R>::Municipality(r) != q.municipality()) {
    return false;
  }
  if (q.status() != 0 && static_cast<int>(r.status()) != q.status()) return false;
  return Traits<R>::MatchesKindFilters(r, q);
}

google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  google::protobuf::Timestamp ts;
  const int64_t seconds = absl::ToUnixSeconds(t);
  ts.set_seconds(seconds);
  ts.set_nanos(static_cast<int32_t>((t - absl::FromUnixSeconds(seconds)) /
                                    absl::Nanoseconds(1)));
  return ts;
}

template <typename R>
absl::StatusOr<R> ParseStored(absl::string_view id, const std::string& bytes) {
  R record;
  if (!record.ParseFromString(bytes)) {
    return absl::DataLossError(
        absl::StrCat("stored ", KindName<R>(), " ", id, " cannot be parsed"));
  }
  return record;
}

absl::Status NotFound(RecordKind kind, absl::string_view id, absl::string_view field) {
  return WithField(absl::NotFoundError(absl::StrCat(field, ": no ", RecordKindName(kind),
                                                    " with id \"", id, "\"")),
                   field);
}

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

namespace registry_internal {

// The writes of one operation (or one import batch) and the notifications they cause.
struct Txn {
  explicit Txn(const KvStore* store, absl::Time now) : writes(store), now(now) {}

  // The stored record `id` of kind R as it would be after the staged writes.
  template <typename R>
  absl::StatusOr<std::optional<R>> Load(const std::string& id) const {
    AZM_ASSIGN_OR_RETURN(std::optional<std::string> bytes,
                         writes.Get(Traits<R>::kFamily, id));
    if (!bytes.has_value()) return std::optional<R>();
    AZM_ASSIGN_OR_RETURN(R record, ParseStored<R>(id, *bytes));
    return std::optional<R>(std::move(record));
  }

  // Like Load, but NOT_FOUND (naming `field`) when missing or not visible to `caller`.
  template <typename R>
  absl::StatusOr<R> LoadVisible(const Caller& caller, const std::string& id,
                                absl::string_view field) const {
    AZM_ASSIGN_OR_RETURN(std::optional<R> record, Load<R>(id));
    if (!record.has_value() ||
        !IsVisibleTo(caller, Traits<R>::kKind, record->member_id())) {
      return NotFound(Traits<R>::kKind, id, field);
    }
    return *std::move(record);
  }

  // The id the external-id index maps (kind, member, external_id) to, if any.
  absl::StatusOr<std::optional<std::string>> LookupExternalId(
      RecordKind kind, absl::string_view member_id, absl::string_view external_id) const {
    return writes.Get(Family::kIndex, ExternalIdIndexKey(kind, member_id, external_id));
  }

  template <typename R>
  void AddNotification(std::optional<R> before, std::optional<R> after) {
    notifications.push_back(
        [before = std::move(before), after = std::move(after)](RecordObserver& o) {
          Traits<R>::Notify(o, before ? &*before : nullptr, after ? &*after : nullptr);
        });
  }

  StagedWrites writes;
  const absl::Time now;
  std::vector<std::function<void(RecordObserver&)>> notifications;
};

}  // namespace registry_internal

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

// The company an offer names (by company_id, or company_external_id among the
// companies of `member_id`), visible to the caller.
static absl::StatusOr<v1::Company> ResolveCompany(const Caller& caller,
                                                  const v1::TrainingOffer& offer,
                                                  absl::string_view member_id,
                                                  const registry_internal::Txn& txn);

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
  if constexpr (std::same_as<R, v1::TrainingOffer>) {
    AZM_ASSIGN_OR_RETURN(v1::Company company, ResolveCompany(caller, input, owner, txn));
    owner = company.member_id();
    record.set_company_id(company.id());
    record.clear_company_external_id();
  }

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

  if (!record.external_id().empty()) {
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
  if constexpr (std::same_as<R, v1::TrainingOffer>) {
    record.set_seats_taken(existing.has_value() ? existing->seats_taken() : 0);
    if (record.seats() < record.seats_taken()) {
      return WithField(absl::FailedPreconditionError(absl::StrCat(
                           "offer.seats: ", record.seats_taken(),
                           " seats are already taken; seats cannot be ", record.seats())),
                       "offer.seats");
    }
  }

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
  if constexpr (std::same_as<R, v1::TrainingOffer>) {
    if (existing.has_value() && existing->company_id() != record.company_id()) {
      txn.writes.Delete(Family::kIndex,
                        CompanyOfferKey(existing->company_id(), record.id()));
    }
    txn.writes.Put(Family::kIndex, CompanyOfferKey(record.company_id(), record.id()), "");
  }
  const bool created = !existing.has_value();
  txn.AddNotification<R>(std::move(existing), record);
  return UpsertResult<R>{std::move(record), created};
}

static absl::StatusOr<v1::Company> ResolveCompany(const Caller& caller,
                                                  const v1::TrainingOffer& offer,
                                                  absl::string_view member_id,
                                                  const registry_internal::Txn& txn) {
  std::optional<v1::Company> by_external_id;
  if (!offer.company_external_id().empty()) {
    AZM_ASSIGN_OR_RETURN(
        std::optional<std::string> id,
        txn.LookupExternalId(RecordKind::kCompany, member_id, offer.company_external_id()));
    if (id.has_value()) {
      AZM_ASSIGN_OR_RETURN(by_external_id, txn.Load<v1::Company>(*id));
    }
    if (!by_external_id.has_value() ||
        !IsVisibleTo(caller, RecordKind::kCompany, by_external_id->member_id())) {
      return WithField(
          absl::NotFoundError(absl::StrCat("offer.company_external_id: no company with "
                                           "external_id \"",
                                           offer.company_external_id(), "\"")),
          "offer.company_external_id");
    }
    if (offer.company_id().empty()) return *std::move(by_external_id);
  }
  AZM_ASSIGN_OR_RETURN(v1::Company company,
                       txn.LoadVisible<v1::Company>(caller, offer.company_id(),
                                                    "offer.company_id"));
  if (by_external_id.has_value() && by_external_id->id() != company.id()) {
    return InvalidField("offer.company_external_id",
                        absl::StrCat("names company ", by_external_id->id(),
                                     ", but company_id is ", company.id()));
  }
  return company;
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
  if constexpr (std::same_as<R, v1::Company>) {
    AZM_ASSIGN_OR_RETURN(bool has_offers,
                         txn.writes.AnyWithPrefix(Family::kIndex, CompanyOffersPrefix(id)));
    if (has_offers) {
      return WithField(absl::FailedPreconditionError(absl::StrCat(
                           "id: company ", id, " still has training offers; delete them first")),
                       "id");
    }
  }
  if constexpr (std::same_as<R, v1::TrainingOffer>) {
    // An accepted placement holds a seat; deleting the offer would orphan it.
    if (existing.seats_taken() > 0) {
      return WithField(
          absl::FailedPreconditionError(absl::StrCat(
              "id: offer ", id, " has ", existing.seats_taken(),
              " seats taken by accepted placements; withdraw them first")),
          "id");
    }
    txn.writes.Delete(Family::kIndex, CompanyOfferKey(existing.company_id(), id));
  }
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

absl::Status RecordStore::CheckCandidateExists(std::string_view candidate_id_view,
                                               const Txn& txn) {
  const std::string candidate_id(candidate_id_view);
  AZM_RETURN_IF_ERROR(ValidateRecordId(candidate_id, "candidate_id"));
  AZM_ASSIGN_OR_RETURN(std::optional<v1::Candidate> candidate,
                       txn.Load<v1::Candidate>(candidate_id));
  if (!candidate.has_value()) {
    return NotFound(RecordKind::kCandidate, candidate_id, "candidate_id");
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::TrainingOffer> RecordStore::AdjustSeatsTaken(
    std::string_view offer_id_view, int delta, const WriteBatch& also,
    std::string_view candidate_id) {
  const std::string offer_id(offer_id_view);
  AZM_RETURN_IF_ERROR(ValidateRecordId(offer_id, "offer_id"));
  absl::MutexLock lock(&write_mu_);
  Txn txn(store_, options_.clock());
  if (!candidate_id.empty()) AZM_RETURN_IF_ERROR(CheckCandidateExists(candidate_id, txn));
  AZM_ASSIGN_OR_RETURN(std::optional<v1::TrainingOffer> existing,
                       txn.Load<v1::TrainingOffer>(offer_id));
  if (!existing.has_value()) return NotFound(RecordKind::kOffer, offer_id, "offer_id");
  const int64_t taken = int64_t{existing->seats_taken()} + delta;
  if (taken < 0 || taken > existing->seats()) {
    return absl::FailedPreconditionError(
        absl::StrCat("offer ", offer_id, " has ", existing->seats(), " seats, ",
                     existing->seats_taken(), " taken; cannot change by ", delta));
  }
  v1::TrainingOffer record = *existing;
  record.set_seats_taken(static_cast<int32_t>(taken));
  record.set_version(existing->version() + 1);
  *record.mutable_updated_at() = ToTimestamp(txn.now);
  txn.writes.Put(Family::kOffers, record.id(), record.SerializeAsString());
  txn.writes.Append(also);
  txn.AddNotification<v1::TrainingOffer>(std::move(existing), record);
  AZM_RETURN_IF_ERROR(Commit(txn));
  return record;
}

absl::Status RecordStore::WriteForCandidate(std::string_view candidate_id,
                                            const WriteBatch& batch) {
  absl::MutexLock lock(&write_mu_);
  Txn txn(store_, options_.clock());
  AZM_RETURN_IF_ERROR(CheckCandidateExists(candidate_id, txn));
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
  absl::Status parse_status;
  auto replay = [&]<typename R>(const R*) {
    return store_->Scan(Traits<R>::kFamily, "", "",
                        [&](std::string_view key, std::string_view value) {
                          R record;
                          if (!record.ParseFromArray(value.data(),
                                                     static_cast<int>(value.size()))) {
                            parse_status = absl::DataLossError(absl::StrCat(
                                "stored ", KindName<R>(), " ", std::string(key), " cannot be parsed"));
                            return false;
                          }
                          Traits<R>::Notify(*observer, nullptr, &record);
                          return true;
                        });
  };
  AZM_RETURN_IF_ERROR(replay(static_cast<const v1::Company*>(nullptr)));
  AZM_RETURN_IF_ERROR(parse_status);
  AZM_RETURN_IF_ERROR(replay(static_cast<const v1::TrainingOffer*>(nullptr)));
  AZM_RETURN_IF_ERROR(parse_status);
  AZM_RETURN_IF_ERROR(replay(static_cast<const v1::Candidate*>(nullptr)));
  AZM_RETURN_IF_ERROR(parse_status);
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

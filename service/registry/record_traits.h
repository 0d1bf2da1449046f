// Internal to the record store (record_store.cc, record_traits.cc,
// record_store_placements.cc, record_replay.cc): what differs between the kinds of
// record (Traits), the staged writes of one operation (Txn), and the small helpers they
// share. Not for
// other components: they use RecordStore.
//
// Thread safety: a Txn belongs to one operation, under RecordStore's write lock.
#ifndef AZUBIMATCH_SERVICE_REGISTRY_RECORD_TRAITS_H_
#define AZUBIMATCH_SERVICE_REGISTRY_RECORD_TRAITS_H_

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "azubimatch/v1/records.pb.h"
#include "azubimatch/v1/registry.pb.h"
#include "engine/base/status_macros.h"
#include "google/protobuf/timestamp.pb.h"
#include "service/auth/caller.h"
#include "service/registry/access_policy.h"
#include "service/registry/field_violations.h"
#include "service/registry/record_kind.h"
#include "service/registry/record_observer.h"
#include "service/registry/registry_keys.h"
#include "service/registry/staged_writes.h"
#include "service/registry/validation.h"
#include "service/rpc/proto_time.h"
#include "service/store/kv_store.h"

namespace azubimatch::service::registry_internal {

struct Txn;

// What differs between the kinds of record; everything else is shared. Besides the
// constants, validation, notification, status default and listing filters, each kind
// answers four hooks of a write:
//   ResolveOwner      may change the owning member and fill references (an offer takes
//                     its company's member and company_id);
//   KeepServerFields  carries fields only the server changes over from the stored
//                     version, or refuses the write (an offer's seats_taken);
//   StageIndexes      stages the kind's own index entries (company -> offers);
//   StageDelete       refuses a delete or stages what goes with it (a company with
//                     offers, an offer with taken seats).
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
  // The write hooks (see the Traits comment above): nothing special for this kind.
  static absl::Status ResolveOwner(const Caller&, const v1::Company&, const Txn&, std::string*,
                                   v1::Company*) {
    return absl::OkStatus();
  }
  static absl::Status KeepServerFields(const std::optional<v1::Company>&, v1::Company*) {
    return absl::OkStatus();
  }
  static void StageIndexes(const std::optional<v1::Company>&, const v1::Company&, Txn&) {}
  static absl::Status StageDelete(const v1::Company& existing, Txn& txn);
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
  static absl::Status ResolveOwner(const Caller& caller, const v1::TrainingOffer& input,
                                   const Txn& txn, std::string* owner,
                                   v1::TrainingOffer* record);
  static absl::Status KeepServerFields(const std::optional<v1::TrainingOffer>& existing,
                                       v1::TrainingOffer* record);
  static void StageIndexes(const std::optional<v1::TrainingOffer>& existing,
                           const v1::TrainingOffer& record, Txn& txn);
  static absl::Status StageDelete(const v1::TrainingOffer& existing, Txn& txn);
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
  // The write hooks (see the Traits comment above): nothing special for this kind.
  static absl::Status ResolveOwner(const Caller&, const v1::Candidate&, const Txn&, std::string*,
                                   v1::Candidate*) {
    return absl::OkStatus();
  }
  static absl::Status KeepServerFields(const std::optional<v1::Candidate>&, v1::Candidate*) {
    return absl::OkStatus();
  }
  static void StageIndexes(const std::optional<v1::Candidate>&, const v1::Candidate&, Txn&) {}
  static absl::Status StageDelete(const v1::Candidate&, Txn&) { return absl::OkStatus(); }
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

template <typename R>
absl::StatusOr<R> ParseStored(absl::string_view id, const std::string& bytes) {
  R record;
  if (!record.ParseFromString(bytes)) {
    return absl::DataLossError(
        absl::StrCat("stored ", KindName<R>(), " ", id, " cannot be parsed"));
  }
  return record;
}

inline absl::Status NotFound(RecordKind kind, absl::string_view id, absl::string_view field) {
  return WithField(absl::NotFoundError(absl::StrCat(field, ": no ", RecordKindName(kind),
                                                    " with id \"", id, "\"")),
                   field);
}

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

}  // namespace azubimatch::service::registry_internal

#endif  // AZUBIMATCH_SERVICE_REGISTRY_RECORD_TRAITS_H_

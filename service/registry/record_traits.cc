#include "service/registry/record_traits.h"

#include <string>
#include <utility>

namespace azubimatch::service::registry_internal {
namespace {

// The company an offer names (by company_id, or company_external_id among the
// companies of `member_id`), visible to the caller.
absl::StatusOr<v1::Company> ResolveCompany(const Caller& caller,
                                           const v1::TrainingOffer& offer,
                                           absl::string_view member_id, const Txn& txn) {
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

}  // namespace

absl::Status Traits<v1::Company>::StageDelete(const v1::Company& existing, Txn& txn) {
  AZM_ASSIGN_OR_RETURN(bool has_offers, txn.writes.AnyWithPrefix(
                                            Family::kIndex, CompanyOffersPrefix(existing.id())));
  if (has_offers) {
    return WithField(absl::FailedPreconditionError(absl::StrCat(
                         "id: company ", existing.id(),
                         " still has training offers; delete them first")),
                     "id");
  }
  return absl::OkStatus();
}

absl::Status Traits<v1::TrainingOffer>::ResolveOwner(const Caller& caller,
                                                     const v1::TrainingOffer& input,
                                                     const Txn& txn, std::string* owner,
                                                     v1::TrainingOffer* record) {
  AZM_ASSIGN_OR_RETURN(v1::Company company, ResolveCompany(caller, input, *owner, txn));
  *owner = company.member_id();
  record->set_company_id(company.id());
  record->clear_company_external_id();
  return absl::OkStatus();
}

absl::Status Traits<v1::TrainingOffer>::KeepServerFields(
    const std::optional<v1::TrainingOffer>& existing, v1::TrainingOffer* record) {
  record->set_seats_taken(existing.has_value() ? existing->seats_taken() : 0);
  if (record->seats() < record->seats_taken()) {
    return WithField(absl::FailedPreconditionError(absl::StrCat(
                         "offer.seats: ", record->seats_taken(),
                         " seats are already taken; seats cannot be ", record->seats())),
                     "offer.seats");
  }
  return absl::OkStatus();
}

void Traits<v1::TrainingOffer>::StageIndexes(const std::optional<v1::TrainingOffer>& existing,
                                             const v1::TrainingOffer& record, Txn& txn) {
  if (existing.has_value() && existing->company_id() != record.company_id()) {
    txn.writes.Delete(Family::kIndex, CompanyOfferKey(existing->company_id(), record.id()));
  }
  txn.writes.Put(Family::kIndex, CompanyOfferKey(record.company_id(), record.id()), "");
}

absl::Status Traits<v1::TrainingOffer>::StageDelete(const v1::TrainingOffer& existing,
                                                    Txn& txn) {
  // An accepted placement holds a seat; deleting the offer would orphan it.
  if (existing.seats_taken() > 0) {
    return WithField(absl::FailedPreconditionError(absl::StrCat(
                         "id: offer ", existing.id(), " has ", existing.seats_taken(),
                         " seats taken by accepted placements; withdraw them first")),
                     "id");
  }
  txn.writes.Delete(Family::kIndex, CompanyOfferKey(existing.company_id(), existing.id()));
  return absl::OkStatus();
}

}  // namespace azubimatch::service::registry_internal

// RecordStore's operations for the placement book (service/matching/placement_book.h):
// seats taken on an offer, the release of a seat (with the candidate made ACTIVE again),
// and writes that need the candidate to exist, each under the
// registry's write lock so that they see the records as they are.
#include <optional>
#include <string>
#include <utility>

#include "service/registry/record_store.h"
#include "service/registry/record_traits.h"

namespace azubimatch::service {

using registry_internal::NotFound;

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

absl::StatusOr<v1::TrainingOffer> RecordStore::StageSeatsTaken(
    const std::string& offer_id, int delta, Txn& txn) {
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
  txn.AddNotification<v1::TrainingOffer>(std::move(existing), record);
  return record;
}

absl::StatusOr<v1::TrainingOffer> RecordStore::AdjustSeatsTaken(
    std::string_view offer_id_view, int delta, const WriteBatch& also,
    std::string_view candidate_id) {
  const std::string offer_id(offer_id_view);
  AZM_RETURN_IF_ERROR(ValidateRecordId(offer_id, "offer_id"));
  absl::MutexLock lock(&write_mu_);
  Txn txn(store_, options_.clock());
  if (!candidate_id.empty()) AZM_RETURN_IF_ERROR(CheckCandidateExists(candidate_id, txn));
  AZM_ASSIGN_OR_RETURN(v1::TrainingOffer record, StageSeatsTaken(offer_id, delta, txn));
  txn.writes.Append(also);
  AZM_RETURN_IF_ERROR(Commit(txn));
  return record;
}

absl::Status RecordStore::ReleaseSeat(std::string_view offer_id_view,
                                      std::string_view candidate_id_view, bool reactivate,
                                      const WriteBatch& also) {
  const std::string offer_id(offer_id_view);
  const std::string candidate_id(candidate_id_view);
  AZM_RETURN_IF_ERROR(ValidateRecordId(offer_id, "offer_id"));
  AZM_RETURN_IF_ERROR(ValidateRecordId(candidate_id, "candidate_id"));
  absl::MutexLock lock(&write_mu_);
  Txn txn(store_, options_.clock());
  AZM_ASSIGN_OR_RETURN(std::optional<v1::Candidate> candidate,
                       txn.Load<v1::Candidate>(candidate_id));
  if (!candidate.has_value()) {
    return NotFound(RecordKind::kCandidate, candidate_id, "candidate_id");
  }
  // The offer was deleted meanwhile: there is no seat to free.
  absl::StatusOr<v1::TrainingOffer> offer = StageSeatsTaken(offer_id, -1, txn);
  if (!offer.ok() && !absl::IsNotFound(offer.status())) return offer.status();
  if (reactivate && candidate->status() != v1::CANDIDATE_STATUS_ACTIVE) {
    v1::Candidate record = *candidate;
    record.set_status(v1::CANDIDATE_STATUS_ACTIVE);
    record.set_version(candidate->version() + 1);
    *record.mutable_updated_at() = ToTimestamp(txn.now);
    txn.writes.Put(Family::kCandidates, record.id(), record.SerializeAsString());
    txn.AddNotification<v1::Candidate>(std::move(candidate), record);
  }
  txn.writes.Append(also);
  return Commit(txn);
}

absl::Status RecordStore::WriteForCandidate(std::string_view candidate_id,
                                            const WriteBatch& batch) {
  absl::MutexLock lock(&write_mu_);
  Txn txn(store_, options_.clock());
  AZM_RETURN_IF_ERROR(CheckCandidateExists(candidate_id, txn));
  txn.writes.Append(batch);
  return Commit(txn);
}

}  // namespace azubimatch::service

#include "service/matching/placement_book.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "engine/base/status_macros.h"
#include "engine/matching/scoring.h"
#include "service/matching/matching_keys.h"
#include "service/matching/placement_lifecycle.h"
#include "service/matching/request_validation.h"
#include "service/matching/stored_proto.h"
#include "service/matching/suggestions.h"
#include "service/matching/visible_records.h"
#include "service/registry/field_violations.h"
#include "service/rpc/proto_time.h"

namespace azubimatch::service {
namespace {

absl::Status PlacementNotFound(absl::string_view id) {
  return WithField(
      absl::NotFoundError(absl::StrCat("id: no placement with id \"", id, "\"")), "id");
}

absl::Status Precondition(absl::string_view field, absl::string_view message) {
  return WithField(absl::FailedPreconditionError(absl::StrCat(field, ": ", message)), field);
}

// A new placement: the record, its two listing entries and its pair entry.
void StageNewPlacement(const v1::Placement& placement, WriteBatch* batch) {
  batch->Put(Family::kPlacements, placement.id(), placement.SerializeAsString());
  batch->Put(Family::kIndex, PlacementPairKey(placement.candidate_id(), placement.offer_id()),
             placement.id());
  batch->Put(Family::kIndex,
             PlacementOfCandidateKey(placement.candidate_id(), placement.id()), "");
  batch->Put(Family::kIndex, PlacementOfOfferKey(placement.offer_id(), placement.id()), "");
}

// Stages the withdrawal of `before` at `now` into `batch`: the placement as WITHDRAWN
// (with `note` when not empty), and the removal of its pair entry when the entry names
// it. Returns the withdrawn placement.
absl::StatusOr<v1::Placement> StageWithdrawal(const KvStore& store,
                                              const v1::Placement& before,
                                              absl::string_view note, absl::Time now,
                                              WriteBatch* batch) {
  v1::Placement after = before;
  after.set_status(v1::PLACEMENT_STATUS_WITHDRAWN);
  if (!note.empty()) after.set_note(std::string(note));
  *after.mutable_updated_at() = ToTimestamp(now);
  after.set_version(before.version() + 1);
  batch->Put(Family::kPlacements, after.id(), after.SerializeAsString());
  const std::string pair_key = PlacementPairKey(after.candidate_id(), after.offer_id());
  absl::StatusOr<std::string> pair_owner = store.Get(Family::kIndex, pair_key);
  if (pair_owner.ok() && *pair_owner == after.id()) {
    batch->Delete(Family::kIndex, pair_key);
  } else if (!pair_owner.ok() && !absl::IsNotFound(pair_owner.status())) {
    return pair_owner.status();
  }
  return after;
}

}  // namespace

PlacementBook::PlacementBook(KvStore* store, RecordStore* records, MatchingIndex* index,
                             const RunStore* runs, const engine::TravelTimeModel* travel,
                             engine::ScoringPolicy policy,
                             std::function<absl::Time()> clock)
    : store_(store),
      records_(records),
      index_(index),
      runs_(runs),
      travel_(travel),
      policy_(std::move(policy)),
      clock_(std::move(clock)) {
  records_->AddDeleteGuard(this);
}

PlacementBook::~PlacementBook() { records_->RemoveDeleteGuard(this); }

absl::Status PlacementBook::CheckDelete(RecordKind kind, std::string_view id,
                                        const KvStore& store, DeleteEffects* effects) {
  if (kind != RecordKind::kCandidate) return absl::OkStatus();
  const std::string candidate_id(id);
  const std::string prefix = PlacementsOfCandidatePrefix(candidate_id);
  std::vector<v1::Placement> bans;
  absl::Status status;
  AZM_RETURN_IF_ERROR(store.ScanPrefix(
      Family::kIndex, prefix, [&](std::string_view key, std::string_view) {
        const std::string_view placement_id = key.substr(prefix.size());
        absl::StatusOr<v1::Placement> placement = ReadStoredProto<v1::Placement>(
            store, Family::kPlacements,
            absl::string_view(placement_id.data(), placement_id.size()), "placement");
        if (absl::IsNotFound(placement.status())) return true;  // index ahead of a delete
        if (!placement.ok()) {
          status = placement.status();
          return false;
        }
        if (HoldsSeat(placement->status())) {
          status = Precondition(
              "id",
              absl::StrCat("candidate ", candidate_id, " holds placement ",
                           placement->id(), " (",
                           v1::PlacementStatus_Name(placement->status()), ") at offer ",
                           placement->offer_id(), "; withdraw the placement first"));
          return false;
        }
        if (BansPair(placement->status())) bans.push_back(*std::move(placement));
        return true;
      }));
  AZM_RETURN_IF_ERROR(status);
  // The candidate's bans (rejections, early ends) are withdrawn with it: no pair entry
  // or ban outlives it.
  for (v1::Placement& before : bans) {
    AZM_ASSIGN_OR_RETURN(
        v1::Placement after,
        StageWithdrawal(store, before, "", effects->now, &effects->writes));
    effects->after_commit.push_back(
        [index = index_, before = std::move(before), after = std::move(after)] {
          index->OnPlacementChanged(&before, &after);
        });
  }
  return absl::OkStatus();
}

absl::Status PlacementBook::Load() {
  absl::MutexLock lock(&mu_);
  absl::Status parse_status;
  AZM_RETURN_IF_ERROR(store_->Scan(
      Family::kPlacements, "", "", [&](std::string_view key, std::string_view value) {
        v1::Placement placement;
        if (!placement.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
          parse_status = absl::DataLossError(
              absl::StrCat("stored placement ", std::string(key), " cannot be parsed"));
          return false;
        }
        index_->OnPlacementChanged(nullptr, &placement);
        return true;
      }));
  return parse_status;
}

absl::StatusOr<std::string> PlacementBook::NewId() {
  for (int attempt = 0; attempt < 10; ++attempt) {
    std::string id = ids_.Next();
    absl::StatusOr<std::string> existing = store_->Get(Family::kPlacements, id);
    if (absl::IsNotFound(existing.status())) return id;
    if (!existing.ok()) return existing.status();
  }
  return absl::InternalError("could not draw an unused placement id");
}

absl::StatusOr<v1::Placement> PlacementBook::NewPlacement(const Caller& caller,
                                                          const Decision& decision) {
  const std::string& candidate_id = decision.candidate_id;
  const std::string& offer_id = decision.offer_id;
  const bool accept = decision.status == v1::PLACEMENT_STATUS_ACCEPTED;
  if (!decision.run_id.empty()) {
    absl::StatusOr<v1::Run> run = runs_->Get(caller, decision.run_id);
    if (absl::IsNotFound(run.status())) {
      return WithField(absl::NotFoundError(absl::StrCat("run_id: no run with id \"",
                                                        decision.run_id, "\"")),
                       "run_id");
    }
    if (!run.ok()) return run.status();
  }
  v1::Placement placement;
  {
    MatchingIndex::Reader reader(*index_);
    AZM_ASSIGN_OR_RETURN(const CandidateEntry* candidate,
                         FindVisibleCandidate(reader, caller, candidate_id, "candidate_id"));
    AZM_ASSIGN_OR_RETURN(const OfferEntry* offer,
                         FindOfferEntry(reader, offer_id, "offer_id"));
    const HeldPlacement* held = reader.HeldPlacementOf(candidate_id);
    if (held != nullptr && (accept || held->offer_id == offer_id)) {
      return Precondition("candidate_id",
                          absl::StrCat("candidate already holds placement ",
                                       held->placement_id, " at offer ", held->offer_id,
                                       "; withdraw it first"));
    }
    if (reader.IsBanned(candidate_id, offer_id)) {
      return Precondition("offer_id",
                          "the pair is banned (rejected, or its placement ended early); "
                          "withdraw that placement first");
    }
    if (accept && !offer->profile.open) {
      return Precondition("offer_id", "offer is not open for candidates");
    }
    if (accept && offer->profile.seats_free <= 0) {
      return Precondition("offer_id", "offer has no free seat");
    }
    placement.set_member_id(candidate->member_id);
    placement.set_score(
        engine::Explain(candidate->profile, offer->profile, policy_, *travel_).score);
  }
  AZM_ASSIGN_OR_RETURN(std::string id, NewId());
  placement.set_id(std::move(id));
  placement.set_candidate_id(candidate_id);
  placement.set_offer_id(offer_id);
  placement.set_status(decision.status);
  placement.set_run_id(decision.run_id);
  placement.set_note(decision.note);
  const google::protobuf::Timestamp now = ToTimestamp(clock_());
  *placement.mutable_created_at() = now;
  *placement.mutable_updated_at() = now;
  placement.set_version(1);
  return placement;
}

absl::StatusOr<v1::Placement> PlacementBook::Accept(
    const Caller& caller, const v1::AcceptPlacementRequest& request) {
  absl::MutexLock lock(&mu_);
  AZM_ASSIGN_OR_RETURN(v1::Placement placement,
                       NewPlacement(caller, {request.candidate_id(), request.offer_id(),
                                             request.run_id(), request.note(),
                                             v1::PLACEMENT_STATUS_ACCEPTED}));
  *placement.add_history() = AcceptanceEvent(placement.created_at());
  WriteBatch batch;
  StageNewPlacement(placement, &batch);
  // The candidate is checked again in the same commit: a delete since NewPlacement
  // leaves nothing written (NOT_FOUND naming candidate_id).
  absl::StatusOr<v1::TrainingOffer> offer = records_->AdjustSeatsTaken(
      placement.offer_id(), +1, batch, placement.candidate_id());
  if (absl::IsFailedPrecondition(offer.status())) {
    return Precondition("offer_id", offer.status().message());
  }
  if (!offer.ok()) return offer.status();
  index_->OnPlacementChanged(nullptr, &placement);
  return placement;
}

absl::StatusOr<v1::Placement> PlacementBook::Reject(
    const Caller& caller, const v1::RejectPlacementRequest& request) {
  absl::MutexLock lock(&mu_);
  AZM_ASSIGN_OR_RETURN(v1::Placement placement,
                       NewPlacement(caller, {request.candidate_id(), request.offer_id(),
                                             request.run_id(), request.note(),
                                             v1::PLACEMENT_STATUS_REJECTED}));
  placement.set_reject_reason(request.reason());
  WriteBatch batch;
  StageNewPlacement(placement, &batch);
  AZM_RETURN_IF_ERROR(records_->WriteForCandidate(placement.candidate_id(), batch));
  index_->OnPlacementChanged(nullptr, &placement);
  return placement;
}

absl::StatusOr<v1::Placement> PlacementBook::ReadPlacement(absl::string_view id) const {
  absl::StatusOr<v1::Placement> placement =
      ReadStoredProto<v1::Placement>(*store_, Family::kPlacements, id, "placement");
  if (absl::IsNotFound(placement.status())) return PlacementNotFound(id);
  return placement;
}

absl::StatusOr<v1::Placement> PlacementBook::Withdraw(
    const Caller& caller, const v1::WithdrawPlacementRequest& request) {
  absl::MutexLock lock(&mu_);
  AZM_ASSIGN_OR_RETURN(const v1::Placement before, ReadPlacement(request.id()));
  if (!MaySeeCandidatesOf(caller, before.member_id())) return PlacementNotFound(request.id());
  const bool holds_seat = HoldsSeat(before.status());
  if (!holds_seat && !BansPair(before.status())) {
    return Precondition(
        "id", absl::StrCat("placement is ", v1::PlacementStatus_Name(before.status()),
                           "; only seat-holding, rejected or ended-early "
                           "ones are withdrawn"));
  }
  WriteBatch batch;
  AZM_ASSIGN_OR_RETURN(
      const v1::Placement after,
      StageWithdrawal(*store_, before, request.note(), clock_(), &batch));
  absl::Status written;
  if (holds_seat) {
    written = records_->AdjustSeatsTaken(after.offer_id(), -1, batch).status();
    // The offer was deleted meanwhile: there is no seat to free.
    if (absl::IsNotFound(written)) written = store_->Write(batch);
  } else {
    written = store_->Write(batch);
  }
  AZM_RETURN_IF_ERROR(written);
  index_->OnPlacementChanged(&before, &after);
  return after;
}

absl::StatusOr<v1::Placement> PlacementBook::Advance(
    const Caller& caller, const v1::AdvancePlacementRequest& request) {
  absl::MutexLock lock(&mu_);
  AZM_ASSIGN_OR_RETURN(const v1::Placement before, ReadPlacement(request.id()));
  if (!MaySeeCandidatesOf(caller, before.member_id())) {
    return PlacementNotFound(request.id());
  }
  if (request.version() != 0 && request.version() != before.version()) {
    return Precondition(
        "version", absl::StrCat("placement is at version ", before.version(), ", not ",
                                request.version()));
  }
  AZM_RETURN_IF_ERROR(CheckLifecycleStep(before, request.status(), request.date()));
  const google::protobuf::Timestamp now = ToTimestamp(clock_());
  v1::Placement after = before;
  after.set_status(request.status());
  *after.add_history() = StepEvent(request, now);
  *after.mutable_updated_at() = now;
  after.set_version(before.version() + 1);
  WriteBatch batch;
  batch.Put(Family::kPlacements, after.id(), after.SerializeAsString());
  // The candidate is checked again in the same commit (NOT_FOUND naming candidate_id).
  absl::Status written;
  if (HoldsSeat(before.status()) && !HoldsSeat(after.status())) {
    const bool reactivate = after.status() == v1::PLACEMENT_STATUS_ENDED_EARLY;
    written = records_->ReleaseSeat(after.offer_id(), after.candidate_id(), reactivate,
                                    batch);
  } else {
    written = records_->WriteForCandidate(after.candidate_id(), batch);
  }
  AZM_RETURN_IF_ERROR(written);
  index_->OnPlacementChanged(&before, &after);
  return after;
}

absl::StatusOr<v1::ListPlacementsResponse> PlacementBook::List(
    const Caller& caller, const v1::ListPlacementsRequest& request) const {
  const int page_size =
      request.page_size() == 0 ? kDefaultPlacementsPageSize : request.page_size();
  v1::ListPlacementsResponse response;
  absl::Status status;
  std::string last_id;
  bool more = false;
  // Takes one placement id in id order; false to stop.
  const auto take = [&](std::string_view id) {
    absl::StatusOr<v1::Placement> placement =
        ReadPlacement(absl::string_view(id.data(), id.size()));
    if (absl::IsNotFound(placement.status())) return true;  // index ahead of a delete
    if (!placement.ok()) {
      status = placement.status();
      return false;
    }
    if (!MaySeeCandidatesOf(caller, placement->member_id())) return true;
    if (!request.candidate_id().empty() && placement->candidate_id() != request.candidate_id()) {
      return true;
    }
    if (!request.offer_id().empty() && placement->offer_id() != request.offer_id()) return true;
    if (request.status() != v1::PLACEMENT_STATUS_UNSPECIFIED &&
        placement->status() != request.status()) {
      return true;
    }
    if (response.placements_size() == page_size) {
      more = true;
      return false;
    }
    last_id = placement->id();
    *response.add_placements() = *std::move(placement);
    return true;
  };
  // Placement ids after the token: the token followed by the smallest byte.
  const std::string after_token =
      request.page_token().empty() ? ""
                                   : absl::StrCat(request.page_token(), absl::string_view("\0", 1));
  absl::Status scanned;
  if (!request.candidate_id().empty() || !request.offer_id().empty()) {
    const std::string prefix = !request.candidate_id().empty()
                                   ? PlacementsOfCandidatePrefix(request.candidate_id())
                                   : PlacementsOfOfferPrefix(request.offer_id());
    std::string end = prefix;
    end.back() = static_cast<char>(end.back() + 1);
    scanned = store_->Scan(Family::kIndex, absl::StrCat(prefix, after_token), end,
                           [&](std::string_view key, std::string_view) {
                             return take(key.substr(prefix.size()));
                           });
  } else {
    scanned = store_->Scan(Family::kPlacements, after_token, "",
                           [&](std::string_view key, std::string_view) {
                             return take(key);
                           });
  }
  AZM_RETURN_IF_ERROR(scanned);
  AZM_RETURN_IF_ERROR(status);
  if (more) response.set_next_page_token(last_id);
  return response;
}

}  // namespace azubimatch::service

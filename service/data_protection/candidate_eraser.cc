#include "service/data_protection/candidate_eraser.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"
#include "service/data_protection/candidate_holdings.h"
#include "service/data_protection/string_field_rewriter.h"
#include "service/matching/matching_keys.h"
#include "service/registry/access_policy.h"
#include "service/registry/field_violations.h"
#include "service/registry/registry_keys.h"
#include "service/registry/validation.h"

namespace azubimatch::service {

// The key ranges an erasure changed, one [first, last] span per family; ForceOut
// compacts each span once.
class CandidateEraser::TouchedRanges {
 public:
  void Add(Family family, std::string_view key) {
    auto [it, inserted] = spans_.try_emplace(family, std::string(key), std::string(key));
    if (inserted) return;
    if (key < it->second.first) it->second.first = std::string(key);
    if (key > it->second.second) it->second.second = std::string(key);
  }

  // Half-open ranges covering every added key.
  std::vector<KeyRange> Ranges() const {
    std::vector<KeyRange> ranges;
    for (const auto& [family, span] : spans_) {
      ranges.push_back({family, span.first, span.second + std::string(1, '\0')});
    }
    return ranges;
  }

 private:
  std::map<Family, std::pair<std::string, std::string>> spans_;
};

namespace {

// The caller erasures replayed from the ledger act as.
Caller SystemCaller() {
  Caller caller;
  caller.role = Role::kAdmin;
  return caller;
}

// The stored form of `run` without `id`: the pseudonym in every string field, and
// unknown fields dropped when they still hold the id. nullopt when the id cannot be
// removed (the run is then deleted).
std::optional<std::string> PseudonymizedRun(v1::Run run, const std::string& id,
                                            const std::string& pseudonym) {
  ReplaceInStringFields(&run, id, pseudonym);
  std::string bytes = run.SerializeAsString();
  if (!MentionsId(bytes, id)) return bytes;
  run.DiscardUnknownFields();
  bytes = run.SerializeAsString();
  if (!MentionsId(bytes, id)) return bytes;
  return std::nullopt;
}

// Puts the pseudonymized form of `stored` (a run in `family`) into `batch`, or deletes
// it when the id cannot be taken out of it.
template <typename Touched>
void RewriteRun(Family family, const StoredRun& stored, const std::string& id,
                const std::string& pseudonym, WriteBatch* batch, Touched* touched) {
  std::optional<std::string> rewritten;
  if (stored.parsed && !MentionsId(stored.key, id)) {
    rewritten = PseudonymizedRun(stored.run, id, pseudonym);
  }
  if (rewritten.has_value()) {
    batch->Put(family, stored.key, *rewritten);
  } else {
    batch->Delete(family, stored.key);
  }
  touched->Add(family, stored.key);
}

// Every candidate id a run names.
void CollectRunCandidates(const v1::Run& run, absl::flat_hash_set<std::string>* ids) {
  for (const v1::RunPlacement& placement : run.placements()) {
    ids->insert(placement.candidate_id());
  }
  for (const v1::UnmatchedCandidate& unmatched : run.unmatched()) {
    ids->insert(unmatched.candidate_id());
  }
  for (const v1::CandidateOfferPair& pair : run.request().locked()) {
    ids->insert(pair.candidate_id());
  }
  for (const v1::CandidateOfferPair& pair : run.request().banned()) {
    ids->insert(pair.candidate_id());
  }
}

// Every well-formed candidate id the store names: records, placements and runs.
absl::StatusOr<absl::flat_hash_set<std::string>> StoredCandidateIds(
    const KvStore& store) {
  absl::flat_hash_set<std::string> ids;
  AZM_RETURN_IF_ERROR(store.Scan(Family::kCandidates, "", "",
                                 [&](std::string_view key, std::string_view) {
                                   ids.emplace(key);
                                   return true;
                                 }));
  AZM_RETURN_IF_ERROR(store.Scan(
      Family::kPlacements, "", "", [&](std::string_view, std::string_view value) {
        v1::Placement placement;
        if (placement.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
          ids.insert(placement.candidate_id());
        }
        return true;
      }));
  AZM_RETURN_IF_ERROR(
      store.Scan(Family::kRuns, "", "", [&](std::string_view, std::string_view value) {
        v1::Run run;
        if (run.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
          CollectRunCandidates(run, &ids);
        }
        return true;
      }));
  absl::erase_if(ids, [](const std::string& id) { return !IsWellFormedRecordId(id); });
  return ids;
}

// Writes `batch`, lowering seats_taken of the first of `seat_offers` in the same write
// and of the others after it. An offer that is gone, or whose counter is already at 0,
// keeps no seat to release.
absl::Status WriteReleasingSeats(KvStore* store, RecordStore* records,
                                 const WriteBatch& batch,
                                 const std::vector<std::string>& seat_offers) {
  bool written = false;
  for (const std::string& offer_id : seat_offers) {
    absl::StatusOr<v1::TrainingOffer> adjusted =
        records->AdjustSeatsTaken(offer_id, -1, written ? WriteBatch() : batch);
    if (adjusted.ok()) {
      written = true;
    } else if (!absl::IsNotFound(adjusted.status()) &&
               !absl::IsFailedPrecondition(adjusted.status()) &&
               !absl::IsInvalidArgument(adjusted.status())) {
      return adjusted.status();
    }
  }
  if (written || batch.empty()) return absl::OkStatus();
  return store->Write(batch);
}

}  // namespace

bool PlacementHoldsSeat(v1::PlacementStatus status) {
  switch (status) {
    case v1::PLACEMENT_STATUS_ACCEPTED:
    case v1::PLACEMENT_STATUS_CONTRACT_SIGNED:
    case v1::PLACEMENT_STATUS_STARTED:
    case v1::PLACEMENT_STATUS_PROBATION_PASSED:
      return true;
    default:
      return false;
  }
}

CandidateEraser::CandidateEraser(KvStore* store, RecordStore* records, KeyedHasher hasher,
                                 ErasureLedger* ledger, CandidateEraserOptions options)
    : store_(store),
      records_(records),
      hasher_(std::move(hasher)),
      ledger_(ledger),
      options_(std::move(options)) {}

absl::Status CandidateEraser::Record(const ErasureRecord& record) {
  AZM_RETURN_IF_ERROR(ledger_->Append(record));
  WriteBatch batch;
  batch.Put(Family::kErasures, record.id_hash, EncodeErasureRecord(record));
  return store_->Write(batch);
}

absl::StatusOr<ErasureOutcome> CandidateEraser::Erase(const Caller& caller,
                                                      std::string_view id_view,
                                                      int64_t version) {
  const std::string id(id_view);
  FieldViolations violations;
  if (absl::Status id_status = ValidateRecordId(id, "id"); !id_status.ok()) {
    violations.Add("id", ViolationsOf(id_status).empty()
                             ? std::string(id_status.message())
                             : ViolationsOf(id_status).front().description);
  }
  if (version < 0) violations.Add("version", "must not be negative");
  AZM_RETURN_IF_ERROR(violations.ToStatus());
  AZM_RETURN_IF_ERROR(CheckMayWriteKind(caller, RecordKind::kCandidate));

  absl::MutexLock lock(&mu_);
  const std::string hash = hasher_.Hash(id);
  TouchedRanges touched;
  ErasureOutcome outcome;
  absl::StatusOr<v1::Candidate> candidate = records_->Get<v1::Candidate>(caller, id);
  if (candidate.ok()) {
    if (!MayChange(caller, RecordKind::kCandidate, candidate->member_id())) {
      return absl::PermissionDeniedError(absl::StrCat(
          "candidate ", id, " belongs to another member and cannot be erased"));
    }
    if (version != 0 && version != candidate->version()) {
      return WithField(absl::FailedPreconditionError(
                           absl::StrCat("version: is ", version, ", but candidate ", id,
                                        " is at version ", candidate->version())),
                       "version");
    }
    ErasureRecord record;
    record.id_hash = hash;
    record.member_id = candidate->member_id();
    record.erased_at_unix_seconds = absl::ToUnixSeconds(options_.clock());
    AZM_RETURN_IF_ERROR(Record(record));
    AZM_ASSIGN_OR_RETURN(outcome, EraseRecorded(id, record, &touched));
  } else if (absl::IsNotFound(candidate.status())) {
    // Already erased? Only the owning member (or an admin) may learn that.
    absl::StatusOr<std::string> stored = store_->Get(Family::kErasures, hash);
    if (absl::IsNotFound(stored.status())) return candidate.status();
    AZM_RETURN_IF_ERROR(stored.status());
    absl::StatusOr<ErasureRecord> record = DecodeErasureRecord(*stored);
    if (!record.ok() || !(caller.is_admin() || (!caller.member_id.empty() &&
                                                caller.member_id == record->member_id))) {
      return candidate.status();
    }
    AZM_ASSIGN_OR_RETURN(outcome, EraseRecorded(id, *record, &touched));
  } else {
    return candidate.status();
  }
  AZM_RETURN_IF_ERROR(store_->ForceOutRanges(touched.Ranges()));
  return outcome;
}

absl::StatusOr<ErasureOutcome> CandidateEraser::EraseRecorded(const std::string& id,
                                                              const ErasureRecord& record,
                                                              TouchedRanges* touched) {
  ErasureOutcome outcome;
  outcome.pseudonym = Pseudonym(record.id_hash);
  // The record, its external-id index entry, and the observers (step 3).
  absl::StatusOr<std::string> bytes = store_->Get(Family::kCandidates, id);
  if (bytes.ok()) {
    v1::Candidate candidate;
    if (candidate.ParseFromString(*bytes) && !candidate.external_id().empty()) {
      touched->Add(Family::kIndex,
                   ExternalIdIndexKey(RecordKind::kCandidate, candidate.member_id(),
                                      candidate.external_id()));
    }
    // The placements first: the RecordStore's delete guards refuse to delete a
    // candidate holding a seat (FAILED_PRECONDITION). A placement accepted between the
    // sweep and the delete is swept by the next round.
    absl::Status deleted;
    for (int round = 0; round < options_.max_sweeps; ++round) {
      AZM_RETURN_IF_ERROR(Sweep(id, outcome.pseudonym, &outcome, touched));
      deleted = records_->Delete<v1::Candidate>(SystemCaller(), id, 0);
      if (!absl::IsFailedPrecondition(deleted)) break;
    }
    if (!deleted.ok() && !absl::IsNotFound(deleted)) return deleted;
    touched->Add(Family::kCandidates, id);
  } else if (absl::IsNotFound(bytes.status())) {
    outcome.already_erased = true;
  } else {
    return bytes.status();
  }
  AZM_RETURN_IF_ERROR(Sweep(id, outcome.pseudonym, &outcome, touched));
  return outcome;
}

absl::Status CandidateEraser::Sweep(const std::string& id, const std::string& pseudonym,
                                    ErasureOutcome* outcome, TouchedRanges* touched) {
  for (int sweep = 0; sweep < options_.max_sweeps; ++sweep) {
    AZM_ASSIGN_OR_RETURN(CandidateHoldings holdings, FindCandidateHoldings(*store_, id));
    if (holdings.empty()) return absl::OkStatus();
    WriteBatch batch;
    std::vector<std::string> seat_offers;
    for (const std::string& key : holdings.index_keys) {
      batch.Delete(Family::kIndex, key);
      touched->Add(Family::kIndex, key);
    }
    for (const StoredPlacement& stored : holdings.placements) {
      batch.Delete(Family::kPlacements, stored.key);
      touched->Add(Family::kPlacements, stored.key);
      ++outcome->placements_removed;
      if (stored.parsed && !stored.placement.offer_id().empty()) {
        // The one placement index entry that does not name the candidate.
        const std::string offer_key =
            PlacementOfOfferKey(stored.placement.offer_id(), stored.key);
        batch.Delete(Family::kIndex, offer_key);
        touched->Add(Family::kIndex, offer_key);
      }
      if (stored.parsed && stored.placement.candidate_id() == id &&
          PlacementHoldsSeat(stored.placement.status())) {
        seat_offers.push_back(stored.placement.offer_id());
      }
    }
    for (const StoredRun& stored : holdings.runs) {
      RewriteRun(Family::kRuns, stored, id, pseudonym, &batch, touched);
      ++outcome->runs_rewritten;
    }
    for (const StoredRun& stored : holdings.run_summaries) {
      RewriteRun(Family::kIndex, stored, id, pseudonym, &batch, touched);
    }
    AZM_RETURN_IF_ERROR(WriteReleasingSeats(store_, records_, batch, seat_offers));
    if (options_.on_placement_removed) {
      for (const StoredPlacement& stored : holdings.placements) {
        if (stored.parsed) options_.on_placement_removed(stored.placement);
      }
    }
  }
  AZM_ASSIGN_OR_RETURN(CandidateHoldings left, FindCandidateHoldings(*store_, id));
  if (left.empty()) return absl::OkStatus();
  return absl::InternalError(absl::StrCat(
      "erasure incomplete: new entries naming the candidate kept appearing (",
      left.index_keys.size(), " index entries, ", left.placements.size(), " placements, ",
      left.runs.size(), " runs after ", options_.max_sweeps, " sweeps); call it again"));
}

absl::StatusOr<ReapplyOutcome> CandidateEraser::ReapplyErasures(
    const std::vector<ErasureRecord>& records) {
  absl::MutexLock lock(&mu_);
  ReapplyOutcome outcome;
  absl::flat_hash_map<std::string, const ErasureRecord*> by_hash;
  WriteBatch batch;
  for (const ErasureRecord& record : records) {
    if (!by_hash.try_emplace(record.id_hash, &record).second) continue;
    batch.Put(Family::kErasures, record.id_hash, EncodeErasureRecord(record));
  }
  outcome.ledger_entries = static_cast<int64_t>(by_hash.size());
  AZM_RETURN_IF_ERROR(store_->Write(batch));

  AZM_ASSIGN_OR_RETURN(absl::flat_hash_set<std::string> ids, StoredCandidateIds(*store_));
  std::vector<std::pair<std::string, const ErasureRecord*>> erased;
  for (const std::string& id : ids) {
    auto it = by_hash.find(hasher_.Hash(id));
    if (it != by_hash.end()) erased.emplace_back(id, it->second);
  }
  std::sort(erased.begin(), erased.end());
  TouchedRanges touched;
  for (const auto& [id, record] : erased) {
    AZM_RETURN_IF_ERROR(EraseRecorded(id, *record, &touched).status());
    ++outcome.candidates_erased;
    outcome.erased_ids.push_back(id);
  }
  if (!erased.empty()) AZM_RETURN_IF_ERROR(store_->ForceOutRanges(touched.Ranges()));
  return outcome;
}

}  // namespace azubimatch::service

#include "service/matching/ranking_book.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "azubimatch/v1/records.pb.h"
#include "engine/base/status_macros.h"
#include "service/matching/ranking_keys.h"
#include "service/registry/access_policy.h"
#include "service/registry/field_violations.h"
#include "service/registry/validation.h"
#include "service/rpc/proto_time.h"

namespace azubimatch::service {
namespace {

// The record `id` of `family` parsed as M, or nullopt when it is not stored.
template <typename M>
absl::StatusOr<std::optional<M>> LoadRecord(const KvStore& store, Family family,
                                            const std::string& id) {
  absl::StatusOr<std::string> bytes = store.Get(family, id);
  if (absl::IsNotFound(bytes.status())) return std::optional<M>();
  if (!bytes.ok()) return bytes.status();
  M record;
  if (!record.ParseFromString(*bytes)) {
    return absl::DataLossError(absl::StrCat("stored record ", id, " cannot be parsed"));
  }
  return std::optional<M>(std::move(record));
}

absl::Status CheckSide(v1::RankingSide side) {
  if (side != v1::RANKING_SIDE_CANDIDATE && side != v1::RANKING_SIDE_OFFER) {
    return InvalidField("side", "required: RANKING_SIDE_CANDIDATE or RANKING_SIDE_OFFER");
  }
  return absl::OkStatus();
}

// The member owning the ranking's record, after the caller's access is checked (see the
// header).
absl::StatusOr<std::string> CheckOwner(const KvStore& store, const Caller& caller,
                                       bool candidate_side, const std::string& owner_id) {
  if (caller.role == Role::kAnalyst) {
    return absl::PermissionDeniedError("analysts may not read or write rankings");
  }
  if (candidate_side) {
    AZM_ASSIGN_OR_RETURN(std::optional<v1::Candidate> candidate,
                         LoadRecord<v1::Candidate>(store, Family::kCandidates, owner_id));
    if (!candidate.has_value() ||
        !IsVisibleTo(caller, RecordKind::kCandidate, candidate->member_id())) {
      return WithField(absl::NotFoundError(absl::StrCat(
                           "owner_id: no candidate with id \"", owner_id, "\"")),
                       "owner_id");
    }
    return candidate->member_id();
  }
  AZM_ASSIGN_OR_RETURN(std::optional<v1::TrainingOffer> offer,
                       LoadRecord<v1::TrainingOffer>(store, Family::kOffers, owner_id));
  if (!offer.has_value()) {
    return WithField(
        absl::NotFoundError(absl::StrCat("owner_id: no offer with id \"", owner_id, "\"")),
        "owner_id");
  }
  if (!MayChange(caller, RecordKind::kOffer, offer->member_id())) {
    return WithField(absl::PermissionDeniedError(absl::StrCat(
                         "owner_id: offer ", owner_id,
                         " belongs to another member; only its member ranks for it")),
                     "owner_id");
  }
  return offer->member_id();
}

// The stored meta record, or nullopt.
absl::StatusOr<std::optional<v1::Ranking>> LoadMeta(const KvStore& store, bool candidate_side,
                                                    const std::string& owner_id) {
  return LoadRecord<v1::Ranking>(store, Family::kIndex,
                                 RankingMetaKey(candidate_side, owner_id));
}

struct StoredEntry {
  std::string key;
  std::string partner_id;
};

// The entries of one ranking, in position order.
absl::StatusOr<std::vector<StoredEntry>> LoadEntries(const KvStore& store, bool candidate_side,
                                                     const std::string& owner_id) {
  std::vector<StoredEntry> entries;
  const std::string prefix = RankingEntriesOfPrefix(candidate_side, owner_id);
  AZM_RETURN_IF_ERROR(store.ScanPrefix(
      Family::kIndex, prefix, [&](std::string_view key, std::string_view) {
        const std::string_view rest = key.substr(prefix.size());  // NNN/partner
        const size_t slash = rest.find('/');
        if (slash != std::string_view::npos) {
          entries.push_back({std::string(key), std::string(rest.substr(slash + 1))});
        }
        return true;
      }));
  return entries;
}

// Deletes every entry of the ranking (with the reverse keys) and its meta.
absl::Status DeleteRanking(const KvStore& store, bool candidate_side,
                           const std::string& owner_id, WriteBatch* batch) {
  AZM_ASSIGN_OR_RETURN(std::vector<StoredEntry> entries,
                       LoadEntries(store, candidate_side, owner_id));
  for (const StoredEntry& entry : entries) {
    batch->Delete(Family::kIndex, entry.key);
    batch->Delete(Family::kIndex, RankingNamedKey(entry.partner_id, candidate_side, owner_id));
  }
  batch->Delete(Family::kIndex, RankingMetaKey(candidate_side, owner_id));
  return absl::OkStatus();
}

absl::Status CheckVersion(int64_t requested, int64_t stored) {
  if (requested != 0 && requested != stored) {
    return WithField(absl::FailedPreconditionError(absl::StrCat(
                         "version: ", requested, " is not the current version ", stored)),
                     "version");
  }
  return absl::OkStatus();
}

// Request checks that need no store: INVALID_ARGUMENT naming the field.
absl::Status ValidateSetRequest(const v1::SetRankingRequest& request) {
  AZM_RETURN_IF_ERROR(CheckSide(request.side()));
  AZM_RETURN_IF_ERROR(ValidateRecordId(request.owner_id(), "owner_id"));
  if (request.ranked_ids_size() > kMaxRankingEntries) {
    return InvalidField("ranked_ids", absl::StrCat("has ", request.ranked_ids_size(),
                                                   " entries; at most ",
                                                   kMaxRankingEntries, " are allowed"));
  }
  if (request.version() < 0) return InvalidField("version", "must not be negative");
  absl::flat_hash_set<std::string> seen;
  for (int i = 0; i < request.ranked_ids_size(); ++i) {
    const std::string field = absl::StrCat("ranked_ids[", i, "]");
    AZM_RETURN_IF_ERROR(ValidateRecordId(request.ranked_ids(i), field));
    if (!seen.insert(request.ranked_ids(i)).second) {
      return InvalidField(field, absl::StrCat("\"", request.ranked_ids(i),
                                              "\" is named twice"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

RankingBook::RankingBook(KvStore* store, RecordStore* records,
                         std::function<absl::Time()> clock)
    : store_(store), records_(records), clock_(std::move(clock)) {
  records_->AddDeleteGuard(this);
}

RankingBook::~RankingBook() { records_->RemoveDeleteGuard(this); }

absl::StatusOr<v1::Ranking> RankingBook::Set(const Caller& caller,
                                             const v1::SetRankingRequest& request) {
  AZM_RETURN_IF_ERROR(ValidateSetRequest(request));
  const bool candidate_side = request.side() == v1::RANKING_SIDE_CANDIDATE;
  const std::string& owner_id = request.owner_id();
  v1::Ranking result;
  AZM_RETURN_IF_ERROR(records_->WriteChecked(
      [&](const KvStore& store) -> absl::StatusOr<WriteBatch> {
        AZM_ASSIGN_OR_RETURN(std::string member,
                             CheckOwner(store, caller, candidate_side, owner_id));
        for (int i = 0; i < request.ranked_ids_size(); ++i) {
          const std::string& id = request.ranked_ids(i);
          const std::string field = absl::StrCat("ranked_ids[", i, "]");
          if (candidate_side) {
            AZM_ASSIGN_OR_RETURN(std::optional<v1::TrainingOffer> offer,
                                 LoadRecord<v1::TrainingOffer>(store, Family::kOffers, id));
            if (!offer.has_value()) {
              return InvalidField(field, absl::StrCat("no offer with id \"", id, "\""));
            }
          } else {
            AZM_ASSIGN_OR_RETURN(std::optional<v1::Candidate> candidate,
                                 LoadRecord<v1::Candidate>(store, Family::kCandidates, id));
            if (!candidate.has_value() || candidate->member_id() != member) {
              return InvalidField(
                  field, absl::StrCat("no candidate with id \"", id,
                                      "\" of the member the offer belongs to"));
            }
          }
        }
        AZM_ASSIGN_OR_RETURN(std::optional<v1::Ranking> meta,
                             LoadMeta(store, candidate_side, owner_id));
        AZM_RETURN_IF_ERROR(
            CheckVersion(request.version(), meta.has_value() ? meta->version() : 0));
        WriteBatch batch;
        AZM_RETURN_IF_ERROR(DeleteRanking(store, candidate_side, owner_id, &batch));
        const absl::Time now = clock_();
        result.set_side(request.side());
        result.set_owner_id(owner_id);
        result.set_member_id(member);
        *result.mutable_created_at() =
            meta.has_value() ? meta->created_at() : ToTimestamp(now);
        *result.mutable_updated_at() = ToTimestamp(now);
        result.set_version(meta.has_value() ? meta->version() + 1 : 1);
        batch.Put(Family::kIndex, RankingMetaKey(candidate_side, owner_id),
                  result.SerializeAsString());
        for (int i = 0; i < request.ranked_ids_size(); ++i) {
          const std::string position = RankingPositionPart(i);
          batch.Put(Family::kIndex,
                    RankingEntryKey(candidate_side, owner_id, position,
                                    request.ranked_ids(i)),
                    "");
          batch.Put(Family::kIndex,
                    RankingNamedKey(request.ranked_ids(i), candidate_side, owner_id),
                    position);
        }
        *result.mutable_ranked_ids() = request.ranked_ids();
        return batch;
      }));
  return result;
}

absl::StatusOr<v1::Ranking> RankingBook::Get(const Caller& caller,
                                             const v1::GetRankingRequest& request) const {
  AZM_RETURN_IF_ERROR(CheckSide(request.side()));
  AZM_RETURN_IF_ERROR(ValidateRecordId(request.owner_id(), "owner_id"));
  const bool candidate_side = request.side() == v1::RANKING_SIDE_CANDIDATE;
  AZM_ASSIGN_OR_RETURN(std::string member,
                       CheckOwner(*store_, caller, candidate_side, request.owner_id()));
  AZM_ASSIGN_OR_RETURN(std::optional<v1::Ranking> meta,
                       LoadMeta(*store_, candidate_side, request.owner_id()));
  v1::Ranking ranking;
  if (meta.has_value()) ranking = *std::move(meta);
  ranking.set_side(request.side());
  ranking.set_owner_id(request.owner_id());
  ranking.set_member_id(member);
  ranking.clear_ranked_ids();
  if (ranking.version() == 0) return ranking;
  AZM_ASSIGN_OR_RETURN(std::vector<StoredEntry> entries,
                       LoadEntries(*store_, candidate_side, request.owner_id()));
  for (StoredEntry& entry : entries) ranking.add_ranked_ids(std::move(entry.partner_id));
  return ranking;
}

absl::StatusOr<v1::ClearRankingResponse> RankingBook::Clear(
    const Caller& caller, const v1::ClearRankingRequest& request) {
  AZM_RETURN_IF_ERROR(CheckSide(request.side()));
  AZM_RETURN_IF_ERROR(ValidateRecordId(request.owner_id(), "owner_id"));
  if (request.version() < 0) return InvalidField("version", "must not be negative");
  const bool candidate_side = request.side() == v1::RANKING_SIDE_CANDIDATE;
  v1::ClearRankingResponse response;
  AZM_RETURN_IF_ERROR(records_->WriteChecked(
      [&](const KvStore& store) -> absl::StatusOr<WriteBatch> {
        AZM_RETURN_IF_ERROR(
            CheckOwner(store, caller, candidate_side, request.owner_id()).status());
        AZM_ASSIGN_OR_RETURN(std::optional<v1::Ranking> meta,
                             LoadMeta(store, candidate_side, request.owner_id()));
        AZM_RETURN_IF_ERROR(
            CheckVersion(request.version(), meta.has_value() ? meta->version() : 0));
        WriteBatch batch;
        if (!meta.has_value()) return batch;
        AZM_RETURN_IF_ERROR(DeleteRanking(store, candidate_side, request.owner_id(), &batch));
        response.set_cleared(true);
        return batch;
      }));
  return response;
}

absl::StatusOr<PoolRankings> RankingBook::ForPool(const Caller& caller,
                                                  const RunPool& pool) const {
  PoolRankings out;
  absl::flat_hash_map<std::string, int32_t> candidate_index;
  absl::flat_hash_map<std::string, int32_t> offer_index;
  for (size_t i = 0; i < pool.candidates.size(); ++i) {
    candidate_index[pool.candidates[i].id] = static_cast<int32_t>(i);
  }
  for (size_t i = 0; i < pool.offers.size(); ++i) {
    offer_index[pool.offers[i].id] = static_cast<int32_t>(i);
  }
  std::vector<std::optional<std::vector<int32_t>>> candidate_rankings(pool.candidates.size());
  std::vector<std::optional<std::vector<int32_t>>> offer_rankings(pool.offers.size());

  // Which owners have a ranking the run uses.
  auto scan_meta = [&](bool candidate_side) -> absl::Status {
    const std::string prefix = RankingMetaPrefix(candidate_side);
    absl::Status parse_status;
    AZM_RETURN_IF_ERROR(store_->ScanPrefix(
        Family::kIndex, prefix, [&](std::string_view key, std::string_view value) {
          const std::string owner(key.substr(prefix.size()));
          const auto& index = candidate_side ? candidate_index : offer_index;
          auto it = index.find(owner);
          if (it == index.end()) return true;
          if (!candidate_side && !caller.is_admin()) {
            v1::Ranking meta;
            if (!meta.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
              parse_status = absl::DataLossError(
                  absl::StrCat("stored ranking of offer ", owner, " cannot be parsed"));
              return false;
            }
            if (meta.member_id() != caller.member_id) return true;
          }
          if (candidate_side) {
            candidate_rankings[it->second].emplace();
            ++out.candidate_rankings;
          } else {
            offer_rankings[it->second].emplace();
            ++out.offer_rankings;
          }
          return true;
        }));
    return parse_status;
  };
  AZM_RETURN_IF_ERROR(scan_meta(true));
  AZM_RETURN_IF_ERROR(scan_meta(false));

  // The entries, in key order, i.e. by owner and then by position.
  auto scan_entries = [&](bool candidate_side) -> absl::Status {
    const std::string prefix = RankingEntriesPrefix(candidate_side);
    const auto& owners = candidate_side ? candidate_index : offer_index;
    const auto& partners = candidate_side ? offer_index : candidate_index;
    auto& lists = candidate_side ? candidate_rankings : offer_rankings;
    return store_->ScanPrefix(
        Family::kIndex, prefix, [&](std::string_view key, std::string_view) {
          // <owner>/<NNN>/<partner>
          const std::string_view rest = key.substr(prefix.size());
          const std::vector<absl::string_view> parts =
              absl::StrSplit(absl::string_view(rest.data(), rest.size()), '/');
          if (parts.size() != 3) return true;
          auto owner = owners.find(parts[0]);
          if (owner == owners.end() || !lists[owner->second].has_value()) return true;
          auto partner = partners.find(parts[2]);
          if (partner == partners.end()) return true;  // outside the pool
          lists[owner->second]->push_back(partner->second);
          return true;
        });
  };
  AZM_RETURN_IF_ERROR(scan_entries(true));
  AZM_RETURN_IF_ERROR(scan_entries(false));
  if (out.candidate_rankings > 0) out.rankings.candidate_rankings = std::move(candidate_rankings);
  if (out.offer_rankings > 0) out.rankings.offer_rankings = std::move(offer_rankings);
  return out;
}

absl::Status RankingBook::CheckDelete(RecordKind kind, std::string_view id_view,
                                      const KvStore& store, DeleteEffects* effects) {
  if (kind == RecordKind::kCompany) return absl::OkStatus();
  const bool candidate_side = kind == RecordKind::kCandidate;
  const std::string id(id_view);
  // Its own ranking.
  AZM_RETURN_IF_ERROR(DeleteRanking(store, candidate_side, id, &effects->writes));
  // Its place in the rankings of the other side.
  const std::string prefix = RankingsNamingPrefix(id);
  std::vector<std::pair<std::string, std::string>> naming;  // named key, entry key
  AZM_RETURN_IF_ERROR(store.ScanPrefix(
      Family::kIndex, prefix, [&](std::string_view key, std::string_view value) {
        const std::string_view rest = key.substr(prefix.size());  // <s>/<owner>
        const std::vector<absl::string_view> parts =
            absl::StrSplit(absl::string_view(rest.data(), rest.size()), '/');
        if (parts.size() != 2) return true;
        naming.emplace_back(std::string(key),
                            RankingEntryKey(parts[0] == "c", parts[1],
                                            absl::string_view(value.data(), value.size()), id));
        return true;
      }));
  for (const auto& [named_key, entry_key] : naming) {
    effects->writes.Delete(Family::kIndex, named_key);
    effects->writes.Delete(Family::kIndex, entry_key);
  }
  return absl::OkStatus();
}

}  // namespace azubimatch::service

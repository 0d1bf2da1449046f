#include "service/matching/run_pool.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "service/matching/proto_conversion.h"
#include "service/registry/access_policy.h"
#include "service/registry/field_violations.h"

namespace azubimatch::service {
namespace {

using StringSet = absl::flat_hash_set<std::string>;

StringSet ToSet(const google::protobuf::RepeatedPtrField<std::string>& values) {
  return StringSet(values.begin(), values.end());
}

std::string LockedField(int i, absl::string_view side) {
  return absl::StrCat("locked[", i, "].", side);
}

absl::Status FieldError(absl::StatusCode code, const std::string& field,
                        absl::string_view message) {
  if (code == absl::StatusCode::kInvalidArgument) return InvalidField(field, std::string(message));
  return WithField(absl::Status(code, absl::StrCat(field, ": ", message)), field);
}

// The filters of the request, applied to one side at a time.
class PoolFilter {
 public:
  PoolFilter(const Caller& caller, const v1::Pool& pool)
      : caller_(caller),
        municipalities_(ToSet(pool.municipalities())),
        kldb_codes_(ToSet(pool.kldb_codes())),
        members_(ToSet(pool.member_ids())),
        has_from_(pool.has_start_from()),
        has_to_(pool.has_start_to()),
        from_(has_from_ ? ToEngineDate(pool.start_from()) : engine::Date()),
        to_(has_to_ ? ToEngineDate(pool.start_to()) : engine::Date()) {}

  bool Candidate(const CandidateEntry& c) const {
    if (!IsVisibleTo(caller_, RecordKind::kCandidate, c.member_id)) return false;
    if (!members_.empty() && !members_.contains(c.member_id)) return false;
    return municipalities_.empty() || municipalities_.contains(c.municipality);
  }

  bool Offer(const OfferEntry& o) const {
    if (!municipalities_.empty() && !municipalities_.contains(o.municipality)) return false;
    if (!kldb_codes_.empty() && !kldb_codes_.contains(o.profile.occupation.kldb_code)) {
      return false;
    }
    if (has_from_ && o.profile.start_date < from_) return false;
    return !(has_to_ && to_ < o.profile.start_date);
  }

 private:
  const Caller& caller_;
  const StringSet municipalities_, kldb_codes_, members_;
  const bool has_from_, has_to_;
  const engine::Date from_, to_;
};

absl::Status CheckMemberFilter(const Caller& caller, const v1::Pool& pool) {
  if (caller.is_admin()) return absl::OkStatus();
  for (int i = 0; i < pool.member_ids_size(); ++i) {
    if (pool.member_ids(i) != caller.member_id) {
      return FieldError(absl::StatusCode::kPermissionDenied,
                        absl::StrCat("pool.member_ids[", i, "]"),
                        "only admins may pool other members' candidates");
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<RunPool> BuildRunPool(const MatchingIndex::Reader& reader,
                                     const Caller& caller, const v1::AssignRequest& request) {
  if (absl::Status status = CheckMemberFilter(caller, request.pool()); !status.ok()) {
    return status;
  }
  const PoolFilter filter(caller, request.pool());
  RunPool pool;

  // Offers passing the filters, and how many locked pairs each receives.
  absl::flat_hash_map<absl::string_view, const OfferEntry*> offers;
  reader.ForEachOffer([&](const OfferEntry& o) {
    if (filter.Offer(o)) offers[o.profile.id] = &o;
  });
  absl::flat_hash_map<absl::string_view, int32_t> locks_per_offer;

  // Request locks first, in request order.
  const StringSet banned_in_request = [&] {
    StringSet pairs;
    for (const v1::CandidateOfferPair& pair : request.banned()) {
      pairs.insert(absl::StrCat(pair.candidate_id(), "/", pair.offer_id()));
    }
    return pairs;
  }();
  for (int i = 0; i < request.locked_size(); ++i) {
    const v1::CandidateOfferPair& pair = request.locked(i);
    const std::string candidate_field = LockedField(i, "candidate_id");
    const std::string offer_field = LockedField(i, "offer_id");
    const CandidateEntry* c = reader.FindCandidate(pair.candidate_id());
    if (c == nullptr || !IsVisibleTo(caller, RecordKind::kCandidate, c->member_id)) {
      return FieldError(absl::StatusCode::kNotFound, candidate_field,
                        absl::StrCat("no candidate with id \"", pair.candidate_id(), "\""));
    }
    const OfferEntry* o = reader.FindOffer(pair.offer_id());
    if (o == nullptr) {
      return FieldError(absl::StatusCode::kNotFound, offer_field,
                        absl::StrCat("no offer with id \"", pair.offer_id(), "\""));
    }
    if (!filter.Candidate(*c)) {
      return FieldError(absl::StatusCode::kInvalidArgument, candidate_field,
                        "candidate is not in the pool");
    }
    if (!offers.contains(o->profile.id)) {
      return FieldError(absl::StatusCode::kInvalidArgument, offer_field,
                        "offer is not in the pool");
    }
    if (banned_in_request.contains(absl::StrCat(pair.candidate_id(), "/", pair.offer_id()))) {
      return FieldError(absl::StatusCode::kInvalidArgument, candidate_field,
                        "the pair is also in banned");
    }
    if (reader.IsBanned(pair.candidate_id(), pair.offer_id())) {
      return FieldError(absl::StatusCode::kFailedPrecondition, candidate_field,
                        "the pair is banned (rejected, or its placement ended early); "
                        "withdraw that placement first");
    }
    if (const HeldPlacement* held = reader.HeldPlacementOf(pair.candidate_id())) {
      if (held->offer_id == pair.offer_id()) continue;  // added with the held ones
      return FieldError(absl::StatusCode::kInvalidArgument, candidate_field,
                        absl::StrCat("candidate holds placement ", held->placement_id,
                                     " at another offer"));
    }
    if (c->status != v1::CANDIDATE_STATUS_ACTIVE) {
      return FieldError(absl::StatusCode::kInvalidArgument, candidate_field,
                        "candidate is not in the pool (not ACTIVE)");
    }
    const int32_t free_seats = o->profile.open ? o->profile.seats_free : 0;
    if (++locks_per_offer[o->profile.id] > free_seats) {
      return FieldError(absl::StatusCode::kFailedPrecondition, offer_field,
                        "offer has no free seat left for this locked pair");
    }
    pool.locked.push_back({pair.candidate_id(), pair.offer_id()});
  }

  // Candidates; held placements become locks when their offer is in the pool.
  std::vector<const CandidateEntry*> candidates;
  std::vector<engine::PairIds> held_locks;
  absl::flat_hash_map<absl::string_view, int32_t> held_per_offer;
  reader.ForEachCandidate([&](const CandidateEntry& c) {
    if (!filter.Candidate(c)) return;
    if (const HeldPlacement* held = reader.HeldPlacementOf(c.profile.id)) {
      if (!offers.contains(held->offer_id)) return;  // placed outside the pool
      held_locks.push_back({c.profile.id, held->offer_id});
      ++held_per_offer[held->offer_id];
      candidates.push_back(&c);
      return;
    }
    if (c.status == v1::CANDIDATE_STATUS_ACTIVE) candidates.push_back(&c);
  });
  std::sort(held_locks.begin(), held_locks.end(),
            [](const engine::PairIds& a, const engine::PairIds& b) {
              return a.candidate_id < b.candidate_id;
            });
  for (engine::PairIds& lock : held_locks) pool.locked.push_back(std::move(lock));
  std::sort(candidates.begin(), candidates.end(),
            [](const CandidateEntry* a, const CandidateEntry* b) {
              return a->profile.id < b->profile.id;
            });
  pool.candidates.reserve(candidates.size());
  for (const CandidateEntry* c : candidates) pool.candidates.push_back(c->profile);

  // Offers: open with a free seat, or holding locked seats.
  std::vector<const OfferEntry*> kept;
  for (const auto& [id, o] : offers) {
    const int32_t free_seats = o->profile.open ? o->profile.seats_free : 0;
    auto held = held_per_offer.find(id);
    const int32_t held_seats = held == held_per_offer.end() ? 0 : held->second;
    if (free_seats > 0 || held_seats > 0) kept.push_back(o);
  }
  std::sort(kept.begin(), kept.end(), [](const OfferEntry* a, const OfferEntry* b) {
    return a->profile.id < b->profile.id;
  });
  pool.offers.reserve(kept.size());
  pool.offer_member_ids.reserve(kept.size());
  for (const OfferEntry* o : kept) {
    pool.offer_member_ids.push_back(o->member_id);
    engine::OfferProfile profile = o->profile;
    auto held = held_per_offer.find(profile.id);
    profile.seats_free = (profile.open ? profile.seats_free : 0) +
                         (held == held_per_offer.end() ? 0 : held->second);
    pool.offers.push_back(std::move(profile));
  }

  // Banned: the request's, then rejected pairs inside the pool.
  for (const v1::CandidateOfferPair& pair : request.banned()) {
    pool.banned.push_back({pair.candidate_id(), pair.offer_id()});
  }
  absl::flat_hash_set<absl::string_view> pool_candidates;
  for (const engine::CandidateProfile& c : pool.candidates) pool_candidates.insert(c.id);
  absl::flat_hash_set<absl::string_view> pool_offers;
  for (const engine::OfferProfile& o : pool.offers) pool_offers.insert(o.id);
  std::vector<engine::PairIds> rejected;
  reader.ForEachBannedPair([&](const std::string& candidate_id, const std::string& offer_id) {
    if (pool_candidates.contains(candidate_id) && pool_offers.contains(offer_id)) {
      rejected.push_back({candidate_id, offer_id});
    }
  });
  std::sort(rejected.begin(), rejected.end(),
            [](const engine::PairIds& a, const engine::PairIds& b) {
              return std::tie(a.candidate_id, a.offer_id) < std::tie(b.candidate_id, b.offer_id);
            });
  for (engine::PairIds& pair : rejected) pool.banned.push_back(std::move(pair));
  return pool;
}

}  // namespace azubimatch::service

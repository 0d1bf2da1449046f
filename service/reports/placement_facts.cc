#include "service/reports/placement_facts.h"

#include "absl/strings/str_cat.h"
#include "service/matching/stored_proto.h"

namespace azubimatch::service {

const PlacementFactsCache::OfferFacts& PlacementFactsCache::Offer(
    const std::string& offer_id) {
  auto [it, inserted] = offers_.try_emplace(offer_id);
  if (inserted) {
    MatchingIndex::Reader reader(*index_);
    if (const OfferEntry* entry = reader.FindOffer(offer_id)) {
      it->second.known = true;
      it->second.occupation = entry->profile.occupation.kldb_code;
      it->second.sector = static_cast<v1::Sector>(entry->profile.occupation.sector);
    }
  }
  return it->second;
}

const PlacementFactsCache::RunFacts& PlacementFactsCache::Run(const std::string& run_id) {
  auto [it, inserted] = runs_.try_emplace(run_id);
  if (inserted) {
    // A run that is gone or unreadable leaves its placements without a proposal.
    absl::StatusOr<v1::Run> run =
        ReadStoredProto<v1::Run>(*store_, Family::kRuns, run_id, "run");
    if (run.ok()) {
      it->second.mode = run->mode();
      for (const v1::RunPlacement& p : run->placements()) {
        it->second.pairs[absl::StrCat(p.candidate_id(), "/", p.offer_id())] = {
            run->mode(), p.travel_minutes(), p.choice_rank()};
      }
    }
  }
  return it->second;
}

PlacementGroupFacts PlacementFactsCache::Of(const v1::Placement& placement) {
  PlacementGroupFacts facts;
  const OfferFacts& offer = Offer(placement.offer_id());
  facts.offer_known = offer.known;
  facts.occupation = offer.occupation;
  facts.sector = offer.sector;
  if (need_runs_ && !placement.run_id().empty()) {
    const RunFacts& run = Run(placement.run_id());
    auto pair =
        run.pairs.find(absl::StrCat(placement.candidate_id(), "/", placement.offer_id()));
    if (pair != run.pairs.end()) facts.proposal = pair->second;
  }
  return facts;
}

}  // namespace azubimatch::service

#include "engine/matching/two_sided_stable.h"

#include <vector>

#include "engine/base/status_macros.h"
#include "engine/matching/deferred_acceptance.h"

namespace azubimatch::engine {
namespace {

constexpr int64_t kProgressEvery = 1 << 18;

}  // namespace

absl::StatusOr<TwoSidedMatching> CandidateProposingStable(
    const TwoSidedMarket& market, const ProgressCallback& progress) {
  DeferredAcceptanceProblem problem;
  problem.capacities = market.seats;
  problem.list_begin = market.candidate_begin;
  problem.proposals.resize(market.pairs.size());
  for (size_t p = 0; p < market.pairs.size(); ++p) {
    // Exact in a double: positions are below 2^31. Higher priority is preferred.
    problem.proposals[p] =
        Proposal{market.pairs[p].offer, -static_cast<double>(market.offer_position[p]),
                 /*tie_break=*/0};
  }
  AZM_ASSIGN_OR_RETURN(std::vector<int64_t> held,
                       RunDeferredAcceptance(problem, progress));
  // Proposal indices are pair indices: the proposals are the pairs in the same order.
  return TwoSidedMatching{std::move(held)};
}

absl::StatusOr<TwoSidedMatching> OfferProposingStable(const TwoSidedMarket& market,
                                                      const ProgressCallback& progress) {
  const int32_t num_offers = market.num_offers();
  const int64_t total = static_cast<int64_t>(market.pairs.size());
  std::vector<int64_t> holds(market.num_candidates(), -1);  // pair held by a candidate
  std::vector<int64_t> next(market.offer_begin.begin(), market.offer_begin.end() - 1);
  std::vector<int32_t> out(num_offers, 0);  // proposals an offer has out and not rejected
  std::vector<int32_t> active;              // offers that may have proposals to make
  active.reserve(num_offers);
  for (int32_t o = num_offers - 1; o >= 0; --o) active.push_back(o);

  int64_t made = 0;
  while (!active.empty()) {
    const int32_t o = active.back();
    active.pop_back();
    const int64_t end = market.offer_begin[o + 1];
    while (out[o] < market.seats[o] && next[o] < end) {
      if (++made % kProgressEvery == 0) {
        AZM_RETURN_IF_ERROR(
            ReportProgress(progress, "offer-proposing deferred acceptance", made, total));
      }
      const int64_t p = market.offer_pairs[next[o]++];
      const int32_t c = market.pairs[p].candidate;
      const int64_t held = holds[c];
      // Within a candidate's range a smaller pair index is a preferred offer.
      if (held >= 0 && held < p) continue;
      if (held >= 0) {
        const int32_t rejected = market.pairs[held].offer;
        if (out[rejected]-- == market.seats[rejected]) active.push_back(rejected);
      }
      holds[c] = p;
      ++out[o];
    }
  }
  AZM_RETURN_IF_ERROR(
      ReportProgress(progress, "offer-proposing deferred acceptance", total, total));
  return TwoSidedMatching{std::move(holds)};
}

}  // namespace azubimatch::engine

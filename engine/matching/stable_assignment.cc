#include "engine/matching/stable_assignment.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "engine/base/status_macros.h"
#include "engine/matching/deferred_acceptance.h"
#include "engine/matching/tie_break.h"

namespace azubimatch::engine {

absl::StatusOr<AssignmentOutcome> AssignStable(const AssignmentInstance& instance,
                                               uint64_t seed,
                                               const ProgressCallback& progress) {
  const EligibleGraph& graph = instance.graph;
  // Single tie-breaking, as the lists a run is measured against (seeded_tie_breaking.h):
  // one lottery number per candidate, used by every offer, and one per offer, used by
  // every candidate.
  std::vector<uint64_t> candidate_lottery(instance.candidates.size());
  for (size_t c = 0; c < candidate_lottery.size(); ++c) {
    candidate_lottery[c] = LotteryNumber(seed, kCandidateLotterySalt,
                                         StableIdHash(instance.candidates[c].id));
  }
  std::vector<uint64_t> offer_lottery(instance.offers.size());
  for (size_t o = 0; o < offer_lottery.size(); ++o) {
    offer_lottery[o] =
        LotteryNumber(seed, kOfferLotterySalt, StableIdHash(instance.offers[o].id));
  }

  DeferredAcceptanceProblem problem;
  problem.capacities = instance.capacity;
  problem.list_begin = graph.candidate_begin;
  problem.proposals.resize(graph.edges.size());
  // proposal_edge[i]: the edge behind problem.proposals[i].
  std::vector<int64_t> proposal_edge(graph.edges.size());
  std::iota(proposal_edge.begin(), proposal_edge.end(), int64_t{0});
  for (size_t c = 0; c + 1 < graph.candidate_begin.size(); ++c) {
    auto first = proposal_edge.begin() + graph.candidate_begin[c];
    auto last = proposal_edge.begin() + graph.candidate_begin[c + 1];
    std::sort(first, last, [&](int64_t a, int64_t b) {
      const ScoredEdge& x = graph.edges[a];
      const ScoredEdge& y = graph.edges[b];
      if (x.score != y.score) return x.score > y.score;
      if (offer_lottery[x.offer] != offer_lottery[y.offer]) {
        return offer_lottery[x.offer] > offer_lottery[y.offer];
      }
      return x.offer < y.offer;
    });
  }
  for (size_t i = 0; i < proposal_edge.size(); ++i) {
    const ScoredEdge& e = graph.edges[proposal_edge[i]];
    problem.proposals[i] = Proposal{e.offer, e.score, candidate_lottery[e.candidate]};
  }

  AZM_ASSIGN_OR_RETURN(std::vector<int64_t> held,
                       RunDeferredAcceptance(problem, progress));
  for (int64_t& h : held) {
    if (h >= 0) h = proposal_edge[h];
  }
  return MakeOutcome(instance, held);
}

}  // namespace azubimatch::engine

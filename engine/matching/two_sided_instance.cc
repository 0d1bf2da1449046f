#include "engine/matching/two_sided_instance.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "engine/matching/tie_break.h"

namespace azubimatch::engine {
namespace {

// The edge of (candidate, offer), or -1. Edges are by candidate, then offer index.
int64_t FindEdge(const EligibleGraph& graph, int32_t candidate, int32_t offer) {
  const auto first = graph.edges.begin() + graph.candidate_begin[candidate];
  const auto last = graph.edges.begin() + graph.candidate_begin[candidate + 1];
  const auto it = std::lower_bound(
      first, last, offer, [](const ScoredEdge& e, int32_t o) { return e.offer < o; });
  return it != last && it->offer == offer ? it - graph.edges.begin() : -1;
}

// OK when `ranking` names partners in [0, partners) at most once each.
absl::Status CheckRanking(const std::vector<int32_t>& ranking, int32_t partners,
                          const char* field, size_t index, const char* partner,
                          std::vector<int32_t>& stamp, int32_t stamp_value) {
  for (size_t i = 0; i < ranking.size(); ++i) {
    const int32_t p = ranking[i];
    if (p < 0 || p >= partners) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, "[", index, "][", i, "] ", partner, " ", p, " is out of range"));
    }
    if (stamp[p] == stamp_value) {
      return absl::InvalidArgumentError(absl::StrCat(field, "[", index, "][", i, "] ",
                                                     partner, " ", p, " is named twice"));
    }
    stamp[p] = stamp_value;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<TiedMarketInput> TiedMarketFromInstance(const AssignmentInstance& instance,
                                                       const TwoSidedRankings& rankings) {
  const EligibleGraph& graph = instance.graph;
  const int32_t num_candidates = static_cast<int32_t>(instance.candidates.size());
  const int32_t num_offers = static_cast<int32_t>(instance.offers.size());
  if (!rankings.candidate_rankings.empty() &&
      rankings.candidate_rankings.size() != instance.candidates.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("candidate_rankings has ", rankings.candidate_rankings.size(),
                     " entries, the pool ", num_candidates, " candidates"));
  }
  if (!rankings.offer_rankings.empty() &&
      rankings.offer_rankings.size() != instance.offers.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("offer_rankings has ", rankings.offer_rankings.size(),
                     " entries, the pool ", num_offers, " offers"));
  }
  if (!rankings.offer_side_scores.empty() &&
      rankings.offer_side_scores.size() != graph.edges.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("offer_side_scores has ", rankings.offer_side_scores.size(),
                     " entries, the pool ", graph.edges.size(), " eligible pairs"));
  }
  for (size_t e = 0; e < rankings.offer_side_scores.size(); ++e) {
    if (!std::isfinite(rankings.offer_side_scores[e])) {
      return absl::InvalidArgumentError(
          absl::StrCat("offer_side_scores[", e, "] is not finite"));
    }
  }

  TiedMarketInput tied;
  tied.seats = instance.capacity;
  tied.candidate_id_hashes.reserve(num_candidates);
  for (const CandidateProfile& c : instance.candidates) {
    tied.candidate_id_hashes.push_back(StableIdHash(c.id));
  }
  tied.offer_id_hashes.reserve(num_offers);
  for (const OfferProfile& o : instance.offers)
    tied.offer_id_hashes.push_back(StableIdHash(o.id));

  std::vector<int32_t> stamp(std::max(num_candidates, num_offers), -1);
  tied.candidate_lists.resize(num_candidates);
  for (int32_t c = 0; c < num_candidates; ++c) {
    std::vector<TiedCandidateEntry>& list = tied.candidate_lists[c];
    const std::optional<std::vector<int32_t>>* explicit_ranking =
        rankings.candidate_rankings.empty() ? nullptr : &rankings.candidate_rankings[c];
    if (explicit_ranking != nullptr && explicit_ranking->has_value()) {
      const std::vector<int32_t>& ranking = **explicit_ranking;
      if (absl::Status s = CheckRanking(ranking, num_offers, "candidate_rankings", c,
                                        "offer", stamp, c);
          !s.ok()) {
        return s;
      }
      if (!instance.candidate_locked.empty() && instance.candidate_locked[c]) continue;
      for (size_t i = 0; i < ranking.size(); ++i) {
        const int64_t e = FindEdge(graph, c, ranking[i]);
        list.push_back(TiedCandidateEntry{ranking[i], -static_cast<double>(i),
                                          e >= 0 ? graph.edges[e].score : 0.0, e >= 0});
      }
    } else {
      for (const ScoredEdge& e : graph.EdgesOf(c)) {
        list.push_back(TiedCandidateEntry{e.offer, e.score, e.score, true});
      }
    }
  }

  // Offers' default lists: the eligible edges bucketed by offer.
  std::vector<int64_t> offer_begin(num_offers + 1, 0);
  for (const ScoredEdge& e : graph.edges) ++offer_begin[e.offer + 1];
  for (int32_t o = 0; o < num_offers; ++o) offer_begin[o + 1] += offer_begin[o];
  std::vector<int64_t> edges_by_offer(graph.edges.size());
  {
    std::vector<int64_t> fill(offer_begin.begin(), offer_begin.end() - 1);
    for (size_t e = 0; e < graph.edges.size(); ++e) {
      edges_by_offer[fill[graph.edges[e].offer]++] = static_cast<int64_t>(e);
    }
  }
  std::fill(stamp.begin(), stamp.end(), -1);
  tied.offer_lists.resize(num_offers);
  for (int32_t o = 0; o < num_offers; ++o) {
    std::vector<TiedEntry>& list = tied.offer_lists[o];
    const std::optional<std::vector<int32_t>>* explicit_ranking =
        rankings.offer_rankings.empty() ? nullptr : &rankings.offer_rankings[o];
    if (explicit_ranking != nullptr && explicit_ranking->has_value()) {
      const std::vector<int32_t>& ranking = **explicit_ranking;
      if (absl::Status s = CheckRanking(ranking, num_candidates, "offer_rankings", o,
                                        "candidate", stamp, o);
          !s.ok()) {
        return s;
      }
      for (size_t i = 0; i < ranking.size(); ++i) {
        list.push_back(TiedEntry{ranking[i], -static_cast<double>(i)});
      }
    } else {
      for (int64_t k = offer_begin[o]; k < offer_begin[o + 1]; ++k) {
        const int64_t e = edges_by_offer[k];
        list.push_back(
            TiedEntry{graph.edges[e].candidate, rankings.offer_side_scores.empty()
                                                    ? graph.edges[e].score
                                                    : rankings.offer_side_scores[e]});
      }
    }
  }
  return tied;
}

absl::StatusOr<std::vector<int64_t>> ChosenEdgesOf(const AssignmentInstance& instance,
                                                   const TwoSidedMarket& market,
                                                   const TwoSidedMatching& matching) {
  if (market.num_candidates() != static_cast<int32_t>(instance.candidates.size()) ||
      market.num_offers() != static_cast<int32_t>(instance.offers.size()) ||
      matching.pair_of_candidate.size() != instance.candidates.size()) {
    return absl::InvalidArgumentError(
        "the market and the matching must have the instance's candidates and offers");
  }
  std::vector<int64_t> chosen(instance.candidates.size(), -1);
  for (int32_t c = 0; c < market.num_candidates(); ++c) {
    const int64_t p = matching.pair_of_candidate[c];
    if (p < 0) continue;
    const int64_t e = FindEdge(instance.graph, c, market.pairs[p].offer);
    if (e < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("candidate ", c, " is matched to offer ", market.pairs[p].offer,
                       ", which is not an eligible pair"));
    }
    chosen[c] = e;
  }
  return chosen;
}

absl::StatusOr<TwoSidedMatching> MatchingOfOutcome(const TwoSidedMarket& market,
                                                   const AssignmentOutcome& outcome) {
  TwoSidedMatching matching{std::vector<int64_t>(market.num_candidates(), -1)};
  for (size_t i = 0; i < outcome.placements.size(); ++i) {
    const Placement& p = outcome.placements[i];
    if (p.locked) continue;
    if (p.candidate < 0 || p.candidate >= market.num_candidates()) {
      return absl::InvalidArgumentError(absl::StrCat("placements[", i, "].candidate ",
                                                     p.candidate, " is out of range"));
    }
    const int64_t pair = market.FindPair(p.candidate, p.offer);
    if (pair < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("placements[", i, "] (candidate ", p.candidate, ", offer ",
                       p.offer, ") is not a mutually acceptable pair"));
    }
    matching.pair_of_candidate[p.candidate] = pair;
  }
  return matching;
}

AssignmentInstance RestrictToMutuallyAcceptable(const AssignmentInstance& instance,
                                                const TwoSidedMarket& market) {
  AssignmentInstance out;
  out.candidates = instance.candidates;
  out.offers = instance.offers;
  out.capacity = instance.capacity;
  out.locked = instance.locked;
  out.candidate_locked = instance.candidate_locked;
  out.graph.exclusions = instance.graph.exclusions;
  const EligibleGraph& graph = instance.graph;
  out.graph.candidate_begin.push_back(0);
  for (int32_t c = 0; c + 1 < static_cast<int32_t>(graph.candidate_begin.size()); ++c) {
    for (const ScoredEdge& e : graph.EdgesOf(c)) {
      if (market.FindPair(c, e.offer) >= 0) out.graph.edges.push_back(e);
    }
    out.graph.candidate_begin.push_back(static_cast<int64_t>(out.graph.edges.size()));
  }
  return out;
}

}  // namespace azubimatch::engine

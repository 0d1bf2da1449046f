#include "engine/matching/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace azubimatch::engine {

double InterpolatedQuantile(const std::vector<double>& sorted_values, double q) {
  if (sorted_values.empty()) return 0.0;
  const double position = q * static_cast<double>(sorted_values.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(position));
  const size_t hi = std::min(lo + 1, sorted_values.size() - 1);
  const double fraction = position - static_cast<double>(lo);
  return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * fraction;
}

int64_t CountBlockingPairs(const AssignmentInstance& instance,
                           const AssignmentOutcome& outcome) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const size_t num_candidates = instance.candidates.size();
  const size_t num_offers = instance.offers.size();
  std::vector<double> candidate_has(num_candidates, -kInf);
  std::vector<int32_t> placed_at(num_candidates, -1);
  std::vector<double> offer_worst(num_offers, kInf);
  std::vector<int32_t> offer_unlocked(num_offers, 0);
  for (const Placement& p : outcome.placements) {
    if (p.locked) continue;
    candidate_has[p.candidate] = p.score;
    placed_at[p.candidate] = p.offer;
    offer_worst[p.offer] = std::min(offer_worst[p.offer], p.score);
    ++offer_unlocked[p.offer];
  }
  for (size_t o = 0; o < num_offers; ++o) {
    if (instance.capacity[o] == 0) {
      offer_worst[o] = kInf;  // every seat locked: cannot take anybody
    } else if (offer_unlocked[o] < instance.capacity[o]) {
      offer_worst[o] = -kInf;  // a seat left: takes any eligible candidate
    }
  }
  int64_t blocking = 0;
  for (const ScoredEdge& e : instance.graph.edges) {
    if (instance.candidate_locked[e.candidate] || placed_at[e.candidate] == e.offer)
      continue;
    if (e.score > candidate_has[e.candidate] && e.score > offer_worst[e.offer])
      ++blocking;
  }
  return blocking;
}

MatchingMetrics ComputeMetrics(const AssignmentInstance& instance,
                               const AssignmentOutcome& outcome) {
  MatchingMetrics m;
  m.candidates = static_cast<int64_t>(instance.candidates.size());
  for (const OfferProfile& offer : instance.offers)
    m.seats += std::max(offer.seats_free, 0);
  m.placed = static_cast<int64_t>(outcome.placements.size());
  m.fill_rate =
      m.seats > 0 ? static_cast<double>(m.placed) / static_cast<double>(m.seats) : 0.0;

  std::vector<Placement> placements = outcome.placements;
  std::sort(
      placements.begin(), placements.end(),
      [](const Placement& a, const Placement& b) { return a.candidate < b.candidate; });
  int64_t first_choice = 0, top3 = 0;
  std::vector<double> commutes;
  commutes.reserve(placements.size());
  for (const Placement& p : placements) {
    m.total_score += p.score;
    if (p.locked) ++m.placed_locked;
    if (p.wish_rank == 0) ++first_choice;
    if (p.wish_rank >= 0 && p.wish_rank < 3) ++top3;
    commutes.push_back(p.travel_minutes);
  }
  m.mean_score = m.placed > 0 ? m.total_score / static_cast<double>(m.placed) : 0.0;
  if (m.candidates > 0) {
    m.first_choice_share =
        static_cast<double>(first_choice) / static_cast<double>(m.candidates);
    m.top3_share = static_cast<double>(top3) / static_cast<double>(m.candidates);
  }
  std::sort(commutes.begin(), commutes.end());
  m.commute_median_minutes = InterpolatedQuantile(commutes, 0.5);
  m.commute_p90_minutes = InterpolatedQuantile(commutes, 0.9);
  m.blocking_pairs = CountBlockingPairs(instance, outcome);
  for (const UnmatchedCandidate& u : outcome.unmatched) {
    if (u.reason == UnmatchedReason::kOutcompeted) {
      ++m.unmatched_outcompeted;
    } else {
      ++m.unmatched_no_eligible_offer;
      ++m.unmatched_by_top_constraint[static_cast<int>(u.top_constraint)];
    }
  }
  return m;
}

}  // namespace azubimatch::engine

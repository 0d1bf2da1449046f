// Brute-force references for the assignment tests, independent of the engine's own
// edge lists: eligibility and scores come straight from Explain on every pair.
#ifndef AZUBIMATCH_TESTS_ENGINE_MATCHING_ASSIGNMENT_TEST_SUPPORT_H_
#define AZUBIMATCH_TESTS_ENGINE_MATCHING_ASSIGNMENT_TEST_SUPPORT_H_

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/matching/assignment_outcome.h"
#include "engine/matching/eligible_pairs.h"
#include "engine/matching/scoring.h"

namespace azubimatch::engine::testing {

// Placements as (candidate id, offer id) pairs.
inline std::set<std::pair<std::string, std::string>> PlacedIds(
    const std::vector<CandidateProfile>& candidates,
    const std::vector<OfferProfile>& offers, const AssignmentOutcome& outcome) {
  std::set<std::pair<std::string, std::string>> out;
  for (const Placement& p : outcome.placements) {
    out.emplace(candidates[p.candidate].id, offers[p.offer].id);
  }
  return out;
}

// Counts blocking pairs with nested loops over every candidate and offer, asking
// Explain for eligibility and scores.
inline int64_t BruteForceBlockingPairs(const std::vector<CandidateProfile>& candidates,
                                       const std::vector<OfferProfile>& offers,
                                       const std::vector<PairIds>& locked,
                                       const std::vector<PairIds>& banned,
                                       const ScoringPolicy& policy,
                                       const TravelTimeModel& travel,
                                       const AssignmentOutcome& outcome) {
  std::set<std::pair<std::string, std::string>> banned_set;
  for (const PairIds& p : banned) banned_set.emplace(p.candidate_id, p.offer_id);
  std::set<std::string> locked_candidates;
  std::map<std::string, int> locked_seats;
  for (const PairIds& p : locked) {
    locked_candidates.insert(p.candidate_id);
    ++locked_seats[p.offer_id];
  }
  std::map<std::string, std::pair<std::string, double>>
      placed;                                       // candidate -> offer, score
  std::map<std::string, std::vector<double>> held;  // offer -> unlocked scores
  for (const Placement& p : outcome.placements) {
    placed[candidates[p.candidate].id] = {offers[p.offer].id, p.score};
    if (!p.locked) held[offers[p.offer].id].push_back(p.score);
  }
  int64_t blocking = 0;
  for (const CandidateProfile& c : candidates) {
    if (locked_candidates.count(c.id)) continue;
    for (const OfferProfile& o : offers) {
      const Explanation x =
          Explain(c, o, policy, travel, banned_set.count({c.id, o.id}) > 0);
      if (!x.eligible) continue;
      auto it = placed.find(c.id);
      if (it != placed.end() && it->second.first == o.id) continue;
      const bool candidate_prefers = it == placed.end() || x.score > it->second.second;
      const int seats = std::max(o.seats_free, 0) - locked_seats[o.id];
      const std::vector<double>& scores = held[o.id];
      bool offer_prefers = false;
      if (seats > 0) {
        offer_prefers = static_cast<int>(scores.size()) < seats ||
                        x.score > *std::min_element(scores.begin(), scores.end());
      }
      if (candidate_prefers && offer_prefers) ++blocking;
    }
  }
  return blocking;
}

}  // namespace azubimatch::engine::testing

#endif  // AZUBIMATCH_TESTS_ENGINE_MATCHING_ASSIGNMENT_TEST_SUPPORT_H_

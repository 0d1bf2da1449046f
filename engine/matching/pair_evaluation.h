// EvaluatePair: the one computation behind every score and eligibility decision.
// Explain (scoring.h) adds words to it; pair generation and the assignment modes use
// it directly. Because they all run this same code on the same inputs, a score in a
// suggestion or a placement equals the Explain score of its pair bit for bit.
//
// Formulas (policy fields in scoring_policy.h; all values clamped to [0, 1]):
//   occupation  decay^r for the wish at 0-based rank r; with a sector-only match
//               sector_match_value * decay^(sector rank); 0 when neither matches.
//   language    (1 - share) * requirement_fit + share * shared, where requirement_fit is
//               the lowest over the offer's requirements of
//               min(1, fit_at_minimum + fit_per_level * levels above), 0 for an unmet
//               one, 1 without requirements; shared is 1 when the candidate speaks one
//               of the company's languages other than local_language at
//               shared_language_min_level or better.
//   commute     1 - travel_minutes / travel_limit_minutes.
//   certificate 1 when the minimum is met; otherwise 0 (hard) or
//               1 - missing levels * certificate_deficit_penalty (soft).
//   start_date  1 when available at most full_fit_days before the start, falling
//               linearly to 0 over decay_days; 0 when available only after the start.
//   contribution_i = normalized_weight_i * value_i, and
//   score = ((((0 + c_occupation) + c_language) + c_commute) + c_certificate) +
//   c_start_date
// summed in exactly that order. Scores are computed for ineligible pairs too (what the
// pair would score); the failed constraints decide eligibility alone.
//
// Thread safety: pure function. Complexity: O(wishes + languages * (requirements +
// company languages)), no allocation.
#ifndef AZUBIMATCH_ENGINE_MATCHING_PAIR_EVALUATION_H_
#define AZUBIMATCH_ENGINE_MATCHING_PAIR_EVALUATION_H_

#include <array>
#include <cstdint>

#include "engine/matching/constraints.h"
#include "engine/matching/model.h"
#include "engine/matching/scoring_policy.h"

namespace azubimatch::engine {

struct PairEvaluation {
  ConstraintMask failed = 0;  // empty: the pair is eligible
  double travel_minutes = 0.0;
  int32_t wish_rank = -1;    // 0-based rank of the offer's occupation among the wishes
  int32_t sector_rank = -1;  // rank among desired sectors for a sector-only match
  std::array<double, kComponentCount> weights{};        // normalised
  std::array<double, kComponentCount> values{};         // each in [0, 1]
  std::array<double, kComponentCount> contributions{};  // weights[i] * values[i]
  double score = 0.0;                                   // sum of contributions, in order

  bool eligible() const { return failed == 0; }
};

// Evaluates the pair with the given one-way travel time (from the travel-time model)
// and whether the pair is banned.
// REQUIRES: ValidateScoringPolicy(policy).ok().
PairEvaluation EvaluatePair(const CandidateProfile& candidate, const OfferProfile& offer,
                            const ScoringPolicy& policy, double travel_minutes,
                            bool banned);

// The sector an offer is matched by under policy.allow_sector_match: the occupation's
// sector, or the company's when the occupation has none.
Sector MatchingSector(const OfferProfile& offer);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_PAIR_EVALUATION_H_

// The company-side policy of issue 11: a second set of weights over the pair score's
// five components (scoring_policy.h), set per member, by which an offer without an
// explicit ranking ranks its eligible candidates. The candidate side keeps the pair
// score. CompanySideScores turns the weights of each offer into the offers' default
// preference per eligible edge (TwoSidedRankings::offer_side_scores,
// two_sided_instance.h); ties are still broken by the run's seed.
//
// Formula, for an eligible edge (c, o) whose offer has weights w:
//   values      the pair's component values (EvaluatePair, the code behind Explain,
//               with the edge's travel time), each in [0, 1];
//   normalised  w_i / sum(w), computed as NormalizedWeights does for the pair score;
//   company     ((((0 + n_0 v_0) + n_1 v_1) + n_2 v_2) + n_3 v_3) + n_4 v_4, summed
//               in exactly the pair score's order.
// So an offer whose weights equal the run policy's (PairScoreWeights) gets its pair
// scores bit for bit, and every run is exactly the run without company policies.
// Offers without weights (nullopt) keep the pair score.
//
// Thread safety: pure functions. Complexity: CompanySideScores O(E * e) for E eligible
// edges of offers with weights and e the cost of EvaluatePair (O(wishes + languages^2));
// O(1) when no offer has weights.
#ifndef AZUBIMATCH_ENGINE_MATCHING_COMPANY_POLICY_H_
#define AZUBIMATCH_ENGINE_MATCHING_COMPANY_POLICY_H_

#include <array>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/scoring_policy.h"

namespace azubimatch::engine {

// Weights in ComponentId order (occupation, language, commute, certificate,
// start_date), not normalised.
using ComponentWeights = std::array<double, kComponentCount>;

// The pair score's weights of `policy`, in ComponentId order, as given (not normalised).
ComponentWeights PairScoreWeights(const ScoringPolicy& policy);

// OK, or InvalidArgument naming the component ("commute_weight is negative") when a
// weight is negative or not finite, or when no weight is positive.
absl::Status ValidateComponentWeights(const ComponentWeights& weights);

// The offers' default preference for every eligible edge of `instance` (aligned with
// instance.graph.edges), for TwoSidedRankings::offer_side_scores; see the file comment.
// `offer_weights` is empty or has one entry per offer of the pool. Returns an empty
// vector (the pair score everywhere) when no offer has weights.
// Errors: InvalidArgument for a size mismatch or invalid weights, naming
// "offer_weights[o]". REQUIRES: ValidateScoringPolicy(policy).ok() and `instance` built
// under `policy`.
absl::StatusOr<std::vector<double>> CompanySideScores(
    const AssignmentInstance& instance, const ScoringPolicy& policy,
    absl::Span<const std::optional<ComponentWeights>> offer_weights);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_COMPANY_POLICY_H_

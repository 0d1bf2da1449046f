#include "engine/matching/best_stable.h"

#include <vector>

#include "engine/base/status_macros.h"
#include "engine/matching/max_weight_closure.h"
#include "engine/matching/stable_rotations.h"

namespace azubimatch::engine {

absl::StatusOr<TwoSidedMatching> BestStable(const TwoSidedMarket& market,
                                            const ProgressCallback& progress) {
  AZM_ASSIGN_OR_RETURN(RotationPoset poset, BuildRotationPoset(market, progress));
  std::vector<int64_t> weights;
  weights.reserve(poset.rotations.size());
  for (const Rotation& r : poset.rotations) weights.push_back(r.weight);
  const std::vector<uint8_t> eliminate = MaxWeightClosure(weights, poset.precedences);
  return EliminateRotations(poset, eliminate);
}

}  // namespace azubimatch::engine

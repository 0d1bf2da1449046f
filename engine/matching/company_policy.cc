#include "engine/matching/company_policy.h"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/matching/pair_evaluation.h"

namespace azubimatch::engine {
namespace {

// The weights normalised exactly as NormalizedWeights normalises a policy's.
std::array<double, kComponentCount> Normalized(const ComponentWeights& weights) {
  ScoringPolicy policy;
  policy.occupation_weight = weights[static_cast<int>(ComponentId::kOccupation)];
  policy.language_weight = weights[static_cast<int>(ComponentId::kLanguage)];
  policy.commute_weight = weights[static_cast<int>(ComponentId::kCommute)];
  policy.certificate_weight = weights[static_cast<int>(ComponentId::kCertificate)];
  policy.date_weight = weights[static_cast<int>(ComponentId::kStartDate)];
  return NormalizedWeights(policy);
}

}  // namespace

ComponentWeights PairScoreWeights(const ScoringPolicy& policy) {
  return {policy.occupation_weight, policy.language_weight, policy.commute_weight,
          policy.certificate_weight, policy.date_weight};
}

absl::Status ValidateComponentWeights(const ComponentWeights& weights) {
  bool any_positive = false;
  for (int i = 0; i < kComponentCount; ++i) {
    const std::string name(ComponentName(static_cast<ComponentId>(i)));
    if (!std::isfinite(weights[i])) {
      return absl::InvalidArgumentError(absl::StrCat("the ", name, " weight is not finite"));
    }
    if (weights[i] < 0.0) {
      return absl::InvalidArgumentError(absl::StrCat("the ", name, " weight is negative"));
    }
    any_positive = any_positive || weights[i] > 0.0;
  }
  if (!any_positive) return absl::InvalidArgumentError("no weight is positive");
  return absl::OkStatus();
}

absl::StatusOr<std::vector<double>> CompanySideScores(
    const AssignmentInstance& instance, const ScoringPolicy& policy,
    absl::Span<const std::optional<ComponentWeights>> offer_weights) {
  if (offer_weights.empty()) return std::vector<double>();
  if (offer_weights.size() != instance.offers.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("offer_weights has ", offer_weights.size(), " entries, the pool ",
                     instance.offers.size(), " offers"));
  }
  std::vector<std::array<double, kComponentCount>> normalized(offer_weights.size());
  bool any = false;
  for (size_t o = 0; o < offer_weights.size(); ++o) {
    if (!offer_weights[o].has_value()) continue;
    if (absl::Status s = ValidateComponentWeights(*offer_weights[o]); !s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("offer_weights[", o, "]: ", s.message()));
    }
    normalized[o] = Normalized(*offer_weights[o]);
    any = true;
  }
  if (!any) return std::vector<double>();

  std::vector<double> scores;
  scores.reserve(instance.graph.edges.size());
  for (const ScoredEdge& edge : instance.graph.edges) {
    if (!offer_weights[edge.offer].has_value()) {
      scores.push_back(edge.score);
      continue;
    }
    const PairEvaluation pair =
        EvaluatePair(instance.candidates[edge.candidate], instance.offers[edge.offer],
                     policy,
                     CommuteMinutes{edge.travel_minutes, edge.school_travel_minutes},
                     /*banned=*/false);
    const std::array<double, kComponentCount>& w = normalized[edge.offer];
    double score = 0.0;
    for (int i = 0; i < kComponentCount; ++i) score += w[i] * pair.values[i];
    scores.push_back(score);
  }
  return scores;
}

}  // namespace azubimatch::engine

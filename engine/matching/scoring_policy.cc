#include "engine/matching/scoring_policy.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"

namespace azubimatch::engine {
namespace {

absl::Status CheckRange(double value, double lo, double hi, absl::string_view field) {
  if (!(value >= lo && value <= hi)) {
    return absl::InvalidArgumentError(
        absl::StrCat("policy.", field, " must be in [", lo, ", ", hi, "], got ", value));
  }
  return absl::OkStatus();
}

}  // namespace

std::string_view ComponentName(ComponentId id) {
  switch (id) {
    case ComponentId::kOccupation:
      return "occupation";
    case ComponentId::kLanguage:
      return "language";
    case ComponentId::kCommute:
      return "commute";
    case ComponentId::kCertificate:
      return "certificate";
    case ComponentId::kStartDate:
      return "start_date";
  }
  return "unknown";
}

std::array<double, kComponentCount> NormalizedWeights(const ScoringPolicy& policy) {
  const std::array<double, kComponentCount> raw = {
      policy.occupation_weight, policy.language_weight, policy.commute_weight,
      policy.certificate_weight, policy.date_weight};
  double sum = 0.0;
  for (double w : raw) sum += w;
  std::array<double, kComponentCount> normalized{};
  if (!(sum > 0.0)) return normalized;
  for (int i = 0; i < kComponentCount; ++i) normalized[i] = raw[i] / sum;
  return normalized;
}

absl::Status ValidateScoringPolicy(const ScoringPolicy& policy) {
  constexpr double kMaxWeight = 1e6;
  const struct {
    double value;
    absl::string_view field;
  } weights[] = {{policy.occupation_weight, "occupation_weight"},
                 {policy.language_weight, "language_weight"},
                 {policy.commute_weight, "commute_weight"},
                 {policy.certificate_weight, "certificate_weight"},
                 {policy.date_weight, "date_weight"}};
  double sum = 0.0;
  for (const auto& w : weights) {
    AZM_RETURN_IF_ERROR(CheckRange(w.value, 0.0, kMaxWeight, w.field));
    sum += w.value;
  }
  if (!(sum > 0.0)) {
    return absl::InvalidArgumentError("policy weights must not all be zero");
  }
  if (!(policy.occupation_rank_decay > 0.0 && policy.occupation_rank_decay <= 1.0)) {
    return absl::InvalidArgumentError(
        absl::StrCat("policy.occupation_rank_decay must be in (0, 1], got ",
                     policy.occupation_rank_decay));
  }
  AZM_RETURN_IF_ERROR(
      CheckRange(policy.sector_match_value, 0.0, 1.0, "sector_match_value"));
  AZM_RETURN_IF_ERROR(
      CheckRange(policy.language_fit_at_minimum, 0.0, 1.0, "language_fit_at_minimum"));
  AZM_RETURN_IF_ERROR(
      CheckRange(policy.language_fit_per_level, 0.0, 1.0, "language_fit_per_level"));
  AZM_RETURN_IF_ERROR(
      CheckRange(policy.shared_language_share, 0.0, 1.0, "shared_language_share"));
  if (policy.shared_language_min_level < CefrLevel::kA1 ||
      policy.shared_language_min_level > CefrLevel::kC2) {
    return absl::InvalidArgumentError("policy.shared_language_min_level must be A1..C2");
  }
  AZM_RETURN_IF_ERROR(CheckRange(policy.certificate_deficit_penalty, 0.0, 1.0,
                                 "certificate_deficit_penalty"));
  if (policy.start_date_full_fit_days < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("policy.start_date_full_fit_days must be >= 0, got ",
                     policy.start_date_full_fit_days));
  }
  if (policy.start_date_decay_days <= 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "policy.start_date_decay_days must be > 0, got ", policy.start_date_decay_days));
  }
  return absl::OkStatus();
}

}  // namespace azubimatch::engine

// ScoringPolicy: the switches and weights that decide which candidate–offer pairs are
// eligible and how eligible pairs are scored. See scoring.h for the formulas.
//
// The score is a weighted sum of five components, each in [0, 1]:
//   occupation, language, commute, certificate, start_date   (in this fixed order).
// The weights are normalised by their sum, so the score is in [0, 1] whatever scale the
// weights are given in: contribution_i = (weight_i / sum of weights) * value_i.
//
// Thread safety: a plain value. Complexity: ValidateScoringPolicy is O(1).
#ifndef AZUBIMATCH_ENGINE_MATCHING_SCORING_POLICY_H_
#define AZUBIMATCH_ENGINE_MATCHING_SCORING_POLICY_H_

#include <array>
#include <string>

#include "absl/status/status.h"
#include "engine/matching/model.h"

namespace azubimatch::engine {

struct ScoringPolicy {
  // ---- Hard constraints ----

  // When true, an offer whose occupation is not among the candidate's desired
  // occupations is still eligible if its sector (the occupation's sector, or the
  // company's when the occupation has none) is among the candidate's desired sectors.
  // Default: false (only wished occupations).
  bool allow_sector_match = false;

  // When true, a school certificate below the offer's minimum excludes the pair; when
  // false, it only lowers the certificate component (certificate_deficit_penalty).
  // Default: true (a company's stated minimum is respected).
  bool certificate_is_hard = true;

  // ---- Weights (>= 0, finite, sum > 0; normalised by their sum) ----

  // Rank of the offer's occupation among the candidate's wishes. Default: 0.35.
  double occupation_weight = 0.35;
  // Language fit: margin over the required levels, shared company language. Default:
  // 0.15.
  double language_weight = 0.15;
  // Commute: shorter is better, relative to the candidate's limit. Default: 0.30.
  double commute_weight = 0.30;
  // School certificate against the offer's minimum. Default: 0.10.
  double certificate_weight = 0.10;
  // Start date against the candidate's availability. Default: 0.10.
  double date_weight = 0.10;

  // ---- Component shapes ----

  // Occupation value for the wish at 0-based rank r is occupation_rank_decay^r:
  // 1, 0.8, 0.64, ... In (0, 1]. Default: 0.8.
  double occupation_rank_decay = 0.8;
  // Occupation value of a sector-only match (allow_sector_match) is
  // sector_match_value * occupation_rank_decay^(sector rank). In [0, 1]. Default: 0.3.
  double sector_match_value = 0.3;

  // Fit of one language requirement met exactly. In [0, 1]. Default: 0.6.
  double language_fit_at_minimum = 0.6;
  // Fit added per CEFR level above the requirement, capped at 1. >= 0. Default: 0.2
  // (one level above: 0.8, two or more: 1.0).
  double language_fit_per_level = 0.2;
  // Share of the language value that a shared company language earns: value =
  // (1 - share) * requirement fit + share * [candidate speaks one of the company's
  // languages other than local_language at shared_language_min_level or better].
  // The requirement fit is the lowest fit over the offer's requirements, 1 without any.
  // In [0, 1]. Default: 0.25.
  double shared_language_share = 0.25;
  // Lowest level at which a company language counts as shared. Default: A2.
  CefrLevel shared_language_min_level = CefrLevel::kA2;
  // The language everybody is expected to share, which earns no bonus. Default: "de".
  std::string local_language = "de";

  // Commute value is 1 - minutes / limit, clamped to [0, 1]; no parameter. With a
  // vocational school, minutes is the mean over a 5-day week of the travel times to
  // the place of work and to the school, weighted by the days spent at each.

  // Certificate value when below the minimum and certificate_is_hard is false:
  // max(0, 1 - levels_missing * certificate_deficit_penalty). In [0, 1]. Default: 0.5.
  double certificate_deficit_penalty = 0.5;

  // Start-date value is 1 while the candidate is available at most
  // start_date_full_fit_days before the start, then falls linearly to 0 over
  // start_date_decay_days (waiting long for a start is worse). >= 0. Default: 270.
  int32_t start_date_full_fit_days = 270;
  // > 0. Default: 365.
  int32_t start_date_decay_days = 365;
};

// The five soft components, in the order in which contributions are summed.
enum class ComponentId : int8_t {
  kOccupation = 0,
  kLanguage = 1,
  kCommute = 2,
  kCertificate = 3,
  kStartDate = 4,
};
inline constexpr int kComponentCount = 5;

// "occupation", "language", "commute", "certificate", "start_date".
std::string_view ComponentName(ComponentId id);

// The weights divided by their sum, in ComponentId order.
// REQUIRES: ValidateScoringPolicy(policy).ok().
std::array<double, kComponentCount> NormalizedWeights(const ScoringPolicy& policy);

// OK, or InvalidArgument naming the first field outside the range documented above.
absl::Status ValidateScoringPolicy(const ScoringPolicy& policy);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_SCORING_POLICY_H_

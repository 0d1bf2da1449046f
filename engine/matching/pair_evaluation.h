// The one computation behind every score and eligibility decision.
//
// EvaluateFacts turns the facts of a pair (plain numbers: levels, days, ranks, travel
// minutes) into failed constraints, component values and the score. Everything else
// only gathers facts: EvaluatePair (used by Explain, scoring.h) does it for one pair,
// pair generation (eligible_pairs.h) for a whole pool with interned languages. Because
// both end in this same function with the same facts, a score in a suggestion or a
// placement equals the Explain score of its pair bit for bit.
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
//   commute     1 - weekly_minutes / travel_limit_minutes, where weekly_minutes is the
//               travel time to the place of work for an offer without a vocational
//               school (exactly that double: such offers score as they always did), and
//               otherwise ((5 - d) * work + d * school) / 5 for d school days a week
//               (SchoolDaysPerWeek, model.h). Eligible only when both the place of
//               work and the school are within the limit.
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
// Thread safety: pure functions; OfferFactsTable is immutable after construction.
// Complexity: EvaluateFacts is O(requirements + company languages), no allocation;
// EvaluatePair adds O(wishes + languages^2) for gathering facts.
//
// Travel times: the callers ask the travel-time model (MinutesToOffer, travel_time.h,
// or a batch); the offer's school days come with its facts.
#ifndef AZUBIMATCH_ENGINE_MATCHING_PAIR_EVALUATION_H_
#define AZUBIMATCH_ENGINE_MATCHING_PAIR_EVALUATION_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"
#include "engine/matching/constraints.h"
#include "engine/matching/model.h"
#include "engine/matching/scoring_policy.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::engine {

struct PairEvaluation {
  ConstraintMask failed = 0;  // empty: the pair is eligible
  double travel_minutes = 0.0;  // to the place of work
  double school_travel_minutes = 0.0;  // to the vocational school; 0 without one
  int32_t school_days = 0;   // per week at the school; 0: the offer names no school
  int32_t wish_rank = -1;    // 0-based rank of the offer's occupation among the wishes
  int32_t sector_rank = -1;  // rank among desired sectors for a sector-only match
  std::array<double, kComponentCount> weights{};        // normalised
  std::array<double, kComponentCount> values{};         // each in [0, 1]
  std::array<double, kComponentCount> contributions{};  // weights[i] * values[i]
  double score = 0.0;                                   // sum of contributions, in order

  bool eligible() const { return failed == 0; }
};

// A policy with its normalised weights computed once and, for bulk scoring, the
// occupation values of the first kRankTableSize ranks looked up instead of computed
// (the table holds the very doubles the computation gives).
// REQUIRES: ValidateScoringPolicy(policy).ok(); `policy` outlives this object.
class PreparedPolicy {
 public:
  static constexpr int kRankTableSize = 16;

  explicit PreparedPolicy(const ScoringPolicy& policy, bool rank_tables = false);

  const ScoringPolicy& policy() const { return policy_; }
  const std::array<double, kComponentCount>& weights() const { return weights_; }
  // decay^rank, clamped to [0, 1].
  double WishValue(int32_t rank) const;
  // sector_match_value * decay^rank, clamped to [0, 1].
  double SectorValue(int32_t rank) const;

 private:
  const ScoringPolicy& policy_;
  std::array<double, kComponentCount> weights_;
  bool tables_;
  std::array<double, kRankTableSize> wish_values_{};
  std::array<double, kRankTableSize> sector_values_{};
};

// Where the offer's occupation stands among the candidate's wishes.
struct OccupationMatch {
  int32_t wish_rank = -1;    // first position of the offer's code in the wishes
  int32_t sector_rank = -1;  // with allow_sector_match and no wish: first position of
                             // MatchingSector(offer) in the desired sectors
};

// A language requirement with the language as a small id (interned per pool or pair).
struct RequiredLanguage {
  int32_t language = 0;
  CefrLevel level = CefrLevel::kNone;
};

// What scoring needs of an offer, besides its occupation and location.
struct OfferFacts {
  int32_t start_day = 0;  // Date::days_since_epoch
  int32_t seats_free = 0;
  SchoolCertificate min_certificate = SchoolCertificate::kNone;
  bool open = true;
  int32_t school_days = 0;  // SchoolDaysPerWeek: 0 without a vocational school
  GeoPoint school;          // the school's location when school_days > 0
  absl::Span<const RequiredLanguage> required;  // in the offer's order
  absl::Span<const int32_t> company_languages;  // ids, local language left out
};

// What scoring needs of a candidate, besides wishes and home.
struct CandidateFacts {
  double travel_limit_minutes = 0.0;
  SchoolCertificate certificate = SchoolCertificate::kNone;
  int32_t available_day = 0;  // Date::days_since_epoch
  // Level per language id (kNone where not spoken); ids past the end are not spoken.
  absl::Span<const CefrLevel> levels;
};

// The soft components' formulas for facts that pass the hard constraints, each in
// [0, 1]; EvaluateFacts uses them, and so may an upper bound of a pair's score
// (service/matching/suggestions.cc), which then agrees with it bit for bit.
//   RequirementFit  one required language: `have` >= `need` (CEFR levels as ints);
//                   a pair's requirement fit is the lowest over its requirements (1
//                   without any);
//   LanguageFit     from the requirement fit and whether a company language is shared;
//   CommuteFit      travel time `minutes` <= `limit` (the weekly minutes below);
//   WeeklyMinutes   the travel time the commute value is computed from: `minutes.work`
//                   when `school_days` is 0, else the days-weighted mean of both;
//   WithinLimit     the travel-time constraint: the place of work and (with school
//                   days) the school both within `limit`;
//   CertificateFit  `missing` certificate levels (<= 0: none missing);
//   StartDateFit    `wait` >= 0 days from availability to the start.
double RequirementFit(const ScoringPolicy& policy, int have, int need);
double LanguageFit(const ScoringPolicy& policy, double requirement_fit, bool shared);
double CommuteFit(double minutes, double limit);
double WeeklyMinutes(CommuteMinutes minutes, int32_t school_days);
bool WithinLimit(CommuteMinutes minutes, int32_t school_days, double limit);
double CertificateFit(const ScoringPolicy& policy, int missing);
double StartDateFit(const ScoringPolicy& policy, int64_t wait);

// The core: see the file comment.
PairEvaluation EvaluateFacts(const CandidateFacts& candidate, const OfferFacts& offer,
                             OccupationMatch occupation, const PreparedPolicy& prepared,
                             CommuteMinutes minutes, bool banned);

// The sector an offer is matched by under policy.allow_sector_match: the occupation's
// sector, or the company's when the occupation has none.
Sector MatchingSector(const OfferProfile& offer);

// Scans the candidate's wishes (and sectors, when the policy allows) for the offer.
OccupationMatch FindOccupationMatch(const CandidateProfile& candidate,
                                    const OfferProfile& offer,
                                    const ScoringPolicy& policy);

// Gathers the facts of one pair and evaluates it, with the given one-way travel times
// (MinutesToOffer) and whether the pair is banned.
// REQUIRES: ValidateScoringPolicy(policy).ok().
PairEvaluation EvaluatePair(const CandidateProfile& candidate, const OfferProfile& offer,
                            const ScoringPolicy& policy, CommuteMinutes minutes,
                            bool banned);

// Small ids for language codes, shared by the offer facts of one pool.
class LanguageIds {
 public:
  int32_t Intern(const std::string& language);
  int32_t size() const { return static_cast<int32_t>(ids_.size()); }

  // Writes the candidate's level of every interned language into `levels` (resized to
  // size(); kNone where not spoken). The first listing of a language counts.
  void FillLevels(const CandidateProfile& candidate,
                  std::vector<CefrLevel>& levels) const;

 private:
  absl::flat_hash_map<std::string, int32_t> ids_;
};

// The facts of some offers of a pool, stored contiguously in the order given, so that
// a scan in that order reads memory sequentially.
class OfferFactsTable {
 public:
  // Facts of offers[order[0]], offers[order[1]], ...; languages are interned in
  // `languages`. `policy` must outlive the call only.
  OfferFactsTable(absl::Span<const OfferProfile> offers, absl::Span<const int32_t> order,
                  const ScoringPolicy& policy, LanguageIds& languages);
  OfferFactsTable(const OfferFactsTable&) = delete;
  OfferFactsTable& operator=(const OfferFactsTable&) = delete;
  OfferFactsTable(OfferFactsTable&&) = default;  // spans stay valid: buffers move
  OfferFactsTable& operator=(OfferFactsTable&&) = default;

  // The facts of offers[order[position]].
  const OfferFacts& facts(size_t position) const { return facts_[position]; }

 private:
  std::vector<RequiredLanguage> required_;
  std::vector<int32_t> company_languages_;
  std::vector<OfferFacts> facts_;
};

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_PAIR_EVALUATION_H_

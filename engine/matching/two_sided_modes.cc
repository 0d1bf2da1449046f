#include "engine/matching/two_sided_modes.h"

#include "absl/strings/str_format.h"
#include "engine/matching/best_stable.h"
#include "engine/matching/two_sided_greedy.h"
#include "engine/matching/two_sided_optimal.h"
#include "engine/matching/two_sided_stable.h"

namespace azubimatch::engine {
namespace {

constexpr TwoSidedMode kModes[] = {TwoSidedMode::kOptimal, TwoSidedMode::kStable,
                                   TwoSidedMode::kStableOfferProposing,
                                   TwoSidedMode::kBestStable, TwoSidedMode::kGreedy};

}  // namespace

std::string_view TwoSidedModeName(TwoSidedMode mode) {
  switch (mode) {
    case TwoSidedMode::kOptimal:
      return "optimal";
    case TwoSidedMode::kStable:
      return "stable";
    case TwoSidedMode::kStableOfferProposing:
      return "stable-offer-proposing";
    case TwoSidedMode::kBestStable:
      return "best-stable";
    case TwoSidedMode::kGreedy:
      return "greedy";
  }
  return "unknown";
}

absl::StatusOr<TwoSidedMode> ParseTwoSidedMode(std::string_view name) {
  for (TwoSidedMode mode : kModes) {
    if (TwoSidedModeName(mode) == name) return mode;
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "mode must be one of optimal, stable, stable-offer-proposing, best-stable, greedy; "
      "got '%s'",
      name));
}

absl::StatusOr<TwoSidedMatching> SolveTwoSided(const TwoSidedMarket& market,
                                               TwoSidedMode mode,
                                               const ProgressCallback& progress) {
  switch (mode) {
    case TwoSidedMode::kOptimal:
      return OptimalTwoSided(market, progress);
    case TwoSidedMode::kStable:
      return CandidateProposingStable(market, progress);
    case TwoSidedMode::kStableOfferProposing:
      return OfferProposingStable(market, progress);
    case TwoSidedMode::kBestStable:
      return BestStable(market, progress);
    case TwoSidedMode::kGreedy:
      return GreedyTwoSided(market);
  }
  return absl::InvalidArgumentError("unknown two-sided mode");
}

}  // namespace azubimatch::engine

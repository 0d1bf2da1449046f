// Test support: the strict lists and the market of an assignment instance under given
// rankings and seed (TiedMarketFromInstance, BreakTiesBySeed, BuildTwoSidedMarket), each
// step checked with gtest expectations.
#ifndef AZUBIMATCH_TESTS_ENGINE_MATCHING_TWO_SIDED_INSTANCE_SUPPORT_H_
#define AZUBIMATCH_TESTS_ENGINE_MATCHING_TWO_SIDED_INSTANCE_SUPPORT_H_

#include <cstdint>
#include <utility>

#include "absl/status/statusor.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/seeded_tie_breaking.h"
#include "engine/matching/two_sided_instance.h"
#include "engine/matching/two_sided_market.h"
#include "gtest/gtest.h"

namespace azubimatch::engine::testing {

inline TwoSidedMarketInput StrictListsOf(const AssignmentInstance& instance,
                                         const TwoSidedRankings& rankings, uint64_t seed) {
  absl::StatusOr<TiedMarketInput> tied = TiedMarketFromInstance(instance, rankings);
  EXPECT_TRUE(tied.ok()) << tied.status();
  absl::StatusOr<TwoSidedMarketInput> strict = BreakTiesBySeed(*tied, seed);
  EXPECT_TRUE(strict.ok()) << strict.status();
  return *std::move(strict);
}

inline TwoSidedMarket MarketOf(const AssignmentInstance& instance,
                               const TwoSidedRankings& rankings, uint64_t seed) {
  absl::StatusOr<TwoSidedMarket> market =
      BuildTwoSidedMarket(StrictListsOf(instance, rankings, seed));
  EXPECT_TRUE(market.ok()) << market.status();
  return *std::move(market);
}

}  // namespace azubimatch::engine::testing

#endif  // AZUBIMATCH_TESTS_ENGINE_MATCHING_TWO_SIDED_INSTANCE_SUPPORT_H_

// Ranks of ids in byte-wise string order, so that tie-breaks "by id" compare integers.
//
// Thread safety: pure function. Complexity: O(n log n) string comparisons.
#ifndef AZUBIMATCH_ENGINE_MATCHING_ID_ORDER_H_
#define AZUBIMATCH_ENGINE_MATCHING_ID_ORDER_H_

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "absl/types/span.h"

namespace azubimatch::engine {

// rank[i] is the position of profiles[i].id among all ids sorted ascending.
// REQUIRES: ids are distinct.
template <typename Profile>
std::vector<int32_t> IdRanks(absl::Span<const Profile> profiles) {
  std::vector<int32_t> order(profiles.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int32_t a, int32_t b) { return profiles[a].id < profiles[b].id; });
  std::vector<int32_t> rank(profiles.size());
  for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<int32_t>(r);
  return rank;
}

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_ID_ORDER_H_

// IndexPool: validates the profiles of a pool and maps their ids to positions.
//
// Thread safety: pure function; the returned maps view the profiles' id strings, which
// must outlive the index and stay unchanged.
// Complexity: O(C + O) expected, plus the validation of every profile.
#ifndef AZUBIMATCH_ENGINE_MATCHING_POOL_INDEX_H_
#define AZUBIMATCH_ENGINE_MATCHING_POOL_INDEX_H_

#include <cstdint>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "engine/matching/model.h"

namespace azubimatch::engine {

struct PoolIndex {
  absl::flat_hash_map<std::string_view, int32_t> candidate_by_id;
  absl::flat_hash_map<std::string_view, int32_t> offer_by_id;

  // Position of the id, or -1.
  int32_t FindCandidate(std::string_view id) const {
    auto it = candidate_by_id.find(id);
    return it == candidate_by_id.end() ? -1 : it->second;
  }
  int32_t FindOffer(std::string_view id) const {
    auto it = offer_by_id.find(id);
    return it == offer_by_id.end() ? -1 : it->second;
  }
};

// InvalidArgument naming the field for an invalid profile ("candidates[3].home.lat ...")
// or a repeated id ("offers[7].id 'x' repeats offers[2]"), or when a side holds more
// than 2^31 - 1 profiles.
absl::StatusOr<PoolIndex> IndexPool(absl::Span<const CandidateProfile> candidates,
                                    absl::Span<const OfferProfile> offers);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_POOL_INDEX_H_

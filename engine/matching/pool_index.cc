#include "engine/matching/pool_index.h"

#include <limits>

#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"

namespace azubimatch::engine {
namespace {

template <typename Profile, typename Validate>
absl::Status IndexSide(absl::Span<const Profile> profiles, absl::string_view side,
                       Validate validate,
                       absl::flat_hash_map<std::string_view, int32_t>& by_id) {
  if (profiles.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    return absl::InvalidArgumentError(
        absl::StrCat(side, " holds ", profiles.size(), " entries, more than 2^31 - 1"));
  }
  by_id.reserve(profiles.size());
  for (size_t i = 0; i < profiles.size(); ++i) {
    const std::string prefix = absl::StrCat(side, "[", i, "]");
    AZM_RETURN_IF_ERROR(validate(profiles[i], prefix));
    auto [it, inserted] = by_id.emplace(profiles[i].id, static_cast<int32_t>(i));
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrCat(
          prefix, ".id '", profiles[i].id, "' repeats ", side, "[", it->second, "]"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<PoolIndex> IndexPool(absl::Span<const CandidateProfile> candidates,
                                    absl::Span<const OfferProfile> offers) {
  PoolIndex index;
  AZM_RETURN_IF_ERROR(IndexSide(candidates, "candidates", ValidateCandidateProfile,
                                index.candidate_by_id));
  AZM_RETURN_IF_ERROR(
      IndexSide(offers, "offers", ValidateOfferProfile, index.offer_by_id));
  return index;
}

}  // namespace azubimatch::engine

#include "service/data_protection/candidate_holdings.h"

#include <utility>

#include "engine/base/status_macros.h"

namespace azubimatch::service {

bool MentionsId(std::string_view bytes, std::string_view id) {
  return bytes.find(id) != std::string_view::npos;
}

absl::StatusOr<CandidateHoldings> FindCandidateHoldings(const KvStore& store,
                                                        std::string_view id) {
  CandidateHoldings holdings;
  AZM_RETURN_IF_ERROR(
      store.Scan(Family::kIndex, "", "", [&](std::string_view key, std::string_view value) {
        if (MentionsId(key, id) || MentionsId(value, id)) {
          holdings.index_keys.emplace_back(key);
        }
        return true;
      }));
  AZM_RETURN_IF_ERROR(store.Scan(
      Family::kPlacements, "", "", [&](std::string_view key, std::string_view value) {
        if (!MentionsId(value, id) && !MentionsId(key, id)) return true;
        StoredPlacement& stored = holdings.placements.emplace_back();
        stored.key = std::string(key);
        stored.parsed =
            stored.placement.ParseFromArray(value.data(), static_cast<int>(value.size()));
        return true;
      }));
  AZM_RETURN_IF_ERROR(
      store.Scan(Family::kRuns, "", "", [&](std::string_view key, std::string_view value) {
        if (!MentionsId(value, id) && !MentionsId(key, id)) return true;
        StoredRun& stored = holdings.runs.emplace_back();
        stored.key = std::string(key);
        stored.parsed = stored.run.ParseFromArray(value.data(), static_cast<int>(value.size()));
        return true;
      }));
  return holdings;
}

}  // namespace azubimatch::service

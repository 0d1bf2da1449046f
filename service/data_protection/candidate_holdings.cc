#include "service/data_protection/candidate_holdings.h"

#include <utility>

#include "absl/strings/match.h"
#include "engine/base/status_macros.h"
#include "service/matching/matching_keys.h"

namespace azubimatch::service {
namespace {

// A run summary of the matching service's run listings.
bool IsRunSummaryKey(std::string_view key) {
  const absl::string_view view(key.data(), key.size());
  return absl::StartsWith(view, kRunsByTimePrefix) ||
         absl::StartsWith(view, kRunsByMemberPrefix);
}

// Parses `value` into stored->run.
void ParseRun(std::string_view value, StoredRun* stored) {
  stored->parsed =
      stored->run.ParseFromArray(value.data(), static_cast<int>(value.size()));
}

}  // namespace

bool MentionsId(std::string_view bytes, std::string_view id) {
  return bytes.find(id) != std::string_view::npos;
}

absl::StatusOr<CandidateHoldings> FindCandidateHoldings(const KvStore& store,
                                                        std::string_view id) {
  CandidateHoldings holdings;
  AZM_RETURN_IF_ERROR(store.Scan(
      Family::kIndex, "", "", [&](std::string_view key, std::string_view value) {
        if (MentionsId(key, id)) {
          holdings.index_keys.emplace_back(key);
        } else if (MentionsId(value, id)) {
          if (IsRunSummaryKey(key)) {
            StoredRun& summary = holdings.run_summaries.emplace_back();
            summary.key = std::string(key);
            ParseRun(value, &summary);
          } else {
            holdings.index_keys.emplace_back(key);
          }
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
  AZM_RETURN_IF_ERROR(store.Scan(Family::kRuns, "", "",
                                 [&](std::string_view key, std::string_view value) {
                                   if (!MentionsId(value, id) && !MentionsId(key, id))
                                     return true;
                                   StoredRun& stored = holdings.runs.emplace_back();
                                   stored.key = std::string(key);
                                   ParseRun(value, &stored);
                                   return true;
                                 }));
  return holdings;
}

}  // namespace azubimatch::service

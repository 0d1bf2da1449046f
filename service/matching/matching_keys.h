// The keys the matching service writes into the store, in one place so that other
// components (erasure, backup checks, tools) find every entry that belongs to a run or a
// placement.
//
//   Family::kRuns        key = run id (16 chars [0-9a-z]) -> serialized v1::Run, complete
//   Family::kIndex       "runs/all/<T><run id>"                  -> run summary
//                        "runs/member/<member_id>\0<T><run id>"  -> run summary
//                        where <T> is 16 hex digits of (2^64 - 1 - created_at in
//                        microseconds since the epoch), so that a scan in key order
//                        visits the newest run first; the summary is the v1::Run without
//                        placements and unmatched (what ListRuns returns).
//   Family::kPlacements  key = placement id (16 chars [0-9a-z]) -> v1::Placement
//   Family::kIndex       "placements/pair/<candidate_id>/<offer_id>" -> placement id of
//                        the pair's live placement (ACCEPTED or later, or REJECTED); a
//                        withdrawn placement has no pair entry
//                        "placements/candidate/<candidate_id>/<placement_id>" -> ""
//                        "placements/offer/<offer_id>/<placement_id>"         -> ""
//
// Record ids have a fixed length and no '/', and member ids never contain '\0', so no
// key is a prefix of another kind's key.
//
// Erasure of a candidate must delete its placements and the three placement index
// entries of each, and replace its id in stored runs (both the run and its summaries
// hold candidate ids only in placements, unmatched and request.locked / banned).
//
// Thread safety: pure functions. Cost: O(length of the parts).
#ifndef AZUBIMATCH_SERVICE_MATCHING_MATCHING_KEYS_H_
#define AZUBIMATCH_SERVICE_MATCHING_MATCHING_KEYS_H_

#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

namespace azubimatch::service {

inline constexpr absl::string_view kRunsByTimePrefix = "runs/all/";
inline constexpr absl::string_view kRunsByMemberPrefix = "runs/member/";

// The newest-first ordering part of a run's index keys.
inline std::string RunTimeKeyPart(int64_t created_micros, absl::string_view run_id) {
  const uint64_t inverted = ~static_cast<uint64_t>(created_micros);
  return absl::StrCat(absl::StrFormat("%016x", inverted), run_id);
}

inline std::string RunsOfMemberPrefix(absl::string_view member_id) {
  return absl::StrCat(kRunsByMemberPrefix, member_id, absl::string_view("\0", 1));
}

inline std::string RunByTimeKey(int64_t created_micros, absl::string_view run_id) {
  return absl::StrCat(kRunsByTimePrefix, RunTimeKeyPart(created_micros, run_id));
}

inline std::string RunByMemberKey(absl::string_view member_id, int64_t created_micros,
                                  absl::string_view run_id) {
  return absl::StrCat(RunsOfMemberPrefix(member_id),
                      RunTimeKeyPart(created_micros, run_id));
}

inline std::string PlacementPairKey(absl::string_view candidate_id,
                                    absl::string_view offer_id) {
  return absl::StrCat("placements/pair/", candidate_id, "/", offer_id);
}

inline std::string PlacementsOfCandidatePrefix(absl::string_view candidate_id) {
  return absl::StrCat("placements/candidate/", candidate_id, "/");
}

inline std::string PlacementsOfOfferPrefix(absl::string_view offer_id) {
  return absl::StrCat("placements/offer/", offer_id, "/");
}

inline std::string PlacementOfCandidateKey(absl::string_view candidate_id,
                                           absl::string_view placement_id) {
  return absl::StrCat(PlacementsOfCandidatePrefix(candidate_id), placement_id);
}

inline std::string PlacementOfOfferKey(absl::string_view offer_id,
                                       absl::string_view placement_id) {
  return absl::StrCat(PlacementsOfOfferPrefix(offer_id), placement_id);
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_MATCHING_KEYS_H_

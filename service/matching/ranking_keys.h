// The keys of the two-sided rankings (proto/azubimatch/v1/preferences.proto) in the
// store, in one place so that erasure, export and tools find every entry.
//
// All in Family::kIndex (a family of its own would need a schema change of the store):
//   "rankings/meta/<s>/<owner_id>"                    -> v1::Ranking without ranked_ids
//   "rankings/entry/<s>/<owner_id>/<NNN>/<partner_id>" -> ""   one per listed partner
//   "rankings/named/<partner_id>/<s>/<owner_id>"      -> "<NNN>"  reverse index
// where <s> is "c" (a candidate's ranking of offers) or "o" (an offer's ranking of
// candidates) and <NNN> the 0-based position, three digits (at most 200 entries).
//
// Every entry that concerns a candidate holds its id in its KEY, and values hold no
// candidate id (the meta value names only the owner, whose id is also in the key). So
// the erasure's generic sweep (service/data_protection/candidate_holdings.h: an index
// entry whose key mentions the id is deleted) removes the candidate's own ranking, the
// candidate from every offer's ranking and the reverse entries, without knowing this
// layout; the other entries of an offer's ranking keep their order.
//
// Record ids have a fixed length (16) and no '/', so no key is a prefix of another's.
//
// Thread safety: pure functions. Cost: O(length of the parts).
#ifndef AZUBIMATCH_SERVICE_MATCHING_RANKING_KEYS_H_
#define AZUBIMATCH_SERVICE_MATCHING_RANKING_KEYS_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

namespace azubimatch::service {

inline constexpr absl::string_view kRankingsPrefix = "rankings/";
inline constexpr int kMaxRankingEntries = 200;

// "c" for a candidate's ranking, "o" for an offer's.
inline absl::string_view RankingSideKey(bool candidate_side) {
  return candidate_side ? "c" : "o";
}

inline std::string RankingMetaPrefix(bool candidate_side) {
  return absl::StrCat("rankings/meta/", RankingSideKey(candidate_side), "/");
}

inline std::string RankingMetaKey(bool candidate_side, absl::string_view owner_id) {
  return absl::StrCat(RankingMetaPrefix(candidate_side), owner_id);
}

inline std::string RankingEntriesPrefix(bool candidate_side) {
  return absl::StrCat("rankings/entry/", RankingSideKey(candidate_side), "/");
}

inline std::string RankingEntriesOfPrefix(bool candidate_side, absl::string_view owner_id) {
  return absl::StrCat(RankingEntriesPrefix(candidate_side), owner_id, "/");
}

inline std::string RankingPositionPart(int position) {
  return absl::StrFormat("%03d", position);
}

inline std::string RankingEntryKey(bool candidate_side, absl::string_view owner_id,
                                   absl::string_view position, absl::string_view partner_id) {
  return absl::StrCat(RankingEntriesOfPrefix(candidate_side, owner_id), position, "/",
                      partner_id);
}

inline std::string RankingsNamingPrefix(absl::string_view partner_id) {
  return absl::StrCat("rankings/named/", partner_id, "/");
}

inline std::string RankingNamedKey(absl::string_view partner_id, bool candidate_side,
                                   absl::string_view owner_id) {
  return absl::StrCat(RankingsNamingPrefix(partner_id), RankingSideKey(candidate_side), "/",
                      owner_id);
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_RANKING_KEYS_H_

// Seeded tie-breaking: strict preference lists from lists with ties, reproducibly.
//
// Both sides may submit (or be given by default) weak orders: a preference value per
// partner, higher preferred, equal values tied (a score, or minus an explicit rank).
// Ties are broken by *single tie-breaking*, as in New York City's school match: the seed
// draws one lottery number per candidate, and every offer orders its tied candidates by
// that same number (higher first); likewise one lottery number per offer, used by every
// candidate to order its tied offers. Lottery numbers come from fixed hashes
// (tie_break.h: SplitMix64 of the seed, a side salt and the partner's id hash), so the
// same seed and the same ids give the same strict lists on every platform and in every
// run, independent of the order in which the pool lists its records. A partner whose
// lottery number also ties (a 2^-64 event) is ordered by the smaller index.
//
// With one lottery per side, a candidate who wins a tie at one offer wins it at every
// offer; single tie-breaking loses less efficiency than breaking ties independently at
// every offer (Abdulkadiroglu, Pathak and Roth 2009).
//
// Thread safety: pure functions.
// Complexity: DrawLottery O(n); StrictOrder O(k log k) for a list of k entries;
// BreakTiesBySeed O(L log L) over all entries L.
#ifndef AZUBIMATCH_ENGINE_MATCHING_SEEDED_TIE_BREAKING_H_
#define AZUBIMATCH_ENGINE_MATCHING_SEEDED_TIE_BREAKING_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "engine/matching/tie_break.h"
#include "engine/matching/two_sided_market.h"

namespace azubimatch::engine {

// One lottery number per member of a side: LotteryNumber(seed, salt, id_hashes[i]),
// with salt kCandidateLotterySalt or kOfferLotterySalt (tie_break.h). Pass
// StableIdHash(id) of each record.
std::vector<uint64_t> DrawLottery(uint64_t seed, uint64_t salt,
                                  absl::Span<const uint64_t> id_hashes);

// An entry of a list with ties: a partner index and how much it is wanted (higher
// first; equal values are tied).
struct TiedEntry {
  int32_t partner = 0;
  double preference = 0.0;
};

// The positions 0 .. entries.size()-1 of `entries` in strict order: preference
// descending, then lottery[partner] descending, then partner ascending.
// REQUIRES: every partner < lottery.size(); preferences are not NaN.
std::vector<int32_t> StrictOrder(absl::Span<const TiedEntry> entries,
                                 absl::Span<const uint64_t> lottery);

// An entry of a candidate's list with ties.
struct TiedCandidateEntry {
  int32_t offer = 0;
  double preference = 0.0;  // higher first; e.g. the score, or minus an explicit rank
  double score = 0.0;       // the pair score (CandidateChoice::score)
  bool eligible = true;     // CandidateChoice::eligible
};

// A market's lists before tie-breaking.
struct TiedMarketInput {
  std::vector<int32_t> seats;  // per offer, >= 0
  std::vector<std::vector<TiedCandidateEntry>> candidate_lists;
  // offer_lists[o][i] = {candidate, preference}.
  std::vector<std::vector<TiedEntry>> offer_lists;
  // Id hashes per candidate and per offer (StableIdHash of the record ids); when empty,
  // SplitMix64 of the index is used instead.
  std::vector<uint64_t> candidate_id_hashes;
  std::vector<uint64_t> offer_id_hashes;
};

// The strict lists of `tied` under `seed` (see the file comment), ready for
// BuildTwoSidedMarket. Errors (InvalidArgument naming the field): id hashes of the
// wrong size, a partner index out of range, a NaN preference. Other checks are
// BuildTwoSidedMarket's.
absl::StatusOr<TwoSidedMarketInput> BreakTiesBySeed(const TiedMarketInput& tied,
                                                    uint64_t seed);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_SEEDED_TIE_BREAKING_H_

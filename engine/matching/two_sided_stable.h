// The two stable modes of a two-sided market (two_sided_market.h): deferred acceptance
// (Gale and Shapley 1962), many-to-one with seats, from either side.
//
//   CandidateProposingStable  candidates propose down their lists; an offer holds its
//                             `seats` most preferred proposals. The result is the
//                             candidate-optimal stable matching: every candidate gets
//                             its best partner over all stable matchings (Roth and
//                             Sotomayor 1990, Thm. 5.16). Runs RunDeferredAcceptance
//                             (deferred_acceptance.h) with the offers' positions as
//                             priorities.
//   OfferProposingStable      offers propose down their lists, each keeping up to
//                             `seats` proposals out; a candidate holds the best offer
//                             it has received. The result is the offer-optimal stable
//                             matching, which is the candidate-pessimal one: every
//                             candidate gets its worst partner over all stable
//                             matchings (ibid., ch. 5, for many-to-one).
//
// Both are stable (no blocking pair, two_sided_metrics.h); by the rural hospitals
// theorem they match the same candidates and fill every offer equally. Preferences are
// strict, so the results are unique and do not depend on the order of proposals; no
// tie-breaking happens here (see seeded_tie_breaking.h).
//
// Thread safety: pure functions.
// Complexity: O(P log S) candidate-proposing, O(P) offer-proposing, for P mutually
// acceptable pairs and S the largest number of seats; memory O(P + C + O).
#ifndef AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_STABLE_H_
#define AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_STABLE_H_

#include "absl/status/statusor.h"
#include "engine/matching/progress.h"
#include "engine/matching/two_sided_market.h"

namespace azubimatch::engine {

// Errors: Cancelled when progress (proposals made, pairs) says so.
absl::StatusOr<TwoSidedMatching> CandidateProposingStable(
    const TwoSidedMarket& market, const ProgressCallback& progress = {});

// Errors: Cancelled when progress (proposals made, pairs) says so.
absl::StatusOr<TwoSidedMatching> OfferProposingStable(
    const TwoSidedMarket& market, const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_STABLE_H_

// Suggester: ranked suggestions and explanations over the MatchingIndex.
//
//   SuggestOffers(candidate)    the candidate's wished occupations (and, with
//                               allow_sector_match, wished sectors) are looked up in the
//                               index's offer grids within the candidate's reach bound
//                               (travel model); each offer found is checked against the
//                               constraints (from the OfferGate of its grid entry when it
//                               is complete, else from the offer), and the eligible ones
//                               are scored with the engine's EvaluatePair best upper
//                               bound first, until no bound left can beat the k-th best
//                               score; the k best are returned with their explanation
//                               (engine::Explain, the same computation, so the scores
//                               are equal bit for bit).
//   SuggestCandidates(offer)    likewise from the offer: the candidates wishing its
//                               occupation (or sector) within the largest reach in that
//                               grid; only candidates the caller may see, that are ACTIVE
//                               and hold no placement. The grid cells are bounded first
//                               from their CandidateCellFacts and bounding box (no
//                               candidate read) and opened best bound first while the
//                               bound can beat the k-th best score; in an opened cell
//                               each entry is bounded again from its CandidateGate and
//                               travel time before its candidate is read.
//   Explain(candidate, offer)   engine::Explain plus the service's own exclusion
//                               CANDIDATE_INACTIVE (status not ACTIVE, or the candidate
//                               holds an accepted placement). The score is the pair's
//                               score also when it is not eligible (the components always
//                               add up to it).
// Vocational schools: the grids hold places of work (offers) and homes (candidates),
// and the reach bound prunes only pairs whose place of work is out of reach, which the
// travel constraint excludes whatever the school. For an offer naming a school (the
// gate's school_days, the school's place kept in the grid entry) whose place of work is
// within reach, the school's travel time is checked against the limit too, and the score bound uses the exact
// commute value of both travel times, so no pair is pruned that could enter the k best.
// Filters: municipality (exact match on the offer's place of work, or the candidate's
// home) and, for offers, kldb_code. Banned pairs (rejected or ended-early placements)
// are never suggested.
//
// Ranking: score descending, ties by id ascending (offer id, or candidate id) — a total
// order, so results are deterministic, and the same as scoring every eligible pair
// (pairs tying with the k-th best are all scored). `considered` counts the pairs
// examined (those within reach that pass the request's filters), `eligible` those that
// pass every constraint; SuggestCandidates counts only the pairs of the cells and
// entries it opens: `eligible` is exact while fewer than k pairs are eligible, else at
// least k and at most the exact count.
//
// Ownership: the candidate of SuggestOffers / Explain must be visible to the caller
// (its member's, or an admin), else NOT_FOUND as for an unknown id; offers are visible
// network-wide; SuggestCandidates returns only the caller's own candidates (all for an
// admin). Analysts read no candidates (PERMISSION_DENIED).
//
// Thread safety: const methods, safe to call concurrently; each holds the index's reader
// lock while it runs; each thread keeps its search buffers from call to call.
// Complexity: SuggestOffers O(V + s + m (e + log s)) for V offers in the visited grid
// cells, s eligible pairs, m of them scored (usually a few times k), e the cost of one
// EvaluatePair; SuggestCandidates O(C log C + E + m (e + log s)) for C cells within the
// grid's largest reach, E entries in the opened cells and m pairs scored;
// Explain O(e).
#ifndef AZUBIMATCH_SERVICE_MATCHING_SUGGESTIONS_H_
#define AZUBIMATCH_SERVICE_MATCHING_SUGGESTIONS_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "azubimatch/v1/matching.pb.h"
#include "engine/matching/scoring_policy.h"
#include "engine/matching/travel_time.h"
#include "service/auth/caller.h"
#include "service/matching/matching_index.h"

namespace azubimatch::service {

// Why the candidate cannot be placed now, in words, or nullopt when it can: its status
// is not ACTIVE, or it holds a placement (`held`, may be null).
std::optional<std::string> CandidateUnavailable(const CandidateEntry& candidate,
                                                const HeldPlacement* held);

class Suggester {
 public:
  // `index` and `travel` must outlive the suggester. `policy` is the server's default,
  // which requests override field by field. REQUIRES: ValidateScoringPolicy(policy).ok().
  Suggester(const MatchingIndex* index, const engine::TravelTimeModel* travel,
            engine::ScoringPolicy policy);

  // REQUIRES for each: the request passed its Validate* function.
  absl::StatusOr<v1::SuggestionsResponse> SuggestOffers(
      const Caller& caller, const v1::SuggestOffersRequest& request) const;
  absl::StatusOr<v1::SuggestionsResponse> SuggestCandidates(
      const Caller& caller, const v1::SuggestCandidatesRequest& request) const;
  absl::StatusOr<v1::Explanation> Explain(const Caller& caller,
                                          const v1::ExplainRequest& request) const;

  const engine::ScoringPolicy& policy() const { return policy_; }

 private:
  const MatchingIndex* const index_;
  const engine::TravelTimeModel* const travel_;
  const engine::ScoringPolicy policy_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_SUGGESTIONS_H_

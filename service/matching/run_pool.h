// BuildRunPool: the candidates, offers, locked and banned pairs of one assignment run,
// taken from the MatchingIndex under the rules of AssignRequest:
//
//   candidates   those the caller may see (its member's; an admin: every member's, or
//                those of pool.member_ids), living in pool.municipalities when given;
//                of them the ACTIVE ones without a seat-holding placement, plus those
//                whose held placement is locked in this run (below).
//   offers       in pool.municipalities, pool.kldb_codes and the start window when
//                given; of them the open ones (OPEN, company not INACTIVE) with a free
//                seat (seats - seats_taken > 0), plus those holding a locked placement.
//   locked       request.locked (in request order), then every held placement (ACCEPTED
//                and later) whose candidate and offer both pass the filters, by
//                candidate id. A held placement's seat is counted in its offer's
//                seats_free for the run and taken by the lock, so the run's capacity is
//                the offer's free seats; a closed offer offers only its locked seats.
//                A candidate whose held placement is outside the pool is left out.
//   banned       request.banned, then every rejected pair with both sides in the pool,
//                by (candidate id, offer id).
// Candidates and offers are sorted by id, so that the same data and request give the
// same pool (and run) whatever the order of the index.
//
// Errors: PERMISSION_DENIED when a non-admin names another member in pool.member_ids;
// NOT_FOUND for a locked pair naming a candidate the caller may not see or an unknown
// offer; INVALID_ARGUMENT for a locked pair outside the pool, or whose candidate holds a
// placement at another offer, or that is also in request.banned; FAILED_PRECONDITION for
// a locked pair that was rejected, or locked pairs beyond the offer's free seats. Every
// error names the field ("locked[2].offer_id").
//
// Thread safety: the caller holds a Reader (and the PlacementBook's mutex, so that no
// placement is half written) while it runs. Complexity: O(C + O + L + B) to select plus
// O(C log C + O log O) to sort.
#ifndef AZUBIMATCH_SERVICE_MATCHING_RUN_POOL_H_
#define AZUBIMATCH_SERVICE_MATCHING_RUN_POOL_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "azubimatch/v1/matching.pb.h"
#include "engine/matching/eligible_pairs.h"
#include "engine/matching/model.h"
#include "service/auth/caller.h"
#include "service/matching/matching_index.h"

namespace azubimatch::service {

struct RunPool {
  std::vector<engine::CandidateProfile> candidates;  // by id
  std::vector<engine::OfferProfile> offers;          // by id; seats_free as above
  std::vector<std::string> offer_member_ids;         // the member of offers[o]
  std::vector<engine::PairIds> locked;
  std::vector<engine::PairIds> banned;
};

// REQUIRES: request passed ValidateAssignRequest.
absl::StatusOr<RunPool> BuildRunPool(const MatchingIndex::Reader& reader,
                                     const Caller& caller, const v1::AssignRequest& request);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_RUN_POOL_H_

// The candidate half of the demo cohort generator (see demo_cohort.h for what the
// records look like). Internal to clients/demo; callers use GenerateDemoCohort.
//
// Thread safety: pure function of its arguments. Complexity: O(offers) to index the
// offers (demo_offer_index.h), then O(candidates) draws, each O(log offers + table size).
#ifndef AZUBIMATCH_CLIENTS_DEMO_DEMO_CANDIDATES_H_
#define AZUBIMATCH_CLIENTS_DEMO_DEMO_CANDIDATES_H_

#include <vector>

#include "absl/types/span.h"

#include "azubimatch/v1/records.pb.h"
#include "clients/demo/cohort_region.h"
#include "clients/demo/demo_cohort.h"
#include "clients/demo/demo_offer_index.h"
#include "clients/demo/demo_random.h"

namespace azubimatch::clients {

// How often each occupation of TrainingOccupations() is wished when not drawn from the
// home town (relative): 80 % the seats `market` advertises for it, 20 % its national
// popularity, so that wishes follow the places on offer with a realistic mismatch.
// Popularity alone without offers.
std::vector<double> WishDemand(const DemoOfferIndex& market);

// Appends options.candidates candidates to `candidates`, drawing from `rng`; their
// wishes follow the offers (see demo_cohort.h).
// REQUIRES: options are valid (see ValidateOptions in demo_cohort.cc).
// Candidates who did not apply near a place live in `region`.
void GenerateCandidates(const DemoCohortOptions& options, const CohortRegion& region,
                        absl::Span<const azubimatch::v1::TrainingOffer> offers,
                        DemoRandom& rng, std::vector<azubimatch::v1::Candidate>* candidates);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_DEMO_CANDIDATES_H_

// The candidate half of the demo cohort generator (see demo_cohort.h for what the
// records look like). Internal to clients/demo; callers use GenerateDemoCohort.
//
// Thread safety: pure function of its arguments. Complexity: O(candidates) draws, each
// O(table size).
#ifndef AZUBIMATCH_CLIENTS_DEMO_DEMO_CANDIDATES_H_
#define AZUBIMATCH_CLIENTS_DEMO_DEMO_CANDIDATES_H_

#include <vector>

#include "absl/types/span.h"

#include "azubimatch/v1/records.pb.h"
#include "clients/demo/demo_cohort.h"
#include "clients/demo/demo_random.h"

namespace azubimatch::clients {

// How often each occupation of TrainingOccupations() is wished first (relative): 80 %
// the seats `offers` advertise for it, 20 % its national popularity, so that wishes
// follow the places on offer with a realistic mismatch. Popularity alone without offers.
std::vector<double> WishDemand(absl::Span<const azubimatch::v1::TrainingOffer> offers);

// Appends options.candidates candidates to `candidates`, drawing from `rng`; their
// wishes follow WishDemand(offers).
// REQUIRES: options are valid (see ValidateOptions in demo_cohort.cc).
void GenerateCandidates(const DemoCohortOptions& options,
                        absl::Span<const azubimatch::v1::TrainingOffer> offers,
                        DemoRandom& rng, std::vector<azubimatch::v1::Candidate>* candidates);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_DEMO_CANDIDATES_H_

// The candidate half of the demo cohort generator (see demo_cohort.h for what the
// records look like). Internal to clients/demo; callers use GenerateDemoCohort.
//
// Thread safety: pure function of its arguments. Complexity: O(candidates) draws, each
// O(table size).
#ifndef AZUBIMATCH_CLIENTS_DEMO_DEMO_CANDIDATES_H_
#define AZUBIMATCH_CLIENTS_DEMO_DEMO_CANDIDATES_H_

#include <vector>

#include "azubimatch/v1/records.pb.h"
#include "clients/demo/demo_cohort.h"
#include "clients/demo/demo_random.h"

namespace azubimatch::clients {

// Appends options.candidates candidates to `candidates`, drawing from `rng`.
// REQUIRES: options are valid (see ValidateOptions in demo_cohort.cc).
void GenerateCandidates(const DemoCohortOptions& options, DemoRandom& rng,
                        std::vector<azubimatch::v1::Candidate>* candidates);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_DEMO_CANDIDATES_H_

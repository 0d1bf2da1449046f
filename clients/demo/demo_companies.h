// The company-and-offer half of the demo cohort generator (see demo_cohort.h for what
// the records look like). Internal to clients/demo; callers use GenerateDemoCohort.
//
// Thread safety: pure function of its arguments. Complexity: O(offers) draws, each
// O(table size).
#ifndef AZUBIMATCH_CLIENTS_DEMO_DEMO_COMPANIES_H_
#define AZUBIMATCH_CLIENTS_DEMO_DEMO_COMPANIES_H_

#include "absl/status/status.h"
#include "clients/demo/cohort_region.h"
#include "clients/demo/demo_cohort.h"
#include "clients/demo/demo_random.h"

namespace azubimatch::clients {

// Appends companies and exactly options.offers offers (with offer_company_index) to
// `cohort`, drawing from `rng`. REQUIRES: options are valid (see ValidateOptions in
// demo_cohort.cc). INTERNAL when a table refers to an unknown occupation title.
// Companies are located in `region`.
absl::Status GenerateCompaniesAndOffers(const DemoCohortOptions& options,
                                        const CohortRegion& region, DemoRandom& rng,
                                        DemoCohort* cohort);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_DEMO_COMPANIES_H_

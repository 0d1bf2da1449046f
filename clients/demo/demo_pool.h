// DemoPool: a generated cohort as the engine sees it, in process and without a server:
// every record converted by the service's own conversion (service/matching/
// proto_conversion.h), every profile's id its record's external id ("demo-cand-0001"),
// so that tie-breaking and the rankings of demo_rankings.h come out as through a server
// (matchctl demo ranks by external ids). Used by benchmarks (bench/cohort_assign) and by tests that run
// the assignment modes on a demo cohort.
//
// Thread safety: pure function. Complexity: O(records).
#ifndef AZUBIMATCH_CLIENTS_DEMO_DEMO_POOL_H_
#define AZUBIMATCH_CLIENTS_DEMO_DEMO_POOL_H_

#include <vector>

#include "clients/demo/demo_cohort.h"
#include "engine/matching/model.h"

namespace azubimatch::clients {

struct DemoPool {
  std::vector<engine::CandidateProfile> candidates;
  std::vector<engine::OfferProfile> offers;
};

DemoPool ToDemoPool(const DemoCohort& cohort);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_DEMO_POOL_H_

// DemoPool: a generated cohort as the engine sees it, in process and without a server:
// every record converted by the service's own conversion (service/matching/
// proto_conversion.h), every profile's id its record's external id ("demo-cand-0001"),
// so that tie-breaking and the rankings of demo_rankings.h come out as through a server
// (matchctl demo ranks by external ids). Used by cohort_assign and by tests that run
// the assignment modes on a demo cohort. It lives beside the benchmark, not in clients/,
// because it needs the service's conversion, which clients may not include.
//
// Thread safety: pure function. Complexity: O(records).
#ifndef AZUBIMATCH_BENCH_COHORT_ASSIGN_DEMO_POOL_H_
#define AZUBIMATCH_BENCH_COHORT_ASSIGN_DEMO_POOL_H_

#include <vector>

#include "clients/demo/demo_cohort.h"
#include "engine/matching/model.h"

namespace azubimatch::bench {

struct DemoPool {
  std::vector<engine::CandidateProfile> candidates;
  std::vector<engine::OfferProfile> offers;
};

DemoPool ToDemoPool(const clients::DemoCohort& cohort);

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_COHORT_ASSIGN_DEMO_POOL_H_

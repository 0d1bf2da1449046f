// CohortRegion: the municipalities a demo cohort's companies, and its candidates who
// did not apply near a place, live in. A cohort of a few hundred places is a region's,
// not the whole state's (applicants and places meet within commuting distance); one of
// tens of thousands covers Baden-Württemberg. So the region holds the n towns of the
// municipality table nearest to Stuttgart (as the Verband Region Stuttgart does), with
// n = offers / kOffersPerTown, at least kMinTowns and at most every town.
//
// Thread safety: immutable after construction. Complexity: construction O(T log T) for
// the T towns of the table; SampleLocation O(log T).
#ifndef AZUBIMATCH_CLIENTS_DEMO_COHORT_REGION_H_
#define AZUBIMATCH_CLIENTS_DEMO_COHORT_REGION_H_

#include <vector>

#include "azubimatch/v1/common.pb.h"
#include "clients/demo/bw_municipalities.h"
#include "clients/demo/demo_random.h"

namespace azubimatch::clients {

class CohortRegion {
 public:
  // Offers per town of the region.
  static constexpr int kOffersPerTown = 5;
  // The smallest region.
  static constexpr int kMinTowns = 10;

  // The region of a cohort of `offers` training offers.
  explicit CohortRegion(int offers);

  // A point in a town of the region drawn by population, scattered within the town as
  // SampleLocationIn (demo_sampling.h) scatters it.
  azubimatch::v1::Location SampleLocation(DemoRandom& rng) const;

  // The region's towns, in the order of the municipality table.
  const std::vector<const BwMunicipality*>& towns() const { return towns_; }

 private:
  std::vector<const BwMunicipality*> towns_;
  std::vector<double> cumulative_population_;
};

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_COHORT_REGION_H_

#include "clients/demo/cohort_region.h"

#include <algorithm>
#include <cstddef>
#include <numeric>

#include "clients/demo/demo_sampling.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::clients {

CohortRegion::CohortRegion(int offers) {
  const std::vector<BwMunicipality>& all = BwMunicipalities();
  const size_t n = std::clamp<size_t>(
      static_cast<size_t>(std::max(offers, 0) / kOffersPerTown), kMinTowns, all.size());
  const BwMunicipality* centre = FindBwMunicipality("Stuttgart");
  std::vector<size_t> order(all.size());
  std::iota(order.begin(), order.end(), size_t{0});
  if (centre != nullptr && n < all.size()) {
    const engine::GeoPoint from{centre->latitude, centre->longitude};
    std::vector<double> km(all.size());
    for (size_t i = 0; i < all.size(); ++i) {
      km[i] = engine::GreatCircleKm(from,
                                    engine::GeoPoint{all[i].latitude, all[i].longitude});
    }
    // Nearest first; ties by table order.
    std::stable_sort(order.begin(), order.end(),
                     [&km](size_t a, size_t b) { return km[a] < km[b]; });
    order.resize(n);
    std::sort(order.begin(), order.end());
  }
  double running = 0.0;
  for (size_t i : order) {
    towns_.push_back(&all[i]);
    running += all[i].population;
    cumulative_population_.push_back(running);
  }
}

azubimatch::v1::Location CohortRegion::SampleLocation(DemoRandom& rng) const {
  return SampleLocationIn(rng, *towns_[rng.CumulativeIndex(cumulative_population_)]);
}

}  // namespace azubimatch::clients

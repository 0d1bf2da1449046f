// Test helper: survival observations written as {time, event} pairs.
#ifndef AZUBIMATCH_TESTS_ENGINE_ANALYTICS_SURVIVAL_OBSERVATIONS_H_
#define AZUBIMATCH_TESTS_ENGINE_ANALYTICS_SURVIVAL_OBSERVATIONS_H_

#include <initializer_list>
#include <utility>
#include <vector>

#include "engine/analytics/kaplan_meier.h"

namespace azubimatch::engine {

inline std::vector<SurvivalObservation> Obs(
    std::initializer_list<std::pair<int, bool>> list) {
  std::vector<SurvivalObservation> out;
  for (auto [t, e] : list) out.push_back({t, e});
  return out;
}

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_TESTS_ENGINE_ANALYTICS_SURVIVAL_OBSERVATIONS_H_

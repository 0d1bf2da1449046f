// Sampling helpers shared by the demo company and candidate generators: places in a
// BW town, heritage groups, weighted small tables, external ids, dates and times.
//
// Every function draws only from the DemoRandom it is given, so results depend on the
// seed and the call order alone. Thread safety: as DemoRandom (one per thread); the
// tables read are immutable. Complexity: O(table size) per draw (< 100).
#ifndef AZUBIMATCH_CLIENTS_DEMO_DEMO_SAMPLING_H_
#define AZUBIMATCH_CLIENTS_DEMO_DEMO_SAMPLING_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "azubimatch/v1/common.pb.h"
#include "clients/demo/bw_municipalities.h"
#include "clients/demo/demo_random.h"
#include "clients/demo/heritage_groups.h"
#include "google/protobuf/timestamp.pb.h"

namespace azubimatch::clients {

// A point in `town`, uniformly within a disc around the centre whose radius grows with
// the town (about 1.2 km for 25,000 inhabitants, 4 km for Stuttgart); coordinates
// rounded to 5 decimals (about 1 m). Towns are drawn by CohortRegion (cohort_region.h).
azubimatch::v1::Location SampleLocationIn(DemoRandom& rng, const BwMunicipality& town);

// A heritage group by candidate_weight (for_company = false) or company_weight
// (for_company = true); groups whose language is in `preferred` weigh three times more.
const HeritageGroup& SampleHeritageGroup(DemoRandom& rng, bool for_company,
                                         absl::Span<const absl::string_view> preferred);

// One element, uniformly. REQUIRES: !items.empty().
template <typename T>
const T& PickOne(DemoRandom& rng, const std::vector<T>& items) {
  return items[rng.Uniform(items.size())];
}

// One value of a (value, weight) table by weight. REQUIRES: some weight > 0.
template <typename T>
T PickWeighted(DemoRandom& rng, absl::Span<const std::pair<T, double>> table) {
  std::vector<double> weights;
  weights.reserve(table.size());
  for (const auto& entry : table) weights.push_back(entry.second);
  return table[rng.WeightedIndex(weights)].first;
}

// "<prefix>-<kind>-<index + 1>" with at least 4 digits, e.g. "demo-offer-0001".
std::string DemoExternalId(absl::string_view prefix, absl::string_view kind, int index);

azubimatch::v1::Date MakeDate(int year, int month, int day);

// A time of day between 8:00 and 18:00 UTC on a day drawn uniformly from
// [first, last] (both "year-month-day" of the proleptic Gregorian calendar).
google::protobuf::Timestamp SampleOfficeHoursTimestamp(DemoRandom& rng, int first_year,
                                                       int first_month, int first_day,
                                                       int last_year, int last_month,
                                                       int last_day);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_DEMO_SAMPLING_H_

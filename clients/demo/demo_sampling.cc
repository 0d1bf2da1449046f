#include "clients/demo/demo_sampling.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "clients/demo/bw_municipalities.h"

namespace azubimatch::clients {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kKmPerDegreeLatitude = 111.32;
constexpr double kLargestPopulation = 633000;  // Stuttgart

double RoundTo5Decimals(double x) { return std::round(x * 1e5) / 1e5; }

}  // namespace

azubimatch::v1::Location SampleLocationIn(DemoRandom& rng, const BwMunicipality& town) {
  const double radius_km = 0.5 + 3.5 * std::sqrt(town.population / kLargestPopulation);
  const double r = radius_km * std::sqrt(rng.UniformDouble());
  const double theta = 2 * kPi * rng.UniformDouble();
  const double dlat = r * std::cos(theta) / kKmPerDegreeLatitude;
  const double dlon =
      r * std::sin(theta) / (kKmPerDegreeLatitude * std::cos(town.latitude * kPi / 180));
  azubimatch::v1::Location location;
  location.set_latitude(RoundTo5Decimals(town.latitude + dlat));
  location.set_longitude(RoundTo5Decimals(town.longitude + dlon));
  location.set_postal_code(std::string(town.postal_code));
  location.set_municipality(std::string(town.name));
  return location;
}

const HeritageGroup& SampleHeritageGroup(DemoRandom& rng, bool for_company,
                                         absl::Span<const absl::string_view> preferred) {
  const std::vector<HeritageGroup>& groups = HeritageGroups();
  std::vector<double> weights;
  weights.reserve(groups.size());
  for (const HeritageGroup& g : groups) {
    double w = for_company ? g.company_weight : g.candidate_weight;
    if (std::find(preferred.begin(), preferred.end(), g.language) != preferred.end()) {
      w *= 3;
    }
    weights.push_back(w);
  }
  return groups[rng.WeightedIndex(weights)];
}

std::string DemoExternalId(absl::string_view prefix, absl::string_view kind, int index) {
  return absl::StrFormat("%s-%s-%04d", prefix, kind, index + 1);
}

azubimatch::v1::Date MakeDate(int year, int month, int day) {
  azubimatch::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

google::protobuf::Timestamp SampleOfficeHoursTimestamp(DemoRandom& rng, int first_year,
                                                       int first_month, int first_day,
                                                       int last_year, int last_month,
                                                       int last_day) {
  const absl::CivilDay first(first_year, first_month, first_day);
  const absl::CivilDay last(last_year, last_month, last_day);
  const absl::CivilDay day = first + static_cast<absl::civil_diff_t>(rng.Uniform(
                                         static_cast<uint64_t>(last - first) + 1));
  const absl::CivilSecond when(day.year(), day.month(), day.day(), rng.UniformInt(8, 17),
                               rng.UniformInt(0, 59), rng.UniformInt(0, 59));
  google::protobuf::Timestamp timestamp;
  timestamp.set_seconds(absl::ToUnixSeconds(absl::FromCivil(when, absl::UTCTimeZone())));
  return timestamp;
}

}  // namespace azubimatch::clients

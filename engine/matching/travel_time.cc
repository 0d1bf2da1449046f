#include "engine/matching/travel_time.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"

namespace azubimatch::engine {
namespace {

constexpr double kRadiansPerDegree = 3.14159265358979323846 / 180.0;

absl::Status CheckMode(const TravelModeParameters& p, absl::string_view name) {
  if (!std::isfinite(p.detour_factor) || p.detour_factor < 1.0) {
    return absl::InvalidArgumentError(absl::StrCat(
        name, ".detour_factor must be a finite number >= 1, got ", p.detour_factor));
  }
  if (!std::isfinite(p.speed_kmh) || p.speed_kmh <= 0.0) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ".speed_kmh must be a finite number > 0, got ", p.speed_kmh));
  }
  if (!std::isfinite(p.fixed_minutes) || p.fixed_minutes < 0.0) {
    return absl::InvalidArgumentError(absl::StrCat(
        name, ".fixed_minutes must be a finite number >= 0, got ", p.fixed_minutes));
  }
  return absl::OkStatus();
}

// Haversine with the cosine of the origin's latitude given, so that a batch from one
// origin computes it once; GreatCircleKm and the batch give the same doubles.
double GreatCircleKmFrom(GeoPoint from, double cos_from_lat, GeoPoint to) {
  const double lat1 = from.lat * kRadiansPerDegree;
  const double lat2 = to.lat * kRadiansPerDegree;
  const double sin_dlat = std::sin((lat2 - lat1) / 2.0);
  const double sin_dlon = std::sin((to.lon - from.lon) * kRadiansPerDegree / 2.0);
  const double h =
      sin_dlat * sin_dlat + cos_from_lat * std::cos(lat2) * sin_dlon * sin_dlon;
  return 2.0 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

double CosOfLatitude(GeoPoint point) { return std::cos(point.lat * kRadiansPerDegree); }

double MinutesForKm(const TravelModeParameters& p, double km) {
  return p.fixed_minutes + 60.0 * km * p.detour_factor / p.speed_kmh;
}

}  // namespace

double GreatCircleKm(GeoPoint from, GeoPoint to) {
  return GreatCircleKmFrom(from, CosOfLatitude(from), to);
}

double GreatCircleKmToBoxAtLeast(GeoPoint from, GeoPoint south_west,
                                 GeoPoint north_east) {
  // hav(d / R) = hav(dlat) + cos(lat1) cos(lat2) hav(dlon): each term is bounded below
  // on its own, by the nearest latitude and longitude of the box and by the smaller
  // cosine of its edges (cos is concave on [-90, 90]).
  const double dlat = from.lat < south_west.lat   ? south_west.lat - from.lat
                      : from.lat > north_east.lat ? from.lat - north_east.lat
                                                  : 0.0;
  const auto wrapped = [](double degrees) {
    const double d = std::fmod(std::abs(degrees), 360.0);
    return std::min(d, 360.0 - d);
  };
  const double dlon = from.lon >= south_west.lon && from.lon <= north_east.lon
                          ? 0.0
                          : std::min(wrapped(from.lon - south_west.lon),
                                     wrapped(from.lon - north_east.lon));
  const double cos_box =
      std::max(0.0, std::min(std::cos(south_west.lat * kRadiansPerDegree),
                             std::cos(north_east.lat * kRadiansPerDegree)));
  const double sin_dlat = std::sin(dlat * kRadiansPerDegree / 2.0);
  const double sin_dlon = std::sin(dlon * kRadiansPerDegree / 2.0);
  const double h = sin_dlat * sin_dlat +
                   std::max(0.0, CosOfLatitude(from)) * cos_box * sin_dlon * sin_dlon;
  return 2.0 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h))) * (1.0 - 1e-9);
}

CommuteMinutes MinutesToOffer(const TravelTimeModel& travel,
                              const CandidateProfile& candidate,
                              const OfferProfile& offer) {
  CommuteMinutes minutes;
  minutes.work = travel.Minutes(candidate.home, offer.location, candidate.travel_mode);
  if (offer.vocational_school.has_value()) {
    minutes.school = travel.Minutes(candidate.home, offer.vocational_school->location,
                                    candidate.travel_mode);
  }
  return minutes;
}

void TravelTimeModel::MinutesFrom(GeoPoint from, absl::Span<const GeoPoint> to,
                                  TravelMode mode, absl::Span<double> out) const {
  for (size_t i = 0; i < to.size(); ++i) out[i] = Minutes(from, to[i], mode);
}

absl::StatusOr<GreatCircleTravelTime> GreatCircleTravelTime::Create(
    const GreatCircleTravelTimeOptions& options) {
  AZM_RETURN_IF_ERROR(CheckMode(options.public_transport, "public_transport"));
  AZM_RETURN_IF_ERROR(CheckMode(options.bicycle, "bicycle"));
  AZM_RETURN_IF_ERROR(CheckMode(options.car, "car"));
  return GreatCircleTravelTime(options);
}

GreatCircleTravelTime::GreatCircleTravelTime()
    : GreatCircleTravelTime(GreatCircleTravelTimeOptions()) {}

GreatCircleTravelTime::GreatCircleTravelTime(const GreatCircleTravelTimeOptions& options)
    : modes_{options.public_transport, options.bicycle, options.car} {}

double GreatCircleTravelTime::Minutes(GeoPoint from, GeoPoint to, TravelMode mode) const {
  return MinutesForKm(parameters(mode), GreatCircleKm(from, to));
}

void GreatCircleTravelTime::MinutesFrom(GeoPoint from, absl::Span<const GeoPoint> to,
                                        TravelMode mode, absl::Span<double> out) const {
  const TravelModeParameters& p = parameters(mode);
  const double cos_from_lat = CosOfLatitude(from);
  for (size_t i = 0; i < to.size(); ++i) {
    out[i] = MinutesForKm(p, GreatCircleKmFrom(from, cos_from_lat, to[i]));
  }
}

double GreatCircleTravelTime::MinutesAtLeast(double km, TravelMode mode) const {
  // Minutes grows with the distance; narrowed by a relative 1e-9 for rounding.
  return MinutesForKm(parameters(mode), std::max(0.0, km)) * (1.0 - 1e-9);
}

double GreatCircleTravelTime::ReachBoundKm(double minutes, TravelMode mode) const {
  const TravelModeParameters& p = parameters(mode);
  if (!(minutes >= p.fixed_minutes)) return 0.0;
  // Inverse of Minutes, widened by a relative 1e-9 so that rounding in Minutes can
  // never put a pair the bound rejects within the limit.
  return (minutes - p.fixed_minutes) * p.speed_kmh / (60.0 * p.detour_factor) *
         (1.0 + 1e-9);
}

}  // namespace azubimatch::engine

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

double GreatCircleTravelTime::ReachBoundKm(double minutes, TravelMode mode) const {
  const TravelModeParameters& p = parameters(mode);
  if (!(minutes >= p.fixed_minutes)) return 0.0;
  // Inverse of Minutes, widened by a relative 1e-9 so that rounding in Minutes can
  // never put a pair the bound rejects within the limit.
  return (minutes - p.fixed_minutes) * p.speed_kmh / (60.0 * p.detour_factor) *
         (1.0 + 1e-9);
}

}  // namespace azubimatch::engine

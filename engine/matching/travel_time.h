// Travel-time models: how many minutes a candidate needs, one way, from home to a
// place of work (or a vocational school) by a given mode.
//
// TravelTimeModel is the interface scoring and pair generation use. The default,
// GreatCircleTravelTime, estimates
//
//   minutes = fixed_minutes[mode] + 60 * great_circle_km * detour_factor[mode] /
//   speed_kmh[mode]
//
// A routing engine's precomputed matrix plugs in through MatrixTravelTime
// (matrix_travel_time.h) or any other implementation of the interface.
//
// Thread safety: implementations must allow concurrent calls of their const methods;
// both models here are immutable after construction.
// Complexity: Minutes is O(1) for both models here. Results are deterministic: the same
// arguments give the same double on every call, which scoring relies on.
#ifndef AZUBIMATCH_ENGINE_MATCHING_TRAVEL_TIME_H_
#define AZUBIMATCH_ENGINE_MATCHING_TRAVEL_TIME_H_

#include <array>
#include <limits>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "engine/matching/model.h"

namespace azubimatch::engine {

// Mean Earth radius (IUGG), in km.
inline constexpr double kEarthRadiusKm = 6371.0088;

// Great-circle (haversine) distance in km between two points.
double GreatCircleKm(GeoPoint from, GeoPoint to);

// A lower bound of GreatCircleKm(from, p) over every point p with south_west.lat <=
// p.lat <= north_east.lat and south_west.lon <= p.lon <= north_east.lon (a box that
// does not cross the antimeridian), narrowed by a relative 1e-9 so that rounding never
// puts a point of the box nearer than the bound. 0 when `from` lies in the box.
double GreatCircleKmToBoxAtLeast(GeoPoint from, GeoPoint south_west, GeoPoint north_east);

class TravelTimeModel {
 public:
  virtual ~TravelTimeModel() = default;

  // One-way travel time in minutes, >= 0; +infinity when `to` cannot be reached.
  virtual double Minutes(GeoPoint from, GeoPoint to, TravelMode mode) const = 0;

  // Writes Minutes(from, to[i], mode) into out[i] for every i. Implementations may
  // override it for speed but must give exactly the same doubles as Minutes.
  // REQUIRES: out.size() == to.size().
  virtual void MinutesFrom(GeoPoint from, absl::Span<const GeoPoint> to, TravelMode mode,
                           absl::Span<double> out) const;

  // An upper bound on the great-circle distance (km) that can be covered within
  // `minutes` by `mode`: every pair farther apart than this has Minutes() > minutes.
  // Pair generation uses it to skip far-away offers without asking the model.
  // +infinity (the default) disables that shortcut.
  virtual double ReachBoundKm(double minutes, TravelMode mode) const {
    return std::numeric_limits<double>::infinity();
  }

  // A lower bound of Minutes(from, to, mode) for every pair at least `km` apart
  // (great-circle), nondecreasing in `km`. Suggestions use it to bound the commute
  // value of a whole grid cell. 0 (the default) claims nothing.
  virtual double MinutesAtLeast(double km, TravelMode mode) const { return 0.0; }
};

// The one-way travel times of a candidate–offer pair: to the place of work and, when
// the offer names a vocational school, to the school (0 otherwise, and unused).
struct CommuteMinutes {
  double work = 0.0;
  double school = 0.0;
};

// The candidate's travel times to the offer by its travel mode: one Minutes query, two
// when the offer has a vocational school.
CommuteMinutes MinutesToOffer(const TravelTimeModel& travel,
                              const CandidateProfile& candidate,
                              const OfferProfile& offer);

// Parameters of one travel mode in GreatCircleTravelTime.
struct TravelModeParameters {
  // Network distance over great-circle distance (roads and rails are not straight).
  double detour_factor = 1.3;
  // Average door-to-door speed over the network distance, excluding fixed_minutes.
  double speed_kmh = 40.0;
  // Minutes added to every trip: walking to the stop and waiting, or parking.
  double fixed_minutes = 0.0;
};

// Options of GreatCircleTravelTime. The defaults are calibrated on Baden-Württemberg
// commutes: with them Stuttgart–Esslingen (11 km apart) takes about 34 min by public
// transport, Stuttgart–Tübingen (30 km) about 70 min, and Stuttgart–Ulm (73 km) about
// 76 min by car. Long public-transport trips on fast trains are overestimated, which
// hardly matters under the usual 60-minute limit.
struct GreatCircleTravelTimeOptions {
  // S-Bahn, regional trains and buses, including transfers.
  // Default: detour 1.3, 40 km/h, 12 minutes to walk to the stop and wait.
  TravelModeParameters public_transport{1.3, 40.0, 12.0};
  // Everyday cycling. Default: detour 1.25, 16 km/h, 3 minutes to unlock and park.
  TravelModeParameters bicycle{1.25, 16.0, 3.0};
  // Car on mixed roads. Default: detour 1.3, 80 km/h, 5 minutes to park and walk.
  TravelModeParameters car{1.3, 80.0, 5.0};
};

class GreatCircleTravelTime final : public TravelTimeModel {
 public:
  // InvalidArgument naming the field unless every detour factor is finite and >= 1,
  // every speed finite and > 0, and every fixed time finite and >= 0.
  static absl::StatusOr<GreatCircleTravelTime> Create(
      const GreatCircleTravelTimeOptions& options);

  // A model with the default options.
  GreatCircleTravelTime();

  double Minutes(GeoPoint from, GeoPoint to, TravelMode mode) const override;
  // Same doubles as Minutes; the origin's trigonometry is computed once.
  void MinutesFrom(GeoPoint from, absl::Span<const GeoPoint> to, TravelMode mode,
                   absl::Span<double> out) const override;
  double ReachBoundKm(double minutes, TravelMode mode) const override;
  double MinutesAtLeast(double km, TravelMode mode) const override;

  const TravelModeParameters& parameters(TravelMode mode) const {
    return modes_[static_cast<int>(mode)];
  }

 private:
  explicit GreatCircleTravelTime(const GreatCircleTravelTimeOptions& options);

  std::array<TravelModeParameters, kTravelModeCount> modes_;
};

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_TRAVEL_TIME_H_

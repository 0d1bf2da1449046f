#include "engine/matching/travel_time.h"

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "engine/matching/matrix_travel_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/matching_test_pools.h"

namespace azubimatch::engine {
namespace {

using ::azubimatch::engine::testing::kEsslingen;
using ::azubimatch::engine::testing::kStuttgart;
using ::azubimatch::engine::testing::kTuebingen;
using ::azubimatch::engine::testing::kUlm;
using ::testing::HasSubstr;

TEST(GreatCircleKmTest, StuttgartToUlmIsAboutSeventyThreeKilometres) {
  EXPECT_NEAR(GreatCircleKm(kStuttgart, kUlm), 72.8, 0.5);
  EXPECT_DOUBLE_EQ(GreatCircleKm(kStuttgart, kUlm), GreatCircleKm(kUlm, kStuttgart));
  EXPECT_EQ(GreatCircleKm(kUlm, kUlm), 0.0);
}

TEST(GreatCircleKmTest, OneDegreeOfLatitudeIsAbout111Kilometres) {
  EXPECT_NEAR(GreatCircleKm({48.0, 9.0}, {49.0, 9.0}), 111.2, 0.1);
}

TEST(GreatCircleTravelTimeTest, MonotoneInDistanceForEveryMode) {
  const GreatCircleTravelTime model;
  for (TravelMode mode :
       {TravelMode::kPublicTransport, TravelMode::kBicycle, TravelMode::kCar}) {
    double previous = -1.0;
    for (int step = 0; step <= 100; ++step) {
      const GeoPoint to{kStuttgart.lat + 0.01 * step, kStuttgart.lon + 0.007 * step};
      const double minutes = model.Minutes(kStuttgart, to, mode);
      EXPECT_GT(minutes, previous) << TravelModeName(mode) << " step " << step;
      previous = minutes;
    }
  }
}

TEST(GreatCircleTravelTimeTest, StuttgartUlmByCarTakesAboutAnHourAndAQuarter) {
  const GreatCircleTravelTime model;
  const double minutes = model.Minutes(kStuttgart, kUlm, TravelMode::kCar);
  // About 95 km of motorway; real trips take 60-80 minutes.
  EXPECT_GT(minutes, 60.0);
  EXPECT_LT(minutes, 85.0);
}

TEST(GreatCircleTravelTimeTest, RegionalCommutesAreRealisticByPublicTransport) {
  const GreatCircleTravelTime model;
  const double esslingen =
      model.Minutes(kStuttgart, kEsslingen, TravelMode::kPublicTransport);
  const double tuebingen =
      model.Minutes(kStuttgart, kTuebingen, TravelMode::kPublicTransport);
  EXPECT_GT(esslingen, 20.0);
  EXPECT_LT(esslingen, 45.0);
  EXPECT_GT(tuebingen, 55.0);
  EXPECT_LT(tuebingen, 90.0);
  // Ten kilometres: car beats public transport, which beats the bicycle.
  const GeoPoint ten_km_north{kStuttgart.lat + 10.0 / 111.2, kStuttgart.lon};
  const double car = model.Minutes(kStuttgart, ten_km_north, TravelMode::kCar);
  const double pt = model.Minutes(kStuttgart, ten_km_north, TravelMode::kPublicTransport);
  const double bike = model.Minutes(kStuttgart, ten_km_north, TravelMode::kBicycle);
  EXPECT_LT(car, pt);
  EXPECT_LT(pt, bike);
  // Standing still costs the fixed access time only.
  EXPECT_EQ(model.Minutes(kStuttgart, kStuttgart, TravelMode::kPublicTransport), 12.0);
}

TEST(GreatCircleTravelTimeTest, ReachBoundNeverCutsAReachablePair) {
  const GreatCircleTravelTime model;
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> lat(47.5, 49.8), lon(7.5, 10.5);
  for (int i = 0; i < 2000; ++i) {
    const GeoPoint a{lat(rng), lon(rng)}, b{lat(rng), lon(rng)};
    const auto mode = static_cast<TravelMode>(i % kTravelModeCount);
    const double minutes = model.Minutes(a, b, mode);
    // A limit exactly at the travel time must keep the pair inside the bound.
    EXPECT_GE(model.ReachBoundKm(minutes, mode), GreatCircleKm(a, b)) << i;
  }
  EXPECT_EQ(model.ReachBoundKm(5.0, TravelMode::kPublicTransport), 0.0);
}

// The lower bounds a suggestion search bounds whole grid cells with: never above the
// distance to, or the travel time to, any point of the box, and tight for a point far
// from a small box (so that they prune).
TEST(GreatCircleTravelTimeTest, BoxDistanceAndMinutesLowerBoundsHoldForEveryPointInside) {
  const GreatCircleTravelTime model;
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> lat(47.5, 49.8), lon(7.5, 10.5), unit(0.0, 1.0);
  for (int i = 0; i < 2000; ++i) {
    const GeoPoint from{lat(rng), lon(rng)};
    GeoPoint south_west{lat(rng), lon(rng)};
    const GeoPoint north_east{south_west.lat + 0.1 * unit(rng),
                              south_west.lon + 0.1 * unit(rng)};
    const double km = GreatCircleKmToBoxAtLeast(from, south_west, north_east);
    const auto mode = static_cast<TravelMode>(i % kTravelModeCount);
    for (int j = 0; j < 20; ++j) {
      const GeoPoint inside{
          south_west.lat + (north_east.lat - south_west.lat) * unit(rng),
          j == 0 ? south_west.lon
                 : south_west.lon + (north_east.lon - south_west.lon) * unit(rng)};
      ASSERT_LE(km, GreatCircleKm(from, inside)) << i << " " << j;
      ASSERT_LE(model.MinutesAtLeast(km, mode), model.Minutes(inside, from, mode)) << i;
    }
    EXPECT_GE(km, GreatCircleKm(from, north_east) - 30.0) << i;  // a 0.1-degree box
  }
  EXPECT_EQ(GreatCircleKmToBoxAtLeast(kStuttgart, {48.0, 9.0}, {49.0, 10.0}), 0.0);
}

TEST(GreatCircleTravelTimeTest, MinutesFromGivesTheSameDoublesAsMinutes) {
  const GreatCircleTravelTime model;
  const std::vector<GeoPoint> to = {kUlm, kEsslingen, kTuebingen, kStuttgart};
  std::vector<double> out(to.size());
  model.MinutesFrom(kStuttgart, to, TravelMode::kBicycle, absl::MakeSpan(out));
  for (size_t i = 0; i < to.size(); ++i) {
    EXPECT_EQ(out[i], model.Minutes(kStuttgart, to[i], TravelMode::kBicycle));
  }
}

TEST(GreatCircleTravelTimeTest, CreateRejectsImpossibleParametersNamingTheField) {
  GreatCircleTravelTimeOptions options;
  options.bicycle.speed_kmh = 0.0;
  absl::StatusOr<GreatCircleTravelTime> model = GreatCircleTravelTime::Create(options);
  ASSERT_EQ(model.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(model.status().message(), HasSubstr("bicycle.speed_kmh"));

  options = GreatCircleTravelTimeOptions();
  options.car.detour_factor = 0.9;
  EXPECT_THAT(GreatCircleTravelTime::Create(options).status().message(),
              HasSubstr("car.detour_factor"));

  options = GreatCircleTravelTimeOptions();
  options.public_transport.fixed_minutes = 10.0;
  absl::StatusOr<GreatCircleTravelTime> custom = GreatCircleTravelTime::Create(options);
  ASSERT_TRUE(custom.ok()) << custom.status();
  EXPECT_EQ(custom->Minutes(kUlm, kUlm, TravelMode::kPublicTransport), 10.0);
}

TEST(MatrixTravelTimeTest, LooksUpEntriesAndFallsBackForMissingPairs) {
  const GreatCircleTravelTime fallback;
  MatrixTravelTime matrix(&fallback);
  ASSERT_TRUE(matrix.Set(kStuttgart, kUlm, TravelMode::kPublicTransport, 58.0).ok());
  EXPECT_EQ(matrix.Minutes(kStuttgart, kUlm, TravelMode::kPublicTransport), 58.0);
  // Other mode and other direction are separate entries.
  EXPECT_EQ(matrix.Minutes(kStuttgart, kUlm, TravelMode::kCar),
            fallback.Minutes(kStuttgart, kUlm, TravelMode::kCar));
  EXPECT_EQ(matrix.Minutes(kUlm, kStuttgart, TravelMode::kPublicTransport),
            fallback.Minutes(kUlm, kStuttgart, TravelMode::kPublicTransport));
  EXPECT_EQ(matrix.size(), 1u);
  EXPECT_TRUE(std::isinf(matrix.ReachBoundKm(60.0, TravelMode::kCar)));
}

TEST(MatrixTravelTimeTest, MissingPairsAreUnreachableWithoutFallback) {
  MatrixTravelTime matrix;
  EXPECT_TRUE(std::isinf(matrix.Minutes(kStuttgart, kUlm, TravelMode::kCar)));
  EXPECT_EQ(matrix.Set(kStuttgart, kUlm, TravelMode::kCar, -1.0).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(matrix.Set(kStuttgart, kUlm, TravelMode::kCar, std::nan("")).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(matrix
                  .Set(kStuttgart, kUlm, TravelMode::kCar,
                       std::numeric_limits<double>::infinity())
                  .ok());
}

}  // namespace
}  // namespace azubimatch::engine

// SpatialGrid: never misses an entry within the radius (checked against the exact
// great-circle distance of every entry), and erasure removes exactly one entry.
#include "service/matching/spatial_grid.h"

#include <random>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/matching/travel_time.h"
#include "gtest/gtest.h"

namespace azubimatch::service {
namespace {

std::set<std::string> Near(const SpatialGrid& grid, engine::GeoPoint center, double km) {
  std::set<std::string> ids;
  grid.ForEachNear(center, km, [&](const SpatialGrid::Entry& e) { ids.insert(e.id); });
  return ids;
}

TEST(SpatialGridTest, VisitsEveryEntryWithinTheRadius) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> lat(47.5, 49.8), lon(7.5, 10.5);
  SpatialGrid grid;
  std::vector<std::pair<std::string, engine::GeoPoint>> points;
  for (int i = 0; i < 3000; ++i) {
    const engine::GeoPoint p{lat(random), lon(random)};
    points.emplace_back(absl::StrCat("p", i), p);
    grid.Insert(points.back().first, p);
  }
  int visited_total = 0;
  for (int q = 0; q < 50; ++q) {
    const engine::GeoPoint center{lat(random), lon(random)};
    const double radius = 5.0 + 10.0 * q;
    const std::set<std::string> found = Near(grid, center, radius);
    visited_total += static_cast<int>(found.size());
    int within = 0;
    for (const auto& [id, p] : points) {
      if (engine::GreatCircleKm(center, p) <= radius) {
        ++within;
        EXPECT_TRUE(found.contains(id)) << id << " at " << engine::GreatCircleKm(center, p)
                                        << " km of a " << radius << " km query";
      }
    }
    EXPECT_GE(static_cast<int>(found.size()), within);
  }
  // The windows cut: far fewer than every point for every query.
  EXPECT_LT(visited_total, 50 * 3000);
}

TEST(SpatialGridTest, InfiniteRadiusVisitsEverything) {
  SpatialGrid grid;
  grid.Insert("a", {48.0, 8.0});
  grid.Insert("b", {-33.9, 151.2});
  EXPECT_EQ(Near(grid, {48.0, 8.0}, std::numeric_limits<double>::infinity()),
            (std::set<std::string>{"a", "b"}));
}

TEST(SpatialGridTest, EraseRemovesOnlyThatEntryAndKeepsMaxReach) {
  SpatialGrid grid;
  grid.Insert("a", {48.78, 9.18}, 40.0);
  grid.Insert("b", {48.78, 9.18}, 10.0);
  EXPECT_FALSE(grid.Erase("c", {48.78, 9.18}));
  EXPECT_FALSE(grid.Erase("a", {47.0, 8.0}));  // wrong cell
  EXPECT_TRUE(grid.Erase("a", {48.78, 9.18}));
  EXPECT_EQ(grid.size(), 1u);
  EXPECT_EQ(Near(grid, {48.78, 9.18}, 1.0), (std::set<std::string>{"b"}));
  EXPECT_EQ(grid.max_reach_km(), 40.0);
}

TEST(SpatialGridTest, VisitorsReceiveThePayloadOfTheirEntry) {
  SpatialGrid grid;
  const int a = 1, b = 2;
  grid.Insert("a", {48.78, 9.18}, 0.0, &a);
  grid.Insert("b", {48.79, 9.19}, 0.0, &b);
  grid.Insert("c", {48.80, 9.20});
  std::set<std::pair<std::string, const void*>> seen;
  grid.ForEachNear({48.78, 9.18}, 10.0,
                   [&](const SpatialGrid::Entry& e) { seen.emplace(e.id, e.payload); });
  EXPECT_EQ(seen, (std::set<std::pair<std::string, const void*>>{
                      {"a", &a}, {"b", &b}, {"c", nullptr}}));
}

}  // namespace
}  // namespace azubimatch::service

// SpatialGrid: never misses an entry within the radius (checked against the exact
// great-circle distance of every entry), erasure removes exactly one entry, and the
// cell summaries kept through inserts and erasures are those made from scratch.
#include "service/matching/spatial_grid.h"

#include <algorithm>
#include <array>
#include <limits>
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

// A fold for the summary test: facts[0] the largest tag, facts[1] the number of odd tags.
void FoldTags(const SpatialGrid::Entry& entry, std::array<uint64_t, 2>* facts) {
  (*facts)[0] = std::max((*facts)[0], entry.tag);
  (*facts)[1] += entry.tag % 2;
}

TEST(SpatialGridTest, CellSummariesMatchTheirEntriesAfterInsertsAndErasures) {
  std::mt19937_64 random(11);
  // A small area, so that cells hold many entries.
  std::uniform_real_distribution<double> lat(48.70, 48.85), lon(9.10, 9.30);
  SpatialGrid grid(SpatialGrid::kDefaultCellDegrees, &FoldTags);
  std::vector<std::pair<std::string, engine::GeoPoint>> present;
  for (int i = 0; i < 4000; ++i) {
    if (!present.empty() && random() % 3 == 0) {
      const size_t victim = random() % present.size();
      ASSERT_TRUE(grid.Erase(present[victim].first, present[victim].second));
      present[victim] = present.back();
      present.pop_back();
      continue;
    }
    const engine::GeoPoint p{lat(random), lon(random)};
    present.emplace_back(absl::StrCat("p", i), p);
    grid.Insert(present.back().first, p, 0.0, nullptr, random() % 1000);
  }
  int cells = 0;
  size_t entries_seen = 0;
  grid.ForEachCellNear(
      {48.77, 9.18}, std::numeric_limits<double>::infinity(),
      [&](absl::Span<const SpatialGrid::Entry> entries,
          const SpatialGrid::CellSummary& summary) {
        ++cells;
        entries_seen += entries.size();
        SpatialGrid::CellSummary expected;
        for (const SpatialGrid::Entry& e : entries) {
          expected.south_west.lat = std::min(expected.south_west.lat, e.point.lat);
          expected.south_west.lon = std::min(expected.south_west.lon, e.point.lon);
          expected.north_east.lat = std::max(expected.north_east.lat, e.point.lat);
          expected.north_east.lon = std::max(expected.north_east.lon, e.point.lon);
          FoldTags(e, &expected.facts);
        }
        EXPECT_EQ(summary.facts, expected.facts);
        EXPECT_EQ(summary.south_west.lat, expected.south_west.lat);
        EXPECT_EQ(summary.south_west.lon, expected.south_west.lon);
        EXPECT_EQ(summary.north_east.lat, expected.north_east.lat);
        EXPECT_EQ(summary.north_east.lon, expected.north_east.lon);
      });
  EXPECT_GT(cells, 1);
  EXPECT_EQ(entries_seen, present.size());
  EXPECT_EQ(grid.size(), present.size());
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

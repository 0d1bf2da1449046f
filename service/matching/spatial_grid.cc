#include "service/matching/spatial_grid.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/string_view.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::service {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kRadians = kPi / 180.0;
// Relative and absolute slack so that rounding never excludes a point on the border.
constexpr double kSlack = 1e-9;

}  // namespace

struct SpatialGrid::Window {
  bool everywhere = true;
  double lat_lo = -90.0, lat_hi = 90.0;
  double lon_lo = -180.0, lon_hi = 180.0;
};

SpatialGrid::Window SpatialGrid::QueryWindow(engine::GeoPoint center, double radius_km) {
  Window w;
  if (!std::isfinite(radius_km)) return w;
  const double angle = std::max(0.0, radius_km) / engine::kEarthRadiusKm;  // radians
  const double dlat = angle / kRadians * (1.0 + kSlack) + kSlack;
  w.lat_lo = center.lat - dlat;
  w.lat_hi = center.lat + dlat;
  const double pole_side = std::max(std::abs(w.lat_lo), std::abs(w.lat_hi));
  if (pole_side >= 89.0 || angle >= kPi) return w;
  const double half = std::sin(angle / 2.0);
  const double bound =
      half * half / (std::cos(center.lat * kRadians) * std::cos(pole_side * kRadians));
  if (!(bound < 1.0)) return w;
  const double dlon = 2.0 * std::asin(std::sqrt(bound)) / kRadians * (1.0 + kSlack) + kSlack;
  if (center.lon - dlon < -180.0 || center.lon + dlon > 180.0) return w;
  w.everywhere = false;
  w.lon_lo = center.lon - dlon;
  w.lon_hi = center.lon + dlon;
  return w;
}

bool SpatialGrid::Inside(const Window& w, engine::GeoPoint p) {
  return w.everywhere || (p.lat >= w.lat_lo && p.lat <= w.lat_hi && p.lon >= w.lon_lo &&
                          p.lon <= w.lon_hi);
}

SpatialGrid::SpatialGrid(double cell_degrees, FactsFold fold)
    : cell_degrees_(cell_degrees), fold_(fold) {}

void SpatialGrid::Fold(const Entry& entry, CellSummary& summary) const {
  summary.south_west.lat = std::min(summary.south_west.lat, entry.point.lat);
  summary.south_west.lon = std::min(summary.south_west.lon, entry.point.lon);
  summary.north_east.lat = std::max(summary.north_east.lat, entry.point.lat);
  summary.north_east.lon = std::max(summary.north_east.lon, entry.point.lon);
  if (fold_ != nullptr) fold_(entry, &summary.facts);
}

void SpatialGrid::Summarize(Cell& cell) const {
  cell.summary = CellSummary();
  for (const Entry& entry : cell.entries) Fold(entry, cell.summary);
}

int32_t SpatialGrid::Row(double lat) const {
  return static_cast<int32_t>(std::floor(lat / cell_degrees_));
}

int32_t SpatialGrid::Column(double lon) const {
  return static_cast<int32_t>(std::floor(lon / cell_degrees_));
}

uint64_t SpatialGrid::CellKey(int32_t row, int32_t column) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(row)) << 32) |
         static_cast<uint32_t>(column);
}

void SpatialGrid::Insert(std::string id, engine::GeoPoint point, double reach_km,
                         const void* payload, uint64_t tag, engine::GeoPoint aux_point) {
  Cell& cell = cells_[CellKey(Row(point.lat), Column(point.lon))];
  cell.entries.push_back({std::move(id), point, payload, tag, aux_point});
  Fold(cell.entries.back(), cell.summary);
  ++size_;
  max_reach_km_ = std::max(max_reach_km_, reach_km);
}

bool SpatialGrid::Erase(absl::string_view id, engine::GeoPoint point) {
  auto cell = cells_.find(CellKey(Row(point.lat), Column(point.lon)));
  if (cell == cells_.end()) return false;
  std::vector<Entry>& entries = cell->second.entries;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].id != id) continue;
    if (i + 1 != entries.size()) entries[i] = std::move(entries.back());
    entries.pop_back();
    if (entries.empty()) {
      cells_.erase(cell);
    } else {
      Summarize(cell->second);
    }
    --size_;
    return true;
  }
  return false;
}

void SpatialGrid::ForEachCellIn(const Window& w, const CellVisitor& visit) const {
  if (!w.everywhere) {
    const int32_t row_lo = Row(w.lat_lo), row_hi = Row(w.lat_hi);
    const int32_t col_lo = Column(w.lon_lo), col_hi = Column(w.lon_hi);
    const double window_cells =
        (static_cast<double>(row_hi) - row_lo + 1) * (static_cast<double>(col_hi) - col_lo + 1);
    if (window_cells <= static_cast<double>(cells_.size())) {
      for (int32_t row = row_lo; row <= row_hi; ++row) {
        for (int32_t col = col_lo; col <= col_hi; ++col) {
          auto cell = cells_.find(CellKey(row, col));
          if (cell != cells_.end()) visit(cell->second.entries, cell->second.summary);
        }
      }
      return;
    }
  }
  for (const auto& [key, cell] : cells_) visit(cell.entries, cell.summary);
}

void SpatialGrid::ForEachNear(engine::GeoPoint center, double radius_km,
                              const Visitor& visit) const {
  const Window w = QueryWindow(center, radius_km);
  ForEachCellIn(w, [&](absl::Span<const Entry> entries, const CellSummary&) {
    for (const Entry& entry : entries) {
      if (Inside(w, entry.point)) visit(entry);
    }
  });
}

void SpatialGrid::ForEachCellNear(engine::GeoPoint center, double radius_km,
                                  const CellVisitor& visit) const {
  ForEachCellIn(QueryWindow(center, radius_km), visit);
}

}  // namespace azubimatch::service

// SpatialGrid: points with string ids bucketed into square cells of a fixed size in
// degrees, answering "which entries may lie within R km of this point". Each entry may
// carry an opaque payload pointer (MatchingIndex stores the address of the indexed
// record, so that visitors reach it without a lookup by id); the grid never reads it.
//
// Each entry may also carry a 64-bit tag and a second point, equally opaque:
// MatchingIndex packs an offer's constraint facts into the tag and keeps the place of
// its vocational school as the second point, so that visitors can decide most pairs
// from the grid's own memory.
//
// ForEachNear visits every entry whose great-circle distance to the centre is at most
// the radius (never misses one) and usually few others: it visits the cells that meet a
// latitude window (|dlat| <= R / Earth radius) and a longitude window derived from the
// haversine formula (hav(d/R) >= cos(lat1) cos(lat2) hav(dlon)), and tests each entry
// against both windows. Callers still check the exact travel time of what they get.
// An infinite radius, or a window reaching a pole or the antimeridian, visits every
// entry.
//
// Thread safety: thread-compatible; MatchingIndex guards its grids with its mutex.
// Complexity: Insert O(1) amortised (the new entry is folded into its cell's summary);
// Erase O(entries in the cell) (the summary is made again from those left);
// ForEachNear and ForEachCellNear
// O(min(cells in the window, non-empty cells) + entries in the visited cells).
// Order: cells row by row (south to north, west to east), entries of a cell in insertion
// order as changed by erasures (swap with the last); callers that need a deterministic
// order sort what they collect.
#ifndef AZUBIMATCH_SERVICE_MATCHING_SPATIAL_GRID_H_
#define AZUBIMATCH_SERVICE_MATCHING_SPATIAL_GRID_H_

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "engine/matching/model.h"

namespace azubimatch::service {

class SpatialGrid {
 public:
  struct Entry {
    std::string id;
    engine::GeoPoint point;
    const void* payload = nullptr;  // as given to Insert
    uint64_t tag = 0;               // as given to Insert
    engine::GeoPoint aux_point;     // as given to Insert; not where the entry is filed
  };
  using Visitor = std::function<void(const Entry& entry)>;
  // What the entries of one cell carry as a whole, kept up to date by Insert and Erase:
  // the bounding box of their points and the fold of their facts by the grid's FactsFold.
  struct CellSummary {
    engine::GeoPoint south_west{90.0, 180.0};
    engine::GeoPoint north_east{-90.0, -180.0};
    std::array<uint64_t, 2> facts{};
  };
  // Folds one entry into the facts of its cell (e.g. the largest of a field of their
  // tags). The facts of a cell without entries are all zero. The fold must not depend
  // on the order of the entries: Insert folds the new entry into the cell's facts, and
  // Erase folds the entries left into zero facts again.
  using FactsFold = void (*)(const Entry& entry, std::array<uint64_t, 2>* facts);
  // The entries of one cell, in the order of the file comment, and their summary.
  using CellVisitor =
      std::function<void(absl::Span<const Entry> entries, const CellSummary& summary)>;

  // 0.1 degrees: about 11 km north-south and 7.4 km east-west in Baden-Württemberg, so a
  // 60-minute public-transport reach (about 45 km) spans some 9 x 13 cells.
  static constexpr double kDefaultCellDegrees = 0.1;

  // Without a `fold` the cells' facts stay zero.
  explicit SpatialGrid(double cell_degrees = kDefaultCellDegrees,
                       FactsFold fold = nullptr);

  // Adds an entry. `reach_km` raises max_reach_km() (an entry's own reach, for queries
  // from the other side: "which candidates can reach this offer"). `payload` is handed
  // back to visitors as is; the caller keeps it valid while the entry is in the grid.
  // `tag` and `aux_point` are handed back as is too.
  void Insert(std::string id, engine::GeoPoint point, double reach_km = 0.0,
              const void* payload = nullptr, uint64_t tag = 0,
              engine::GeoPoint aux_point = {});

  // Removes the entry `id` inserted at `point`; false when there is none.
  bool Erase(absl::string_view id, engine::GeoPoint point);

  // Calls `visit` for every entry that may lie within `radius_km` of `center` (see the
  // file comment). REQUIRES: `visit` does not change the grid.
  void ForEachNear(engine::GeoPoint center, double radius_km, const Visitor& visit) const;

  // Calls `visit` once for each non-empty cell that meets the window of ForEachNear,
  // with all of its entries (also those outside the window), so that a caller can
  // decide on a whole cell from what its entries carry. Same cells, same order.
  // REQUIRES: `visit` does not change the grid.
  void ForEachCellNear(engine::GeoPoint center, double radius_km,
                       const CellVisitor& visit) const;

  size_t size() const { return size_; }
  // The largest reach_km ever inserted; Erase does not lower it, so it is an upper
  // bound, not the exact maximum of the entries present.
  double max_reach_km() const { return max_reach_km_; }

 private:
  struct Window;  // the part of the sphere a query has to look at (spatial_grid.cc)
  static Window QueryWindow(engine::GeoPoint center, double radius_km);
  static bool Inside(const Window& w, engine::GeoPoint p);
  struct Cell {
    std::vector<Entry> entries;
    CellSummary summary;
  };
  void ForEachCellIn(const Window& w, const CellVisitor& visit) const;
  // Folds `entry` into `summary`.
  void Fold(const Entry& entry, CellSummary& summary) const;
  // Makes the summary of `cell` again from all of its entries.
  void Summarize(Cell& cell) const;

  int32_t Row(double lat) const;
  int32_t Column(double lon) const;
  static uint64_t CellKey(int32_t row, int32_t column);

  double cell_degrees_;
  FactsFold fold_;
  absl::flat_hash_map<uint64_t, Cell> cells_;
  size_t size_ = 0;
  double max_reach_km_ = 0.0;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_SPATIAL_GRID_H_

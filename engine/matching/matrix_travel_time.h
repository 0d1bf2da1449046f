// MatrixTravelTime: travel times looked up in a precomputed table, e.g. the
// origin-destination matrix of a routing engine, with an optional fallback model for
// pairs the table does not hold.
//
// Points are matched exactly (bit for bit), so the table must be filled with the same
// coordinates that the profiles carry. A pair missing from the table is answered by the
// fallback, or +infinity (unreachable) without one.
//
// Thread safety: Set is not thread-safe; after filling, const methods may be called
// from any number of threads (as long as the fallback allows that too).
// Complexity: Minutes is one hash lookup, O(1) expected; memory O(entries).
#ifndef AZUBIMATCH_ENGINE_MATCHING_MATRIX_TRAVEL_TIME_H_
#define AZUBIMATCH_ENGINE_MATCHING_MATRIX_TRAVEL_TIME_H_

#include <cstdint>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::engine {

class MatrixTravelTime final : public TravelTimeModel {
 public:
  // `fallback` (may be null, not owned, must outlive this object) answers pairs that
  // were never Set.
  explicit MatrixTravelTime(const TravelTimeModel* fallback = nullptr)
      : fallback_(fallback) {}

  // Records the minutes from `from` to `to` by `mode`, replacing an earlier entry.
  // InvalidArgument when `minutes` is NaN or negative (+infinity marks "unreachable").
  absl::Status Set(GeoPoint from, GeoPoint to, TravelMode mode, double minutes);

  size_t size() const { return table_.size(); }

  double Minutes(GeoPoint from, GeoPoint to, TravelMode mode) const override;
  // ReachBoundKm stays +infinity: table entries obey no distance-based bound.

 private:
  struct Key {
    uint64_t from_lat, from_lon, to_lat, to_lon;
    TravelMode mode;
    friend bool operator==(const Key&, const Key&) = default;
    template <typename H>
    friend H AbslHashValue(H h, const Key& k) {
      return H::combine(std::move(h), k.from_lat, k.from_lon, k.to_lat, k.to_lon, k.mode);
    }
  };
  static Key MakeKey(GeoPoint from, GeoPoint to, TravelMode mode);

  const TravelTimeModel* fallback_;
  absl::flat_hash_map<Key, double> table_;
};

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_MATRIX_TRAVEL_TIME_H_

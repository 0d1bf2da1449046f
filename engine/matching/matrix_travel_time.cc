#include "engine/matching/matrix_travel_time.h"

#include <bit>
#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"

namespace azubimatch::engine {
namespace {

// +0.0 and -0.0 are the same coordinate.
uint64_t Bits(double x) { return std::bit_cast<uint64_t>(x == 0.0 ? 0.0 : x); }

}  // namespace

MatrixTravelTime::Key MatrixTravelTime::MakeKey(GeoPoint from, GeoPoint to,
                                                TravelMode mode) {
  return Key{Bits(from.lat), Bits(from.lon), Bits(to.lat), Bits(to.lon), mode};
}

absl::Status MatrixTravelTime::Set(GeoPoint from, GeoPoint to, TravelMode mode,
                                   double minutes) {
  if (std::isnan(minutes) || minutes < 0.0) {
    return absl::InvalidArgumentError(
        absl::StrCat("minutes must be >= 0 or +infinity, got ", minutes));
  }
  table_[MakeKey(from, to, mode)] = minutes;
  return absl::OkStatus();
}

double MatrixTravelTime::Minutes(GeoPoint from, GeoPoint to, TravelMode mode) const {
  auto it = table_.find(MakeKey(from, to, mode));
  if (it != table_.end()) return it->second;
  if (fallback_ != nullptr) return fallback_->Minutes(from, to, mode);
  return std::numeric_limits<double>::infinity();
}

}  // namespace azubimatch::engine

// DemoOfferIndex: the cohort's offers as the candidate generator draws from them, built
// once so that each candidate costs O(log offers + table sizes), not O(offers): the
// offers' running seat counts (an offer drawn by seats in O(log n)), and the seats
// every occupation advertises, state-wide and in each town. Internal to clients/demo.
//
// Seats per occupation are counted on the offer's own occupation (its title, the row
// of TrainingOccupations()), so a wish for it means the offer's KldB code.
//
// Thread safety: immutable after construction; const methods may run on several
// threads. Complexity: construction O(offers * log towns + towns * occupations);
// DrawBySeats O(log offers); the lookups O(1) expected.
#ifndef AZUBIMATCH_CLIENTS_DEMO_DEMO_OFFER_INDEX_H_
#define AZUBIMATCH_CLIENTS_DEMO_DEMO_OFFER_INDEX_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "azubimatch/v1/records.pb.h"
#include "clients/demo/demo_random.h"

namespace azubimatch::clients {

class DemoOfferIndex {
 public:
  // `offers` must outlive the index. An offer whose occupation title is not in
  // TrainingOccupations() counts for DrawBySeats but for no occupation.
  explicit DemoOfferIndex(absl::Span<const azubimatch::v1::TrainingOffer> offers);

  // Whether any offer has a seat.
  bool has_seats() const {
    return !cumulative_seats_.empty() && cumulative_seats_.back() > 0;
  }

  // An offer drawn with probability proportional to its seats.
  // REQUIRES: has_seats().
  const azubimatch::v1::TrainingOffer& DrawBySeats(DemoRandom& rng) const;

  // The row of TrainingOccupations() of `offer`'s occupation, or -1.
  static int OccupationRow(const azubimatch::v1::TrainingOffer& offer);

  // Seats per row of TrainingOccupations(), over all offers.
  const std::vector<double>& seats() const { return seats_; }

  // Seats per row of TrainingOccupations() advertised in the municipality `town`
  // (Location.municipality); all zeros for a town without offers.
  const std::vector<double>& TownSeats(absl::string_view town) const;

 private:
  absl::Span<const azubimatch::v1::TrainingOffer> offers_;
  std::vector<double> cumulative_seats_;
  std::vector<double> seats_;
  std::vector<double> no_seats_;
  absl::flat_hash_map<std::string, std::vector<double>> town_seats_;
};

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_DEMO_OFFER_INDEX_H_

#include "clients/demo/demo_offer_index.h"

#include "clients/demo/training_occupations.h"

namespace azubimatch::clients {

DemoOfferIndex::DemoOfferIndex(absl::Span<const azubimatch::v1::TrainingOffer> offers)
    : offers_(offers),
      seats_(TrainingOccupations().size(), 0.0),
      no_seats_(TrainingOccupations().size(), 0.0) {
  cumulative_seats_.reserve(offers.size());
  double running = 0.0;
  for (const azubimatch::v1::TrainingOffer& offer : offers) {
    const double seats = offer.seats() > 0 ? offer.seats() : 0.0;
    running += seats;
    cumulative_seats_.push_back(running);
    const int row = OccupationRow(offer);
    if (row < 0) continue;
    seats_[row] += seats;
    auto [it, inserted] = town_seats_.try_emplace(offer.location().municipality());
    if (inserted) it->second.assign(seats_.size(), 0.0);
    it->second[row] += seats;
  }
}

const azubimatch::v1::TrainingOffer& DemoOfferIndex::DrawBySeats(DemoRandom& rng) const {
  return offers_[rng.CumulativeIndex(cumulative_seats_)];
}

int DemoOfferIndex::OccupationRow(const azubimatch::v1::TrainingOffer& offer) {
  const TrainingOccupation* occupation =
      FindTrainingOccupation(offer.occupation().title());
  return occupation == nullptr
             ? -1
             : static_cast<int>(occupation - TrainingOccupations().data());
}

const std::vector<double>& DemoOfferIndex::TownSeats(absl::string_view town) const {
  const auto it = town_seats_.find(town);
  return it == town_seats_.end() ? no_seats_ : it->second;
}

}  // namespace azubimatch::clients

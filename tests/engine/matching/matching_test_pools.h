// Profiles and pools for the matching tests: readable builders for hand-made cases and
// seeded random pools for property tests, plus travel-time models with known answers.
#ifndef AZUBIMATCH_TESTS_ENGINE_MATCHING_MATCHING_TEST_POOLS_H_
#define AZUBIMATCH_TESTS_ENGINE_MATCHING_MATCHING_TEST_POOLS_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/matching/model.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::engine::testing {

inline constexpr GeoPoint kStuttgart{48.7758, 9.1829};
inline constexpr GeoPoint kUlm{48.3984, 9.9916};
inline constexpr GeoPoint kEsslingen{48.7406, 9.3108};
inline constexpr GeoPoint kTuebingen{48.5216, 9.0576};

// A candidate in Stuttgart wishing `occupations` in order, German B2, Mittlerer
// Schulabschluss, available from 2025-08-01, 60 minutes by public transport.
inline CandidateProfile MakeCandidate(std::string id,
                                      std::vector<std::string> occupations) {
  CandidateProfile c;
  c.id = std::move(id);
  c.home = kStuttgart;
  c.travel_limit_minutes = 60.0;
  c.travel_mode = TravelMode::kPublicTransport;
  for (std::string& code : occupations) {
    c.desired_occupations.push_back(Occupation{std::move(code), Sector::kTrade, ""});
  }
  c.languages = {{"de", CefrLevel::kB2}};
  c.certificate = SchoolCertificate::kMittlererSchulabschluss;
  c.available_from = Date::FromYmd(2025, 8, 1);
  return c;
}

// An open offer in Stuttgart for `occupation` (sector trade) with `seats` seats,
// starting 2025-09-01, requiring German B1 and a Hauptschulabschluss.
inline OfferProfile MakeOffer(std::string id, std::string occupation, int32_t seats = 1) {
  OfferProfile o;
  o.id = std::move(id);
  o.company_id = "company-" + o.id;
  o.occupation = Occupation{std::move(occupation), Sector::kTrade, ""};
  o.company_sector = Sector::kTrade;
  o.company_languages = {"de"};
  o.seats_free = seats;
  o.start_date = Date::FromYmd(2025, 9, 1);
  o.location = kStuttgart;
  o.min_certificate = SchoolCertificate::kHauptschulabschluss;
  o.required_languages = {{"de", CefrLevel::kB1}};
  o.open = true;
  return o;
}

// Answers every query with the same number of minutes.
class FixedTravelTime final : public TravelTimeModel {
 public:
  explicit FixedTravelTime(double minutes) : minutes_(minutes) {}
  double Minutes(GeoPoint, GeoPoint, TravelMode) const override { return minutes_; }

 private:
  double minutes_;
};

// The default great-circle model without its reach bound, so that pair generation has
// to ask for every travel time.
class UnboundedGreatCircle final : public TravelTimeModel {
 public:
  double Minutes(GeoPoint from, GeoPoint to, TravelMode mode) const override {
    return model_.Minutes(from, to, mode);
  }

 private:
  GreatCircleTravelTime model_;
};

struct RandomPoolOptions {
  int num_candidates = 30;
  int num_offers = 20;
  int num_occupations = 4;
  int max_seats = 2;
  // Round scores coarsely by making components take few values (many ties).
  bool coarse = false;
  // Spread of the places around Stuttgart, in degrees.
  double spread_deg = 0.4;
  // Share of the offers, in percent, that name a vocational school (placed like the
  // offers, 0..2 days a week). 0 draws no random numbers for schools, so pools of
  // earlier tests stay as they were.
  int school_percent = 0;
};

struct RandomPool {
  std::vector<CandidateProfile> candidates;
  std::vector<OfferProfile> offers;
};

// A seeded random pool: a few occupations and sectors, languages de/tr/uk, all four
// certificate levels, several start dates, places scattered around Stuttgart.
inline RandomPool MakeRandomPool(uint64_t seed, const RandomPoolOptions& opt = {}) {
  std::mt19937_64 rng(seed);
  auto uniform = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  auto place = [&]() {
    if (opt.coarse)
      return GeoPoint{kStuttgart.lat + 0.05 * uniform(0, 2), kStuttgart.lon};
    std::uniform_real_distribution<double> d(-opt.spread_deg, opt.spread_deg);
    return GeoPoint{kStuttgart.lat + d(rng), kStuttgart.lon + d(rng)};
  };
  auto code = [&](int k) { return "6210" + std::to_string(k); };
  const std::vector<std::string> languages = {"de", "tr", "uk"};
  RandomPool pool;
  for (int i = 0; i < opt.num_candidates; ++i) {
    CandidateProfile c;
    c.id = "c" + std::to_string(1000 + i);
    c.home = place();
    c.travel_limit_minutes = opt.coarse ? 60.0 : uniform(30, 90);
    c.travel_mode = static_cast<TravelMode>(opt.coarse ? 2 : uniform(0, 2));
    const int wishes = uniform(1, 3);
    for (int w = 0; w < wishes; ++w) {
      const int k = uniform(0, opt.num_occupations - 1);
      c.desired_occupations.push_back(
          Occupation{code(k), static_cast<Sector>(1 + k % 8), ""});
    }
    c.desired_sectors = {static_cast<Sector>(uniform(1, 8))};
    c.languages = {{"de", static_cast<CefrLevel>(opt.coarse ? 4 : uniform(2, 6))}};
    if (uniform(0, 2) == 0) {
      c.languages.push_back(
          {languages[uniform(1, 2)], static_cast<CefrLevel>(uniform(1, 6))});
    }
    c.certificate = static_cast<SchoolCertificate>(opt.coarse ? 4 : uniform(0, 4));
    c.available_from = Date::FromYmd(2025, opt.coarse ? 8 : uniform(6, 10), 1);
    pool.candidates.push_back(std::move(c));
  }
  for (int j = 0; j < opt.num_offers; ++j) {
    OfferProfile o;
    o.id = "o" + std::to_string(1000 + j);
    const int k = uniform(0, opt.num_occupations - 1);
    o.occupation = Occupation{code(k), static_cast<Sector>(1 + k % 8), ""};
    o.company_sector = o.occupation.sector;
    o.company_languages = {"de"};
    if (uniform(0, 1) == 0) o.company_languages.push_back(languages[uniform(1, 2)]);
    o.seats_free = uniform(opt.max_seats > 1 ? 0 : 1, opt.max_seats);
    o.start_date = Date::FromYmd(2025, opt.coarse ? 9 : uniform(8, 9), 1);
    o.location = place();
    o.min_certificate = static_cast<SchoolCertificate>(opt.coarse ? 1 : uniform(0, 3));
    o.required_languages = {
        {"de", static_cast<CefrLevel>(opt.coarse ? 3 : uniform(2, 4))}};
    o.open = opt.coarse || uniform(0, 9) != 0;
    if (opt.school_percent > 0 && uniform(0, 99) < opt.school_percent) {
      o.vocational_school = VocationalSchool{place(), "Schulort", uniform(0, 2)};
    }
    pool.offers.push_back(std::move(o));
  }
  return pool;
}

}  // namespace azubimatch::engine::testing

#endif  // AZUBIMATCH_TESTS_ENGINE_MATCHING_MATCHING_TEST_POOLS_H_

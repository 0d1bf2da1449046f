#include "clients/demo/demo_candidates.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/demo/bw_municipalities.h"
#include "clients/demo/demo_sampling.h"
#include "clients/demo/heritage_groups.h"
#include "clients/demo/training_occupations.h"
#include "clients/demo/vocational_schools.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::clients {
namespace {

namespace v1 = ::azubimatch::v1;

using Certificate = v1::SchoolCertificate;
using Level = v1::CefrLevel;

constexpr Certificate kNoCertificate = v1::SCHOOL_CERTIFICATE_NONE;
constexpr Certificate kHauptschule = v1::SCHOOL_CERTIFICATE_HAUPTSCHULABSCHLUSS;
constexpr Certificate kMittlere = v1::SCHOOL_CERTIFICATE_MITTLERER_SCHULABSCHLUSS;
constexpr Certificate kFachhochschulreife = v1::SCHOOL_CERTIFICATE_FACHHOCHSCHULREIFE;
constexpr Certificate kAbitur = v1::SCHOOL_CERTIFICATE_ABITUR;

constexpr Level kA2 = v1::CEFR_LEVEL_A2;
constexpr Level kB1 = v1::CEFR_LEVEL_B1;
constexpr Level kB2 = v1::CEFR_LEVEL_B2;
constexpr Level kC1 = v1::CEFR_LEVEL_C1;
constexpr Level kC2 = v1::CEFR_LEVEL_C2;
constexpr Level kUnspecifiedLevel = v1::CEFR_LEVEL_UNSPECIFIED;

// Age at the training start.
constexpr std::pair<int, double> kAges[] = {{16, 0.20}, {17, 0.25}, {18, 0.22},
                                            {19, 0.15}, {20, 0.10}, {21, 0.08}};
// Certificates of young people grown up here, and of those who came recently (foreign
// certificates as recognised).
constexpr std::pair<Certificate, double> kCertificatesGrownUpHere[] = {
    {kNoCertificate, 0.03},
    {kHauptschule, 0.27},
    {kMittlere, 0.42},
    {kFachhochschulreife, 0.12},
    {kAbitur, 0.16}};
constexpr std::pair<Certificate, double> kCertificatesArrived[] = {
    {kNoCertificate, 0.10},
    {kHauptschule, 0.35},
    {kMittlere, 0.35},
    {kFachhochschulreife, 0.08},
    {kAbitur, 0.12}};
// German: no heritage language / born in Germany with one / came to Germany.
constexpr std::pair<Level, double> kGermanNative[] = {{kC1, 0.2}, {kC2, 0.8}};
constexpr std::pair<Level, double> kGermanBornHere[] = {
    {kB2, 0.3}, {kC1, 0.4}, {kC2, 0.3}};
constexpr std::pair<Level, double> kGermanArrived[] = {
    {kA2, 0.20}, {kB1, 0.45}, {kB2, 0.28}, {kC1, 0.07}};
// English by certificate.
constexpr std::pair<Level, double> kEnglishHigh[] = {{kB1, 0.3}, {kB2, 0.5}, {kC1, 0.2}};
constexpr std::pair<Level, double> kEnglishMiddle[] = {
    {kA2, 0.3}, {kB1, 0.5}, {kB2, 0.2}};
constexpr std::pair<Level, double> kEnglishBasic[] = {{kA2, 0.6}, {kB1, 0.4}};

constexpr std::pair<int, double> kWishCount[] = {{1, 0.3}, {2, 0.4}, {3, 0.3}};
constexpr std::pair<int, double> kTravelLimits[] = {{30, 0.08}, {40, 0.10}, {45, 0.25},
                                                    {60, 0.37}, {75, 0.10}, {90, 0.10}};
constexpr std::pair<int, double> kBicycleTravelLimits[] = {
    {30, 0.5}, {40, 0.2}, {45, 0.3}};

constexpr double kCarShareOfAdults = 0.25;
constexpr double kBicycleShare = 0.15;
constexpr double kSameSectorWishShare = 0.7;
// How much wishes follow the occupations on offer (seat-weighted) rather than the
// occupations' national popularity: young people apply where places are advertised,
// with a mismatch that leaves some places unfilled and some applicants unplaced
// (BA/BIBB 2023/24: about 14 % of places unfilled, about 7 % of applicants unplaced).
constexpr double kFollowOffersWeight = 0.8;
// How many candidates applied first for one of the cohort's places (drawn by seats):
// they live in its town and wish its occupation first; the rest live anywhere in the
// cohort's region by population (cohort_region.h). With kFitsAnchorShare and the
// default ratio of offers to candidates, this gives Germany's shares of unfilled places
// and unplaced applicants (tests/clients/demo/demo_market_shape_test.cc).
constexpr double kNearOffersShare = 0.96;
// How many of those meet what the place asks for (certificate, German and English
// level, a heritage language, the start date, the commute to its place of work and
// school): young people apply where they may be taken, and the Berufsberatung steers
// them there. The rest applied regardless.
constexpr double kFitsAnchorShare = 0.97;
// How often a wish (other than the place applied for) is an occupation advertised in
// the home town (seat-weighted) rather than one by demand or sector.
constexpr double kNearbyWishShare = 0.6;
constexpr double kWishAboveCertificateWeight = 0.3;
constexpr double kRelatedLanguageShare = 0.2;
constexpr double kEnglishShare = 0.6;
constexpr double kStatisticsConsentShare = 0.6;
// Drivers must surely be 18 at the start of training: born at least 19 years before.
constexpr int kMinDrivingAgeDifference = 19;
// Abitur and Fachhochschulreife are rarely held before 18.
constexpr int kMinAgeForUpperSecondary = 18;

// The first code point of a UTF-8 string, e.g. "Ş" for "Şahin".
absl::string_view FirstCharacter(absl::string_view utf8) {
  size_t n = utf8.empty() ? 0 : 1;
  while (n < utf8.size() && (static_cast<unsigned char>(utf8[n]) & 0xC0) == 0x80) ++n;
  return utf8.substr(0, n);
}

// Occupation weights for one draw: `weights` (of the rows still free) times
// kWishAboveCertificateWeight for rows asking more than `certificate`. Empty when no
// row is left with weight.
std::vector<double> CertificateWeighted(const std::vector<double>& weights,
                                        const std::vector<uint8_t>& free,
                                        Certificate certificate) {
  const std::vector<TrainingOccupation>& all = TrainingOccupations();
  std::vector<double> out(all.size(), 0.0);
  bool any = false;
  for (size_t i = 0; i < all.size(); ++i) {
    if (!free[i]) continue;
    out[i] = weights[i] * (certificate >= all[i].typical_min_certificate
                               ? 1.0
                               : kWishAboveCertificateWeight);
    any = any || out[i] > 0;
  }
  if (!any) out.clear();
  return out;
}

// 1–3 occupations with distinct KldB codes in order of preference. The first is the
// occupation of the place applied for (`anchor_row`), or else, kNearbyWishShare of the
// time, one advertised in the home town by seats (`town_seats`), otherwise one by
// `demand`; further ones are advertised in the home town kNearbyWishShare of the time,
// otherwise mostly of the first one's sector. Draws by seats or demand are less likely
// for occupations asking more than the candidate's certificate.
std::vector<const TrainingOccupation*> SampleWishes(
    DemoRandom& rng, Certificate certificate, const std::vector<double>& demand,
    int anchor_row, const std::vector<double>& town_seats) {
  const std::vector<TrainingOccupation>& all = TrainingOccupations();
  std::vector<uint8_t> free(all.size(), 1);
  const int count = PickWeighted<int>(rng, absl::MakeConstSpan(kWishCount));
  std::vector<const TrainingOccupation*> wishes;
  for (int k = 0; k < count; ++k) {
    size_t pick = 0;
    std::vector<double> step;
    if (k == 0 && anchor_row >= 0) {
      pick = static_cast<size_t>(anchor_row);
    } else {
      if (rng.Bernoulli(kNearbyWishShare)) {
        step = CertificateWeighted(town_seats, free, certificate);
      } else if (k > 0 && rng.Bernoulli(kSameSectorWishShare)) {
        std::vector<double> sector = demand;
        for (size_t i = 0; i < all.size(); ++i) {
          if (all[i].sector != wishes.front()->sector) sector[i] = 0;
        }
        step = CertificateWeighted(sector, free, certificate);
      }
      if (step.empty()) step = CertificateWeighted(demand, free, certificate);
      if (step.empty()) break;  // every occupation is wished already
      pick = rng.WeightedIndex(step);
    }
    wishes.push_back(&all[pick]);
    // Wishes are matched by KldB code, so each code once (Verkäufer/in and
    // Kaufmann/-frau im Einzelhandel share 62102).
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i].kldb_code == all[pick].kldb_code) free[i] = 0;
    }
  }
  return wishes;
}

void AddLanguage(absl::string_view language, Level level, v1::Candidate* candidate) {
  v1::LanguageSkill* skill = candidate->add_languages();
  skill->set_language(std::string(language));
  skill->set_level(level);
}

// The level `offer` requires in `language`, or CEFR_LEVEL_UNSPECIFIED.
Level RequiredLevel(const v1::TrainingOffer& offer, absl::string_view language) {
  for (const v1::LanguageSkill& skill : offer.required_languages()) {
    if (skill.language() == language) return skill.level();
  }
  return v1::CEFR_LEVEL_UNSPECIFIED;
}

// The language other than German and English that `offer` requires, or "".
absl::string_view HeritageLanguageRequired(const v1::TrainingOffer& offer) {
  for (const v1::LanguageSkill& skill : offer.required_languages()) {
    if (skill.language() != "de" && skill.language() != "en") return skill.language();
  }
  return "";
}

// The heritage group of `language`, or nullptr.
const HeritageGroup* GroupSpeaking(absl::string_view language) {
  for (const HeritageGroup& group : HeritageGroups()) {
    if (group.language == language) return &group;
  }
  return nullptr;
}

// The engine's mode of a candidate's travel mode (UNSPECIFIED: public transport, as the
// service converts it).
engine::TravelMode EngineMode(v1::TravelMode mode) {
  return mode == v1::TRAVEL_MODE_BICYCLE ? engine::TravelMode::kBicycle
         : mode == v1::TRAVEL_MODE_CAR   ? engine::TravelMode::kCar
                                         : engine::TravelMode::kPublicTransport;
}

// The longer of the candidate's trips (engine's default travel-time model) to the place
// of work of `offer` and to the vocational school AssignVocationalSchools names for it.
double LongerTrip(const v1::TrainingOffer& offer, const v1::Candidate& candidate) {
  static const auto* const kTravel = new engine::GreatCircleTravelTime();
  const engine::GeoPoint home{candidate.home().latitude(), candidate.home().longitude()};
  const engine::TravelMode mode = EngineMode(candidate.travel_mode());
  double minutes = kTravel->Minutes(
      home, engine::GeoPoint{offer.location().latitude(), offer.location().longitude()},
      mode);
  const int row = DemoOfferIndex::OccupationRow(offer);
  if (row >= 0) {
    absl::StatusOr<const BwMunicipality*> school =
        VocationalSchoolTown(TrainingOccupations()[row], offer.location().latitude(),
                             offer.location().longitude());
    if (school.ok()) {
      minutes = std::max(
          minutes,
          kTravel->Minutes(
              home, engine::GeoPoint{(*school)->latitude, (*school)->longitude}, mode));
    }
  }
  return minutes;
}

// A candidate who applied for `offer` accepts its commute: the travel limit rises to the
// first step of kTravelLimits that covers the trips to its place of work and its school
// (whether or not the cohort names schools, so that naming them changes no candidate); a
// cyclist out of reach takes public transport. A trip beyond the largest step stays out
// of reach.
void FitCommute(const v1::TrainingOffer& offer, v1::Candidate* candidate) {
  double minutes = LongerTrip(offer, *candidate);
  if (minutes <= candidate->travel_limit_minutes()) return;
  if (candidate->travel_mode() == v1::TRAVEL_MODE_BICYCLE) {
    candidate->set_travel_mode(v1::TRAVEL_MODE_PUBLIC_TRANSPORT);
    minutes = LongerTrip(offer, *candidate);
  }
  for (const auto& [limit, weight] : kTravelLimits) {
    if (limit >= minutes && limit > candidate->travel_limit_minutes()) {
      candidate->set_travel_limit_minutes(limit);
      return;
    }
  }
}

bool AvailableBy(const v1::Date& available, const v1::Date& start) {
  return std::make_tuple(available.year(), available.month(), available.day()) <=
         std::make_tuple(start.year(), start.month(), start.day());
}

v1::Candidate NewCandidate(const DemoCohortOptions& options, const CohortRegion& region,
                           int index, const std::vector<double>& demand,
                           const DemoOfferIndex& market, DemoRandom& rng) {
  // Most candidates applied first for a place advertised near home: its town is their
  // home town and its occupation their first wish; most of them meet what it asks for.
  const v1::TrainingOffer* anchor = nullptr;
  if (market.has_seats() && rng.Bernoulli(kNearOffersShare)) {
    anchor = &market.DrawBySeats(rng);
  }
  const bool fits = anchor != nullptr && rng.Bernoulli(kFitsAnchorShare);

  const HeritageGroup* drawn =
      &SampleHeritageGroup(rng, /*for_company=*/false, /*preferred=*/{});
  if (fits) {
    // A place asking for a heritage language draws applicants who speak it.
    const absl::string_view asked = HeritageLanguageRequired(*anchor);
    const HeritageGroup* speaking = asked.empty() ? nullptr : GroupSpeaking(asked);
    if (speaking != nullptr) drawn = speaking;
  }
  const HeritageGroup& group = *drawn;
  const bool has_heritage = group.language != "de";
  const bool grew_up_here = !has_heritage || rng.Bernoulli(group.born_in_germany_share);

  v1::Candidate candidate;
  candidate.set_external_id(DemoExternalId(options.external_id_prefix, "cand", index));
  candidate.set_display_name(absl::StrCat(PickOne(rng, group.first_names), " ",
                                          FirstCharacter(PickOne(rng, group.surnames)),
                                          "."));
  const BwMunicipality* anchor_town =
      anchor == nullptr ? nullptr : FindBwMunicipality(anchor->location().municipality());
  *candidate.mutable_home() = anchor_town != nullptr ? SampleLocationIn(rng, *anchor_town)
                                                     : region.SampleLocation(rng);

  int age = PickWeighted<int>(rng, absl::MakeConstSpan(kAges));
  Certificate certificate =
      grew_up_here
          ? PickWeighted<Certificate>(rng, absl::MakeConstSpan(kCertificatesGrownUpHere))
          : PickWeighted<Certificate>(rng, absl::MakeConstSpan(kCertificatesArrived));
  if (fits && certificate < anchor->min_certificate()) {
    certificate = anchor->min_certificate();
  }
  if (age < kMinAgeForUpperSecondary && certificate > kMittlere) {
    if (fits && anchor->min_certificate() > kMittlere) {
      age = kMinAgeForUpperSecondary;  // applied with an upper secondary certificate
    } else {
      certificate = kMittlere;
    }
  }
  candidate.set_birth_year(options.training_year - age);
  candidate.set_school_certificate(certificate);

  if (age >= kMinDrivingAgeDifference && rng.Bernoulli(kCarShareOfAdults)) {
    candidate.set_travel_mode(v1::TRAVEL_MODE_CAR);
    candidate.set_travel_limit_minutes(
        PickWeighted<int>(rng, absl::MakeConstSpan(kTravelLimits)));
  } else if (rng.Bernoulli(kBicycleShare)) {
    candidate.set_travel_mode(v1::TRAVEL_MODE_BICYCLE);
    candidate.set_travel_limit_minutes(
        PickWeighted<int>(rng, absl::MakeConstSpan(kBicycleTravelLimits)));
  } else {
    candidate.set_travel_mode(v1::TRAVEL_MODE_PUBLIC_TRANSPORT);
    candidate.set_travel_limit_minutes(
        PickWeighted<int>(rng, absl::MakeConstSpan(kTravelLimits)));
  }

  if (fits) FitCommute(*anchor, &candidate);

  for (const TrainingOccupation* wish :
       SampleWishes(rng, certificate, demand,
                    anchor != nullptr ? DemoOfferIndex::OccupationRow(*anchor) : -1,
                    market.TownSeats(candidate.home().municipality()))) {
    v1::Occupation* o = candidate.add_desired_occupations();
    o->set_kldb_code(std::string(wish->kldb_code));
    o->set_title(std::string(wish->title));
    o->set_sector(wish->sector);
    const auto& sectors = candidate.desired_sectors();
    if (std::find(sectors.begin(), sectors.end(), wish->sector) == sectors.end()) {
      candidate.add_desired_sectors(wish->sector);
    }
  }

  // Languages: German first, then the heritage language(s), then English.
  Level german =
      !has_heritage  ? PickWeighted<Level>(rng, absl::MakeConstSpan(kGermanNative))
      : grew_up_here ? PickWeighted<Level>(rng, absl::MakeConstSpan(kGermanBornHere))
                     : PickWeighted<Level>(rng, absl::MakeConstSpan(kGermanArrived));
  if (fits) german = std::max(german, RequiredLevel(*anchor, "de"));
  AddLanguage("de", german, &candidate);
  if (has_heritage) {
    AddLanguage(group.language, grew_up_here && rng.Bernoulli(0.5) ? kC1 : kC2,
                &candidate);
    if (!group.related.empty() && rng.Bernoulli(kRelatedLanguageShare)) {
      AddLanguage(PickOne(rng, group.related), rng.Bernoulli(0.5) ? kC1 : kC2,
                  &candidate);
    }
  }
  const Level english_asked = fits ? RequiredLevel(*anchor, "en") : kUnspecifiedLevel;
  if (rng.Bernoulli(kEnglishShare) || english_asked != kUnspecifiedLevel) {
    const Level english =
        certificate >= kFachhochschulreife
            ? PickWeighted<Level>(rng, absl::MakeConstSpan(kEnglishHigh))
        : certificate == kMittlere
            ? PickWeighted<Level>(rng, absl::MakeConstSpan(kEnglishMiddle))
            : PickWeighted<Level>(rng, absl::MakeConstSpan(kEnglishBasic));
    AddLanguage("en", std::max(english, english_asked), &candidate);
  }

  // Available from: mostly when school ends (15 June to 31 July); some earlier (left
  // school already), some only in August or September.
  const int year = options.training_year;
  const double when = rng.UniformDouble();
  if (when < 0.15) {
    *candidate.mutable_available_from() =
        MakeDate(year, rng.UniformInt(2, 5), rng.UniformInt(1, 28));
  } else if (when < 0.85) {
    const int day_of_summer = rng.UniformInt(0, 46);  // 15 June + n days
    *candidate.mutable_available_from() = day_of_summer < 16
                                              ? MakeDate(year, 6, 15 + day_of_summer)
                                              : MakeDate(year, 7, day_of_summer - 15);
  } else if (when < 0.95) {
    *candidate.mutable_available_from() = MakeDate(year, 8, rng.UniformInt(1, 31));
  } else {
    *candidate.mutable_available_from() = MakeDate(year, 9, rng.UniformInt(1, 30));
  }
  if (fits && !AvailableBy(candidate.available_from(), anchor->start_date())) {
    // Applied for a place starting before: free by then (school ended in July).
    *candidate.mutable_available_from() = MakeDate(year, 7, rng.UniformInt(1, 31));
  }

  // Consents, given during the registration season before the training year.
  const google::protobuf::Timestamp given_at =
      SampleOfficeHoursTimestamp(rng, year - 1, 9, 1, year, 3, 31);
  v1::Consent* matching = candidate.add_consents();
  matching->set_purpose("matching");
  *matching->mutable_given_at() = given_at;
  if (rng.Bernoulli(kStatisticsConsentShare)) {
    v1::Consent* statistics = candidate.add_consents();
    statistics->set_purpose("statistics");
    *statistics->mutable_given_at() = given_at;
    // The family's country; the first listed is three times as likely as each other.
    std::vector<double> weights(group.countries.size(), 1.0);
    weights[0] = 3.0;
    candidate.set_country_of_origin(
        std::string(group.countries[rng.WeightedIndex(weights)]));
  }
  candidate.set_status(v1::CANDIDATE_STATUS_ACTIVE);
  return candidate;
}

}  // namespace

std::vector<double> WishDemand(const DemoOfferIndex& market) {
  const std::vector<TrainingOccupation>& all = TrainingOccupations();
  double popularity_total = 0.0;
  for (const TrainingOccupation& o : all) popularity_total += o.popularity;
  double seats_total = 0.0;
  for (double seats : market.seats()) seats_total += seats;
  std::vector<double> demand(all.size());
  const double follow = seats_total > 0 ? kFollowOffersWeight : 0.0;
  for (size_t i = 0; i < all.size(); ++i) {
    demand[i] = (1.0 - follow) * all[i].popularity / popularity_total +
                (seats_total > 0 ? follow * market.seats()[i] / seats_total : 0.0);
  }
  return demand;
}

void GenerateCandidates(const DemoCohortOptions& options, const CohortRegion& region,
                        absl::Span<const v1::TrainingOffer> offers, DemoRandom& rng,
                        std::vector<v1::Candidate>* candidates) {
  const DemoOfferIndex market(offers);
  const std::vector<double> demand = WishDemand(market);
  candidates->reserve(candidates->size() + options.candidates);
  for (int i = 0; i < options.candidates; ++i) {
    candidates->push_back(NewCandidate(options, region, i, demand, market, rng));
  }
}

}  // namespace azubimatch::clients

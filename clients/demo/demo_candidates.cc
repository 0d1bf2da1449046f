#include "clients/demo/demo_candidates.h"

#include "clients/demo/bw_municipalities.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/demo/demo_sampling.h"
#include "clients/demo/heritage_groups.h"
#include "clients/demo/training_occupations.h"

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
// they live in its town and wish its occupation first; the rest live anywhere by
// population. A cohort of a few hundred is a region's, not the whole state's, so most
// of its applicants live where its places are.
constexpr double kNearOffersShare = 0.85;
// How often a further wish is an occupation advertised in the home town (seat-weighted)
// for a candidate who applied for a place there.
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

// 1–3 occupations with distinct KldB codes in order of preference: the first by
// `demand` (less likely when it asks for more than the candidate's certificate), the
// next ones mostly of the same sector.
std::vector<const TrainingOccupation*> SampleWishes(DemoRandom& rng,
                                                    Certificate certificate,
                                                    const std::vector<double>& demand,
                                                    absl::string_view anchor_kldb,
                                                    const std::vector<double>& nearby) {
  const std::vector<TrainingOccupation>& all = TrainingOccupations();
  std::vector<double> base(all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    base[i] = demand[i] * (certificate >= all[i].typical_min_certificate
                               ? 1.0
                               : kWishAboveCertificateWeight);
  }
  const int count = PickWeighted<int>(rng, absl::MakeConstSpan(kWishCount));
  std::vector<const TrainingOccupation*> wishes;
  std::vector<double> weights = base;
  for (int k = 0; k < count; ++k) {
    std::vector<double> step = weights;
    if (k == 0 && !anchor_kldb.empty()) {
      // The occupation of the place the candidate applied for first.
      bool any = false;
      for (size_t i = 0; i < all.size(); ++i) {
        if (all[i].kldb_code != anchor_kldb) step[i] = 0;
        any = any || step[i] > 0;
      }
      if (!any) step = weights;
    } else if (k > 0 && !anchor_kldb.empty() && rng.Bernoulli(kNearbyWishShare)) {
      // Another occupation advertised in the home town.
      bool any = false;
      for (size_t i = 0; i < all.size(); ++i) {
        step[i] = weights[i] > 0 ? nearby[i] : 0;
        any = any || step[i] > 0;
      }
      if (!any) step = weights;
    } else if (k > 0 && rng.Bernoulli(kSameSectorWishShare)) {
      bool any = false;
      for (size_t i = 0; i < all.size(); ++i) {
        if (all[i].sector != wishes.front()->sector) step[i] = 0;
        any = any || step[i] > 0;
      }
      if (!any) step = weights;  // the sector has no occupation left
    }
    const size_t pick = rng.WeightedIndex(step);
    wishes.push_back(&all[pick]);
    // Wishes are matched by KldB code, so each code once (Verkäufer/in and
    // Kaufmann/-frau im Einzelhandel share 62102).
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i].kldb_code == all[pick].kldb_code) weights[i] = 0;
    }
  }
  return wishes;
}

void AddLanguage(absl::string_view language, Level level, v1::Candidate* candidate) {
  v1::LanguageSkill* skill = candidate->add_languages();
  skill->set_language(std::string(language));
  skill->set_level(level);
}

v1::Candidate NewCandidate(const DemoCohortOptions& options, int index,
                           const std::vector<double>& demand,
                           absl::Span<const v1::TrainingOffer> offers,
                           const std::vector<double>& offer_seats, DemoRandom& rng) {
  const HeritageGroup& group =
      SampleHeritageGroup(rng, /*for_company=*/false, /*preferred=*/{});
  const bool has_heritage = group.language != "de";
  const bool grew_up_here = !has_heritage || rng.Bernoulli(group.born_in_germany_share);

  v1::Candidate candidate;
  candidate.set_external_id(DemoExternalId(options.external_id_prefix, "cand", index));
  candidate.set_display_name(absl::StrCat(PickOne(rng, group.first_names), " ",
                                          FirstCharacter(PickOne(rng, group.surnames)),
                                          "."));
  // Most candidates apply first for a place advertised near home: its town is their
  // home town and its occupation their first wish.
  const v1::TrainingOffer* anchor = nullptr;
  if (!offers.empty() && rng.Bernoulli(kNearOffersShare)) {
    anchor = &offers[rng.WeightedIndex(offer_seats)];
  }
  const BwMunicipality* anchor_town =
      anchor == nullptr ? nullptr : FindBwMunicipality(anchor->location().municipality());
  *candidate.mutable_home() =
      anchor_town != nullptr ? SampleLocationIn(rng, *anchor_town) : SampleTownLocation(rng);

  const int age = PickWeighted<int>(rng, absl::MakeConstSpan(kAges));
  candidate.set_birth_year(options.training_year - age);

  Certificate certificate =
      grew_up_here
          ? PickWeighted<Certificate>(rng, absl::MakeConstSpan(kCertificatesGrownUpHere))
          : PickWeighted<Certificate>(rng, absl::MakeConstSpan(kCertificatesArrived));
  if (age < kMinAgeForUpperSecondary && certificate > kMittlere) certificate = kMittlere;
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

  std::vector<double> nearby;
  if (anchor_town != nullptr) {
    const std::vector<TrainingOccupation>& all = TrainingOccupations();
    nearby.assign(all.size(), 0.0);
    for (const v1::TrainingOffer& offer : offers) {
      if (offer.location().municipality() != anchor->location().municipality()) continue;
      for (size_t i = 0; i < all.size(); ++i) {
        if (all[i].kldb_code == offer.occupation().kldb_code()) nearby[i] += offer.seats();
      }
    }
  }
  for (const TrainingOccupation* wish :
       SampleWishes(rng, certificate, demand,
                    anchor_town != nullptr ? anchor->occupation().kldb_code() : "", nearby)) {
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
  const Level german =
      !has_heritage  ? PickWeighted<Level>(rng, absl::MakeConstSpan(kGermanNative))
      : grew_up_here ? PickWeighted<Level>(rng, absl::MakeConstSpan(kGermanBornHere))
                     : PickWeighted<Level>(rng, absl::MakeConstSpan(kGermanArrived));
  AddLanguage("de", german, &candidate);
  if (has_heritage) {
    AddLanguage(group.language, grew_up_here && rng.Bernoulli(0.5) ? kC1 : kC2,
                &candidate);
    if (!group.related.empty() && rng.Bernoulli(kRelatedLanguageShare)) {
      AddLanguage(PickOne(rng, group.related), rng.Bernoulli(0.5) ? kC1 : kC2,
                  &candidate);
    }
  }
  if (rng.Bernoulli(kEnglishShare)) {
    const Level english =
        certificate >= kFachhochschulreife
            ? PickWeighted<Level>(rng, absl::MakeConstSpan(kEnglishHigh))
        : certificate == kMittlere
            ? PickWeighted<Level>(rng, absl::MakeConstSpan(kEnglishMiddle))
            : PickWeighted<Level>(rng, absl::MakeConstSpan(kEnglishBasic));
    AddLanguage("en", english, &candidate);
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

std::vector<double> WishDemand(absl::Span<const v1::TrainingOffer> offers) {
  const std::vector<TrainingOccupation>& all = TrainingOccupations();
  double popularity_total = 0.0;
  for (const TrainingOccupation& o : all) popularity_total += o.popularity;
  // Seats per KldB code, spread over the occupations sharing the code.
  std::vector<double> seats(all.size(), 0.0);
  double seats_total = 0.0;
  for (const v1::TrainingOffer& offer : offers) {
    std::vector<size_t> same;
    for (size_t i = 0; i < all.size(); ++i) {
      if (all[i].kldb_code == offer.occupation().kldb_code()) same.push_back(i);
    }
    for (size_t i : same) seats[i] += static_cast<double>(offer.seats()) / same.size();
    if (!same.empty()) seats_total += offer.seats();
  }
  std::vector<double> demand(all.size());
  const double follow = seats_total > 0 ? kFollowOffersWeight : 0.0;
  for (size_t i = 0; i < all.size(); ++i) {
    demand[i] = (1.0 - follow) * all[i].popularity / popularity_total +
                (seats_total > 0 ? follow * seats[i] / seats_total : 0.0);
  }
  return demand;
}

void GenerateCandidates(const DemoCohortOptions& options,
                        absl::Span<const v1::TrainingOffer> offers, DemoRandom& rng,
                        std::vector<v1::Candidate>* candidates) {
  const std::vector<double> demand = WishDemand(offers);
  std::vector<double> seats;
  seats.reserve(offers.size());
  for (const v1::TrainingOffer& offer : offers) seats.push_back(offer.seats());
  candidates->reserve(candidates->size() + options.candidates);
  for (int i = 0; i < options.candidates; ++i) {
    candidates->push_back(NewCandidate(options, i, demand, offers, seats, rng));
  }
}

}  // namespace azubimatch::clients

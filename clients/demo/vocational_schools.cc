#include "clients/demo/vocational_schools.h"

#include <array>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "clients/demo/bw_municipalities.h"
#include "clients/demo/training_occupations.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::clients {
namespace {

// Towns with the vocational schools of the district: the seats of the Stadt- and
// Landkreise that the municipality table holds, and other large school towns.
constexpr absl::string_view kSchoolTowns[] = {"Stuttgart",
                                              "Mannheim",
                                              "Karlsruhe",
                                              "Freiburg im Breisgau",
                                              "Heidelberg",
                                              "Ulm",
                                              "Heilbronn",
                                              "Pforzheim",
                                              "Reutlingen",
                                              "Esslingen am Neckar",
                                              "Ludwigsburg",
                                              "Tübingen",
                                              "Villingen-Schwenningen",
                                              "Konstanz",
                                              "Aalen",
                                              "Böblingen",
                                              "Schwäbisch Gmünd",
                                              "Friedrichshafen",
                                              "Offenburg",
                                              "Göppingen",
                                              "Baden-Baden",
                                              "Waiblingen",
                                              "Ravensburg",
                                              "Rastatt",
                                              "Heidenheim an der Brenz",
                                              "Lörrach",
                                              "Singen (Hohentwiel)",
                                              "Lahr/Schwarzwald",
                                              "Balingen",
                                              "Bruchsal",
                                              "Schwäbisch Hall",
                                              "Nürtingen",
                                              "Backnang",
                                              "Sinsheim",
                                              "Tuttlingen",
                                              "Biberach an der Riß",
                                              "Emmendingen",
                                              "Rottweil",
                                              "Öhringen",
                                              "Bad Mergentheim",
                                              "Calw",
                                              "Waldshut-Tiengen",
                                              "Freudenstadt",
                                              "Mosbach",
                                              "Ehingen (Donau)",
                                              "Crailsheim",
                                              "Albstadt"};

// Seats of the four Regierungsbezirke: centralised classes of rare occupations.
constexpr absl::string_view kRegionalCentres[] = {"Stuttgart", "Karlsruhe",
                                                  "Freiburg im Breisgau", "Tübingen"};

// One state-wide class for the rarest occupations.
constexpr absl::string_view kStateWideCentre[] = {"Stuttgart"};

constexpr double kCentralisedWeight = 1.0;  // this sampling weight or less
constexpr double kStateWideWeight = 0.6;    // below this sampling weight
constexpr double kTwoDayShare = 0.5;

engine::GeoPoint PointOf(const BwMunicipality& town) {
  return engine::GeoPoint{town.latitude, town.longitude};
}

// The municipalities of `names`, looked up once; INTERNAL naming the first unknown one.
absl::StatusOr<std::vector<const BwMunicipality*>> Towns(
    absl::Span<const absl::string_view> names) {
  std::vector<const BwMunicipality*> towns;
  for (absl::string_view name : names) {
    const BwMunicipality* town = FindBwMunicipality(name);
    if (town == nullptr) {
      return absl::InternalError(
          absl::StrCat("school town \"", name, "\" is not in the table"));
    }
    towns.push_back(town);
  }
  return towns;
}

// The town of `towns` nearest to `place`; ties go to the earlier town.
const BwMunicipality* Nearest(absl::Span<const BwMunicipality* const> towns,
                              engine::GeoPoint place) {
  const BwMunicipality* best = nullptr;
  double best_km = std::numeric_limits<double>::infinity();
  for (const BwMunicipality* town : towns) {
    const double km = engine::GreatCircleKm(place, PointOf(*town));
    if (km < best_km) {
      best_km = km;
      best = town;
    }
  }
  return best;
}

absl::Span<const absl::string_view> SchoolTownsFor(const TrainingOccupation& occupation) {
  if (occupation.popularity < kStateWideWeight) return kStateWideCentre;
  if (occupation.popularity <= kCentralisedWeight) return kRegionalCentres;
  return kSchoolTowns;
}

}  // namespace

absl::StatusOr<const BwMunicipality*> VocationalSchoolTown(
    const TrainingOccupation& occupation, double latitude, double longitude) {
  // The three tables' towns, looked up once (the tables are constant).
  static const auto* const kTowns =
      new std::array<absl::StatusOr<std::vector<const BwMunicipality*>>, 3>{
          Towns(kSchoolTowns), Towns(kRegionalCentres), Towns(kStateWideCentre)};
  const absl::Span<const absl::string_view> names = SchoolTownsFor(occupation);
  const auto& towns = names.data() == kSchoolTowns       ? (*kTowns)[0]
                      : names.data() == kRegionalCentres ? (*kTowns)[1]
                                                         : (*kTowns)[2];
  if (!towns.ok()) return towns.status();
  return Nearest(*towns, engine::GeoPoint{latitude, longitude});
}

absl::Status AssignVocationalSchools(DemoRandom& rng, DemoCohort* cohort) {
  for (v1::TrainingOffer& offer : cohort->offers) {
    const TrainingOccupation* occupation =
        FindTrainingOccupation(offer.occupation().title());
    if (occupation == nullptr) {
      return absl::InternalError(absl::StrCat("offer ", offer.external_id(),
                                              ": unknown occupation title \"",
                                              offer.occupation().title(), "\""));
    }
    absl::StatusOr<const BwMunicipality*> town = VocationalSchoolTown(
        *occupation, offer.location().latitude(), offer.location().longitude());
    if (!town.ok()) return town.status();
    v1::Location* school = offer.mutable_vocational_school();
    school->set_latitude((*town)->latitude);
    school->set_longitude((*town)->longitude);
    school->set_postal_code(std::string((*town)->postal_code));
    school->set_municipality(std::string((*town)->name));
    offer.set_school_days_per_week(rng.Bernoulli(kTwoDayShare) ? 2 : 1);
  }
  return absl::OkStatus();
}

}  // namespace azubimatch::clients

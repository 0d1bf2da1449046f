// Checks of the data tables behind the demo cohort: places in Baden-Württemberg, KldB
// codes, consistent business types and heritage groups.
#include <cctype>
#include <map>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "clients/demo/business_types.h"
#include "clients/demo/bw_municipalities.h"
#include "clients/demo/heritage_groups.h"
#include "clients/demo/training_occupations.h"
#include "gtest/gtest.h"

namespace azubimatch::clients {
namespace {

namespace v1 = ::azubimatch::v1;

bool IsDigits(absl::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

TEST(BwMunicipalitiesTest, AtLeastFortyRealTownsInsideBadenWuerttemberg) {
  const auto& towns = BwMunicipalities();
  ASSERT_GE(towns.size(), 40u);
  absl::flat_hash_set<std::string> names;
  for (const BwMunicipality& m : towns) {
    SCOPED_TRACE(std::string(m.name));
    EXPECT_TRUE(names.insert(std::string(m.name)).second) << "duplicate";
    EXPECT_GE(m.latitude, 47.5);
    EXPECT_LE(m.latitude, 49.8);
    EXPECT_GE(m.longitude, 7.5);
    EXPECT_LE(m.longitude, 10.5);
    EXPECT_FALSE(m.district.empty());
    EXPECT_GT(m.population, 10000);
    ASSERT_TRUE(IsDigits(m.postal_code, 5)) << m.postal_code;
    // Postleitzahlen of BW: 68xxx-79xxx, 88xxx-89xxx, and 97xxx in the Main-Tauber-Kreis.
    const int region = std::stoi(std::string(m.postal_code.substr(0, 2)));
    EXPECT_TRUE((region >= 68 && region <= 79) || region == 88 || region == 89 ||
                region == 97)
        << m.postal_code;
  }
}

TEST(BwMunicipalitiesTest, LargestFirstWithStuttgartOnTop) {
  const auto& towns = BwMunicipalities();
  EXPECT_EQ(towns.front().name, "Stuttgart");
  for (size_t i = 1; i < towns.size(); ++i) {
    EXPECT_GE(towns[i - 1].population, towns[i].population) << towns[i].name;
  }
  for (absl::string_view city :
       {"Mannheim", "Karlsruhe", "Freiburg im Breisgau", "Heidelberg", "Ulm", "Heilbronn",
        "Pforzheim", "Reutlingen", "Esslingen am Neckar", "Ludwigsburg", "Tübingen",
        "Villingen-Schwenningen", "Konstanz", "Aalen", "Sindelfingen"}) {
    EXPECT_NE(FindBwMunicipality(city), nullptr) << city;
  }
  EXPECT_EQ(FindBwMunicipality("München"), nullptr);
}

TEST(BwMunicipalitiesTest, NeighbouringCitiesAreWhereTheyBelong) {
  // A few well-known relations guard against swapped or mistyped coordinates.
  const BwMunicipality* stuttgart = FindBwMunicipality("Stuttgart");
  const BwMunicipality* mannheim = FindBwMunicipality("Mannheim");
  const BwMunicipality* freiburg = FindBwMunicipality("Freiburg im Breisgau");
  const BwMunicipality* ulm = FindBwMunicipality("Ulm");
  const BwMunicipality* konstanz = FindBwMunicipality("Konstanz");
  EXPECT_GT(mannheim->latitude, stuttgart->latitude);    // Mannheim is north
  EXPECT_LT(mannheim->longitude, stuttgart->longitude);  // and west
  EXPECT_LT(freiburg->longitude, stuttgart->longitude);  // Freiburg is south-west
  EXPECT_LT(freiburg->latitude, stuttgart->latitude);
  EXPECT_GT(ulm->longitude, stuttgart->longitude);    // Ulm is east
  EXPECT_LT(konstanz->latitude, freiburg->latitude);  // Konstanz is further south
}

TEST(TrainingOccupationsTest, AtLeastTwentyFiveWithValidKldbCodes) {
  const auto& occupations = TrainingOccupations();
  ASSERT_GE(occupations.size(), 25u);
  absl::flat_hash_set<std::string> titles;
  for (const TrainingOccupation& o : occupations) {
    SCOPED_TRACE(std::string(o.title));
    EXPECT_TRUE(titles.insert(std::string(o.title)).second) << "duplicate title";
    ASSERT_TRUE(IsDigits(o.kldb_code, 5)) << o.kldb_code;
    // Dual training leads to "fachlich ausgerichtete Tätigkeiten": fifth digit 2.
    EXPECT_EQ(o.kldb_code[4], '2');
    EXPECT_NE(o.kldb_code[0], '0');  // 0 is the armed forces
    EXPECT_NE(o.sector, v1::SECTOR_UNSPECIFIED);
    EXPECT_NE(o.chamber, v1::CHAMBER_UNSPECIFIED);
    EXPECT_GE(o.typical_german_level, v1::CEFR_LEVEL_B1);
    EXPECT_LE(o.typical_german_level, v1::CEFR_LEVEL_C1);
    EXPECT_GE(o.typical_min_certificate, v1::SCHOOL_CERTIFICATE_HAUPTSCHULABSCHLUSS);
    EXPECT_GT(o.popularity, 0);
    if (o.sector == v1::SECTOR_CRAFTS) {
      EXPECT_EQ(o.chamber, v1::CHAMBER_HWK);
    }
  }
}

TEST(TrainingOccupationsTest, WellKnownOccupationsHaveTheirCodes) {
  const std::map<std::string, std::string> expected = {
      {"Kaufmann/-frau im Einzelhandel", "62102"},
      {"Verkäufer/in", "62102"},
      {"Kfz-Mechatroniker/in", "25212"},
      {"Friseur/in", "82312"},
      {"Koch/Köchin", "29302"},
      {"Medizinische/r Fachangestellte/r", "81102"},
      {"Zahnmedizinische/r Fachangestellte/r", "81112"},
      {"Fachinformatiker/in für Anwendungsentwicklung", "43412"},
      {"Elektroniker/in (Energie- und Gebäudetechnik)", "26212"},
      {"Anlagenmechaniker/in für Sanitär-, Heizungs- und Klimatechnik", "34212"},
      {"Fachkraft für Lagerlogistik", "51312"},
      {"Kaufmann/-frau für Büromanagement", "71402"},
  };
  for (const auto& [title, code] : expected) {
    const TrainingOccupation* o = FindTrainingOccupation(title);
    ASSERT_NE(o, nullptr) << title;
    EXPECT_EQ(o->kldb_code, code) << title;
  }
  EXPECT_EQ(FindTrainingOccupation("Astronaut/in"), nullptr);
}

TEST(TrainingOccupationsTest, EverySectorHasOccupations) {
  absl::flat_hash_set<int> sectors;
  for (const TrainingOccupation& o : TrainingOccupations()) sectors.insert(o.sector);
  for (int s = v1::SECTOR_TRADE; s <= v1::SECTOR_SERVICES; ++s) {
    EXPECT_TRUE(sectors.contains(s)) << v1::Sector_Name(s);
  }
}

TEST(BusinessTypesTest, OccupationsExistAndTheMainOneMatchesTheSector) {
  for (const BusinessType& type : BusinessTypes()) {
    SCOPED_TRACE(std::string(type.label));
    ASSERT_FALSE(type.occupations.empty());
    EXPECT_GT(type.weight, 0);
    const WeightedTitle* main = &type.occupations.front();
    for (const WeightedTitle& t : type.occupations) {
      EXPECT_NE(FindTrainingOccupation(t.title), nullptr) << t.title;
      EXPECT_GT(t.weight, 0);
      if (t.weight > main->weight) main = &t;
    }
    const TrainingOccupation* main_occupation = FindTrainingOccupation(main->title);
    ASSERT_NE(main_occupation, nullptr);
    EXPECT_EQ(main_occupation->sector, type.sector) << main->title;
    EXPECT_EQ(main_occupation->chamber, type.chamber) << main->title;
  }
}

TEST(BusinessTypesTest, NamePatternsNameTheBusinessAndKnownLanguages) {
  absl::flat_hash_set<std::string> languages;
  for (const HeritageGroup& g : HeritageGroups())
    languages.insert(std::string(g.language));
  for (const BusinessType& type : BusinessTypes()) {
    SCOPED_TRACE(std::string(type.label));
    bool has_generic = false;
    for (const NamePattern& p : type.names) {
      has_generic = has_generic || p.language.empty();
      if (!p.language.empty()) {
        EXPECT_TRUE(languages.contains(std::string(p.language))) << p.language;
      }
    }
    EXPECT_TRUE(has_generic) << "every owner needs a name pattern";
    for (absl::string_view l : type.preferred_languages) {
      EXPECT_TRUE(languages.contains(std::string(l))) << l;
    }
  }
}

TEST(HeritageGroupsTest, CodesAreIsoShapedAndNamesPresent) {
  const auto& groups = HeritageGroups();
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups.front().language, "de");
  EXPECT_EQ(groups.front().company_weight, 0);
  absl::flat_hash_set<std::string> seen;
  for (const HeritageGroup& g : groups) {
    SCOPED_TRACE(std::string(g.language));
    EXPECT_TRUE(seen.insert(std::string(g.language)).second);
    ASSERT_EQ(g.language.size(), 2u);
    EXPECT_TRUE(std::islower(static_cast<unsigned char>(g.language[0])));
    ASSERT_FALSE(g.countries.empty());
    for (absl::string_view c : g.countries) {
      ASSERT_EQ(c.size(), 2u);
      EXPECT_TRUE(std::isupper(static_cast<unsigned char>(c[0])) &&
                  std::isupper(static_cast<unsigned char>(c[1])))
          << c;
    }
    for (absl::string_view r : g.related) EXPECT_NE(r, g.language);
    EXPECT_GE(g.first_names.size(), 5u);
    EXPECT_GE(g.surnames.size(), 5u);
    EXPECT_GT(g.candidate_weight, 0);
    EXPECT_GE(g.born_in_germany_share, 0);
    EXPECT_LE(g.born_in_germany_share, 1);
  }
}

}  // namespace
}  // namespace azubimatch::clients

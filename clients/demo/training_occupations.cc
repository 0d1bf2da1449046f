#include "clients/demo/training_occupations.h"

namespace azubimatch::clients {
namespace {

using ::azubimatch::v1::CefrLevel;
using ::azubimatch::v1::Chamber;
using ::azubimatch::v1::SchoolCertificate;
using ::azubimatch::v1::Sector;

constexpr Sector kTrade = azubimatch::v1::SECTOR_TRADE;
constexpr Sector kCrafts = azubimatch::v1::SECTOR_CRAFTS;
constexpr Sector kHospitality = azubimatch::v1::SECTOR_HOSPITALITY;
constexpr Sector kHealth = azubimatch::v1::SECTOR_HEALTH;
constexpr Sector kIndustry = azubimatch::v1::SECTOR_INDUSTRY;
constexpr Sector kIt = azubimatch::v1::SECTOR_IT;
constexpr Sector kLogistics = azubimatch::v1::SECTOR_LOGISTICS;
constexpr Sector kServices = azubimatch::v1::SECTOR_SERVICES;

constexpr Chamber kIhk = azubimatch::v1::CHAMBER_IHK;
constexpr Chamber kHwk = azubimatch::v1::CHAMBER_HWK;
constexpr Chamber kOther =
    azubimatch::v1::CHAMBER_OTHER;  // Ärzte-, Zahnärzte-, ... kammer

constexpr SchoolCertificate kHauptschule =
    azubimatch::v1::SCHOOL_CERTIFICATE_HAUPTSCHULABSCHLUSS;
constexpr SchoolCertificate kMittlere =
    azubimatch::v1::SCHOOL_CERTIFICATE_MITTLERER_SCHULABSCHLUSS;

constexpr CefrLevel kNone = azubimatch::v1::CEFR_LEVEL_UNSPECIFIED;
constexpr CefrLevel kA2 = azubimatch::v1::CEFR_LEVEL_A2;
constexpr CefrLevel kB1 = azubimatch::v1::CEFR_LEVEL_B1;
constexpr CefrLevel kB2 = azubimatch::v1::CEFR_LEVEL_B2;
constexpr CefrLevel kC1 = azubimatch::v1::CEFR_LEVEL_C1;

}  // namespace

const std::vector<TrainingOccupation>& TrainingOccupations() {
  // code, title, sector, chamber, typical minimum certificate, German, English, weight
  static const auto* const kTable = new std::vector<TrainingOccupation>{
      // Trade (Handel)
      {"62102", "Kaufmann/-frau im Einzelhandel", kTrade, kIhk, kHauptschule, kB1, kNone,
       9},
      // Verkäufer/in shares 62102 with the Kaufmann/-frau (62112 is cashiers).
      {"62102", "Verkäufer/in", kTrade, kIhk, kHauptschule, kB1, kNone, 7},
      {"61212", "Kaufmann/-frau im Groß- und Außenhandelsmanagement", kTrade, kIhk,
       kMittlere, kB2, kB1, 4},
      {"62272", "Automobilkaufmann/-frau", kTrade, kIhk, kMittlere, kB2, kNone, 2},
      {"62412", "Drogist/in", kTrade, kIhk, kHauptschule, kB1, kNone, 1},
      // Crafts (Handwerk)
      {"25212", "Kfz-Mechatroniker/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 8},
      {"25212", "Karosserie- und Fahrzeugbaumechaniker/in", kCrafts, kHwk, kHauptschule,
       kB1, kNone, 1},
      {"22212", "Fahrzeuglackierer/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 1},
      {"26212", "Elektroniker/in (Energie- und Gebäudetechnik)", kCrafts, kHwk,
       kHauptschule, kB1, kNone, 6},
      {"34212", "Anlagenmechaniker/in für Sanitär-, Heizungs- und Klimatechnik", kCrafts,
       kHwk, kHauptschule, kB1, kNone, 5},
      {"82312", "Friseur/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 4},
      {"29222", "Bäcker/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 1.5},
      {"29222", "Konditor/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 1},
      {"29232", "Fleischer/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 0.7},
      {"62312", "Fachverkäufer/in im Lebensmittelhandwerk (Bäckerei)", kCrafts, kHwk,
       kHauptschule, kB1, kNone, 2},
      {"62322", "Fachverkäufer/in im Lebensmittelhandwerk (Fleischerei)", kCrafts, kHwk,
       kHauptschule, kB1, kNone, 0.5},
      {"33212", "Maler/in und Lackierer/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 3},
      {"22342", "Tischler/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 3},
      {"24412", "Metallbauer/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 2},
      {"33112", "Fliesen-, Platten- und Mosaikleger/in", kCrafts, kHwk, kHauptschule, kB1,
       kNone, 0.7},
      {"32122", "Maurer/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 1.5},
      {"32142", "Dachdecker/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 1},
      // Best reading: Maßschneider/in under 2822 (clothing production, skilled).
      {"28222", "Maßschneider/in", kCrafts, kHwk, kHauptschule, kB1, kNone, 0.4},
      {"82542", "Zahntechniker/in", kCrafts, kHwk, kMittlere, kB1, kNone, 0.8},
      {"82522", "Augenoptiker/in", kCrafts, kHwk, kMittlere, kB2, kNone, 1},
      // Hospitality (Gastgewerbe)
      {"29302", "Koch/Köchin", kHospitality, kIhk, kHauptschule, kB1, kNone, 4},
      {"63302", "Fachmann/-frau für Restaurants und Veranstaltungsgastronomie",
       kHospitality, kIhk, kHauptschule, kB1, kA2, 2},
      {"63302", "Fachkraft für Gastronomie", kHospitality, kIhk, kHauptschule, kB1, kNone,
       1},
      // Best reading: Hotelfachmann/-frau under 6322 (hotel service); 6321 is the
      // commercial Kaufmann/-frau für Hotelmanagement.
      {"63222", "Hotelfachmann/-frau", kHospitality, kIhk, kMittlere, kB2, kB1, 2.5},
      {"63312", "Fachmann/-frau für Systemgastronomie", kHospitality, kIhk, kHauptschule,
       kB1, kNone, 1},
      // Health (Gesundheit); training contracts with the Landesärzte-, Zahnärzte-,
      // Tierärzte- and Apothekerkammer, care training with a Pflegeschule.
      {"81102", "Medizinische/r Fachangestellte/r", kHealth, kOther, kMittlere, kB2,
       kNone, 7},
      {"81112", "Zahnmedizinische/r Fachangestellte/r", kHealth, kOther, kMittlere, kB2,
       kNone, 5},
      {"81142", "Tiermedizinische/r Fachangestellte/r", kHealth, kOther, kMittlere, kB2,
       kNone, 1},
      {"81302", "Pflegefachmann/-frau", kHealth, kOther, kMittlere, kB2, kNone, 5},
      // Best reading: PKA under 6241 (sale of pharmaceuticals, skilled); BA tables may
      // list it under a pharmacy code instead.
      {"62412", "Pharmazeutisch-kaufmännische/r Angestellte/r", kHealth, kOther,
       kMittlere, kB2, kNone, 1},
      // Industry (Industrie)
      {"25102", "Industriemechaniker/in", kIndustry, kIhk, kHauptschule, kB1, kNone, 6},
      {"26112", "Mechatroniker/in", kIndustry, kIhk, kMittlere, kB1, kNone, 4},
      {"26252", "Elektroniker/in für Betriebstechnik", kIndustry, kIhk, kMittlere, kB1,
       kNone, 3},
      {"24232", "Zerspanungsmechaniker/in", kIndustry, kIhk, kHauptschule, kB1, kNone, 3},
      {"25122", "Maschinen- und Anlagenführer/in", kIndustry, kIhk, kHauptschule, kB1,
       kNone, 2},
      {"71302", "Industriekaufmann/-frau", kIndustry, kIhk, kMittlere, kB2, kB1, 5},
      {"27212", "Technische/r Produktdesigner/in", kIndustry, kIhk, kMittlere, kB2, kNone,
       1},
      // Information technology
      {"43412", "Fachinformatiker/in für Anwendungsentwicklung", kIt, kIhk, kMittlere,
       kB2, kB1, 5},
      // Best reading: Systemintegration under 4331 (IT network engineering, skilled);
      // some BA tables use 43102 (computer science without specialisation).
      {"43312", "Fachinformatiker/in für Systemintegration", kIt, kIhk, kMittlere, kB2,
       kB1, 4},
      {"26312", "IT-System-Elektroniker/in", kIt, kIhk, kMittlere, kB1, kB1, 1},
      // Logistics
      {"51312", "Fachkraft für Lagerlogistik", kLogistics, kIhk, kHauptschule, kB1, kNone,
       6},
      {"51312", "Fachlagerist/in", kLogistics, kIhk, kHauptschule, kB1, kNone, 3},
      {"51622", "Kaufmann/-frau für Spedition und Logistikdienstleistung", kLogistics,
       kIhk, kMittlere, kB2, kB1, 3},
      {"52122", "Berufskraftfahrer/in", kLogistics, kIhk, kHauptschule, kB1, kNone, 2},
      {"51322", "Fachkraft für Kurier-, Express- und Postdienstleistungen", kLogistics,
       kIhk, kHauptschule, kB1, kNone, 1},
      // Services (Dienstleistungen)
      {"71402", "Kaufmann/-frau für Büromanagement", kServices, kIhk, kMittlere, kB2,
       kNone, 9},
      {"72302", "Steuerfachangestellte/r", kServices, kOther, kMittlere, kB2, kNone, 2},
      {"73112", "Rechtsanwaltsfachangestellte/r", kServices, kOther, kMittlere, kC1,
       kNone, 1.5},
      {"63112",
       "Tourismuskaufmann/-frau (Kaufmann/-frau für Privat- und Geschäftsreisen)",
       kServices, kIhk, kMittlere, kB2, kB1, 1},
      {"54112", "Gebäudereiniger/in", kServices, kHwk, kHauptschule, kB1, kNone, 1.5},
      {"53112", "Fachkraft für Schutz und Sicherheit", kServices, kIhk, kHauptschule, kB1,
       kNone, 1},
  };
  return *kTable;
}

const TrainingOccupation* FindTrainingOccupation(absl::string_view title) {
  for (const TrainingOccupation& o : TrainingOccupations()) {
    if (o.title == title) return &o;
  }
  return nullptr;
}

}  // namespace azubimatch::clients

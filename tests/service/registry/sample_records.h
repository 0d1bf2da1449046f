// Valid sample records for registry and server tests: a company in Stuttgart, a
// training offer (Kaufmann/-frau im Einzelhandel) and a candidate in Esslingen. Each
// passes validation as is; tests change one field at a time.
#ifndef AZUBIMATCH_TESTS_SERVICE_REGISTRY_SAMPLE_RECORDS_H_
#define AZUBIMATCH_TESTS_SERVICE_REGISTRY_SAMPLE_RECORDS_H_

#include <string>

#include "azubimatch/v1/records.pb.h"

namespace azubimatch::service {

inline v1::Location MakeLocation(double latitude, double longitude,
                                 const std::string& postal_code,
                                 const std::string& municipality) {
  v1::Location location;
  location.set_latitude(latitude);
  location.set_longitude(longitude);
  location.set_postal_code(postal_code);
  location.set_municipality(municipality);
  return location;
}

inline v1::Location StuttgartLocation() {
  return MakeLocation(48.7758, 9.1829, "70173", "Stuttgart");
}

inline v1::Company SampleCompany(const std::string& external_id = "") {
  v1::Company company;
  company.set_external_id(external_id);
  company.set_name("Yilmaz Lebensmittel GmbH");
  company.set_sector(v1::SECTOR_TRADE);
  *company.mutable_location() = StuttgartLocation();
  company.add_languages("de");
  company.add_languages("tr");
  company.set_may_train(true);
  company.set_chamber(v1::CHAMBER_IHK);
  company.set_qualified_trainers(2);
  company.mutable_contact()->set_name("Aylin Yilmaz");
  company.mutable_contact()->set_email("ausbildung@yilmaz.example");
  company.mutable_contact()->set_phone("+49 711 123456");
  return company;
}

inline v1::TrainingOffer SampleOffer(const std::string& company_id,
                                     const std::string& external_id = "") {
  v1::TrainingOffer offer;
  offer.set_external_id(external_id);
  offer.set_company_id(company_id);
  offer.mutable_occupation()->set_kldb_code("62102");
  offer.mutable_occupation()->set_title("Kaufmann/-frau im Einzelhandel");
  offer.mutable_occupation()->set_sector(v1::SECTOR_TRADE);
  offer.set_seats(2);
  offer.mutable_start_date()->set_year(2025);
  offer.mutable_start_date()->set_month(9);
  offer.mutable_start_date()->set_day(1);
  *offer.mutable_location() = StuttgartLocation();
  offer.set_min_certificate(v1::SCHOOL_CERTIFICATE_HAUPTSCHULABSCHLUSS);
  v1::LanguageSkill* german = offer.add_required_languages();
  german->set_language("de");
  german->set_level(v1::CEFR_LEVEL_B1);
  offer.set_title("Ausbildung im Einzelhandel");
  return offer;
}

inline v1::Candidate SampleCandidate(const std::string& external_id = "") {
  v1::Candidate candidate;
  candidate.set_external_id(external_id);
  candidate.set_display_name("Kandidat 17");
  *candidate.mutable_home() = MakeLocation(48.7406, 9.3108, "73728", "Esslingen am Neckar");
  candidate.set_travel_limit_minutes(60);
  candidate.set_travel_mode(v1::TRAVEL_MODE_PUBLIC_TRANSPORT);
  v1::Occupation* first = candidate.add_desired_occupations();
  first->set_kldb_code("62102");
  first->set_title("Kaufmann/-frau im Einzelhandel");
  v1::Occupation* second = candidate.add_desired_occupations();
  second->set_kldb_code("29302");
  second->set_title("Koch/Köchin");
  candidate.add_desired_sectors(v1::SECTOR_TRADE);
  v1::LanguageSkill* german = candidate.add_languages();
  german->set_language("de");
  german->set_level(v1::CEFR_LEVEL_B2);
  v1::LanguageSkill* arabic = candidate.add_languages();
  arabic->set_language("ar");
  arabic->set_level(v1::CEFR_LEVEL_C2);
  candidate.set_school_certificate(v1::SCHOOL_CERTIFICATE_MITTLERER_SCHULABSCHLUSS);
  candidate.mutable_available_from()->set_year(2025);
  candidate.mutable_available_from()->set_month(8);
  candidate.mutable_available_from()->set_day(1);
  candidate.set_birth_year(2007);
  return candidate;
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_REGISTRY_SAMPLE_RECORDS_H_

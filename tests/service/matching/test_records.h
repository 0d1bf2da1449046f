// Records for matching tests: hand-made companies, offers and candidates with the fields
// that matter to scoring, and the synthetic demo cohort (clients/demo) loaded into a
// RecordStore through its Import.
#ifndef AZUBIMATCH_TESTS_SERVICE_MATCHING_TEST_RECORDS_H_
#define AZUBIMATCH_TESTS_SERVICE_MATCHING_TEST_RECORDS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "azubimatch/v1/records.pb.h"
#include "azubimatch/v1/registry.pb.h"
#include "clients/demo/demo_cohort.h"
#include "service/auth/caller.h"
#include "service/registry/record_store.h"

namespace azubimatch::service {

inline v1::Location TestLocation(double lat, double lon, const std::string& municipality) {
  v1::Location location;
  location.set_latitude(lat);
  location.set_longitude(lon);
  location.set_municipality(municipality);
  return location;
}

inline v1::Location Stuttgart() { return TestLocation(48.7758, 9.1829, "Stuttgart"); }
inline v1::Location Esslingen() { return TestLocation(48.7394, 9.3047, "Esslingen am Neckar"); }
inline v1::Location Ulm() { return TestLocation(48.4011, 9.9876, "Ulm"); }

inline v1::Company TestCompany(v1::Sector sector = v1::SECTOR_TRADE,
                               std::vector<std::string> languages = {"de", "tr"}) {
  v1::Company company;
  company.set_name("Test GmbH");
  company.set_sector(sector);
  *company.mutable_location() = Stuttgart();
  for (const std::string& language : languages) company.add_languages(language);
  company.set_may_train(true);
  company.set_chamber(v1::CHAMBER_IHK);
  company.set_qualified_trainers(1);
  return company;
}

inline v1::TrainingOffer TestOffer(const std::string& company_id,
                                   const std::string& kldb = "62102", int seats = 1,
                                   v1::Location location = Stuttgart()) {
  v1::TrainingOffer offer;
  offer.set_company_id(company_id);
  offer.mutable_occupation()->set_kldb_code(kldb);
  offer.mutable_occupation()->set_title("Kaufmann/-frau im Einzelhandel");
  offer.mutable_occupation()->set_sector(v1::SECTOR_TRADE);
  offer.set_seats(seats);
  offer.mutable_start_date()->set_year(2027);
  offer.mutable_start_date()->set_month(8);
  offer.mutable_start_date()->set_day(1);
  *offer.mutable_location() = std::move(location);
  offer.set_min_certificate(v1::SCHOOL_CERTIFICATE_HAUPTSCHULABSCHLUSS);
  v1::LanguageSkill* german = offer.add_required_languages();
  german->set_language("de");
  german->set_level(v1::CEFR_LEVEL_B1);
  return offer;
}

inline v1::Candidate TestCandidate(std::vector<std::string> wishes = {"62102"},
                                   v1::Location home = Esslingen(),
                                   v1::CefrLevel german = v1::CEFR_LEVEL_B2) {
  v1::Candidate candidate;
  candidate.set_display_name("Test");
  *candidate.mutable_home() = std::move(home);
  candidate.set_travel_limit_minutes(60);
  candidate.set_travel_mode(v1::TRAVEL_MODE_PUBLIC_TRANSPORT);
  for (const std::string& wish : wishes) {
    v1::Occupation* occupation = candidate.add_desired_occupations();
    occupation->set_kldb_code(wish);
    occupation->set_sector(v1::SECTOR_TRADE);
  }
  v1::LanguageSkill* language = candidate.add_languages();
  language->set_language("de");
  language->set_level(german);
  candidate.set_school_certificate(v1::SCHOOL_CERTIFICATE_MITTLERER_SCHULABSCHLUSS);
  candidate.mutable_available_from()->set_year(2027);
  candidate.mutable_available_from()->set_month(7);
  candidate.mutable_available_from()->set_day(1);
  return candidate;
}

struct LoadedCohort {
  std::vector<std::string> company_ids;
  std::vector<std::string> offer_ids;
  std::vector<std::string> candidate_ids;
};

// Generates the demo cohort of `options` and imports it for `caller`: companies, then
// offers (with the companies' ids), then candidates.
inline absl::StatusOr<LoadedCohort> LoadDemoCohort(RecordStore* records, const Caller& caller,
                                                   const clients::DemoCohortOptions& options) {
  absl::StatusOr<clients::DemoCohort> cohort = clients::GenerateDemoCohort(options);
  if (!cohort.ok()) return cohort.status();
  LoadedCohort loaded;
  const auto import = [&](auto&& fill, size_t count,
                          std::vector<std::string>* ids) -> absl::Status {
    std::vector<v1::ImportRequest> batch(count);
    for (size_t i = 0; i < count; ++i) fill(batch[i], i);
    absl::StatusOr<std::vector<ImportOutcome>> outcomes = records->Import(caller, batch);
    if (!outcomes.ok()) return outcomes.status();
    for (const ImportOutcome& outcome : *outcomes) {
      if (!outcome.status.ok()) return outcome.status;
      ids->push_back(outcome.id);
    }
    return absl::OkStatus();
  };
  absl::Status status = import(
      [&](v1::ImportRequest& r, size_t i) { *r.mutable_company() = cohort->companies[i]; },
      cohort->companies.size(), &loaded.company_ids);
  if (!status.ok()) return status;
  status = clients::AssignCompanyIds(loaded.company_ids, &*cohort);
  if (!status.ok()) return status;
  status = import([&](v1::ImportRequest& r, size_t i) { *r.mutable_offer() = cohort->offers[i]; },
                  cohort->offers.size(), &loaded.offer_ids);
  if (!status.ok()) return status;
  status = import(
      [&](v1::ImportRequest& r, size_t i) { *r.mutable_candidate() = cohort->candidates[i]; },
      cohort->candidates.size(), &loaded.candidate_ids);
  if (!status.ok()) return status;
  return loaded;
}

inline Caller OfficerOf(const std::string& member_id) {
  Caller caller;
  caller.member_id = member_id;
  caller.role = Role::kOfficer;
  return caller;
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_MATCHING_TEST_RECORDS_H_

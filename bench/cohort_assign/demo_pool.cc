#include "bench/cohort_assign/demo_pool.h"

#include <string>

#include "service/matching/proto_conversion.h"

namespace azubimatch::bench {

DemoPool ToDemoPool(const clients::DemoCohort& cohort) {
  std::vector<service::CompanyFacts> companies;
  companies.reserve(cohort.companies.size());
  for (const auto& company : cohort.companies) {
    companies.push_back(service::ToCompanyFacts(company));
  }
  DemoPool pool;
  pool.candidates.reserve(cohort.candidates.size());
  for (size_t i = 0; i < cohort.candidates.size(); ++i) {
    pool.candidates.push_back(service::ToCandidateProfile(cohort.candidates[i]));
    pool.candidates.back().id = cohort.candidates[i].external_id();
  }
  pool.offers.reserve(cohort.offers.size());
  for (size_t i = 0; i < cohort.offers.size(); ++i) {
    pool.offers.push_back(service::ToOfferProfile(
        cohort.offers[i], &companies[cohort.offer_company_index[i]]));
    pool.offers.back().id = cohort.offers[i].external_id();
  }
  return pool;
}

}  // namespace azubimatch::bench

#include "clients/demo/demo_cohort.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "clients/demo/cohort_region.h"
#include "clients/demo/demo_candidates.h"
#include "clients/demo/demo_companies.h"
#include "clients/demo/demo_random.h"
#include "clients/demo/vocational_schools.h"
#include "engine/base/status_macros.h"

namespace azubimatch::clients {
namespace {

constexpr int kMaxCount = 1000000;
constexpr int kMinTrainingYear = 2000;
constexpr int kMaxTrainingYear = 2100;
constexpr size_t kMaxPrefixLength = 32;

// Independent streams of one seed (see demo_random.h).
constexpr uint64_t kCompanyStream = 1;
constexpr uint64_t kCandidateStream = 2;
constexpr uint64_t kSchoolStream = 3;

absl::Status ValidateCount(absl::string_view field, int value) {
  if (value < 0 || value > kMaxCount) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": must be between 0 and ", kMaxCount, ", got ", value));
  }
  return absl::OkStatus();
}

absl::Status ValidateOptions(const DemoCohortOptions& options) {
  AZM_RETURN_IF_ERROR(ValidateCount("candidates", options.candidates));
  AZM_RETURN_IF_ERROR(ValidateCount("offers", options.offers));
  if (options.training_year < kMinTrainingYear ||
      options.training_year > kMaxTrainingYear) {
    return absl::InvalidArgumentError(
        absl::StrCat("training_year: must be between ", kMinTrainingYear, " and ",
                     kMaxTrainingYear, ", got ", options.training_year));
  }
  const std::string& prefix = options.external_id_prefix;
  if (prefix.empty() || prefix.size() > kMaxPrefixLength) {
    return absl::InvalidArgumentError(absl::StrCat("external_id_prefix: must have 1 to ",
                                                   kMaxPrefixLength, " characters"));
  }
  for (char c : prefix) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return absl::InvalidArgumentError(absl::StrCat(
          "external_id_prefix: only [a-z0-9-] allowed, got \"", prefix, "\""));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<DemoCohort> GenerateDemoCohort(const DemoCohortOptions& options) {
  AZM_RETURN_IF_ERROR(ValidateOptions(options));
  DemoCohort cohort;
  const CohortRegion region(options.offers);
  DemoRandom company_rng(options.seed, kCompanyStream);
  AZM_RETURN_IF_ERROR(GenerateCompaniesAndOffers(options, region, company_rng, &cohort));
  DemoRandom candidate_rng(options.seed, kCandidateStream);
  GenerateCandidates(options, region, cohort.offers, candidate_rng, &cohort.candidates);
  if (options.vocational_schools) {
    DemoRandom school_rng(options.seed, kSchoolStream);
    AZM_RETURN_IF_ERROR(AssignVocationalSchools(school_rng, &cohort));
  }
  return cohort;
}

absl::Status AssignCompanyIds(absl::Span<const std::string> company_ids,
                              DemoCohort* cohort) {
  if (company_ids.size() != cohort->companies.size()) {
    return absl::InvalidArgumentError(absl::StrCat("company_ids: expected ",
                                                   cohort->companies.size(), " ids, got ",
                                                   company_ids.size()));
  }
  if (cohort->offer_company_index.size() != cohort->offers.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("offer_company_index: expected ", cohort->offers.size(),
                     " entries, got ", cohort->offer_company_index.size()));
  }
  for (size_t i = 0; i < cohort->offers.size(); ++i) {
    const int c = cohort->offer_company_index[i];
    if (c < 0 || static_cast<size_t>(c) >= company_ids.size()) {
      return absl::InvalidArgumentError(
          absl::StrCat("offer_company_index[", i, "]: ", c, " is not a company index"));
    }
    if (company_ids[c].empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "company_ids[", c, "]: company ", cohort->companies[c].external_id(),
          " has no id (its import failed), so offer ", cohort->offers[i].external_id(),
          " cannot refer to it"));
    }
  }
  for (size_t i = 0; i < cohort->offers.size(); ++i) {
    cohort->offers[i].set_company_id(company_ids[cohort->offer_company_index[i]]);
  }
  return absl::OkStatus();
}

}  // namespace azubimatch::clients

// The demo cohort must import cleanly: every record passes the registry's validation as
// the Import RPC applies it (upsert by external_id).
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "clients/demo/demo_cohort.h"
#include "gtest/gtest.h"
#include "service/registry/validation.h"

namespace azubimatch::clients {
namespace {

using ::azubimatch::service::WriteMode;

TEST(DemoRecordsValidationTest, EveryRecordPassesRegistryValidation) {
  for (uint64_t seed : {1, 7, 12345}) {
    DemoCohortOptions options;
    options.candidates = 2000;
    options.offers = 800;
    options.seed = seed;
    absl::StatusOr<DemoCohort> cohort = GenerateDemoCohort(options);
    ASSERT_TRUE(cohort.ok()) << cohort.status();
    std::vector<std::string> ids;
    for (size_t i = 0; i < cohort->companies.size(); ++i) {
      ids.push_back(absl::StrFormat("c%015d", i));  // 16 characters [0-9a-z]
    }
    ASSERT_TRUE(AssignCompanyIds(ids, &*cohort).ok());
    for (const auto& c : cohort->companies) {
      EXPECT_TRUE(service::ValidateCompany(c, WriteMode::kUpsert).ok())
          << service::ValidateCompany(c, WriteMode::kUpsert) << " "
          << c.ShortDebugString();
    }
    for (const auto& o : cohort->offers) {
      EXPECT_TRUE(service::ValidateOffer(o, WriteMode::kUpsert).ok())
          << service::ValidateOffer(o, WriteMode::kUpsert) << " " << o.ShortDebugString();
    }
    for (const auto& c : cohort->candidates) {
      EXPECT_TRUE(service::ValidateCandidate(c, WriteMode::kUpsert).ok())
          << service::ValidateCandidate(c, WriteMode::kUpsert) << " "
          << c.ShortDebugString();
    }
  }
}

}  // namespace
}  // namespace azubimatch::clients

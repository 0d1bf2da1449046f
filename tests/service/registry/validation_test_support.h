// Helpers of the registry validation tests: a table row of one rule (a change to a
// valid sample record and the one field it must violate) and the check of a status
// against it.
#ifndef AZUBIMATCH_TESTS_SERVICE_REGISTRY_VALIDATION_TEST_SUPPORT_H_
#define AZUBIMATCH_TESTS_SERVICE_REGISTRY_VALIDATION_TEST_SUPPORT_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/registry/field_violations.h"
#include "service/registry/validation.h"

namespace azubimatch::service {

inline constexpr char kCompanyId[] = "0123456789abcdef";

template <typename R>
struct RuleCase {
  std::string name;
  std::function<void(R&)> mutate;
  std::string field;                    // the one violated field; "" = valid
  WriteMode mode = WriteMode::kCreate;
};

template <typename R>
std::string CaseName(const testing::TestParamInfo<RuleCase<R>>& info) {
  return info.param.name;
}

// Checks that `status` is OK when `field` is empty, else INVALID_ARGUMENT with exactly
// one violation naming `field`, and a message that starts with it.
inline void ExpectSingleViolation(const absl::Status& status, const std::string& field) {
  if (field.empty()) {
    EXPECT_TRUE(status.ok()) << status;
    return;
  }
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
  EXPECT_THAT(std::string(status.message()), ::testing::StartsWith(field + ": "));
  EXPECT_THAT(ViolationsOf(status),
              ::testing::ElementsAre(::testing::Field(&FieldViolation::field, field)))
      << status;
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_REGISTRY_VALIDATION_TEST_SUPPORT_H_

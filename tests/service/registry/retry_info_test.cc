// RetryInfo in status details: attached as a payload, carried by ToGrpcStatus beside
// a BadRequest, read back by RetryDelayOf, added once by EnsureRetryInfo.
#include "service/registry/retry_info.h"

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "service/registry/field_violations.h"
#include "service/registry/grpc_status.h"

namespace azubimatch::service {
namespace {

using ::testing::Optional;

TEST(RetryInfoTest, TravelsInTheStatusDetailsWithItsPublishedTypeUrl) {
  const grpc::Status status = ToGrpcStatus(
      WithRetryInfo(absl::ResourceExhaustedError("busy"), absl::Milliseconds(1500)));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(), "busy");
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  EXPECT_EQ(details.code(), static_cast<int>(grpc::StatusCode::RESOURCE_EXHAUSTED));
  ASSERT_EQ(details.details_size(), 1);
  EXPECT_EQ(details.details(0).type_url(), "type.googleapis.com/google.rpc.RetryInfo");
  google::rpc::RetryInfo info;
  ASSERT_TRUE(info.ParseFromString(details.details(0).value()));
  EXPECT_EQ(info.retry_delay().seconds(), 1);
  EXPECT_EQ(info.retry_delay().nanos(), 500000000);
  EXPECT_THAT(RetryDelayOf(status), Optional(absl::Milliseconds(1500)));
}

TEST(RetryInfoTest, AbsentWithoutOne) {
  EXPECT_EQ(RetryDelayOf(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED, "x")),
            std::nullopt);
  EXPECT_EQ(RetryDelayOf(absl::ResourceExhaustedError("x")), std::nullopt);
}

TEST(RetryInfoTest, EnsureRetryInfoAddsOnceAndKeepsOtherDetails) {
  const absl::Status with_violation = InvalidField("offer.seats", "must be positive");
  const grpc::Status ensured =
      EnsureRetryInfo(ToGrpcStatus(with_violation), absl::Seconds(2));
  EXPECT_THAT(RetryDelayOf(ensured), Optional(absl::Seconds(2)));
  EXPECT_EQ(ViolationsOf(ensured).size(), 1u);
  // A status that has one keeps it.
  const grpc::Status again = EnsureRetryInfo(ensured, absl::Seconds(9));
  EXPECT_THAT(RetryDelayOf(again), Optional(absl::Seconds(2)));
  // Negative delays count as zero.
  EXPECT_THAT(
      RetryDelayOf(WithRetryInfo(absl::ResourceExhaustedError("x"), -absl::Seconds(1))),
      Optional(absl::ZeroDuration()));
}

}  // namespace
}  // namespace azubimatch::service

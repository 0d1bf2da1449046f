// The absl::Status -> grpc::Status conversion and the google.rpc.BadRequest details.
#include "service/registry/grpc_status.h"

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "service/registry/field_violations.h"

namespace azubimatch::service {
namespace {

using ::testing::ElementsAre;

TEST(GrpcStatusTest, ViolationsTravelAsBadRequestInStatusDetails) {
  FieldViolations violations;
  violations.Add("offer.seats", "must be in 1..1000");
  violations.Add("offer.start_date", "required");
  const grpc::Status status = ToGrpcStatus(violations.ToStatus());

  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "offer.seats: must be in 1..1000 (and 1 more violation)");
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  EXPECT_EQ(details.code(), 3);
  EXPECT_EQ(details.message(), status.error_message());
  ASSERT_EQ(details.details_size(), 1);
  EXPECT_EQ(details.details(0).type_url(), "type.googleapis.com/google.rpc.BadRequest");
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(details.details(0).UnpackTo(&bad_request));
  ASSERT_EQ(bad_request.field_violations_size(), 2);
  EXPECT_EQ(bad_request.field_violations(0).field(), "offer.seats");
  EXPECT_EQ(bad_request.field_violations(0).description(), "must be in 1..1000");
  EXPECT_EQ(bad_request.field_violations(1).field(), "offer.start_date");
}

TEST(GrpcStatusTest, CodesWithoutViolationsCarryNoDetails) {
  const grpc::Status status = ToGrpcStatus(absl::NotFoundError("id: no offer"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "id: no offer");
  EXPECT_TRUE(status.error_details().empty());
}

TEST(GrpcStatusTest, FieldPayloadIsNotSentButNamesTheField) {
  const absl::Status status = WithField(absl::NotFoundError("gone"), "offer.company_id");
  EXPECT_EQ(FirstViolatedField(status), "offer.company_id");
  EXPECT_TRUE(ToGrpcStatus(status).error_details().empty());
}

TEST(GrpcStatusTest, EveryCanonicalCodeKeepsItsNumber) {
  for (int code = 0; code <= 16; ++code) {
    const absl::Status status(static_cast<absl::StatusCode>(code), code == 0 ? "" : "m");
    EXPECT_EQ(static_cast<int>(ToGrpcStatus(status).error_code()), code);
  }
}

TEST(GrpcStatusTest, ClientSideDecodingRoundTrips) {
  const absl::Status original = InvalidField("candidate.home.latitude", "out of range");
  const absl::Status decoded = FromGrpcStatus(ToGrpcStatus(original));
  EXPECT_EQ(decoded.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(decoded.message(), original.message());
  EXPECT_THAT(ViolationsOf(ToGrpcStatus(original)),
              ElementsAre(FieldViolation{"candidate.home.latitude", "out of range"}));
}

}  // namespace
}  // namespace azubimatch::service

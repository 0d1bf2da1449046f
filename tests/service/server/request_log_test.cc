// The request log line format.
#include "service/server/request_log.h"

#include "gtest/gtest.h"

namespace azubimatch::service {
namespace {

TEST(RequestLogTest, LineHoldsTimeMethodCodeDurationAndPeer) {
  const absl::Time now = absl::FromUnixMicros(1735689600123456);
  EXPECT_EQ(FormatRequestLogLine(now, "/azubimatch.v1.Registry/GetOffer",
                                 grpc::StatusCode::OK, absl::Microseconds(412),
                                 "ipv4:127.0.0.1:51234"),
            "ts=2025-01-01T00:00:00.123456Z rpc=/azubimatch.v1.Registry/GetOffer code=OK "
            "ms=0.412 peer=ipv4:127.0.0.1:51234");
  EXPECT_EQ(FormatRequestLogLine(now, "/x/Y", grpc::StatusCode::FAILED_PRECONDITION,
                                 absl::Milliseconds(12), ""),
            "ts=2025-01-01T00:00:00.123456Z rpc=/x/Y code=FAILED_PRECONDITION ms=12.000 "
            "peer=-");
}

TEST(RequestLogTest, StatusCodeNamesFollowTheGrpcSpec) {
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::INVALID_ARGUMENT), "INVALID_ARGUMENT");
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::UNAUTHENTICATED), "UNAUTHENTICATED");
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::DATA_LOSS), "DATA_LOSS");
  EXPECT_EQ(StatusCodeName(static_cast<grpc::StatusCode>(99)), "UNKNOWN");
}

}  // namespace
}  // namespace azubimatch::service

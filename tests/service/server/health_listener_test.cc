// The plaintext health-only port (--health-listen): NOT_SERVING until the server is
// ready, SERVING then, NOT_SERVING when a shutdown begins, and nothing but health.
#include "service/server/health_listener.h"

#include <string>

#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/support/raw_unary_call.h"

namespace azubimatch::service {
namespace {

// A unary call of `method` with an empty request; `*response` gets the raw bytes.

using testing_support::kHealthCheckMethod;
using testing_support::kHealthNotServing;
using testing_support::kHealthServing;
using testing_support::RawUnaryCall;

TEST(HealthListenerTest, ReportsTheServingStateAndNothingElse) {
  auto listener = HealthListener::Start("127.0.0.1:0");
  ASSERT_TRUE(listener.ok()) << listener.status();
  const std::string address = (*listener)->bound_address();
  std::string response;
  ASSERT_TRUE(RawUnaryCall(address, kHealthCheckMethod, "", &response).ok());
  EXPECT_EQ(response, kHealthNotServing);

  (*listener)->SetServing(true);
  response.clear();
  ASSERT_TRUE(RawUnaryCall(address, kHealthCheckMethod, "", &response).ok());
  EXPECT_EQ(response, kHealthServing);

  // No other service answers on this port.
  response.clear();
  EXPECT_EQ(RawUnaryCall(address, "/azubimatch.v1.Registry/ListOffers", "", &response).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);

  (*listener)->SetServing(false);
  response.clear();
  ASSERT_TRUE(RawUnaryCall(address, kHealthCheckMethod, "", &response).ok());
  EXPECT_EQ(response, kHealthNotServing);
  (*listener)->Shutdown();
}

TEST(HealthListenerTest, AnAddressInUseIsUnavailable) {
  auto first = HealthListener::Start("127.0.0.1:0");
  ASSERT_TRUE(first.ok()) << first.status();
  auto second = HealthListener::Start((*first)->bound_address());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace azubimatch::service

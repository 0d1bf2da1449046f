// The plaintext health-only port (--health-listen): NOT_SERVING until the server is
// ready, SERVING then, NOT_SERVING when a shutdown begins, and nothing but health.
#include "service/server/health_listener.h"

#include <string>

#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"

namespace azubimatch::service {
namespace {

// A unary call of `method` with an empty request; `*response` gets the raw bytes.
grpc::Status RawCall(const std::string& address, const std::string& method,
                     std::string* response) {
  grpc::GenericStub stub(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
  grpc::CompletionQueue cq;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  grpc::Slice slice("");
  grpc::ByteBuffer send(&slice, 1);
  auto call = stub.PrepareUnaryCall(&context, method, send, &cq);
  call->StartCall();
  grpc::ByteBuffer received;
  grpc::Status status;
  call->Finish(&received, &status, reinterpret_cast<void*>(1));
  void* tag = nullptr;
  bool ok = false;
  if (!cq.Next(&tag, &ok)) return grpc::Status(grpc::StatusCode::INTERNAL, "queue closed");
  std::vector<grpc::Slice> slices;
  if (status.ok() && received.Dump(&slices).ok()) {
    for (const grpc::Slice& s : slices) {
      response->append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
  }
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  return status;
}

// HealthCheckResponse{status = SERVING} and {status = NOT_SERVING}, serialized.
const std::string kServing("\x08\x01", 2);
const std::string kNotServing("\x08\x02", 2);

TEST(HealthListenerTest, ReportsTheServingStateAndNothingElse) {
  auto listener = HealthListener::Start("127.0.0.1:0");
  ASSERT_TRUE(listener.ok()) << listener.status();
  const std::string address = (*listener)->bound_address();
  std::string response;
  ASSERT_TRUE(RawCall(address, "/grpc.health.v1.Health/Check", &response).ok());
  EXPECT_EQ(response, kNotServing);

  (*listener)->SetServing(true);
  response.clear();
  ASSERT_TRUE(RawCall(address, "/grpc.health.v1.Health/Check", &response).ok());
  EXPECT_EQ(response, kServing);

  // No other service answers on this port.
  response.clear();
  EXPECT_EQ(RawCall(address, "/azubimatch.v1.Registry/ListOffers", &response).error_code(),
            grpc::StatusCode::UNIMPLEMENTED);

  (*listener)->SetServing(false);
  response.clear();
  ASSERT_TRUE(RawCall(address, "/grpc.health.v1.Health/Check", &response).ok());
  EXPECT_EQ(response, kNotServing);
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

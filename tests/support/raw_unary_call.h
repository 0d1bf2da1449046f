// RawUnaryCall: one unary call of any method with the request and answer as bytes, for
// tests that speak to a method without generated code (grpc.health.v1) or send bytes
// no stub would (mangled requests). The health check's wire values are below.
//
// Thread safety: each call uses its own completion queue and context.
#ifndef AZUBIMATCH_TESTS_SUPPORT_RAW_UNARY_CALL_H_
#define AZUBIMATCH_TESTS_SUPPORT_RAW_UNARY_CALL_H_

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"

namespace azubimatch::testing_support {

inline constexpr char kHealthCheckMethod[] = "/grpc.health.v1.Health/Check";
// HealthCheckResponse{status = SERVING} and {status = NOT_SERVING}, serialized;
// HealthCheckRequest{} (the whole server) is the empty request.
inline const std::string kHealthServing("\x08\x01", 2);
inline const std::string kHealthNotServing("\x08\x02", 2);

// Sends `request` to the unary `method` on `channel` with `metadata`, within 60 s;
// appends the answer's bytes to *response when the call is OK.
inline grpc::Status RawUnaryCall(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
    const std::string& request, std::string* response,
    const std::vector<std::pair<std::string, std::string>>& metadata = {}) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue cq;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  for (const auto& [key, value] : metadata) context.AddMetadata(key, value);
  grpc::Slice slice(request);
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

// The same to a server's address over a plaintext channel of its own.
inline grpc::Status RawUnaryCall(const std::string& address, const std::string& method,
                                 const std::string& request, std::string* response,
                                 const std::vector<std::pair<std::string, std::string>>&
                                     metadata = {}) {
  return RawUnaryCall(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()),
                      method, request, response, metadata);
}

}  // namespace azubimatch::testing_support

#endif  // AZUBIMATCH_TESTS_SUPPORT_RAW_UNARY_CALL_H_

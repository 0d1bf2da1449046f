// Test support: a gRPC server on 127.0.0.1:0 whose only handler answers every method
// (except the health check, served by gRPC's own health service) with the Caller its
// resolver finds, as "member|key|role", and a client helper that makes one unary call
// with raw bytes.
#ifndef AZUBIMATCH_TESTS_SERVICE_AUTH_CALLER_ECHO_SERVER_H_
#define AZUBIMATCH_TESTS_SERVICE_AUTH_CALLER_ECHO_SERVER_H_

#include <future>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "grpcpp/generic/async_generic_service.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "service/auth/server_auth.h"

namespace azubimatch::service {

class CallerEchoServer {
 public:
  CallerEchoServer(std::shared_ptr<grpc::ServerCredentials> credentials,
                   CallerResolver* resolver)
      : service_(resolver) {
    grpc::EnableDefaultHealthCheckService(true);
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", std::move(credentials), &port_);
    builder.RegisterCallbackGenericService(&service_);
    server_ = builder.BuildAndStart();
  }
  ~CallerEchoServer() {
    if (server_ != nullptr) server_->Shutdown();
  }

  bool started() const { return server_ != nullptr && port_ != 0; }
  int port() const { return port_; }
  std::string address() const { return absl::StrCat("127.0.0.1:", port_); }

 private:
  class Reactor final : public grpc::ServerGenericBidiReactor {
   public:
    Reactor(grpc::GenericCallbackServerContext* context, CallerResolver* resolver) {
      absl::StatusOr<Caller> caller = resolver->Resolve(*context);
      if (!caller.ok()) {
        Finish(grpc::Status(static_cast<grpc::StatusCode>(caller.status().code()),
                            std::string(caller.status().message())));
        return;
      }
      std::string text = absl::StrCat(caller->member_id, "|", caller->key_id, "|",
                                      std::string(RoleName(caller->role)));
      grpc::Slice slice(text);
      response_ = grpc::ByteBuffer(&slice, 1);
      StartWriteAndFinish(&response_, grpc::WriteOptions(), grpc::Status::OK);
    }
    void OnDone() override { delete this; }

   private:
    grpc::ByteBuffer response_;
  };

  class Service final : public grpc::CallbackGenericService {
   public:
    explicit Service(CallerResolver* resolver) : resolver_(resolver) {}
    grpc::ServerGenericBidiReactor* CreateReactor(
        grpc::GenericCallbackServerContext* context) override {
      return new Reactor(context, resolver_);
    }

   private:
    CallerResolver* const resolver_;
  };

  Service service_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

struct EchoReply {
  grpc::Status status;
  std::string body;
};

// One unary call of `method` with the given metadata and an empty request.
inline EchoReply CallMethod(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
    const std::vector<std::pair<std::string, std::string>>& metadata) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  for (const auto& [key, value] : metadata) context.AddMetadata(key, value);
  grpc::Slice empty(std::string(""));
  grpc::ByteBuffer request(&empty, 1);
  grpc::ByteBuffer response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, method, grpc::StubOptions(), &request, &response,
                 [&done](grpc::Status status) { done.set_value(std::move(status)); });
  EchoReply reply;
  reply.status = done.get_future().get();
  std::vector<grpc::Slice> slices;
  if (reply.status.ok() && response.Dump(&slices).ok()) {
    for (const grpc::Slice& s : slices) {
      reply.body.append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
  }
  return reply;
}

// The `authorization` metadata for `key`.
inline std::vector<std::pair<std::string, std::string>> Bearer(const std::string& key) {
  return {{"authorization", absl::StrCat("Bearer ", key)}};
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_AUTH_CALLER_ECHO_SERVER_H_

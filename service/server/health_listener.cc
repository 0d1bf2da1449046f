#include "service/server/health_listener.h"

#include <chrono>

#include "absl/strings/str_cat.h"
#include "grpcpp/health_check_service_interface.h"

namespace azubimatch::service {

absl::StatusOr<std::unique_ptr<HealthListener>> HealthListener::Start(
    const std::string& address) {
  // The default health service is made per server; only it is registered here.
  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &port);
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.SetMaxReceiveMessageSize(4096);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(absl::StrCat("health-listen: cannot bind ", address));
  }
  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  if (health == nullptr) {
    return absl::InternalError("health-listen: no health service");
  }
  health->SetServingStatus(false);
  const size_t colon = address.rfind(':');
  std::string bound =
      absl::StrCat(colon == std::string::npos ? address : address.substr(0, colon), ":", port);
  return std::unique_ptr<HealthListener>(new HealthListener(std::move(server), std::move(bound)));
}

HealthListener::~HealthListener() { Shutdown(); }

void HealthListener::SetServing(bool serving) {
  if (server_ == nullptr) return;
  if (grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService()) {
    health->SetServingStatus(serving);
  }
}

void HealthListener::Shutdown() {
  if (server_ == nullptr) return;
  server_->Shutdown(std::chrono::system_clock::now());
  server_->Wait();
  server_.reset();
}

}  // namespace azubimatch::service

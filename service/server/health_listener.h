// HealthListener: a second gRPC port that serves only grpc.health.v1.Health, in
// plaintext and without API keys, for probes that can do neither TLS nor keys —
// Kubernetes' native gRPC probes (`grpc: {port: ...}`) among them. matchd's main port
// may then serve TLS only.
//
// It answers SERVING for the whole server ("") from SetServing(true) on, NOT_SERVING
// after SetServing(false) (RunServer flips it when a shutdown begins, so a readiness
// probe takes the pod out of the Service while in-flight calls drain). It serves no
// other service, so nothing but the serving state is exposed.
//
// Thread safety: Start/SetServing/Shutdown from the controlling thread.
#ifndef AZUBIMATCH_SERVICE_SERVER_HEALTH_LISTENER_H_
#define AZUBIMATCH_SERVICE_SERVER_HEALTH_LISTENER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/grpcpp.h"

namespace azubimatch::service {

class HealthListener {
 public:
  // Binds `address` (HOST:PORT; port 0 picks one) and serves NOT_SERVING until
  // SetServing(true). UNAVAILABLE naming the address when it cannot be bound.
  static absl::StatusOr<std::unique_ptr<HealthListener>> Start(const std::string& address);

  ~HealthListener();  // Shutdown()

  void SetServing(bool serving);
  // HOST:PORT as bound.
  const std::string& bound_address() const { return bound_address_; }
  // Stops at once. Idempotent.
  void Shutdown();

 private:
  HealthListener(std::unique_ptr<grpc::Server> server, std::string bound_address)
      : server_(std::move(server)), bound_address_(std::move(bound_address)) {}

  std::unique_ptr<grpc::Server> server_;
  const std::string bound_address_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_HEALTH_LISTENER_H_

// Server: matchd's gRPC server and everything it owns — the RocksDB store, access
// control (members, API keys, audit log, rate limits), the record store, the Registry
// and Admin services, the services added to it (matchd adds Matching and DataProtection,
// installed_services.h), the health service and
// reflection.
//
// Life cycle:
//   auto server = Server::Open(options);         // restores a backup when asked, opens
//                                                 // the store, bootstraps admin.key;
//                                                 // nothing listens yet
//   server->records()->Subscribe(&my_index);      // e.g. an in-memory index
//   server->AddService(std::make_unique<MyService>(server->store(), ...));
//   server->Start();                              // binds and serves
//   ... server->port() ...
//   server->Shutdown(absl::Seconds(10));          // drains in-flight calls
//   server.reset();                               // closes the store
//
// Adding a service (Matching, ...): either call AddService() between Open() and
// Start(), or add an installer to InstalledServices() (installed_services.h), which
// RunServer() applies to every matchd; the server keeps the service alive until after
// the gRPC server is gone. Services reach the shared pieces through store(), records(),
// access() and caller_resolver().
//
// Authentication (options.require_api_keys, the default): the listening port's
// credentials run the auth step of service/auth/server_auth.h on every call (key,
// role, rate limit) before any handler; caller_resolver() turns the call's key into
// its Caller; the audit interceptor records every access to personal data. The
// request log runs first, then the audit, then interceptors added here.
//
// The health service (grpc.health.v1.Health, open without a key) answers SERVING for
// "" and for every service added with a name while the server runs, NOT_SERVING once
// Shutdown() begins.
//
// Thread safety: Open/Add*/Set*/Start/Shutdown/Wait are meant for one controlling
// thread; store(), records(), access() and the services are thread-safe once started.
#ifndef AZUBIMATCH_SERVICE_SERVER_SERVER_H_
#define AZUBIMATCH_SERVICE_SERVER_SERVER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/support/server_interceptor.h"
#include "service/auth/access_control.h"
#include "service/registry/caller_resolver.h"
#include "service/registry/record_store.h"
#include "service/registry/registry_service.h"
#include "service/server/request_log.h"
#include "service/server/server_options.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

class Server {
 public:
  // Restores options.restore_from when set, opens (or creates) the store in
  // options.data_dir, opens access control, writes <data_dir>/admin.key when the store
  // has no active admin key (and logs its path, never the key), and builds the record
  // store and the Registry and Admin services. Errors: those of the
  // restore (NOT_FOUND without a backup), of RocksDbStore::Open (e.g. UNAVAILABLE when
  // another process holds the folder) and of the bootstrap.
  static absl::StatusOr<std::unique_ptr<Server>> Open(ServerOptions options);

  // Shuts down at once if still running (in-flight calls are cancelled), then closes
  // the store.
  ~Server();

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  KvStore* store() { return store_.get(); }
  RecordStore* records() { return records_.get(); }
  AccessControl* access() { return access_.get(); }
  // The resolver every service should use: forwards to the one set by
  // SetCallerResolver(); until then the API-key resolver (DefaultCaller() for every
  // call when !options.require_api_keys).
  CallerResolver* caller_resolver() { return resolver_proxy_.get(); }
  const ServerOptions& options() const { return options_; }

  // Replaces the caller resolver of every service (the transport's auth step stays).
  // REQUIRES: before Start().
  void SetCallerResolver(std::unique_ptr<CallerResolver> resolver);

  // Registers `service` on Start(); the server owns it. A non-empty `health_name`
  // (the service's full name, e.g. v1::Matching::service_full_name()) is reported by
  // the health service. REQUIRES: before Start().
  void AddService(std::unique_ptr<grpc::Service> service, std::string health_name = "");

  // Adds a per-call interceptor, run after the request log. REQUIRES: before Start().
  void AddInterceptor(
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> factory);

  // Binds options.listen_address and starts serving. Errors: FAILED_PRECONDITION when
  // called twice or when plaintext is asked for on a non-loopback address without
  // allow_insecure; INVALID_ARGUMENT / NOT_FOUND naming the TLS flag for unusable TLS
  // files; UNAVAILABLE when the address cannot be bound.
  absl::Status Start();

  // The bound port (the chosen one when the address asked for port 0); 0 before Start.
  int port() const { return port_; }
  // HOST:PORT as bound, e.g. "127.0.0.1:43123".
  std::string bound_address() const;

  // Stops accepting calls, lets in-flight calls finish for up to `grace`, then cancels
  // the rest. Idempotent; safe to call from another thread than Wait().
  void Shutdown(absl::Duration grace);

  // Blocks until the server has shut down.
  void Wait();

 private:
  Server(ServerOptions options, std::unique_ptr<KvStore> store,
         std::unique_ptr<AccessControl> access);

  const ServerOptions options_;
  LogSink log_sink_;
  // Destroyed in reverse order: the gRPC server first, then the services, the record
  // store and last the store.
  std::unique_ptr<KvStore> store_;
  std::unique_ptr<AccessControl> access_;
  std::unique_ptr<RecordStore> records_;
  // The resolver in use (owned_resolver_ or access_->resolver()), reached by services
  // through a forwarding resolver, so that one swapped in before Start() reaches
  // every service.
  std::unique_ptr<CallerResolver> owned_resolver_;
  CallerResolver* resolver_ = nullptr;
  std::unique_ptr<CallerResolver> resolver_proxy_;
  std::vector<std::unique_ptr<grpc::Service>> services_;
  std::vector<std::string> health_names_;
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors_;
  std::unique_ptr<grpc::Server> grpc_server_;
  int port_ = 0;
  absl::Mutex shutdown_mu_;
  bool shut_down_ ABSL_GUARDED_BY(shutdown_mu_) = false;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_SERVER_H_

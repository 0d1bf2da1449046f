// Server-side wiring of authentication into gRPC: credentials that check every call
// before it reaches a handler, and the CallerResolver handlers use to learn who called.
//
// How it works: gRPC runs an auth metadata processor for every incoming call on a port
// whose credentials carry one, after the call's metadata arrived and before the call is
// handed to any service. MakeAuthenticatedServerCredentials() attaches one that runs
// RequestAuthenticator (key, role table, rate limit) on the call's `:path` and
// `authorization` metadata: a refused call ends right there with the authenticator's
// status (UNAUTHENTICATED, PERMISSION_DENIED, RESOURCE_EXHAUSTED, or a store error) and
// no handler runs; the health check passes without a key. The same credentials serve
// plaintext (loopback, or --allow-insecure) and TLS.
//
// The processor passes nothing on to the handler: in gRPC 1.51 the AuthContext it may
// write to belongs to the connection, not the call, so per-call facts put there would
// leak into the next call on the same connection. Handlers learn their caller from
// ApiKeyCallerResolver, which authenticates the same `authorization` metadata again
// (one store read and one SHA-256). It also authenticates on a port without the
// processor, so a miswired server still refuses calls without a valid key (but then
// checks no role and no rate).
//
// Wiring in matchd (see access_control.h for the whole sequence):
//   builder.AddListeningPort(listen, *MakeAuthenticatedServerCredentials(tls, authn));
//   every handler: absl::StatusOr<Caller> caller = resolver.Resolve(*context); ...
//
// Thread safety: the processor runs concurrently on gRPC's threads; Resolve() may be
// called concurrently. Complexity: one key lookup and one SHA-256 each.
#ifndef AZUBIMATCH_SERVICE_AUTH_SERVER_AUTH_H_
#define AZUBIMATCH_SERVICE_AUTH_SERVER_AUTH_H_

#include <memory>

#include "absl/status/statusor.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_context.h"
#include "service/auth/api_keys.h"
#include "service/auth/caller.h"
#include "service/auth/request_authenticator.h"
#include "service/transport/tls_options.h"
#include "service/registry/caller_resolver.h"

namespace azubimatch::service {

// Server credentials (plaintext when `tls` is not enabled, else TLS, mutual TLS with a
// client CA) that run `authenticator` for every call. `authenticator` is kept alive by
// the credentials; the stores it uses must outlive the server. Errors: those of
// LoadTlsServerMaterial.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>>
MakeAuthenticatedServerCredentials(
    const TlsServerOptions& tls,
    std::shared_ptr<const RequestAuthenticator> authenticator);

// The Caller of a call, from its `authorization: Bearer <key>` metadata.
class ApiKeyCallerResolver final : public CallerResolver {
 public:
  // `keys` is not owned and must outlive the resolver.
  explicit ApiKeyCallerResolver(const ApiKeyStore* keys) : keys_(keys) {}

  // UNAUTHENTICATED without exactly one valid, unrevoked key; store errors pass through.
  absl::StatusOr<Caller> Resolve(const grpc::ServerContextBase& context) override;

 private:
  const ApiKeyStore* const keys_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_SERVER_AUTH_H_

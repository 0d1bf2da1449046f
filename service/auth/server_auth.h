// Server-side wiring of authentication into gRPC: credentials that authenticate every
// call before it reaches a handler, and the CallerResolver handlers use to learn who
// called.
//
// How it works: gRPC runs an auth metadata processor for every incoming call on a port
// whose credentials carry one, after the call's metadata arrived and before the call is
// handed to any service. MakeAuthenticatedServerCredentials() attaches one that runs
// RequestAuthenticator (key, role table, rate limit) with the call's `:path` and
// `authorization` metadata:
//   - refused calls end right there with the authenticator's status (UNAUTHENTICATED,
//     PERMISSION_DENIED, RESOURCE_EXHAUSTED, or a store error); no handler runs;
//   - accepted calls carry the Caller as properties of the call's AuthContext
//     (kMemberIdProperty, kKeyIdProperty, kRoleProperty, kRpcProperty), which clients
//     cannot set, and the `authorization` entry is removed from the metadata handlers
//     see, so no handler or log ever holds the key;
//   - the health check passes without a key and carries no Caller.
// The same credentials serve plaintext (loopback, or --allow-insecure) and TLS.
//
// Wiring in matchd (see access_control.h for the one-call version):
//   builder.AddListeningPort(listen, *MakeAuthenticatedServerCredentials(tls, authn));
//   every service handler: Caller caller = resolver.Resolve(*context) ...
// AuthContextCallerResolver only reads what the processor put there; a call that did
// not pass it (a port without these credentials) resolves to UNAUTHENTICATED, so a
// miswired server fails closed.
//
// Thread safety: the processor runs on gRPC's threads concurrently; Resolve() may be
// called concurrently. Complexity: Resolve O(number of properties), a handful.
#ifndef AZUBIMATCH_SERVICE_AUTH_SERVER_AUTH_H_
#define AZUBIMATCH_SERVICE_AUTH_SERVER_AUTH_H_

#include <memory>

#include "absl/status/statusor.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server_context.h"
#include "service/auth/caller.h"
#include "service/auth/request_authenticator.h"
#include "service/auth/tls_options.h"
#include "service/registry/caller_resolver.h"

namespace azubimatch::service {

inline constexpr char kMemberIdProperty[] = "azm.member_id";
inline constexpr char kKeyIdProperty[] = "azm.key_id";
inline constexpr char kRoleProperty[] = "azm.role";
inline constexpr char kRpcProperty[] = "azm.rpc";

// Server credentials (plaintext when `tls` is not enabled, else TLS, mutual TLS with a
// client CA) that run `authenticator` for every call. `authenticator` is kept alive by
// the credentials; the stores it uses must outlive the server. Errors: those of
// LoadTlsServerMaterial.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeAuthenticatedServerCredentials(
    const TlsServerOptions& tls, std::shared_ptr<const RequestAuthenticator> authenticator);

// Reads the Caller the auth step attached to a call.
class AuthContextCallerResolver final : public CallerResolver {
 public:
  // UNAUTHENTICATED when the call carries no Caller (it did not pass the auth step).
  absl::StatusOr<Caller> Resolve(const grpc::ServerContextBase& context) override;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_SERVER_AUTH_H_

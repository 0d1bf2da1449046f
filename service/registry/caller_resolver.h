// CallerResolver: the one place where a gRPC call is turned into a Caller (who is
// asking, for which member, with which role). Every handler of every service calls
// Resolve() first and refuses the call with the returned status when it fails.
//
// Authentication plugs in here: matchd's resolver (service/auth/access_control.h) reads
// the `authorization: Bearer <key>` metadata from the context, looks the key up and
// returns the Caller, or UNAUTHENTICATED. FixedCallerResolver(DefaultCaller()) resolves
// every call to the member "default-member" with the officer role; Server uses it only
// when ServerOptions::require_api_keys is false (tests of the logic behind the auth
// step).
//
// Thread safety: Resolve() is called concurrently from gRPC's threads; implementations
// must be thread-safe. Cost: should be O(1) amortised (a hash lookup); it runs on every
// call.
#ifndef AZUBIMATCH_SERVICE_REGISTRY_CALLER_RESOLVER_H_
#define AZUBIMATCH_SERVICE_REGISTRY_CALLER_RESOLVER_H_

#include "absl/status/statusor.h"
#include "grpcpp/server_context.h"
#include "service/auth/caller.h"

namespace azubimatch::service {

class CallerResolver {
 public:
  virtual ~CallerResolver() = default;

  // The caller of the call `context` belongs to, or the status to refuse it with
  // (UNAUTHENTICATED, PERMISSION_DENIED, RESOURCE_EXHAUSTED, ...).
  virtual absl::StatusOr<Caller> Resolve(const grpc::ServerContextBase& context) = 0;
};

// The member every call belongs to while no authentication is configured.
inline constexpr char kDefaultMemberId[] = "default-member";

// Caller{member_id = "default-member", key_id = "", role = officer}.
inline Caller DefaultCaller() {
  Caller caller;
  caller.member_id = kDefaultMemberId;
  caller.role = Role::kOfficer;
  return caller;
}

// Resolves every call to the same caller.
class FixedCallerResolver final : public CallerResolver {
 public:
  explicit FixedCallerResolver(Caller caller) : caller_(std::move(caller)) {}
  absl::StatusOr<Caller> Resolve(const grpc::ServerContextBase&) override { return caller_; }

 private:
  const Caller caller_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_CALLER_RESOLVER_H_

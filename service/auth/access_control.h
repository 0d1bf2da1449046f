// AccessControl: members, API keys, the audit log, rate limits and the per-call auth
// step of one store, built together so that matchd wires them in a few lines:
//
//   AZM_ASSIGN_OR_RETURN(auto access, AccessControl::Open(store.get(), options.access));
//   AZM_ASSIGN_OR_RETURN(BootstrapResult boot,
//   access->BootstrapAdminKey(options.data_dir)); if (boot.created) log("admin key ",
//   boot.key_id, " written to ", boot.key_file);
//   AZM_RETURN_IF_ERROR(CheckListenSecurity(options.listen, options.tls,
//   options.allow_insecure)); AZM_ASSIGN_OR_RETURN(auto credentials,
//   access->ServerCredentials(options.tls)); builder.AddListeningPort(options.listen,
//   credentials, &port);
//   interceptor_creators.push_back(access->NewAuditInterceptorFactory());
//   RegistryService registry(..., &access->resolver(), ...);   // and every other service
//   AdminService admin(access.get(), store.get(), options.backup_dir);
//
// Opening creates the keyed-hash secret in the store's meta family when it is missing.
//
// Thread safety: the accessors may be used from any thread (see each class). The
// object must outlive the gRPC server that uses its credentials and resolver.
// Complexity: Open O(1) store reads.
#ifndef AZUBIMATCH_SERVICE_AUTH_ACCESS_CONTROL_H_
#define AZUBIMATCH_SERVICE_AUTH_ACCESS_CONTROL_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/security/server_credentials.h"
#include "service/auth/api_keys.h"
#include "service/auth/audit_interceptor.h"
#include "service/auth/audit_log.h"
#include "service/auth/bootstrap.h"
#include "service/auth/keyed_hasher.h"
#include "service/auth/members.h"
#include "service/auth/rate_limiter.h"
#include "service/auth/request_authenticator.h"
#include "service/auth/server_auth.h"
#include "service/transport/tls_options.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

struct AccessControlOptions {
  // Per-key request rate bound (see rate_limiter.h).
  // Default: 2000 requests/s, burst 4000.
  RateLimitOptions rate_limit;
};

class AccessControl {
 public:
  // `store` is not owned and must outlive the object. `clock` stamps members, keys and
  // audit entries and drives the rate limiter.
  static absl::StatusOr<std::unique_ptr<AccessControl>> Open(KvStore* store,
                                                             AccessControlOptions options,
                                                             AuthClock clock = absl::Now);

  // See bootstrap.h; `dir` is the data folder that receives admin.key.
  absl::StatusOr<BootstrapResult> BootstrapAdminKey(const std::string& dir) {
    return service::BootstrapAdminKey(&keys_, dir);
  }

  // Credentials for a listening port that authenticate every call (server_auth.h).
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentials(
      const TlsServerOptions& tls) const {
    return MakeAuthenticatedServerCredentials(tls, authenticator_);
  }

  // The audit interceptor for the server being built (audit_interceptor.h); add it to
  // ServerBuilder::experimental().SetInterceptorCreators().
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
  NewAuditInterceptorFactory() {
    return std::make_unique<AuditInterceptorFactory>(audit_.get(), &resolver_);
  }

  MemberStore& members() { return members_; }
  ApiKeyStore& keys() { return keys_; }
  AuditLog& audit() { return *audit_; }
  const KeyedHasher& hasher() const { return hasher_; }
  CallerResolver& resolver() { return resolver_; }

 private:
  AccessControl(KvStore* store, AccessControlOptions options, AuthClock clock,
                KeyedHasher hasher, std::unique_ptr<AuditLog> audit);

  MemberStore members_;
  ApiKeyStore keys_;
  const KeyedHasher hasher_;
  std::unique_ptr<AuditLog> audit_;
  RateLimiter rate_limiter_;
  std::shared_ptr<const RequestAuthenticator> authenticator_;
  ApiKeyCallerResolver resolver_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_ACCESS_CONTROL_H_

#include "service/auth/access_control.h"

#include "engine/base/status_macros.h"

namespace azubimatch::service {

absl::StatusOr<std::unique_ptr<AccessControl>> AccessControl::Open(
    KvStore* store, AccessControlOptions options, AuthClock clock) {
  AZM_ASSIGN_OR_RETURN(KeyedHasher hasher, KeyedHasher::LoadOrCreate(store));
  AZM_ASSIGN_OR_RETURN(std::unique_ptr<AuditLog> audit,
                       AuditLog::Open(store, hasher, clock));
  return std::unique_ptr<AccessControl>(new AccessControl(
      store, std::move(options), std::move(clock), std::move(hasher), std::move(audit)));
}

AccessControl::AccessControl(KvStore* store, AccessControlOptions options,
                             AuthClock clock, KeyedHasher hasher,
                             std::unique_ptr<AuditLog> audit)
    : members_(store, clock),
      keys_(store, &members_, clock),
      hasher_(std::move(hasher)),
      audit_(std::move(audit)),
      rate_limiter_(options.rate_limit, clock),
      authenticator_(std::make_shared<RequestAuthenticator>(&keys_, &rate_limiter_)),
      resolver_(&keys_) {}

}  // namespace azubimatch::service

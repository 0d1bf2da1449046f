// RequestAuthenticator: decides, for one incoming call, who is calling and whether the
// call may proceed. The transport's auth step (server_auth.h) runs it for every call
// of every service before any handler, so the decision is made in exactly one place.
//
// Steps, in order, each with the status the call is refused with:
//   1. open methods (the health check) pass without a key: no Caller.
//   2. exactly one `authorization: Bearer <key>` metadata entry ("Bearer" in any case,
//      then spaces, then the key), else UNAUTHENTICATED;
//   3. the key is valid and not revoked (ApiKeyStore::Authenticate), else
//      UNAUTHENTICATED; a store failure keeps its own code (e.g. UNAVAILABLE);
//   4. the key's role may call the method (method_access.h), else PERMISSION_DENIED;
//   5. the key's rate bucket has a token (rate_limiter.h), else RESOURCE_EXHAUSTED.
//
// Thread safety: Authenticate() may be called concurrently. Complexity: one store read
// and one SHA-256 per call.
#ifndef AZUBIMATCH_SERVICE_AUTH_REQUEST_AUTHENTICATOR_H_
#define AZUBIMATCH_SERVICE_AUTH_REQUEST_AUTHENTICATOR_H_

#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "service/auth/api_keys.h"
#include "service/auth/caller.h"
#include "service/auth/rate_limiter.h"

namespace azubimatch::service {

class RequestAuthenticator {
 public:
  // Neither argument is owned; both must outlive this object.
  RequestAuthenticator(const ApiKeyStore* keys, RateLimiter* rate_limiter);

  // The caller of a call to `method` that carries the `authorization` metadata values
  // `authorization` (empty when absent); std::nullopt for an open method.
  absl::StatusOr<std::optional<Caller>> Authenticate(
      std::string_view method, const std::vector<std::string_view>& authorization) const;

 private:
  const ApiKeyStore* const keys_;
  RateLimiter* const rate_limiter_;
};

// The key of an `authorization` value "Bearer <key>"; UNAUTHENTICATED when the value
// has another form.
absl::StatusOr<std::string_view> BearerToken(std::string_view authorization);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_REQUEST_AUTHENTICATOR_H_

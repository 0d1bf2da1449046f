#include "service/auth/request_authenticator.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "engine/base/status_macros.h"
#include "service/auth/method_access.h"

namespace azubimatch::service {

absl::StatusOr<std::string_view> BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer";
  if (authorization.size() <= kScheme.size() || authorization[kScheme.size()] != ' ') {
    return absl::UnauthenticatedError(
        "authorization: expected 'Bearer <api key>' metadata");
  }
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (absl::ascii_tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) {
      return absl::UnauthenticatedError(
          "authorization: expected 'Bearer <api key>' metadata");
    }
  }
  std::string_view token = authorization.substr(kScheme.size());
  while (!token.empty() &&
         absl::ascii_isspace(static_cast<unsigned char>(token.front()))) {
    token.remove_prefix(1);
  }
  while (!token.empty() &&
         absl::ascii_isspace(static_cast<unsigned char>(token.back()))) {
    token.remove_suffix(1);
  }
  if (token.empty())
    return absl::UnauthenticatedError("authorization: the api key is empty");
  return token;
}

RequestAuthenticator::RequestAuthenticator(const ApiKeyStore* keys,
                                           RateLimiter* rate_limiter)
    : keys_(keys), rate_limiter_(rate_limiter) {}

absl::StatusOr<std::optional<Caller>> RequestAuthenticator::Authenticate(
    std::string_view method, const std::vector<std::string_view>& authorization) const {
  if (IsOpenMethod(method)) return std::nullopt;
  if (authorization.empty()) {
    return absl::UnauthenticatedError(
        "authorization: missing; send 'authorization: Bearer <api key>' metadata");
  }
  if (authorization.size() > 1) {
    return absl::UnauthenticatedError("authorization: given more than once");
  }
  AZM_ASSIGN_OR_RETURN(std::string_view key, BearerToken(authorization.front()));
  AZM_ASSIGN_OR_RETURN(Caller caller, keys_->Authenticate(key));
  AZM_RETURN_IF_ERROR(CheckMethodAccess(caller.role, method));
  AZM_RETURN_IF_ERROR(rate_limiter_->Acquire(caller.key_id));
  return caller;
}

}  // namespace azubimatch::service

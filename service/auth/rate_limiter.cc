#include "service/auth/rate_limiter.h"

#include <algorithm>

#include "absl/strings/str_format.h"

namespace azubimatch::service {

RateLimiter::RateLimiter(RateLimitOptions options, AuthClock clock)
    : options_([&] {
        options.burst = std::max(options.burst, 1.0);
        return options;
      }()),
      clock_(std::move(clock)) {}

absl::Status RateLimiter::Acquire(std::string_view key_id) {
  if (options_.requests_per_second <= 0) return absl::OkStatus();
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  auto [it, inserted] =
      buckets_.try_emplace(std::string(key_id), Bucket{options_.burst, now});
  Bucket& bucket = it->second;
  if (!inserted && now > bucket.refilled_at) {
    double earned =
        absl::ToDoubleSeconds(now - bucket.refilled_at) * options_.requests_per_second;
    bucket.tokens = std::min(options_.burst, bucket.tokens + earned);
    bucket.refilled_at = now;
  }
  if (bucket.tokens < 1) {
    refused_.fetch_add(1, std::memory_order_relaxed);
    return absl::ResourceExhaustedError(absl::StrFormat(
        "api key %s: more than %g requests per second (burst %g); slow down and retry",
        key_id, options_.requests_per_second, options_.burst));
  }
  bucket.tokens -= 1;
  return absl::OkStatus();
}

}  // namespace azubimatch::service

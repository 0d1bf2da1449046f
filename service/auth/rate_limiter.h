// RateLimiter: a token bucket per API key id, bounding the request rate of each key.
//
// Each key's bucket holds up to `burst` tokens and refills at `requests_per_second`;
// a call takes one token, or is refused with RESOURCE_EXHAUSTED when the bucket is
// empty. A streaming call (e.g. Registry.Import) is one call, however many messages it
// carries. Only authenticated calls are counted, so the number of buckets is bounded by
// the number of keys.
//
// refused() counts the refusals since construction (for matchd's metrics).
//
// Thread safety: Acquire() and refused() may be called concurrently; one mutex guards
// the buckets. Complexity: Acquire O(1) expected (one hash lookup).
// Ties: calls are served in the order they take the mutex.
#ifndef AZUBIMATCH_SERVICE_AUTH_RATE_LIMITER_H_
#define AZUBIMATCH_SERVICE_AUTH_RATE_LIMITER_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "service/auth/members.h"

namespace azubimatch::service {

struct RateLimitOptions {
  // Sustained calls per second allowed per API key. Zero or negative turns the limit
  // off. High enough that a bulk import and `matchctl demo` never wait, low enough that
  // one runaway client cannot starve the others.
  // Default: 2000.
  double requests_per_second = 2000;

  // Calls a key may make at once after being idle (the bucket size). Values below 1
  // are treated as 1.
  // Default: 4000.
  double burst = 4000;
};

class RateLimiter {
 public:
  explicit RateLimiter(RateLimitOptions options, AuthClock clock = absl::Now);

  // Takes one token from the bucket of `key_id`; RESOURCE_EXHAUSTED when it is empty.
  absl::Status Acquire(std::string_view key_id) ABSL_LOCKS_EXCLUDED(mu_);

  // Calls Acquire() refused so far.
  int64_t refused() const { return refused_.load(std::memory_order_relaxed); }

 private:
  struct Bucket {
    double tokens;
    absl::Time refilled_at;
  };

  const RateLimitOptions options_;
  const AuthClock clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
  std::atomic<int64_t> refused_{0};
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_RATE_LIMITER_H_

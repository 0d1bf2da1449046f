// InFlightLimiter: bounds the calls matchd works on at once, and sheds the rest at
// once with RESOURCE_EXHAUSTED and a google.rpc.RetryInfo (retry_info.h), instead of
// letting them queue until their deadlines pass.
//
// How: its interceptor (one per call) counts a call in flight from the moment gRPC
// hands it to a method until its status is sent (the slot is given back before the
// answer is written, so a client that has its answer finds the capacity free again),
// or until the call is torn down without one. A call that arrives while max_in_flight
// calls are in flight is not counted but marked as shed; the handler learns it from
// Admission(), which matchd's caller resolver consults before anything else (every
// Registry, Matching and DataProtection handler resolves its caller first), and answers
// with that status. Health checks (grpc.health.v1.Health) are never counted nor shed,
// so that an overloaded server still reports SERVING. Handlers that do not resolve
// through the server's resolver (Admin, reflection) are served even when marked.
//
// Every RESOURCE_EXHAUSTED a handler sends passes the same interceptor: one without a
// google.rpc.RetryInfo gets one of options.default_retry_delay (EnsureRetryInfo), so
// that no refusal for load leaves the server without telling when to come back.
//
// Calls refused earlier — by the auth step (key, role, per-key rate limit) or by gRPC —
// never reach the limiter.
//
// Thread safety: every method may be called concurrently; the interceptors run on
// gRPC's threads. Cost per call: two atomic additions; a shed call also takes one
// mutex for a hash-set insert and erase, and while any call is marked, Admission()
// takes it for one lookup.
#ifndef AZUBIMATCH_SERVICE_OVERLOAD_IN_FLIGHT_LIMITER_H_
#define AZUBIMATCH_SERVICE_OVERLOAD_IN_FLIGHT_LIMITER_H_

#include <atomic>
#include <cstdint>
#include <memory>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_interceptor.h"

namespace azubimatch::service {

struct InFlightLimitOptions {
  // Calls in flight at once (health checks aside); one more is shed. Each call holds
  // its request and response in memory and a handler thread or an Assign run; on a
  // 2-core machine a few hundred short calls already queue for the cores. Zero or
  // negative turns the limit off.
  // Default: 256.
  int max_in_flight = 256;

  // The retry delay sent with a shed call: about the time a short call takes under load.
  // Default: 100 ms.
  absl::Duration retry_delay = absl::Milliseconds(100);

  // The retry delay added to any other RESOURCE_EXHAUSTED a handler answers without a
  // RetryInfo (e.g. Assign when every run slot is busy: a run takes seconds).
  // Default: 1 second.
  absl::Duration default_retry_delay = absl::Seconds(1);
};

class InFlightLimiter {
 public:
  explicit InFlightLimiter(InFlightLimitOptions options) : options_(options) {}

  InFlightLimiter(const InFlightLimiter&) = delete;
  InFlightLimiter& operator=(const InFlightLimiter&) = delete;

  // The interceptor that counts calls; this object must outlive the server.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
  NewInterceptorFactory();

  // OK for an admitted call (or one the interceptor never saw); RESOURCE_EXHAUSTED with
  // a RetryInfo of options.retry_delay for a shed one.
  absl::Status Admission(const grpc::ServerContextBase& context) const
      ABSL_LOCKS_EXCLUDED(mu_);

  // Calls in flight now, and calls shed since construction (for metrics).
  int in_flight() const { return in_flight_.load(std::memory_order_relaxed); }
  int64_t shed() const { return shed_total_.load(std::memory_order_relaxed); }

  const InFlightLimitOptions& options() const { return options_; }

  // For the interceptor: counts a call that reached its method; false when it is shed.
  bool Enter(const grpc::ServerContextBase* context) ABSL_LOCKS_EXCLUDED(mu_);
  // For the interceptor: the call's status is being sent (or it was torn down).
  void Leave(const grpc::ServerContextBase* context, bool admitted)
      ABSL_LOCKS_EXCLUDED(mu_);

 private:
  const InFlightLimitOptions options_;
  std::atomic<int> in_flight_{0};
  std::atomic<int64_t> shed_total_{0};
  std::atomic<int> marked_{0};  // size of shed_calls_, read without the mutex
  mutable absl::Mutex mu_;
  absl::flat_hash_set<const grpc::ServerContextBase*> shed_calls_ ABSL_GUARDED_BY(mu_);
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_OVERLOAD_IN_FLIGHT_LIMITER_H_

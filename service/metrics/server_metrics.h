// ServerMetrics: everything matchd exposes at /metrics, in one place that the Server
// owns (and the HTTP listener, or --metrics-listen, serves):
//
//   grpc_server_*                          per-method call metrics
//   (grpc_server_metrics.h) azubimatch_build_info{version,commit}  1 (metrics_registry.h)
//   azubimatch_assign_phase_seconds{phase} histogram (assign_phase_metrics.h)
//   azubimatch_records{kind}               companies, offers, candidates stored
//   azubimatch_rocksdb_total_sst_files_bytes, _live_sst_files_bytes, _memtable_bytes,
//   azubimatch_rocksdb_pending_compaction_bytes, _write_stopped (0/1),
//   azubimatch_rocksdb_delayed_write_rate_bytes (0 unless writes are slowed)
//   azubimatch_rate_limit_refusals_total   calls refused by the per-key rate limit
//   azubimatch_in_flight_calls, azubimatch_in_flight_limit, azubimatch_shed_calls_total
//                                          the in-flight bound (in_flight_limiter.h)
//
// Gauges and the counters of other components are read at scrape time (collect hooks),
// not on the request path. There is no audit-log lag to report: every audit entry is
// committed (group commit) before the call's status is sent, so the lag is zero by
// construction; a failing audit log fails the call (audit_interceptor.h).
//
// --metrics-listen: StartListener() serves GET /metrics over plain HTTP
// (prometheus-cpp's Exposer, one thread) until StopListener() or destruction. The
// metrics hold no personal data, but like the gRPC port the listener binds only
// loopback addresses unless allow_insecure.
//
// Thread safety: Create/StartListener/StopListener from the controlling thread; the
// accessors and scrapes from any thread.
#ifndef AZUBIMATCH_SERVICE_METRICS_SERVER_METRICS_H_
#define AZUBIMATCH_SERVICE_METRICS_SERVER_METRICS_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "service/auth/rate_limiter.h"
#include "service/metrics/assign_phase_metrics.h"
#include "service/metrics/grpc_server_metrics.h"
#include "service/metrics/http_server_metrics.h"
#include "service/metrics/metrics_registry.h"
#include "service/metrics/record_counts.h"
#include "service/overload/in_flight_limiter.h"
#include "service/registry/record_store.h"
#include "service/store/rocksdb_store.h"

namespace prometheus {
class Exposer;
}  // namespace prometheus

namespace azubimatch::service {

// Where the figures come from; each may be null (its metrics are then left out). None
// is owned; all must outlive the ServerMetrics.
struct ServerMetricsSources {
  RecordStore* records = nullptr;              // subscribed: records per kind
  const RocksDbStore* store = nullptr;         // RocksDB figures
  const RateLimiter* rate_limiter = nullptr;   // refusals
  const InFlightLimiter* in_flight = nullptr;  // in flight, shed
};

class ServerMetrics {
 public:
  // Registers every family and subscribes to sources.records (which replays the
  // stored records: O(records)). Errors: those of RecordStore::Subscribe.
  static absl::StatusOr<std::unique_ptr<ServerMetrics>> Create(
      ServerMetricsSources sources);

  // Stops the listener and unsubscribes from the record store.
  ~ServerMetrics();

  ServerMetrics(const ServerMetrics&) = delete;
  ServerMetrics& operator=(const ServerMetrics&) = delete;

  MetricsRegistry& registry() { return registry_; }
  GrpcServerMetrics& grpc() { return grpc_; }
  HttpServerMetrics& http() { return http_; }
  AssignPhaseMetrics& assign_phases() { return assign_phases_; }

  // Serves GET /metrics on `address` (HOST:PORT; port 0 picks one, see
  // listener_port()). Errors: FAILED_PRECONDITION for a non-loopback address without
  // allow_insecure or when already listening; UNAVAILABLE when it cannot bind.
  absl::Status StartListener(const std::string& address, bool allow_insecure);
  // The bound port; 0 when not listening.
  int listener_port() const { return listener_port_; }
  // Idempotent.
  void StopListener();

 private:
  explicit ServerMetrics(ServerMetricsSources sources);
  void AddSourceHooks();

  const ServerMetricsSources sources_;
  MetricsRegistry registry_;
  GrpcServerMetrics grpc_;
  HttpServerMetrics http_;
  AssignPhaseMetrics assign_phases_;
  RecordCounts record_counts_;
  bool subscribed_ = false;
  std::unique_ptr<prometheus::Exposer> exposer_;
  int listener_port_ = 0;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_METRICS_SERVER_METRICS_H_

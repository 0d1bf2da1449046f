// GrpcServerMetrics: per-method gRPC server metrics under the names of the
// grpc-ecosystem interceptors (go-grpc-prometheus), so that existing dashboards work:
//
//   grpc_server_started_total{grpc_type,grpc_service,grpc_method}
//   grpc_server_handled_total{grpc_type,grpc_service,grpc_method,grpc_code}
//   grpc_server_handling_seconds{grpc_type,grpc_service,grpc_method}   histogram
//   grpc_server_msg_received_total{grpc_type,grpc_service,grpc_method}
//   grpc_server_msg_sent_total{grpc_type,grpc_service,grpc_method}
//
// grpc_type is "unary", "client_stream", "server_stream" or "bidi_stream";
// grpc_service the full service name ("azubimatch.v1.Registry"), grpc_method the
// method ("GetCandidate"); grpc_code is spelled as gRPC's Go package spells it ("OK",
// "NotFound", "InvalidArgument", "Unauthenticated", "ResourceExhausted", ...).
// Buckets of the histogram: Prometheus' defaults, 5 ms to 10 s (as go-grpc-prometheus).
//
// A call is started when its interceptor is created (the call reached a method), and
// handled when its status is sent; a call torn down without a status (the client went
// away first) is handled with "Canceled". Calls refused before they reach a method —
// by the auth step (bad key, rate limit) or by gRPC itself — are not seen here; the
// rate limit's refusals have a counter of their own (server_metrics.h).
//
// Wiring: ServerBuilder::experimental().SetInterceptorCreators({...,
// NewInterceptorFactory()}).
//
// Thread safety: the factory and the metrics are shared by every call; each call gets
// its own interceptor. Cost per call: one hash lookup under a mutex for the method's
// metrics (created on its first call), a few atomic additions.
#ifndef AZUBIMATCH_SERVICE_METRICS_GRPC_SERVER_METRICS_H_
#define AZUBIMATCH_SERVICE_METRICS_GRPC_SERVER_METRICS_H_

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/container/node_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "grpcpp/support/server_interceptor.h"
#include "grpcpp/support/status.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "service/metrics/metrics_registry.h"

namespace azubimatch::service {

// The grpc_code label of `code`: the name gRPC's Go package gives it ("OK",
// "Canceled", "NotFound", ...); "Unknown" for values outside 0..16.
std::string_view GrpcCodeLabel(grpc::StatusCode code);

class GrpcServerMetrics {
 public:
  // One method's time series, created on its first call.
  struct MethodMetrics {
    prometheus::Counter* started = nullptr;
    prometheus::Histogram* handling_seconds = nullptr;
    prometheus::Counter* msg_received = nullptr;
    prometheus::Counter* msg_sent = nullptr;
    std::array<prometheus::Counter*, 17> handled = {};  // by code, set on first use
    prometheus::Labels labels;                          // type, service, method
  };

  // Registers the families on `metrics`, which must outlive this object.
  explicit GrpcServerMetrics(MetricsRegistry* metrics);

  // A factory for the server's interceptor chain; this object must outlive the server.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
  NewInterceptorFactory();

  // The series of `full_method` ("/pkg.Service/Method") called as `type`.
  MethodMetrics* ForMethod(std::string_view full_method, std::string_view type)
      ABSL_LOCKS_EXCLUDED(mu_);

  // Counts a handled call of `method` with `code`.
  void CountHandled(MethodMetrics* method, grpc::StatusCode code)
      ABSL_LOCKS_EXCLUDED(mu_);

 private:
  prometheus::Family<prometheus::Counter>& started_;
  prometheus::Family<prometheus::Counter>& handled_;
  prometheus::Family<prometheus::Histogram>& handling_seconds_;
  prometheus::Family<prometheus::Counter>& msg_received_;
  prometheus::Family<prometheus::Counter>& msg_sent_;
  absl::Mutex mu_;
  // Keyed by type + full method; node map: MethodMetrics addresses stay stable.
  absl::node_hash_map<std::string, MethodMetrics> methods_ ABSL_GUARDED_BY(mu_);
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_METRICS_GRPC_SERVER_METRICS_H_

// HttpServerMetrics: per-route metrics of matchd's HTTP/JSON face, the counterpart of
// grpc_server_metrics.h for the HTTP listener, which calls Observe() once per request
// when it has written the answer:
//
//   http_server_requests_total{method,route,code}           counter
//   http_server_request_duration_seconds{method,route}      histogram, 5 ms ... 10 s
//
// `route` is the route template as declared (e.g. "/v1/candidates/{id}"), never the
// concrete path: ids and query strings would make one series per record and may carry
// personal data. `code` is the HTTP status as a number ("200", "404"); `method` the
// HTTP method in upper case.
//
// Thread safety: Observe() may be called concurrently. Cost: two family lookups under
// prometheus-cpp's mutex per request.
#ifndef AZUBIMATCH_SERVICE_METRICS_HTTP_SERVER_METRICS_H_
#define AZUBIMATCH_SERVICE_METRICS_HTTP_SERVER_METRICS_H_

#include <string>

#include "absl/time/time.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "service/metrics/metrics_registry.h"

namespace azubimatch::service {

class HttpServerMetrics {
 public:
  // Registers the families on `metrics`, which must outlive this object.
  explicit HttpServerMetrics(MetricsRegistry* metrics);

  // Counts one answered request.
  void Observe(const std::string& method, const std::string& route, int status_code,
               absl::Duration elapsed);

 private:
  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& duration_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_METRICS_HTTP_SERVER_METRICS_H_

#include "service/metrics/http_server_metrics.h"

namespace azubimatch::service {
namespace {

const prometheus::Histogram::BucketBoundaries& DurationBuckets() {
  static const auto* const kBuckets = new prometheus::Histogram::BucketBoundaries{
      0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  return *kBuckets;
}

}  // namespace

HttpServerMetrics::HttpServerMetrics(MetricsRegistry* metrics)
    : requests_(prometheus::BuildCounter()
                    .Name("http_server_requests_total")
                    .Help("HTTP requests answered, by method, route template and status.")
                    .Register(metrics->registry())),
      duration_(prometheus::BuildHistogram()
                    .Name("http_server_request_duration_seconds")
                    .Help("Time from an HTTP request to its answer, by method and route "
                          "template.")
                    .Register(metrics->registry())) {}

void HttpServerMetrics::Observe(const std::string& method, const std::string& route,
                                int status_code, absl::Duration elapsed) {
  requests_
      .Add({{"method", method}, {"route", route}, {"code", std::to_string(status_code)}})
      .Increment();
  duration_.Add({{"method", method}, {"route", route}}, DurationBuckets())
      .Observe(absl::ToDoubleSeconds(elapsed));
}

}  // namespace azubimatch::service

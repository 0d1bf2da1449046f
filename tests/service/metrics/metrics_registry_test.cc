// The metrics pieces without a server: the registry's rendering and collect hooks,
// build info, HTTP route metrics and Assign phase timing.
#include "service/metrics/metrics_registry.h"

#include <map>
#include <string>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "prometheus/gauge.h"
#include "service/metrics/assign_phase_metrics.h"
#include "service/metrics/build_info.h"
#include "service/metrics/http_server_metrics.h"
#include "tests/service/metrics/prometheus_text.h"

namespace azubimatch::service {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Key;
using ::testing::Not;

TEST(MetricsRegistryTest, RendersBuildInfoAndRunsHooksAtEveryCollection) {
  MetricsRegistry metrics;
  prometheus::Gauge& gauge = prometheus::BuildGauge()
                                 .Name("azubimatch_test_gauge")
                                 .Help("test")
                                 .Register(metrics.registry())
                                 .Add({});
  int collections = 0;
  metrics.AddCollectHook([&] { gauge.Set(++collections); });

  std::string text = metrics.RenderText();
  EXPECT_THAT(text, HasSubstr("# TYPE azubimatch_build_info gauge"));
  std::map<std::string, double> samples = ParseSamples(text);
  EXPECT_EQ(samples.at(Series("azubimatch_build_info",
                              {{"version", std::string(BuildVersion())},
                               {"commit", std::string(BuildCommit())}})),
            1);
  EXPECT_EQ(samples.at("azubimatch_test_gauge"), 1);
  samples = ParseSamples(metrics.RenderText());
  EXPECT_EQ(samples.at("azubimatch_test_gauge"), 2);
  EXPECT_EQ(metrics.collectable()->Collect().size(), 2u);  // build info, the gauge
  EXPECT_EQ(collections, 3);
}

TEST(MetricsRegistryTest, BuildVersionIsTheProjectVersion) {
  EXPECT_EQ(BuildVersion(), AZM_PROJECT_VERSION);
  EXPECT_FALSE(BuildCommit().empty());
}

TEST(HttpServerMetricsTest, CountsByMethodRouteAndCode) {
  MetricsRegistry metrics;
  HttpServerMetrics http(&metrics);
  http.Observe("GET", "/v1/candidates/{id}", 200, absl::Milliseconds(3));
  http.Observe("GET", "/v1/candidates/{id}", 200, absl::Milliseconds(30));
  http.Observe("GET", "/v1/candidates/{id}", 404, absl::Milliseconds(1));
  const std::map<std::string, double> samples = ParseSamples(metrics.RenderText());
  const std::map<std::string, std::string> route = {{"method", "GET"},
                                                    {"route", "/v1/candidates/{id}"}};
  auto with_code = [&](const std::string& code) {
    auto labels = route;
    labels["code"] = code;
    return labels;
  };
  EXPECT_EQ(samples.at(Series("http_server_requests_total", with_code("200"))), 2);
  EXPECT_EQ(samples.at(Series("http_server_requests_total", with_code("404"))), 1);
  EXPECT_EQ(samples.at(Series("http_server_request_duration_seconds_count", route)), 3);
  auto bucket = route;
  bucket["le"] = "0.005";
  EXPECT_EQ(samples.at(Series("http_server_request_duration_seconds_bucket", bucket)), 2);
}

TEST(AssignPhaseMetricsTest, EachPhaseLastsUntilTheNextEventOfItsRun) {
  MetricsRegistry metrics;
  AssignPhaseMetrics phases(&metrics);
  auto run = [&] {
    for (const char* event :
         {"loading", "scoring", "solving", "metrics", "storing", "finished"}) {
      phases.OnRunEvent(event);
    }
  };
  // Two runs on two threads at once, and one that stops while scoring.
  std::thread first(run), second(run);
  first.join();
  second.join();
  std::thread stopped([&] {
    phases.OnRunEvent("loading");
    phases.OnRunEvent("scoring");
    phases.OnRunEvent("cancelled");  // from gRPC's thread in matchd; ignored
    phases.OnRunEvent("finished");
  });
  stopped.join();
  const std::map<std::string, double> samples = ParseSamples(metrics.RenderText());
  auto count = [&](const std::string& phase) {
    return samples.at(
        Series("azubimatch_assign_phase_seconds_count", {{"phase", phase}}));
  };
  EXPECT_EQ(count("loading"), 3);
  EXPECT_EQ(count("scoring"), 3);
  EXPECT_EQ(count("solving"), 2);
  EXPECT_EQ(count("storing"), 2);
  EXPECT_THAT(samples, Not(Contains(Key(Series("azubimatch_assign_phase_seconds_count",
                                               {{"phase", "finished"}})))));
  EXPECT_THAT(samples, Not(Contains(Key(Series("azubimatch_assign_phase_seconds_count",
                                               {{"phase", "cancelled"}})))));
}

}  // namespace
}  // namespace azubimatch::service

// MetricsRegistry: matchd's metrics in one prometheus::Registry, rendered in the
// Prometheus text exposition format (version 0.0.4) for `/metrics`.
//
// Components register their families on registry() once (counters and histograms they
// update on their own path). Figures that already live elsewhere (records per kind,
// RocksDB properties, refusal counts) are not copied on the request path: a collect
// hook reads them into gauges right before each collection, i.e. at scrape time.
// Every registry starts with `azubimatch_build_info{version,commit} 1`.
//
//   MetricsRegistry metrics;
//   auto& calls = prometheus::BuildCounter().Name("x_total").Help("...")
//                     .Register(metrics.registry()).Add({});
//   metrics.AddCollectHook([&] { gauge.Set(source.Count()); });
//   std::string text = metrics.RenderText();   // what GET /metrics answers
//
// Whatever serves the text (matchd's --metrics-listen exposer, the HTTP listener) calls
// RenderText(), or registers collectable() with a prometheus::Exposer.
//
// Thread safety: every method may be called concurrently once the hooks are added;
// AddCollectHook() may be called at any time. Collections are serialized (one mutex),
// so hooks never run concurrently with each other. Hooks must be cheap (no I/O) and must
// stay valid until the registry is destroyed or the server that owns both stops serving.
// Cost: Collect() is O(time series) plus the hooks.
#ifndef AZUBIMATCH_SERVICE_METRICS_METRICS_REGISTRY_H_
#define AZUBIMATCH_SERVICE_METRICS_METRICS_REGISTRY_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "prometheus/collectable.h"
#include "prometheus/metric_family.h"
#include "prometheus/registry.h"

namespace azubimatch::service {

class MetricsRegistry {
 public:
  MetricsRegistry();
  ~MetricsRegistry();

  MetricsRegistry(const MetricsRegistry&) = delete;
  MetricsRegistry& operator=(const MetricsRegistry&) = delete;

  // Where families are registered.
  prometheus::Registry& registry() { return *registry_; }

  // Runs `hook` before every collection, in the order added.
  void AddCollectHook(std::function<void()> hook) ABSL_LOCKS_EXCLUDED(mu_);

  // Runs the hooks, then returns every family with its samples, sorted by name (ties
  // cannot occur: names are unique in a registry).
  std::vector<prometheus::MetricFamily> Collect() const ABSL_LOCKS_EXCLUDED(mu_);

  // Collect() in the Prometheus text format; Content-Type
  // "text/plain; version=0.0.4; charset=utf-8".
  std::string RenderText() const;

  // This registry as a prometheus::Collectable whose Collect() is the one above, e.g.
  // for prometheus::Exposer::RegisterCollectable (which keeps a weak reference).
  std::shared_ptr<prometheus::Collectable> collectable() const { return collectable_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::shared_ptr<prometheus::Collectable> collectable_;
  mutable absl::Mutex mu_;
  std::vector<std::function<void()>> hooks_ ABSL_GUARDED_BY(mu_);
};

// The content type of RenderText()'s answer.
inline constexpr char kPrometheusTextContentType[] =
    "text/plain; version=0.0.4; charset=utf-8";

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_METRICS_METRICS_REGISTRY_H_

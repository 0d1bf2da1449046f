#include "service/metrics/metrics_registry.h"

#include <algorithm>
#include <string>
#include <utility>

#include "prometheus/gauge.h"
#include "prometheus/text_serializer.h"
#include "service/metrics/build_info.h"

namespace azubimatch::service {
namespace {

// Collects through the MetricsRegistry, so that an Exposer's scrape runs the hooks.
class HookedCollectable final : public prometheus::Collectable {
 public:
  explicit HookedCollectable(const MetricsRegistry* owner) : owner_(owner) {}
  std::vector<prometheus::MetricFamily> Collect() const override {
    return owner_->Collect();
  }

 private:
  const MetricsRegistry* const owner_;
};

}  // namespace

MetricsRegistry::MetricsRegistry()
    : registry_(std::make_shared<prometheus::Registry>()),
      collectable_(std::make_shared<HookedCollectable>(this)) {
  prometheus::BuildGauge()
      .Name("azubimatch_build_info")
      .Help("The version and commit matchd was built from; always 1")
      .Register(*registry_)
      .Add({{"version", std::string(BuildVersion())},
            {"commit", std::string(BuildCommit())}})
      .Set(1);
}

MetricsRegistry::~MetricsRegistry() = default;

void MetricsRegistry::AddCollectHook(std::function<void()> hook) {
  absl::MutexLock lock(&mu_);
  hooks_.push_back(std::move(hook));
}

std::vector<prometheus::MetricFamily> MetricsRegistry::Collect() const {
  std::vector<prometheus::MetricFamily> families;
  {
    absl::MutexLock lock(&mu_);
    for (const std::function<void()>& hook : hooks_) hook();
    families = registry_->Collect();
  }
  std::sort(families.begin(), families.end(),
            [](const prometheus::MetricFamily& a, const prometheus::MetricFamily& b) {
              return a.name < b.name;
            });
  return families;
}

std::string MetricsRegistry::RenderText() const {
  return prometheus::TextSerializer().Serialize(Collect());
}

}  // namespace azubimatch::service

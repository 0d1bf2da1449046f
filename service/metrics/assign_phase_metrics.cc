#include "service/metrics/assign_phase_metrics.h"

#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace azubimatch::service {
namespace {

// The run on this thread: the phase it is in and since when ("" between runs).
struct CurrentPhase {
  std::string phase;
  absl::Time since;
};
thread_local CurrentPhase current_phase;

const prometheus::Histogram::BucketBoundaries& PhaseBuckets() {
  static const auto* const kBuckets = new prometheus::Histogram::BucketBoundaries{
      0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
  return *kBuckets;
}

}  // namespace

AssignPhaseMetrics::AssignPhaseMetrics(MetricsRegistry* metrics)
    : phase_seconds_(prometheus::BuildHistogram()
                         .Name("azubimatch_assign_phase_seconds")
                         .Help("Time Assign runs spent in each phase (loading, scoring, "
                               "solving, metrics, storing).")
                         .Register(metrics->registry())) {}

void AssignPhaseMetrics::OnRunEvent(absl::string_view event) {
  if (event == "cancelled") return;  // from gRPC's thread; "finished" follows
  const absl::Time now = absl::Now();
  CurrentPhase& current = current_phase;
  if (!current.phase.empty()) {
    phase_seconds_.Add({{"phase", current.phase}}, PhaseBuckets())
        .Observe(absl::ToDoubleSeconds(now - current.since));
  }
  if (event == "finished") {
    current.phase.clear();
  } else {
    current.phase = std::string(event);
    current.since = now;
  }
}

}  // namespace azubimatch::service

// AssignPhaseMetrics: how long Assign runs spend in each phase, as the histogram
//
//   azubimatch_assign_phase_seconds{phase="loading"|"scoring"|"solving"|"metrics"|"storing"}
//
// fed by the run hook of the Matching service (MatchingServiceOptions::run_hook, see
// assign_reactor.h): the hook is called on the run's own thread with each phase the
// run enters and finally with "finished"; the time from one event to the next is the
// phase's duration. A run that stops early (deadline, cancellation, error) records
// the phases it went through, the last one up to where it stopped. "cancelled" comes
// from another thread and is ignored (the run's own "finished" follows).
//
// Thread safety: Hook() may be called from any number of run threads at once; each
// thread keeps its run's current phase in thread-local state (one run per thread).
// Cost: one histogram observation per phase.
#ifndef AZUBIMATCH_SERVICE_METRICS_ASSIGN_PHASE_METRICS_H_
#define AZUBIMATCH_SERVICE_METRICS_ASSIGN_PHASE_METRICS_H_

#include <functional>
#include <string_view>

#include "absl/strings/string_view.h"
#include "prometheus/family.h"
#include "prometheus/histogram.h"
#include "service/metrics/metrics_registry.h"

namespace azubimatch::service {

class AssignPhaseMetrics {
 public:
  // Registers the family on `metrics`, which must outlive this object.
  explicit AssignPhaseMetrics(MetricsRegistry* metrics);

  // Records one run event (a phase name, "finished" or "cancelled").
  void OnRunEvent(absl::string_view event);

  // A run hook calling OnRunEvent(); this object must outlive every run.
  std::function<void(absl::string_view)> Hook() {
    return [this](absl::string_view event) { OnRunEvent(event); };
  }

 private:
  prometheus::Family<prometheus::Histogram>& phase_seconds_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_METRICS_ASSIGN_PHASE_METRICS_H_

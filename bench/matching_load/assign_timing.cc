#include "bench/matching_load/assign_timing.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "bench/matching_load/load_channel.h"
#include "bench/matching_load/process_cpu_time.h"

namespace azubimatch::bench {

absl::StatusOr<AssignTiming> TimeAssign(const std::shared_ptr<grpc::Channel>& channel,
                                        const std::string& api_key,
                                        const v1::AssignRequest& request) {
  std::unique_ptr<v1::Matching::Stub> stub = v1::Matching::NewStub(channel);
  AssignTiming timing;
  bool have_run = false;
  grpc::ClientContext context;
  AddBearer(api_key, &context);
  const double cpu_start = ProcessCpuSeconds();
  const absl::Time start = absl::Now();
  const auto since_start = [start] { return absl::ToDoubleSeconds(absl::Now() - start); };
  std::unique_ptr<grpc::ClientReader<v1::AssignEvent>> reader =
      stub->Assign(&context, request);
  v1::AssignEvent event;
  while (reader->Read(&event)) {
    const double at = since_start();
    if (event.has_progress()) {
      ++timing.progress_events;
      const v1::AssignProgress& progress = event.progress();
      if (timing.phases.empty() || timing.phases.back().name != progress.phase()) {
        if (!timing.phases.empty()) {
          timing.phases.back().seconds = at - timing.phases.back().start_s;
        }
        timing.phases.push_back({.name = progress.phase(), .start_s = at});
      }
      timing.phases.back().done = progress.done();
      timing.phases.back().total = progress.total();
    } else if (event.has_run()) {
      timing.run_event_s = at;
      if (!timing.phases.empty()) {
        timing.phases.back().seconds = at - timing.phases.back().start_s;
      }
      timing.run = std::move(*event.mutable_run());
      timing.run_bytes = static_cast<int64_t>(timing.run.ByteSizeLong());
      have_run = true;
    }
  }
  const grpc::Status status = reader->Finish();
  timing.total_s = since_start();
  timing.cpu_s = ProcessCpuSeconds() - cpu_start;
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                        absl::StrCat("Assign: ", status.error_message()));
  }
  if (!have_run) return absl::InternalError("Assign: stream ended without a run");
  return timing;
}

}  // namespace azubimatch::bench

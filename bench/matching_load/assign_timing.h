// TimeAssign: one Matching.Assign call timed end to end through gRPC — request sent,
// every progress event read, the stored run received — with the time at which each
// phase ("loading", "scoring", "solving", "metrics", "storing") was first reported.
//
// Thread-compatible. Cost: one Assign on the server (one of its max_concurrent_runs).
#ifndef AZUBIMATCH_BENCH_MATCHING_LOAD_ASSIGN_TIMING_H_
#define AZUBIMATCH_BENCH_MATCHING_LOAD_ASSIGN_TIMING_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "azubimatch/v1/matching.pb.h"
#include "grpcpp/grpcpp.h"

namespace azubimatch::bench {

struct AssignPhase {
  std::string name;    // as reported by the server
  double start_s = 0;  // first event of the phase, seconds after the call began
  double seconds = 0;  // until the next phase's first event (or the run event)
  int64_t done = 0;    // of the phase's last event
  int64_t total = 0;
};

struct AssignTiming {
  double total_s = 0;      // call start to stream end (status read)
  double cpu_s = 0;        // process CPU time meanwhile
  double run_event_s = 0;  // call start to the event holding the run
  int64_t progress_events = 0;
  std::vector<AssignPhase> phases;  // in the order first reported
  int64_t run_bytes = 0;            // serialized size of the run
  v1::Run run;                      // the run, for its metrics
};

// Calls Assign with `request` on `channel` as the holder of `api_key` and reads the
// stream to its end. Errors: the RPC's status (converted), or INTERNAL when the stream
// ends without a run.
absl::StatusOr<AssignTiming> TimeAssign(const std::shared_ptr<grpc::Channel>& channel,
                                        const std::string& api_key,
                                        const v1::AssignRequest& request);

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_MATCHING_LOAD_ASSIGN_TIMING_H_

// The server side of the streaming Assign call: runs the assignment on a thread of its
// own (a large run takes seconds; gRPC's callback threads must not block that long),
// streams its progress, and ends with exactly one event holding the stored run.
//
// The work reports through RunControl::Report(phase, done, total), which answers
// DEADLINE_EXCEEDED once the call's deadline has passed and CANCELLED once the client
// cancelled (or went away); the work then stops and returns that status, which ends the
// call. Progress events are streamed only after StreamProgress(true). Only one write is
// in flight at a time; while one is, newer progress replaces the pending one (a slow
// client sees fewer events, never a backlog).
//
// Test hook: `hook`, when set, is called with each new phase name the work reports and
// finally with "finished" (after the work returned, before the call ends), on the run's
// thread, and with "cancelled" from gRPC's thread when the call is cancelled (also by
// its deadline); tests use it to pause a run at a known point.
//
// Thread safety: the reactor is driven by gRPC's threads and the run's thread; its state
// is guarded by one mutex, and gRPC operations are started outside it.
// Lifetime: the reactor deletes itself in OnDone(), after joining the run's thread.
// `on_work_done` runs once, on the run's thread, as soon as the work has returned and
// before the final event or status is written: a limit the run holds is given back
// there, so a caller that has its answer finds the capacity free again.
#ifndef AZUBIMATCH_SERVICE_MATCHING_ASSIGN_REACTOR_H_
#define AZUBIMATCH_SERVICE_MATCHING_ASSIGN_REACTOR_H_

#include <cstdint>
#include <functional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "azubimatch/v1/matching.pb.h"
#include "grpcpp/grpcpp.h"

namespace azubimatch::service {

class RunControl {
 public:
  virtual ~RunControl() = default;

  // Notes the progress of `phase` (streamed when on); OK to go on, else the status the
  // run must stop with.
  virtual absl::Status Report(absl::string_view phase, int64_t done, int64_t total) = 0;

  // Turns the streaming of progress events on or off (off at first).
  virtual void StreamProgress(bool on) = 0;
};

using RunWork = std::function<absl::StatusOr<v1::Run>(RunControl& control)>;
using RunHook = std::function<void(absl::string_view event)>;

// Starts `work` on a new thread and returns the reactor serving the call.
// `on_work_done` (may be empty) is called once the work has returned, before the call's
// final event or status is written.
grpc::ServerWriteReactor<v1::AssignEvent>* StartAssignReactor(
    grpc::CallbackServerContext* context, RunWork work, RunHook hook,
    std::function<void()> on_work_done);

// A reactor that ends the call at once with `status` (a refused request).
grpc::ServerWriteReactor<v1::AssignEvent>* RefuseAssign(const absl::Status& status);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_ASSIGN_REACTOR_H_

#include "service/matching/assign_reactor.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "service/registry/grpc_status.h"

namespace azubimatch::service {
namespace {

class AssignReactor final : public grpc::ServerWriteReactor<v1::AssignEvent>,
                            public RunControl {
 public:
  AssignReactor(grpc::CallbackServerContext* context, RunWork work, RunHook hook,
                std::function<void()> on_work_done)
      : context_(context),
        work_(std::move(work)),
        hook_(std::move(hook)),
        on_work_done_(std::move(on_work_done)) {}

  void Start() {
    worker_ = std::thread([this] { RunWorker(); });
  }

  absl::Status Report(absl::string_view phase, int64_t done, int64_t total) override {
    if (phase != last_phase_) {
      last_phase_ = std::string(phase);
      if (hook_) hook_(phase);
    }
    if (std::chrono::system_clock::now() > context_->deadline()) {
      return absl::DeadlineExceededError(
          absl::StrCat("Assign: deadline exceeded while ", phase));
    }
    if (cancelled_.load() || context_->IsCancelled()) {
      return absl::CancelledError(absl::StrCat("Assign: cancelled while ", phase));
    }
    bool streaming;
    {
      absl::MutexLock lock(&mu_);
      streaming = streaming_;
      if (streaming) {
        v1::AssignProgress* progress = pending_.emplace().mutable_progress();
        progress->set_phase(std::string(phase));
        progress->set_done(done);
        progress->set_total(total);
      }
    }
    if (streaming) MaybeWrite();
    return absl::OkStatus();
  }

  void StreamProgress(bool on) override {
    absl::MutexLock lock(&mu_);
    streaming_ = on;
  }

  void OnWriteDone(bool ok) override {
    {
      absl::MutexLock lock(&mu_);
      in_flight_ = false;
      if (!ok) broken_ = true;
    }
    MaybeWrite();
  }

  void OnCancel() override {
    cancelled_.store(true);
    if (hook_) hook_("cancelled");
  }

  void OnDone() override {
    if (worker_.joinable()) {
      if (worker_.get_id() == std::this_thread::get_id()) {
        worker_.detach();
      } else {
        worker_.join();
      }
    }
    delete this;
  }

 private:
  enum class Action { kNone, kWriteProgress, kWriteRunAndFinish, kFinish };

  void RunWorker() {
    absl::StatusOr<v1::Run> run = work_(*this);
    if (hook_) hook_("finished");
    // Before the answer is written: the caller must find the capacity free again.
    if (on_work_done_) on_work_done_();
    {
      absl::MutexLock lock(&mu_);
      pending_.reset();
      if (run.ok()) {
        final_.mutable_run()->Swap(&*run);
        has_final_ = true;
      } else {
        finish_status_ = ToGrpcStatus(run.status());
      }
      work_done_ = true;
    }
    MaybeWrite();
  }

  // Starts the next write or the finish, if one is due and none is in flight.
  void MaybeWrite() {
    Action action = Action::kNone;
    grpc::Status status;
    {
      absl::MutexLock lock(&mu_);
      if (in_flight_ || finished_) return;
      if (broken_ && !work_done_) return;  // the client is gone; wait for the work
      if (!broken_ && pending_.has_value()) {
        in_flight_message_ = *std::move(pending_);
        pending_.reset();
        in_flight_ = true;
        action = Action::kWriteProgress;
      } else if (work_done_) {
        finished_ = true;
        if (has_final_ && !broken_) {
          action = Action::kWriteRunAndFinish;
        } else {
          action = Action::kFinish;
          status = has_final_ ? grpc::Status(grpc::StatusCode::CANCELLED, "client went away")
                              : finish_status_;
        }
      }
    }
    switch (action) {
      case Action::kWriteProgress:
        StartWrite(&in_flight_message_);
        break;
      case Action::kWriteRunAndFinish:
        StartWriteAndFinish(&final_, grpc::WriteOptions(), grpc::Status::OK);
        break;
      case Action::kFinish:
        Finish(status);
        break;
      case Action::kNone:
        break;
    }
  }

  grpc::CallbackServerContext* const context_;
  const RunWork work_;
  const RunHook hook_;
  const std::function<void()> on_work_done_;
  std::thread worker_;
  std::string last_phase_;  // the run's thread only
  std::atomic<bool> cancelled_{false};

  absl::Mutex mu_;
  bool streaming_ ABSL_GUARDED_BY(mu_) = false;
  std::optional<v1::AssignEvent> pending_ ABSL_GUARDED_BY(mu_);
  bool in_flight_ ABSL_GUARDED_BY(mu_) = false;
  bool broken_ ABSL_GUARDED_BY(mu_) = false;  // a write failed: the client is gone
  bool work_done_ ABSL_GUARDED_BY(mu_) = false;
  bool has_final_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status finish_status_ ABSL_GUARDED_BY(mu_);
  // Written by gRPC while a write is in flight; changed only when none is.
  v1::AssignEvent in_flight_message_;
  v1::AssignEvent final_;
};

class RefusedAssign final : public grpc::ServerWriteReactor<v1::AssignEvent> {
 public:
  explicit RefusedAssign(const absl::Status& status) { Finish(ToGrpcStatus(status)); }
  void OnDone() override { delete this; }
};

}  // namespace

grpc::ServerWriteReactor<v1::AssignEvent>* StartAssignReactor(
    grpc::CallbackServerContext* context, RunWork work, RunHook hook,
    std::function<void()> on_work_done) {
  auto* reactor =
      new AssignReactor(context, std::move(work), std::move(hook), std::move(on_work_done));
  reactor->Start();
  return reactor;
}

grpc::ServerWriteReactor<v1::AssignEvent>* RefuseAssign(const absl::Status& status) {
  return new RefusedAssign(status);
}

}  // namespace azubimatch::service

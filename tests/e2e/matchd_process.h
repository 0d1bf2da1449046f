// MatchdProcess: the real matchd binary as a child process, for end-to-end tests.
//
//   MatchdProcess matchd(AZM_MATCHD_PATH, data_dir, log_path);
//   ASSERT_TRUE(matchd.Start().ok());      // listens on 127.0.0.1:<free port>
//   auto channel = matchd.Channel();
//   matchd.Kill();                         // SIGKILL, as a crash would
//
// Start() runs `matchd --listen 127.0.0.1:0 --data DIR --quiet` with standard error
// going to `log_path`, and waits until matchd prints "matchd listening on HOST:PORT"
// there (the address is taken from that line). AdminKey() returns the bootstrap admin
// key matchd wrote to the data folder; CreateOfficerKey() makes a member's key with it.
//
// Thread safety: one controlling thread. Channel() may be shared by client threads.
#ifndef AZUBIMATCH_TESTS_E2E_MATCHD_PROCESS_H_
#define AZUBIMATCH_TESTS_E2E_MATCHD_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"

namespace azubimatch::service {

// The key in <data_dir>/admin.key (written by matchd before it listens), or "" when
// there is none.
std::string AdminKeyIn(const std::string& data_dir);

// As an operator would: with `admin_key`, creates member `member_name` and an officer
// key for it through the Admin service at `channel`; the officer key. Errors: the
// refused call's status.
absl::StatusOr<std::string> CreateOfficerKey(const std::shared_ptr<grpc::Channel>& channel,
                                             const std::string& admin_key,
                                             const std::string& member_name);

class MatchdProcess {
 public:
  MatchdProcess(std::string binary, std::string data_dir, std::string log_path,
                std::vector<std::string> extra_args = {});
  ~MatchdProcess();  // kills the process if it still runs

  MatchdProcess(const MatchdProcess&) = delete;
  MatchdProcess& operator=(const MatchdProcess&) = delete;

  // Starts matchd and waits up to `timeout` for its listening line. FailedPrecondition
  // when already running; Unavailable when it exits or does not listen in time (the
  // message quotes the end of its log).
  absl::Status Start(absl::Duration timeout = absl::Seconds(30));

  // SIGKILL and reap. No-op when not running.
  void Kill();

  // SIGTERM, and waits for a clean exit; the exit status (0 = clean).
  int Stop();

  bool running() const { return pid_ > 0; }
  // "127.0.0.1:PORT" of the running process.
  const std::string& address() const { return address_; }
  std::shared_ptr<grpc::Channel> Channel() const;

  // The key in <data>/admin.key, or "" when there is none.
  std::string AdminKey() const;

  // The log so far.
  std::string Log() const;

 private:
  const std::string binary_;
  const std::string data_dir_;
  const std::string log_path_;
  const std::vector<std::string> extra_args_;
  pid_t pid_ = -1;
  std::string address_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_E2E_MATCHD_PROCESS_H_

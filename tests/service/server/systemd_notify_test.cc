// The matchd process under systemd's notify protocol, with a fake NOTIFY_SOCKET: it
// sends READY=1 once it serves, WATCHDOG=1 pings when WATCHDOG_USEC is set, STOPPING=1
// on SIGTERM, and exits 0. With --log-format json every line it writes is JSON.
// (Without NOTIFY_SOCKET it runs as before: matchd_process_test.)
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/service/store/scoped_temp_dir.h"

extern char** environ;

namespace azubimatch::service {
namespace {

// A datagram socket playing systemd's notification socket.
class FakeNotifySocket {
 public:
  explicit FakeNotifySocket(const std::string& path) : path_(path) {
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    path.copy(address.sun_path, sizeof(address.sun_path) - 1);
    if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
      ADD_FAILURE() << "cannot bind " << path;
    }
  }
  ~FakeNotifySocket() { close(fd_); }

  // Reads messages until one contains `line` as a whole line; false when none
  // arrives within `timeout` (a bound so that a missing message fails, not hangs).
  bool WaitFor(const std::string& line, absl::Duration timeout = absl::Seconds(60)) {
    const absl::Time deadline = absl::Now() + timeout;
    while (true) {
      for (const std::string& m : messages_) {
        if (absl::StrContains("\n" + m + "\n", "\n" + line + "\n")) return true;
      }
      const absl::Duration left = deadline - absl::Now();
      if (left <= absl::ZeroDuration()) return false;
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(absl::ToInt64Milliseconds(left)) + 1) <= 0) continue;
      char buffer[4096];
      const ssize_t n = recv(fd_, buffer, sizeof(buffer), 0);
      if (n > 0) messages_.emplace_back(buffer, static_cast<size_t>(n));
    }
  }

  int Count(const std::string& line) const {
    int count = 0;
    for (const std::string& m : messages_) {
      if (absl::StrContains("\n" + m + "\n", "\n" + line + "\n")) ++count;
    }
    return count;
  }

 private:
  std::string path_;
  int fd_ = -1;
  std::vector<std::string> messages_;
};

// Starts matchd with `env` added to the environment and standard error to `log`.
pid_t SpawnMatchd(const std::vector<std::string>& args, const std::vector<std::string>& env,
                  const std::string& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> argv_strings = {AZM_MATCHD_PATH};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = env;
  for (char** e = environ; *e != nullptr; ++e) {
    if (!absl::StartsWith(*e, "NOTIFY_SOCKET=") && !absl::StartsWith(*e, "WATCHDOG_")) {
      env_strings.emplace_back(*e);
    }
  }
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, AZM_MATCHD_PATH, &actions, nullptr, argv.data(), envp.data()) != 0) {
    pid = -1;
  }
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

TEST(SystemdNotifyTest, ReadyWatchdogAndStoppingReachTheNotifySocket) {
  ScopedTempDir dir;
  const std::string socket_path = dir.Sub("notify.sock");
  FakeNotifySocket notify(socket_path);
  const std::string log = dir.Sub("matchd.log");
  const pid_t pid = SpawnMatchd(
      {"--listen", "127.0.0.1:0", "--data", dir.Sub("data"), "--log-format", "json"},
      {"NOTIFY_SOCKET=" + socket_path, "WATCHDOG_USEC=200000"}, log);
  ASSERT_GT(pid, 0);

  ASSERT_TRUE(notify.WaitFor("READY=1"));
  // Pings every WATCHDOG_USEC / 2: a few arrive while it serves.
  ASSERT_TRUE(notify.WaitFor("WATCHDOG=1"));
  EXPECT_EQ(notify.Count("STOPPING=1"), 0);
  // READY=1 comes after the listening line (the server serves by then).
  {
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_THAT(text.str(), testing::HasSubstr("matchd listening on 127.0.0.1:"));
  }

  ASSERT_EQ(kill(pid, SIGTERM), 0);
  EXPECT_TRUE(notify.WaitFor("STOPPING=1"));
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);

  // --log-format json: every line matchd wrote is one JSON object with ts, level, msg.
  std::ifstream in(log);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    const nlohmann::json json = nlohmann::json::parse(line);  // throws when not JSON
    EXPECT_TRUE(json.contains("ts") && json.contains("level") && json.contains("msg")) << line;
  }
  EXPECT_GE(lines, 3);  // admin key, listening, SIGTERM, stopped
}

}  // namespace
}  // namespace azubimatch::service

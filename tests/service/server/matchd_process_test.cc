// The matchd executable itself: it writes the bootstrap admin key before it listens,
// reports its bound address, refuses calls without a key, serves an officer whose key
// the admin created, logs each request, shuts down cleanly on SIGTERM and SIGINT (exit
// 0, store closed), keeps its data and keys across restarts, refuses plaintext on a
// non-loopback address, and answers --help and bad flags.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "absl/strings/str_cat.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/e2e/matchd_process.h"
#include "tests/service/registry/sample_records.h"
#include "tests/service/store/scoped_temp_dir.h"

extern char** environ;

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;

// A matchd child process whose standard error (and output) is collected.
class WatchedMatchd {
 public:
  explicit WatchedMatchd(const std::vector<std::string>& args) {
    int fds[2];
    if (pipe(fds) != 0) std::abort();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<std::string> argv_strings = {AZM_MATCHD_PATH};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, AZM_MATCHD_PATH, &actions, nullptr, argv.data(), environ) != 0) {
      std::abort();
    }
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    reader_ = std::thread([this, fd = fds[0]] {
      char buffer[4096];
      ssize_t n;
      while ((n = read(fd, buffer, sizeof(buffer))) > 0) {
        absl::MutexLock lock(&mu_);
        output_.append(buffer, static_cast<size_t>(n));
      }
      close(fd);
      absl::MutexLock lock(&mu_);
      closed_ = true;
    });
  }

  ~WatchedMatchd() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      Wait();
    }
    if (reader_.joinable()) reader_.join();
  }

  // Waits (up to a generous bound, so that a hang fails instead of blocking forever)
  // until the output holds `text`; returns the output.
  std::string WaitFor(const std::string& text) {
    absl::MutexLock lock(&mu_);
    auto ready = [&] { return output_.find(text) != std::string::npos || closed_; };
    mu_.AwaitWithTimeout(absl::Condition(&ready), absl::Seconds(60));
    return output_;
  }

  // The address from "matchd listening on HOST:PORT".
  std::string ListeningAddress() {
    const std::string prefix = "matchd listening on ";
    const std::string out = WaitFor(prefix);
    const size_t at = out.find(prefix);
    if (at == std::string::npos) return "";
    const size_t end = out.find('\n', at);
    if (end == std::string::npos) return "";
    return out.substr(at + prefix.size(), end - at - prefix.size());
  }

  void Signal(int signal_number) { kill(pid_, signal_number); }

  // Waits for the process to exit and returns its wait status.
  int Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    exited_ = true;
    if (reader_.joinable()) reader_.join();
    return status;
  }

  std::string Output() {
    absl::MutexLock lock(&mu_);
    return output_;
  }

 private:
  pid_t pid_ = -1;
  bool exited_ = false;
  std::thread reader_;
  absl::Mutex mu_;
  std::string output_ ABSL_GUARDED_BY(mu_);
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
};

std::unique_ptr<v1::Registry::Stub> Connect(const std::string& address) {
  return v1::Registry::NewStub(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));
}

// A call context carrying `key`.
std::unique_ptr<grpc::ClientContext> WithKey(const std::string& key) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", absl::StrCat("Bearer ", key));
  return context;
}

TEST(MatchdProcessTest, ServesLogsAndShutsDownCleanlyOnSigterm) {
  ScopedTempDir dir;
  std::string company_id;
  std::string officer_key;
  {
    WatchedMatchd matchd({"--listen", "127.0.0.1:0", "--data", dir.Sub("data")});
    const std::string address = matchd.ListeningAddress();
    ASSERT_THAT(address, testing::StartsWith("127.0.0.1:")) << matchd.Output();
    EXPECT_NE(address, "127.0.0.1:0");

    // The admin key was written before matchd listened; the log names the file only.
    const std::string admin_key = AdminKeyIn(dir.Sub("data"));
    ASSERT_FALSE(admin_key.empty());
    EXPECT_THAT(matchd.Output(), HasSubstr(dir.Sub("data") + "/admin.key"));
    EXPECT_THAT(matchd.Output(), testing::Not(HasSubstr(admin_key)));

    v1::CreateCompanyRequest request;
    *request.mutable_company() = SampleCompany("firma-1");
    v1::Company company;
    grpc::ClientContext anonymous;
    EXPECT_EQ(Connect(address)->CreateCompany(&anonymous, request, &company).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
    absl::StatusOr<std::string> key = CreateOfficerKey(
        grpc::CreateChannel(address, grpc::InsecureChannelCredentials()), admin_key,
        "Process test");
    ASSERT_TRUE(key.ok()) << key.status();
    officer_key = *std::move(key);
    ASSERT_TRUE(Connect(address)->CreateCompany(WithKey(officer_key).get(), request, &company).ok());
    company_id = company.id();

    matchd.WaitFor("CreateCompany code=OK");
    matchd.Signal(SIGTERM);
    const int status = matchd.Wait();
    ASSERT_TRUE(WIFEXITED(status)) << matchd.Output();
    EXPECT_EQ(WEXITSTATUS(status), 0) << matchd.Output();
    const std::string output = matchd.Output();
    EXPECT_THAT(output, HasSubstr("rpc=/azubimatch.v1.Registry/CreateCompany code=OK ms="));
    EXPECT_THAT(output, HasSubstr("SIGTERM received"));
    EXPECT_THAT(output, HasSubstr("store closed"));
  }
  {
    // Same folder, new process: the company is there. SIGINT stops it the same way.
    WatchedMatchd matchd({"--listen=127.0.0.1:0", "--data=" + dir.Sub("data"), "--quiet"});
    const std::string address = matchd.ListeningAddress();
    ASSERT_FALSE(address.empty()) << matchd.Output();
    v1::GetRecordRequest get;
    get.set_id(company_id);
    v1::Company company;
    ASSERT_TRUE(Connect(address)->GetCompany(WithKey(officer_key).get(), get, &company).ok());
    EXPECT_EQ(company.external_id(), "firma-1");
    matchd.Signal(SIGINT);
    const int status = matchd.Wait();
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_THAT(matchd.Output(), testing::Not(HasSubstr("rpc=")));  // --quiet
  }
}

TEST(MatchdProcessTest, SecondServerOnTheSameFolderFailsToStart) {
  ScopedTempDir dir;
  WatchedMatchd first({"--listen", "127.0.0.1:0", "--data", dir.Sub("data")});
  ASSERT_FALSE(first.ListeningAddress().empty());
  WatchedMatchd second({"--listen", "127.0.0.1:0", "--data", dir.Sub("data")});
  const int status = second.Wait();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_THAT(second.Output(), HasSubstr("data folder"));
  first.Signal(SIGTERM);
  EXPECT_EQ(WEXITSTATUS(first.Wait()), 0);
}

TEST(MatchdProcessTest, PlaintextOnANonLoopbackAddressIsRefused) {
  ScopedTempDir dir;
  WatchedMatchd matchd({"--listen", "0.0.0.0:0", "--data", dir.Sub("data")});
  const int status = matchd.Wait();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_THAT(matchd.Output(), HasSubstr("--allow-insecure"));
}

TEST(MatchdProcessTest, HelpExitsZeroAndBadFlagsExitTwo) {
  WatchedMatchd help({"--help"});
  int status = help.Wait();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_THAT(help.Output(), HasSubstr("--listen HOST:PORT"));

  WatchedMatchd bad({"--listen", "nowhere"});
  status = bad.Wait();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_THAT(bad.Output(), HasSubstr("--listen: bad value"));
}

}  // namespace
}  // namespace azubimatch::service

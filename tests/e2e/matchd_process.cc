#include "tests/e2e/matchd_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "azubimatch/v1/admin.grpc.pb.h"

namespace azubimatch::service {
namespace {

constexpr char kListeningLine[] = "matchd listening on ";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A call context carrying `admin_key`, with a deadline.
std::unique_ptr<grpc::ClientContext> AdminCall(const std::string& admin_key) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(10)));
  context->AddMetadata("authorization", absl::StrCat("Bearer ", admin_key));
  return context;
}

absl::Status ToAbsl(const grpc::Status& status, const char* what) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(what, ": ", status.error_message()));
}

}  // namespace

std::string AdminKeyIn(const std::string& data_dir) {
  return std::string(absl::StripAsciiWhitespace(ReadFile(data_dir + "/admin.key")));
}

absl::StatusOr<std::string> CreateOfficerKey(const std::shared_ptr<grpc::Channel>& channel,
                                             const std::string& admin_key,
                                             const std::string& member_name) {
  const auto admin = v1::Admin::NewStub(channel);
  v1::CreateMemberRequest member_request;
  member_request.set_name(member_name);
  v1::Member member;
  absl::Status status = ToAbsl(
      admin->CreateMember(AdminCall(admin_key).get(), member_request, &member), "CreateMember");
  if (!status.ok()) return status;
  v1::CreateApiKeyRequest key_request;
  key_request.set_member_id(member.id());
  key_request.set_role("officer");
  v1::CreateApiKeyResponse key;
  status = ToAbsl(admin->CreateApiKey(AdminCall(admin_key).get(), key_request, &key),
                  "CreateApiKey");
  if (!status.ok()) return status;
  return key.key();
}

MatchdProcess::MatchdProcess(std::string binary, std::string data_dir,
                             std::string log_path, std::vector<std::string> extra_args)
    : binary_(std::move(binary)),
      data_dir_(std::move(data_dir)),
      log_path_(std::move(log_path)),
      extra_args_(std::move(extra_args)) {}

MatchdProcess::~MatchdProcess() { Kill(); }

absl::Status MatchdProcess::Start(absl::Duration timeout) {
  if (running()) return absl::FailedPreconditionError("matchd already runs");
  std::vector<std::string> args = {binary_,  "--listen", "127.0.0.1:0",
                                   "--data", data_dir_,  "--quiet"};
  args.insert(args.end(), extra_args_.begin(), extra_args_.end());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const int log_fd =
      ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (log_fd < 0) return absl::UnavailableError(absl::StrCat("cannot open ", log_path_));
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(log_fd);
    return absl::UnavailableError("fork failed");
  }
  if (pid == 0) {
    ::dup2(log_fd, STDERR_FILENO);
    ::dup2(log_fd, STDOUT_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(log_fd);
  pid_ = pid;

  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    const std::string log = ReadFile(log_path_);
    const size_t at = log.find(kListeningLine);
    const size_t end = at == std::string::npos ? at : log.find('\n', at);
    if (end != std::string::npos) {
      address_ = std::string(absl::StripAsciiWhitespace(log.substr(
          at + sizeof(kListeningLine) - 1, end - at - sizeof(kListeningLine) + 1)));
      return absl::OkStatus();
    }
    int wait_status = 0;
    if (::waitpid(pid_, &wait_status, WNOHANG) == pid_) {
      pid_ = -1;
      return absl::UnavailableError(absl::StrCat(
          "matchd exited before listening (status ", wait_status, "): ", log));
    }
    absl::SleepFor(absl::Milliseconds(2));
  }
  const std::string log = ReadFile(log_path_);
  Kill();
  return absl::UnavailableError(absl::StrCat("matchd did not listen in time: ", log));
}

void MatchdProcess::Kill() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  int wait_status = 0;
  ::waitpid(pid_, &wait_status, 0);
  pid_ = -1;
}

int MatchdProcess::Stop() {
  if (!running()) return 0;
  ::kill(pid_, SIGTERM);
  int wait_status = 0;
  ::waitpid(pid_, &wait_status, 0);
  pid_ = -1;
  return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

std::shared_ptr<grpc::Channel> MatchdProcess::Channel() const {
  return grpc::CreateChannel(address_, grpc::InsecureChannelCredentials());
}

std::string MatchdProcess::AdminKey() const { return AdminKeyIn(data_dir_); }

std::string MatchdProcess::Log() const { return ReadFile(log_path_); }

}  // namespace azubimatch::service

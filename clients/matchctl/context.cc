#include <chrono>
#include <ostream>

#include "absl/strings/str_cat.h"
#include "clients/matchctl/command.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/rpc_error.h"

namespace azubimatch::matchctl {

// Replies larger than gRPC's 4 MiB default (a page of 1000 candidates with all their
// fields) must still arrive.
constexpr int kMaxReceiveMessageBytes = 64 << 20;

Context::Context(GlobalOptions options, std::istream& in, std::ostream& out,
                 std::ostream& err, bool err_is_terminal)
    : options_(std::move(options)),
      in_(in),
      out_(out),
      err_(err),
      err_is_terminal_(err_is_terminal) {}

std::shared_ptr<grpc::Channel> Context::channel() {
  if (channel_ == nullptr) {
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(kMaxReceiveMessageBytes);
    // ExtractGlobalFlags made TLS credentials when --tls-ca/--tls-cert/--tls-key were
    // given; plaintext otherwise.
    std::shared_ptr<grpc::ChannelCredentials> credentials =
        options_.channel_credentials != nullptr ? options_.channel_credentials
                                                : grpc::InsecureChannelCredentials();
    channel_ = grpc::CreateCustomChannel(options_.server, credentials, arguments);
  }
  return channel_;
}

void Context::PrepareCall(grpc::ClientContext* call,
                          absl::Duration default_timeout) const {
  const absl::Duration timeout =
      options_.timeout > absl::ZeroDuration() ? options_.timeout : default_timeout;
  call->set_deadline(std::chrono::system_clock::now() +
                     absl::ToChronoMilliseconds(timeout));
  if (!options_.api_key.empty()) {
    call->AddMetadata("authorization", absl::StrCat("Bearer ", options_.api_key));
  }
}

void Context::PrintJsonObject(const std::function<void(JsonWriter& json)>& write_members) {
  std::string text;
  JsonWriter json(&text);
  json.BeginObject();
  write_members(json);
  json.EndObject();
  out_ << text << "\n";
}

int Context::UsageError(absl::string_view message) {
  if (command_ == nullptr) {
    err_ << "matchctl: " << message << "\n(matchctl --help for more)\n";
    return kExitUsage;
  }
  const absl::string_view usage =
      absl::string_view(command_->usage).substr(0, command_->usage.find('\n'));
  err_ << "matchctl " << command_->name << ": " << message << "\nusage: " << usage
       << "\n(matchctl " << command_->name << " --help for more)\n";
  return kExitUsage;
}

int Context::InputError(absl::string_view message) {
  err_ << "matchctl: " << message << "\n";
  return kExitUsage;
}

int Context::RpcError(const grpc::Status& status) {
  err_ << "matchctl: " << FormatRpcError(status);
  // A TLS server closes a plaintext connection (and a plaintext server fails the TLS
  // handshake) without saying why: name the flags that decide it.
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
    if (options_.tls.enabled()) {
      err_ << "matchctl: no TLS connection to " << options_.server
           << ": check that --tls-ca names the CA of matchd's certificate (and "
              "--tls-cert/--tls-key when matchd requires client certificates)\n";
    } else {
      err_ << "matchctl: no plaintext connection to " << options_.server
           << ": if matchd serves TLS, give --tls-ca FILE (the CA of its certificate)\n";
    }
  }
  return kExitRefused;
}

}  // namespace azubimatch::matchctl

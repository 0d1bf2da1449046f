#include "service/server/request_log.h"

#include <array>
#include <cstdio>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "grpcpp/server_context.h"

namespace azubimatch::service {
namespace {

class RequestLogInterceptor final : public grpc::experimental::Interceptor {
 public:
  RequestLogInterceptor(grpc::experimental::ServerRpcInfo* info, const LogSink* sink)
      : method_(info->method() != nullptr ? info->method() : "?"),
        context_(info->server_context()),
        sink_(sink),
        start_(absl::Now()) {}

  ~RequestLogInterceptor() override {
    // A call torn down without sending a status (e.g. cancelled by the client).
    if (!logged_) Log(grpc::StatusCode::CANCELLED);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
      Log(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  void Log(grpc::StatusCode code) {
    logged_ = true;
    const absl::Time now = absl::Now();
    std::string peer = context_ != nullptr ? context_->peer() : std::string();
    (*sink_)(FormatRequestLogLine(now, method_, code, now - start_, peer));
  }

  const std::string method_;
  grpc::ServerContextBase* const context_;
  const LogSink* const sink_;
  const absl::Time start_;
  bool logged_ = false;
};

}  // namespace

LogSink SinkOrStderr(LogSink sink) {
  return sink ? std::move(sink) : LogSink(WriteToStderr);
}

void WriteToStderr(std::string_view line) {
  std::string text(line);
  text.push_back('\n');
  std::fwrite(text.data(), 1, text.size(), stderr);
}

std::string_view StatusCodeName(grpc::StatusCode code) {
  // gRPC and Abseil share the canonical codes and their names.
  const int value = static_cast<int>(code);
  if (value < 0 || value > 16) return "UNKNOWN";
  static const auto* const kNames = [] {
    auto* names = new std::array<std::string, 17>();
    for (int i = 0; i <= 16; ++i) {
      (*names)[i] = absl::StatusCodeToString(static_cast<absl::StatusCode>(i));
    }
    return names;
  }();
  return (*kNames)[value];
}

std::string FormatRequestLogLine(absl::Time now, std::string_view method,
                                 grpc::StatusCode code, absl::Duration elapsed,
                                 std::string_view peer) {
  return absl::StrFormat(
      "ts=%s rpc=%s code=%s ms=%.3f peer=%s",
      absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", now, absl::UTCTimeZone()),
      std::string(method), std::string(StatusCodeName(code)),
      absl::ToDoubleMilliseconds(elapsed), peer.empty() ? std::string("-") : std::string(peer));
}

grpc::experimental::Interceptor* RequestLogInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new RequestLogInterceptor(info, &sink_);
}

}  // namespace azubimatch::service

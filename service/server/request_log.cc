#include "service/server/request_log.h"

#include <array>
#include <atomic>
#include <iterator>
#include <cstdio>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "grpcpp/server_context.h"
#include "service/auth/secure_random.h"

namespace azubimatch::service {
namespace {

class RequestLogInterceptor final : public grpc::experimental::Interceptor {
 public:
  RequestLogInterceptor(grpc::experimental::ServerRpcInfo* info, const LogSink* sink,
                        const RequestLogOptions* options)
      : method_(info->method() != nullptr ? info->method() : "?"),
        context_(info->server_context()),
        sink_(sink),
        options_(options),
        start_(absl::Now()) {}

  ~RequestLogInterceptor() override {
    // A call torn down without sending a status (e.g. cancelled by the client).
    if (!logged_) Log(grpc::StatusCode::CANCELLED);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
      if (auto* trailing = methods->GetSendTrailingMetadata()) {
        trailing->emplace(kRequestIdMetadata, RequestId());
      }
      Log(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  // The client's usable x-request-id, else a new one; the same for the whole call.
  const std::string& RequestId() {
    if (!request_id_.empty()) return request_id_;
    if (context_ != nullptr) {
      auto [begin, end] = context_->client_metadata().equal_range(kRequestIdMetadata);
      if (begin != end && std::next(begin) == end) {
        const std::string_view given(begin->second.data(), begin->second.size());
        if (IsUsableRequestId(given)) request_id_ = std::string(given);
      }
    }
    if (request_id_.empty()) request_id_ = NewRequestId();
    return request_id_;
  }

  void Log(grpc::StatusCode code) {
    logged_ = true;
    if (!options_->log_requests) return;
    RequestLogEntry entry;
    entry.time = absl::Now();
    entry.method = method_;
    entry.code = code;
    entry.elapsed = entry.time - start_;
    if (context_ != nullptr) {
      entry.peer = context_->peer();
      if (options_->resolver != nullptr) {
        if (absl::StatusOr<Caller> caller = options_->resolver->Resolve(*context_);
            caller.ok()) {
          entry.member = caller->member_id;
        }
      }
    }
    entry.request_id = RequestId();
    (*sink_)(FormatRequestLogLine(entry, options_->format));
  }

  const std::string method_;
  grpc::ServerContextBase* const context_;
  const LogSink* const sink_;
  const RequestLogOptions* const options_;
  const absl::Time start_;
  std::string request_id_;
  bool logged_ = false;
};

// Whether `code` is a fault of the server rather than of the request.
bool IsServerFault(grpc::StatusCode code) {
  return code == grpc::StatusCode::UNKNOWN || code == grpc::StatusCode::INTERNAL ||
         code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DATA_LOSS;
}

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

std::string FormatRequestLogLine(const RequestLogEntry& entry, LogFormat format) {
  const std::string code(StatusCodeName(entry.code));
  const double ms = absl::ToDoubleMilliseconds(entry.elapsed);
  if (format == LogFormat::kText) {
    std::string line = absl::StrFormat(
        "ts=%s rpc=%s code=%s ms=%.3f peer=%s", LogTimestamp(entry.time), entry.method, code,
        ms, entry.peer.empty() ? std::string("-") : entry.peer);
    if (!entry.member.empty()) absl::StrAppend(&line, " member=", entry.member);
    if (!entry.request_id.empty()) absl::StrAppend(&line, " request_id=", entry.request_id);
    return line;
  }
  return absl::StrCat(
      "{\"ts\":\"", LogTimestamp(entry.time), "\",\"level\":\"",
      std::string(LogLevelName(IsServerFault(entry.code) ? LogLevel::kError : LogLevel::kInfo)),
      "\",\"msg\":\"request\",\"rpc\":", JsonQuote(entry.method), ",\"code\":\"", code,
      "\",\"ms\":", absl::StrFormat("%.3f", ms),
      ",\"member\":", entry.member.empty() ? std::string("null") : JsonQuote(entry.member),
      ",\"request_id\":",
      entry.request_id.empty() ? std::string("null") : JsonQuote(entry.request_id),
      ",\"peer\":", JsonQuote(entry.peer), "}");
}

std::string FormatRequestLogLine(absl::Time now, std::string_view method,
                                 grpc::StatusCode code, absl::Duration elapsed,
                                 std::string_view peer) {
  RequestLogEntry entry;
  entry.time = now;
  entry.method = std::string(method);
  entry.code = code;
  entry.elapsed = elapsed;
  entry.peer = std::string(peer);
  return FormatRequestLogLine(entry, LogFormat::kText);
}

grpc::experimental::Interceptor* RequestLogInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new RequestLogInterceptor(info, &sink_, &options_);
}

}  // namespace azubimatch::service

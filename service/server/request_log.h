// Request logging and request ids: one line per gRPC request, written just before the
// server sends the call's status (or, for a call that ends without one, when it is torn
// down), and an `x-request-id` in every call's trailing metadata.
//
// Text (LogFormat::kText):
//
//   ts=2025-01-31T09:15:02.123456Z rpc=/azubimatch.v1.Registry/GetOffer code=OK ms=0.412 peer=ipv4:127.0.0.1:51234 member=m1 request_id=4f1c...
//
// Keys in that order; values never contain spaces; member and request_id are left out
// when unknown. JSON (LogFormat::kJson), one object per line:
//
//   {"ts":"2025-01-31T09:15:02.123456Z","level":"info","msg":"request","rpc":"/azubimatch.v1.Registry/GetOffer","code":"OK","ms":0.412,"member":"m1","request_id":"4f1c...","peer":"ipv4:127.0.0.1:51234"}
//
// `level` is "error" for codes that mean a fault of the server (UNKNOWN, INTERNAL,
// UNAVAILABLE, DATA_LOSS), else "info"; `member` is null when the call has no valid
// key. The line never holds request contents, error messages, API keys or key ids
// (they may carry personal data or secrets), only the method, the status code name,
// the handling time in milliseconds, the caller's member id, the request id and the
// peer address.
//
// Request id: the client's `x-request-id` metadata when it is 1..128 characters of
// [A-Za-z0-9._:-] (so it cannot forge log lines), else a new random id of 32
// characters [0-9a-z]. Either is sent back as `x-request-id` in the trailing metadata,
// also when request lines are switched off.
//
// Thread safety: the sink is called from gRPC's threads, one call per line; it must be
// thread-safe. Cost: O(1) per request plus the sink, and with a resolver one caller
// lookup (one store read and one SHA-256) per request.
#ifndef AZUBIMATCH_SERVICE_SERVER_REQUEST_LOG_H_
#define AZUBIMATCH_SERVICE_SERVER_REQUEST_LOG_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "grpcpp/support/server_interceptor.h"
#include "grpcpp/support/status.h"
#include "service/registry/caller_resolver.h"
#include "service/rpc/request_id.h"
#include "service/server/log_line.h"

namespace azubimatch::service {

// Writes `line` and a newline to standard error in one call.
void WriteToStderr(std::string_view line);

// `sink`, or WriteToStderr when `sink` is empty (ServerOptions::log_sink's default).
LogSink SinkOrStderr(LogSink sink);

// What one request line says.
struct RequestLogEntry {
  absl::Time time;
  std::string method;
  grpc::StatusCode code = grpc::StatusCode::OK;
  absl::Duration elapsed;
  std::string peer;
  std::string member;      // "" when unknown
  std::string request_id;  // "" when none
};

// The log line of one request in `format`.
std::string FormatRequestLogLine(const RequestLogEntry& entry, LogFormat format);

// The text line of a request without member and request id.
std::string FormatRequestLogLine(absl::Time now, std::string_view method,
                                 grpc::StatusCode code, absl::Duration elapsed,
                                 std::string_view peer);

// The name of a gRPC status code as in the gRPC spec, e.g. "INVALID_ARGUMENT".
std::string_view StatusCodeName(grpc::StatusCode code);

struct RequestLogOptions {
  // Write one line per request; false only returns request ids.
  // Default: true.
  bool log_requests = true;
  // Default: kText.
  LogFormat format = LogFormat::kText;
  // Finds the member of a call for the line; not owned, must outlive the server.
  // Default: nullptr (no member in the lines).
  CallerResolver* resolver = nullptr;
};

// Creates one logging interceptor per call.
class RequestLogInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit RequestLogInterceptorFactory(LogSink sink, RequestLogOptions options = {})
      : sink_(std::move(sink)), options_(options) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  const LogSink sink_;
  const RequestLogOptions options_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_REQUEST_LOG_H_

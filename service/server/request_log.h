// Request logging: one structured line per gRPC request, written just before the server sends
// the call's status (or, for a call that ends without one, when it is torn down):
//
//   ts=2025-01-31T09:15:02.123456Z rpc=/azubimatch.v1.Registry/GetOffer code=OK ms=0.412 peer=ipv4:127.0.0.1:51234
//
// Keys in that order; values never contain spaces. The line never holds request
// contents or error messages (they may carry personal data), only the method, the
// status code name, the handling time in milliseconds and the peer address.
//
// Thread safety: the sink is called from gRPC's threads, one call per line; it must be
// thread-safe. Cost: O(1) per request plus the sink.
#ifndef AZUBIMATCH_SERVICE_SERVER_REQUEST_LOG_H_
#define AZUBIMATCH_SERVICE_SERVER_REQUEST_LOG_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "grpcpp/support/server_interceptor.h"
#include "grpcpp/support/status.h"

namespace azubimatch::service {

using LogSink = std::function<void(std::string_view line)>;

// Writes `line` and a newline to standard error in one call.
void WriteToStderr(std::string_view line);

// `sink`, or WriteToStderr when `sink` is empty (ServerOptions::log_sink's default).
LogSink SinkOrStderr(LogSink sink);

// The log line of one request.
std::string FormatRequestLogLine(absl::Time now, std::string_view method,
                                 grpc::StatusCode code, absl::Duration elapsed,
                                 std::string_view peer);

// The name of a gRPC status code as in the gRPC spec, e.g. "INVALID_ARGUMENT".
std::string_view StatusCodeName(grpc::StatusCode code);

// Creates one logging interceptor per call.
class RequestLogInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit RequestLogInterceptorFactory(LogSink sink) : sink_(std::move(sink)) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  const LogSink sink_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_REQUEST_LOG_H_

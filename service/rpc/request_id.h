// Request ids: the `x-request-id` a client may send with a call (gRPC metadata or HTTP
// header), or one made up, so that a call can be followed through logs. The request
// log returns it in the trailing metadata; the HTTP gateway in the X-Request-Id header.
//
// Thread safety: pure functions; NewRequestId may be called from any thread.
#ifndef AZUBIMATCH_SERVICE_RPC_REQUEST_ID_H_
#define AZUBIMATCH_SERVICE_RPC_REQUEST_ID_H_

#include <string>
#include <string_view>

namespace azubimatch::service {

// The metadata key of request ids, in requests and trailing metadata.
inline constexpr char kRequestIdMetadata[] = "x-request-id";

// Whether a client's request id may be used as is: 1..128 characters of
// [A-Za-z0-9._:-] (nothing that could forge a log line).
bool IsUsableRequestId(std::string_view id);

// A new request id: 32 random characters of [0-9a-z].
std::string NewRequestId();

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_RPC_REQUEST_ID_H_

// HttpGateway: matchd's HTTP/JSON face. It serves every RPC of azubimatch.v1 on the
// route its google.api.http annotation gives (route_table.h), by transcoding: each
// HTTP request becomes one call of the RPC on the gRPC server's in-process channel
// (GenericCall), so handlers, member visibility, audit, the request log and every
// other interceptor run exactly as for a gRPC client. No handler logic lives here.
//
// Per request:
//   1. CORS (HttpOptions::cors_origins): allowed origins get Access-Control-* headers;
//      an OPTIONS preflight is answered here (204), or refused (403) for other origins.
//   2. GET /openapi.json answers the OpenAPI document generated at build time (no key);
//      GET /metrics answers HttpExtras::metrics_text when set (no key: the figures hold
//      no personal data, and scrapers carry none). GET of a path HttpExtras::static_file
//      knows (the web console's page and files) answers that file without a key: it is
//      static and holds no data; every data call of the page carries the user's key.
//      Static files carry a Content-Security-Policy that allows this origin only, an
//      ETag (If-None-Match answers 304) and `Cache-Control: no-cache` (revalidate).
//   3. The route: unknown path 404, known path with another method 405 (with Allow).
//   4. The auth step (`auth`, the same RequestAuthenticator the gRPC port runs: key,
//      role, rate limit) on the RPC's full name and the `Authorization` header values;
//      a refusal is answered with its status (401, 403, 429). The in-process channel
//      has no port credentials, so the gateway runs the step where the port would.
//   5. The request message (request_transcoding.h); bad input 400, nothing called.
//   6. The call, forwarding `Authorization` and `X-Request-Id` as metadata; the answer
//      is the response as JSON (200) or the status as google.rpc.Status JSON
//      (http_status.h). Every answer carries X-Request-Id: the client's when it is
//      usable (service/rpc/request_id.h), else a new one; the call gets the same id.
// Streams: a client-streaming RPC (Import) takes a JSON array or NDJSON body, one
// message per element or line, parsed completely before the call starts (bad input
// writes nothing). A server-streaming RPC (Assign) answers with its last message (its
// response_body field, e.g. the Run), or, with `Accept: text/event-stream`, streams
// every message as a server-sent event named after the message's set oneof field
// ("event: progress", "event: run"); a failure after the first event ends the stream
// with "event: error" and the Status JSON.
// Limits: bodies over max_body_bytes 413; read and write timeouts for slow clients;
// malformed HTTP 400. Every error body is a google.rpc.Status.
//
// Every answered request is reported to HttpExtras::observe (when set) with its route
// template, never its path, so that metrics stay bounded.
//
// Thread safety: Start/Stop from one controlling thread; requests are served on the
// gateway's own worker threads (HttpOptions::threads); the extras are called on them.
#ifndef AZUBIMATCH_SERVICE_HTTP_HTTP_GATEWAY_H_
#define AZUBIMATCH_SERVICE_HTTP_HTTP_GATEWAY_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "service/transport/tls_options.h"
#include "service/http/http_options.h"

namespace azubimatch::service {

// The auth step for one call: OK, or the status to refuse it with.
using HttpAuthStep = std::function<absl::Status(
    std::string_view grpc_method, const std::vector<std::string_view>& authorization)>;

// A file served as it is (the web console's), from memory that outlives the gateway.
struct HttpStaticFile {
  std::string_view content_type;
  std::string_view etag;  // quoted, e.g. "\"3f2a...\""
  std::string_view body;
};

// What the gateway serves besides the API; each part is optional.
struct HttpExtras {
  // The file served for a GET of `path` (no key), or nullopt; consulted before the API
  // routes, so it must know no path under /v1/. Unset: no static files.
  std::function<std::optional<HttpStaticFile>(std::string_view path)> static_file;
  // The answer of GET /metrics (Prometheus text format); unset: /metrics is 404.
  std::function<std::string()> metrics_text;
  // Called once per answered request with its method, the route template
  // ("/v1/candidates/{id}", "/openapi.json", "/metrics", or "unmatched"), the HTTP
  // status and the time the handler took (for a stream: until its answer began).
  std::function<void(const std::string& method, const std::string& route, int status,
                     absl::Duration elapsed)>
      observe;
};

class HttpGateway {
 public:
  // Binds options.listen_address and starts serving on background threads. `channel`
  // reaches the gRPC server (its in-process channel); `auth` may be empty only when
  // the server authenticates nothing (ServerOptions::require_api_keys false).
  // Errors: FAILED_PRECONDITION for plaintext on a non-loopback address without
  // `allow_insecure`; INVALID_ARGUMENT for unusable TLS files; UNAVAILABLE when the
  // address cannot be bound; INTERNAL when the annotations give no route table.
  static absl::StatusOr<std::unique_ptr<HttpGateway>> Start(
      const HttpOptions& options, const TlsServerOptions& tls, bool allow_insecure,
      std::shared_ptr<grpc::Channel> channel, HttpAuthStep auth, HttpExtras extras = {});

  // Stops (see Stop()).
  ~HttpGateway();

  HttpGateway(const HttpGateway&) = delete;
  HttpGateway& operator=(const HttpGateway&) = delete;

  // The bound port.
  int port() const;

  // Stops accepting connections and returns at once; requests in flight go on.
  void BeginStop();

  // BeginStop(), then waits until the requests in flight are finished. Idempotent.
  void Stop();

  class Impl;

 private:
  explicit HttpGateway(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The OpenAPI 3 document of the API, generated from the protos at build time.
std::string_view OpenApiDocument();

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_HTTP_HTTP_GATEWAY_H_

// HttpOptions: the HTTP/JSON face of matchd (http_gateway.h). A plain struct with safe
// defaults, held by ServerOptions::http and filled from --http-listen and
// --http-cors-origin.
#ifndef AZUBIMATCH_SERVICE_HTTP_HTTP_OPTIONS_H_
#define AZUBIMATCH_SERVICE_HTTP_HTTP_OPTIONS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace azubimatch::service {

struct HttpOptions {
  // HOST:PORT to serve HTTP/JSON on; port 0 picks a free port. Empty turns HTTP off.
  // The same rule as the gRPC port applies: plaintext only on loopback addresses unless
  // allow_insecure; with TLS configured for gRPC, HTTP serves HTTPS with the same
  // certificate (and client CA).
  // Default: "" (off).
  std::string listen_address;

  // Origins (scheme://host[:port], exact match; "*" for any) whose browser pages may
  // call the API: their preflight requests are answered and responses carry
  // Access-Control-Allow-Origin. Empty sends no CORS headers at all, so browsers on
  // other origins are refused by their own same-origin policy.
  // Default: empty.
  std::vector<std::string> cors_origins;

  // Largest request body; above it the answer is 413 and nothing is read further. The
  // same bound as a gRPC request message by default; an Import of many records may
  // need it larger (or several requests).
  // Default: 16 MiB.
  size_t max_body_bytes = 16 << 20;

  // A client that sends nothing for this long while a request is being read (headers
  // or body) is disconnected, so slow clients cannot hold the server's threads.
  // Default: 10 seconds.
  absl::Duration read_timeout = absl::Seconds(10);

  // A client that takes nothing for this long while the answer is written is
  // disconnected.
  // Default: 10 seconds.
  absl::Duration write_timeout = absl::Seconds(10);

  // Deadline of the gRPC call behind each request. Assign on a large pool takes seconds;
  // the bound only stops calls that would otherwise hang.
  // Default: 5 minutes.
  absl::Duration call_timeout = absl::Minutes(5);

  // Worker threads. Each open connection holds one while it is served or kept alive
  // (up to 5 s idle), so this bounds concurrent HTTP clients; further ones wait.
  // Default: 32.
  int threads = 32;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_HTTP_HTTP_OPTIONS_H_

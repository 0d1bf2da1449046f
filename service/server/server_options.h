// ServerOptions: everything matchd needs to know to serve. A plain struct with safe
// defaults; matchd_flags.h fills it from the command line.
#ifndef AZUBIMATCH_SERVICE_SERVER_SERVER_OPTIONS_H_
#define AZUBIMATCH_SERVICE_SERVER_SERVER_OPTIONS_H_

#include <functional>
#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "service/auth/access_control.h"
#include "service/http/http_options.h"
#include "service/overload/in_flight_limiter.h"
#include "service/server/log_line.h"
#include "service/transport/tls_options.h"

namespace azubimatch::service {

struct ServerOptions {
  // HOST:PORT to listen on. Port 0 picks a free port (Server::port() tells which).
  // Loopback by default: the service holds personal data, so exposing it to a network
  // must be an explicit choice (TLS, or allow_insecure).
  // Default: "127.0.0.1:50051".
  std::string listen_address = "127.0.0.1:50051";

  // The RocksDB data folder; created when missing. One server per folder (RocksDB
  // locks it).
  // Default: "./data".
  std::string data_dir = "./data";

  // fsync every write before it is acknowledged. The registry holds personal data;
  // an acknowledged write must survive a power loss, not only a crash. Only bulk loads
  // that can be repeated should turn it off.
  // Default: true.
  bool sync_writes = true;

  // Largest request message the server accepts (RESOURCE_EXHAUSTED above it). Bounds
  // the memory one message can take; an Import streams many small messages instead.
  // Default: 16 MiB.
  int max_receive_message_bytes = 16 << 20;

  // Largest response message the server sends. A full page of 1000 records stays well
  // below it.
  // Default: 16 MiB.
  int max_send_message_bytes = 16 << 20;

  // On shutdown, how long in-flight calls may run before they are cancelled.
  // Default: 10 seconds.
  absl::Duration shutdown_grace = absl::Seconds(10);

  // Records per WriteBatch in Registry.Import (RegistryServiceOptions).
  // Default: 500.
  int import_batch_size = 500;

  // Largest page a listing may ask for (RecordStoreOptions).
  // Default: 1000.
  int max_page_size = 1000;

  // Write one structured line per request ("ts=... rpc=... code=... ms=... peer=...").
  // Default: true.
  bool log_requests = true;

  // How log lines are written: kText (messages as they are, request lines as
  // key=value pairs) or kJson (one JSON object per line, log_line.h), for log
  // collectors such as journald exports, Loki or Elasticsearch.
  // Default: kText.
  LogFormat log_format = LogFormat::kText;

  // Every call must carry `authorization: Bearer <key>` of an active API key whose
  // role allows the method (service/auth/ACCESS.md); calls are rate-limited per key
  // and audited, and a fresh data folder gets <data_dir>/admin.key. False serves
  // every call as DefaultCaller() (an officer of "default-member") with no keys,
  // roles, rate limit or audit: only for tests of the services behind the auth step.
  // matchd has no flag to turn it off.
  // Default: true.
  bool require_api_keys = true;

  // TLS (and mutual TLS with a client CA) for the listening port. Without it the
  // server listens only on loopback addresses unless allow_insecure is set.
  // Default: no TLS.
  TlsServerOptions tls;

  // HOST:PORT of a second, plaintext port serving only grpc.health.v1.Health (no
  // key, no other service): for probes that cannot do TLS, such as Kubernetes' gRPC
  // probes (health_listener.h). Used by RunServer.
  // Default: "" (none; health is served on listen_address only).
  std::string health_listen;

  // Serve plaintext on a non-loopback address (e.g. behind a TLS-terminating proxy).
  // Default: false.
  bool allow_insecure = false;

  // Rate limit per API key (AccessControlOptions).
  // Default: AccessControlOptions{} (2000 requests/s, burst 4000).
  AccessControlOptions access;

  // The server-wide bound on calls in flight, beyond which calls are refused at once
  // with RESOURCE_EXHAUSTED and a google.rpc.RetryInfo (in_flight_limiter.h); health
  // checks are never refused.
  // Default: InFlightLimitOptions{} (256 calls, retry after 100 ms).
  InFlightLimitOptions in_flight;

  // HOST:PORT serving GET /metrics in the Prometheus text format over plain HTTP
  // (server_metrics.h); port 0 picks a free port. Loopback only unless allow_insecure.
  // Default: "" (not served; Server::metrics() still collects).
  std::string metrics_listen;

  // Folder Admin.CreateBackup writes into; must lie outside data_dir.
  // Default: "" (CreateBackup answers FAILED_PRECONDITION).
  std::string backup_dir;

  // When set, Server::Open first restores the newest backup in this folder into
  // data_dir and re-applies every erasure the data folder knew (ledger_restore.h).
  // Default: "" (no restore).
  std::string restore_from;

  // The HTTP/JSON face (--http-listen, --http-cors-origin): every RPC on the route
  // its google.api.http annotation gives, through the same auth step, handlers and
  // interceptors as gRPC (service/http/http_gateway.h).
  // Default: HttpOptions{} (off).
  HttpOptions http;

  // Where log lines go (each without the trailing newline). Tests capture them here.
  // Default: empty, meaning standard error.
  std::function<void(std::string_view line)> log_sink;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_SERVER_OPTIONS_H_

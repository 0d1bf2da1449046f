// RunServer: matchd from start to finish.
//
//   1. blocks SIGTERM and SIGINT in the calling thread (before any other thread starts,
//      so that every thread inherits the mask and only the waiting thread sees them);
//   2. opens the data folder (Server::Open), applies `installers`, starts serving;
//   3. prints "matchd listening on HOST:PORT" on standard error (HOST:PORT as bound,
//      so port 0 shows the chosen port), then "matchd serving HTTP/JSON on HOST:PORT"
//      when options.http.listen_address is set, and tells systemd READY=1
//      (Type=notify; with WatchdogSec= it then pings WATCHDOG=1 while the store
//      answers; see systemd_notify.h);
//   4. waits for SIGTERM or SIGINT, tells systemd STOPPING=1, then shuts down
//      gracefully: the health service turns
//      NOT_SERVING, no new calls are accepted, in-flight calls get
//      options.shutdown_grace to finish (then they are cancelled), and the store is
//      closed (synced) before RunServer returns.
//
// Returns OK after a clean shutdown, or the error that kept the server from starting.
// Thread safety: call once per process, from the main thread.
#ifndef AZUBIMATCH_SERVICE_SERVER_RUN_SERVER_H_
#define AZUBIMATCH_SERVICE_SERVER_RUN_SERVER_H_

#include <vector>

#include "absl/status/status.h"
#include "service/server/installed_services.h"
#include "service/server/server_options.h"

namespace azubimatch::service {

absl::Status RunServer(const ServerOptions& options,
                       const std::vector<ServiceInstaller>& installers);

// RunServer with InstalledServices().
absl::Status RunServer(const ServerOptions& options);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_RUN_SERVER_H_

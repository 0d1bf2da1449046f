#include "service/server/run_server.h"

#include <pthread.h>
#include <signal.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "service/server/health_listener.h"
#include "service/server/request_log.h"
#include "service/server/server.h"
#include "service/server/systemd_notify.h"

namespace azubimatch::service {
namespace {

// Blocks SIGTERM and SIGINT in the calling thread while alive; restores the old mask.
class BlockedShutdownSignals {
 public:
  BlockedShutdownSignals() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals_, &old_mask_);
  }
  ~BlockedShutdownSignals() { pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr); }

  // Blocks until one of the signals arrives; returns its number.
  int Wait() const {
    int signal_number = 0;
    while (sigwait(&signals_, &signal_number) != 0) {
    }
    return signal_number;
  }

 private:
  sigset_t signals_;
  sigset_t old_mask_;
};

}  // namespace

absl::Status RunServer(const ServerOptions& options,
                       const std::vector<ServiceInstaller>& installers) {
  BlockedShutdownSignals signals;
  const LogSink log = MessageSink(options.log_format, SinkOrStderr(options.log_sink));

  absl::StatusOr<std::unique_ptr<Server>> server = Server::Open(options);
  if (!server.ok()) {
    return absl::Status(server.status().code(),
                        absl::StrCat("data folder ", options.data_dir, ": ",
                                     server.status().message()));
  }
  for (const ServiceInstaller& install : installers) {
    if (absl::Status status = install(**server); !status.ok()) return status;
  }
  if (absl::Status status = (*server)->Start(); !status.ok()) return status;
  std::unique_ptr<HealthListener> health;
  if (!options.health_listen.empty()) {
    absl::StatusOr<std::unique_ptr<HealthListener>> started =
        HealthListener::Start(options.health_listen);
    if (!started.ok()) return started.status();
    health = *std::move(started);
    health->SetServing(true);
    log(absl::StrCat("matchd health checks (plaintext) on ", health->bound_address()));
  }
  log(absl::StrCat("matchd listening on ", (*server)->bound_address()));
  if (const std::string http = (*server)->http_bound_address(); !http.empty()) {
    log(absl::StrCat("matchd serving HTTP/JSON on ", http));
  }
  SystemdNotifier systemd;
  KvStore* const store = (*server)->store();
  systemd.Ready(absl::StrCat("serving on ", (*server)->bound_address()), [store] {
    // The store answers (a missing key is an answer): matchd is not stuck.
    const absl::StatusOr<std::string> probe = store->Get(Family::kMeta, "watchdog-probe");
    return probe.ok() || absl::IsNotFound(probe.status());
  });

  const int signal_number = signals.Wait();
  const std::string stopping =
      absl::StrCat("matchd: ", signal_number == SIGTERM ? "SIGTERM" : "SIGINT",
                   " received; shutting down (grace ",
                   absl::FormatDuration(options.shutdown_grace), ")");
  systemd.Stopping(stopping);
  log(stopping);
  if (health != nullptr) health->SetServing(false);
  (*server)->Shutdown(options.shutdown_grace);
  (*server)->Wait();
  if (health != nullptr) health->Shutdown();
  systemd.StopWatchdog();  // it reads the store
  server->reset();         // closes the store
  log("matchd: stopped; store closed");
  return absl::OkStatus();
}

absl::Status RunServer(const ServerOptions& options) {
  return RunServer(options, InstalledServices());
}

}  // namespace azubimatch::service

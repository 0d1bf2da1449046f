// SystemdNotifier: matchd's side of systemd's Type=notify protocol (sd_notify(3)).
//
//   READY=1     once the server serves (store open, indexes loaded, port bound);
//   STOPPING=1  when a shutdown begins;
//   WATCHDOG=1  every WATCHDOG_USEC/2 while the server is alive, when systemd set
//               WatchdogSec= (sd_watchdog_enabled(3)); a ping is sent only when
//               `alive` answers true, so a hung store stops the pings and systemd
//               restarts matchd.
//
// Without NOTIFY_SOCKET (not started by systemd, or Type=simple) every call is a no-op
// and no thread is started.
//
// Thread safety: Ready/Stopping from the controlling thread; the watchdog runs on a
// thread of its own, joined by the destructor. Cost: one datagram per message.
#ifndef AZUBIMATCH_SERVICE_SERVER_SYSTEMD_NOTIFY_H_
#define AZUBIMATCH_SERVICE_SERVER_SYSTEMD_NOTIFY_H_

#include <functional>
#include <string>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace azubimatch::service {

class SystemdNotifier {
 public:
  SystemdNotifier() = default;
  // StopWatchdog().
  ~SystemdNotifier();

  SystemdNotifier(const SystemdNotifier&) = delete;
  SystemdNotifier& operator=(const SystemdNotifier&) = delete;

  // Sends READY=1 and STATUS=`status`; starts the watchdog pings when enabled.
  // `alive` is called before every ping, from the watchdog thread; it must be
  // thread-safe and outlive this object. REQUIRES: called at most once.
  void Ready(const std::string& status, std::function<bool()> alive);

  // Sends STOPPING=1 and STATUS=`status`. Pings go on until StopWatchdog(), since a
  // graceful shutdown may take the grace period.
  void Stopping(const std::string& status);

  // Stops and joins the watchdog thread (no more calls of `alive`). Idempotent.
  void StopWatchdog();

  // The watchdog interval systemd asked for (WATCHDOG_USEC), or zero when none.
  static absl::Duration WatchdogInterval();

 private:
  absl::Notification stop_;
  std::thread watchdog_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_SYSTEMD_NOTIFY_H_

#include "service/server/systemd_notify.h"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"

namespace azubimatch::service {

SystemdNotifier::~SystemdNotifier() { StopWatchdog(); }

void SystemdNotifier::StopWatchdog() {
  if (!stop_.HasBeenNotified()) stop_.Notify();
  if (watchdog_.joinable()) watchdog_.join();
}

absl::Duration SystemdNotifier::WatchdogInterval() {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(/*unset_environment=*/0, &usec) <= 0) return absl::ZeroDuration();
  return absl::Microseconds(static_cast<int64_t>(usec));
}

void SystemdNotifier::Ready(const std::string& status, std::function<bool()> alive) {
  sd_notify(/*unset_environment=*/0, absl::StrCat("READY=1\nSTATUS=", status).c_str());
  const absl::Duration interval = WatchdogInterval();
  if (interval <= absl::ZeroDuration() || watchdog_.joinable() || stop_.HasBeenNotified()) {
    return;
  }
  watchdog_ = std::thread([this, alive = std::move(alive), period = interval / 2] {
    do {
      if (!alive || alive()) sd_notify(0, "WATCHDOG=1");
    } while (!stop_.WaitForNotificationWithTimeout(period));
  });
}

void SystemdNotifier::Stopping(const std::string& status) {
  sd_notify(/*unset_environment=*/0, absl::StrCat("STOPPING=1\nSTATUS=", status).c_str());
}

}  // namespace azubimatch::service

#include "service/server/installed_services.h"

namespace azubimatch::service {

std::vector<ServiceInstaller> InstalledServices() {
  // The Registry is built into Server itself; further services are listed here.
  return {};
}

}  // namespace azubimatch::service

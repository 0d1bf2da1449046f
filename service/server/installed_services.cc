#include "service/server/installed_services.h"

#include <memory>
#include <utility>

#include "engine/base/status_macros.h"
#include "service/matching/matching_service.h"

namespace azubimatch::service {

std::vector<ServiceInstaller> InstalledServices() {
  // The Registry is built into Server itself; further services are listed here.
  return {
      // Matching: its index subscribes to the record store (replaying what is stored).
      [](Server& server) -> absl::Status {
        AZM_ASSIGN_OR_RETURN(std::unique_ptr<MatchingService> matching,
                             MatchingService::Create(server.store(), server.records(),
                                                     server.caller_resolver()));
        server.AddService(std::move(matching));
        return absl::OkStatus();
      },
  };
}

}  // namespace azubimatch::service

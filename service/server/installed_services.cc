#include "service/server/installed_services.h"

#include <memory>
#include <utility>

#include "azubimatch/v1/admin.grpc.pb.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "azubimatch/v1/preferences.grpc.pb.h"
#include "azubimatch/v1/reports.grpc.pb.h"
#include "engine/base/status_macros.h"
#include "service/data_protection/data_protection_service.h"
#include "service/matching/matching_service.h"
#include "service/matching/preferences_service.h"
#include "service/reports/reports_service.h"

namespace azubimatch::service {

std::vector<ServiceInstaller> InstalledServices() {
  // The Registry and Admin services are built into Server itself; further services
  // are listed here.
  return {
      // Matching, whose index subscribes to the record store (replaying what is
      // stored), and DataProtection, whose erasures tell Matching's views which
      // placements they removed. Assign runs report their phases to the metrics.
      [](Server& server) -> absl::Status {
        MatchingServiceOptions matching_options;
        matching_options.run_hook = server.metrics()->assign_phases().Hook();
        AZM_ASSIGN_OR_RETURN(
            std::unique_ptr<MatchingService> matching,
            MatchingService::Create(server.store(), server.records(),
                                    server.caller_resolver(), std::move(matching_options)));
        MatchingService* const views = matching.get();
        server.AddService(std::move(matching), v1::Matching::service_full_name());
        // Reports reads the stored runs and Matching's index (read-only).
        server.AddService(std::make_unique<ReportsService>(server.store(), &views->index(),
                                                           server.caller_resolver()),
                          v1::Reports::service_full_name());
        // Preferences writes the rankings and company policies Matching's runs read (the
        // books are Matching's).
        server.AddService(
            std::make_unique<PreferencesService>(views->rankings(), views->company_policies(),
                                                 server.caller_resolver()),
            v1::Preferences::service_full_name());

        DataProtectionServiceOptions options;
        options.data_dir = server.options().data_dir;
        options.eraser.on_placement_removed = [views](const v1::Placement& removed) {
          views->OnPlacementRemoved(removed);
        };
        AccessControl* access = server.access();
        server.AddService(std::make_unique<DataProtectionService>(
                              server.store(), server.records(), server.caller_resolver(),
                              &access->audit(), access->hasher(), options),
                          v1::DataProtection::service_full_name());
        return absl::OkStatus();
      },
  };
}

}  // namespace azubimatch::service

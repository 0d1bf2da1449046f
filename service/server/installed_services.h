// The services matchd serves besides the Registry and Admin (which Server builds
// itself), as a list of installers that RunServer() applies between Server::Open() and
// Server::Start(). Today: Matching and DataProtection.
//
// To ship a new service with matchd, add one installer to InstalledServices() in
// installed_services.cc, e.g.
//
//   [](Server& server) -> absl::Status {
//     AZM_ASSIGN_OR_RETURN(std::unique_ptr<MyService> service,
//                          MyService::Create(server.store(), server.records(),
//                                            server.caller_resolver()));
//     server.AddService(std::move(service), v1::My::service_full_name());
//     return absl::OkStatus();
//   }
//
// An installer that fails stops matchd before it listens.
//
// Thread safety: called once, from the thread that runs RunServer().
#ifndef AZUBIMATCH_SERVICE_SERVER_INSTALLED_SERVICES_H_
#define AZUBIMATCH_SERVICE_SERVER_INSTALLED_SERVICES_H_

#include <functional>
#include <vector>

#include "absl/status/status.h"
#include "service/server/server.h"

namespace azubimatch::service {

using ServiceInstaller = std::function<absl::Status(Server& server)>;

// The installers, applied in order.
std::vector<ServiceInstaller> InstalledServices();

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_INSTALLED_SERVICES_H_

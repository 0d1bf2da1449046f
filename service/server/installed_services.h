// The services matchd serves besides the Registry, as a list of installers that
// RunServer() applies between Server::Open() and Server::Start().
//
// To ship a new service with matchd, add one installer to InstalledServices() in
// installed_services.cc, e.g.
//
//   [](Server& server) -> absl::Status {
//     auto index = std::make_shared<OfferIndex>();
//     AZM_RETURN_IF_ERROR(server.records()->Subscribe(index.get()));
//     server.AddService(std::make_unique<MatchingService>(index, server.store(),
//                                                         server.caller_resolver()));
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

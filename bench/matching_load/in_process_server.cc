#include "bench/matching_load/in_process_server.h"

#include <utility>

#include "azubimatch/v1/admin.pb.h"
#include "engine/base/status_macros.h"
#include "service/server/installed_services.h"

namespace azubimatch::bench {

absl::StatusOr<InProcessServer> StartInProcessServer(const std::string& data_dir,
                                                     bool sync_writes) {
  service::ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.data_dir = data_dir;
  options.sync_writes = sync_writes;
  options.log_requests = false;
  options.access.rate_limit.requests_per_second = 0;  // off
  InProcessServer result;
  AZM_ASSIGN_OR_RETURN(result.server, service::Server::Open(std::move(options)));
  for (const service::ServiceInstaller& install : service::InstalledServices()) {
    AZM_RETURN_IF_ERROR(install(*result.server));
  }
  AZM_RETURN_IF_ERROR(result.server->Start());
  result.address = result.server->bound_address();

  AZM_ASSIGN_OR_RETURN(v1::Member member,
                       result.server->access()->members().Create("matching-load"));
  v1::CreateApiKeyRequest request;
  request.set_member_id(member.id());
  request.set_role("officer");
  AZM_ASSIGN_OR_RETURN(service::CreatedApiKey key,
                       result.server->access()->keys().Create(request));
  result.api_key = key.key;
  return result;
}

}  // namespace azubimatch::bench

// StartInProcessServer: matchd's Server with every installed service (Matching,
// DataProtection) on 127.0.0.1:0 in this process, tuned for loading and measuring:
// sync writes off unless `sync_writes` (the data is synthetic and can be loaded
// again), no request log, no per-key rate limit (it would cap one client key at 2,000
// calls/s). API keys stay required, and every call is audited as in production.
// Creates one member and an officer key for the load.
//
// Thread safety: the Server is thread-safe once started; Shutdown from one thread.
#ifndef AZUBIMATCH_BENCH_MATCHING_LOAD_IN_PROCESS_SERVER_H_
#define AZUBIMATCH_BENCH_MATCHING_LOAD_IN_PROCESS_SERVER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "service/server/server.h"

namespace azubimatch::bench {

struct InProcessServer {
  std::unique_ptr<service::Server> server;
  std::string address;  // HOST:PORT as bound
  std::string api_key;  // officer key of the load's member
};

// Opens the store in `data_dir` (created when missing), installs the services, starts
// serving and creates the member and key. Errors: those of Server::Open, the
// installers, Start and key creation.
absl::StatusOr<InProcessServer> StartInProcessServer(const std::string& data_dir,
                                                     bool sync_writes = false);

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_MATCHING_LOAD_IN_PROCESS_SERVER_H_

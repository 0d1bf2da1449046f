// RunCtl: runs a matchctl command line in process (RunMatchctl) with string streams,
// for tests: what it printed on stdout and stderr and its exit code.
#ifndef AZUBIMATCH_TESTS_CLIENTS_MATCHCTL_MATCHCTL_RUNNER_H_
#define AZUBIMATCH_TESTS_CLIENTS_MATCHCTL_MATCHCTL_RUNNER_H_

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "clients/matchctl/run_matchctl.h"

namespace azubimatch::matchctl {

struct CtlResult {
  int code = -1;
  std::string out;
  std::string err;
};

inline CtlResult RunCtl(const std::vector<std::string>& args,
                        const std::string& stdin_text = "",
                        absl::flat_hash_map<std::string, std::string> environment = {}) {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  MatchctlIo io;
  io.in = &in;
  io.out = &out;
  io.err = &err;
  io.environment = std::move(environment);
  CtlResult result;
  result.code = RunMatchctl(args, io);
  result.out = out.str();
  result.err = err.str();
  return result;
}

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_TESTS_CLIENTS_MATCHCTL_MATCHCTL_RUNNER_H_

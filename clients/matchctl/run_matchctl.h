// RunMatchctl: the whole of matchctl behind one function, so that main() only wires
// the process's streams and environment and tests can run any command line in
// process. Takes the global flags out (global_flags.h), finds the command
// (command_list.h), handles --help, and returns the exit code (command.h).
//
// Thread-compatible: one call per thread at a time with its own streams.
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_RUN_MATCHCTL_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_RUN_MATCHCTL_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace azubimatch::matchctl {

struct MatchctlIo {
  std::istream* in = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  // Whether *err is a terminal (progress bars are drawn only then).
  bool err_is_terminal = false;
  // AZUBIMATCH_SERVER and AZUBIMATCH_API_KEY, when set.
  absl::flat_hash_map<std::string, std::string> environment;
};

// `args` are the words after the program name.
int RunMatchctl(const std::vector<std::string>& args, const MatchctlIo& io);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_RUN_MATCHCTL_H_

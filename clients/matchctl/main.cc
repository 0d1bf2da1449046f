// matchctl: the command-line client of azubimatch. main() only wires the process's
// streams and environment to RunMatchctl (run_matchctl.h).
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "clients/matchctl/run_matchctl.h"

int main(int argc, char** argv) {
  azubimatch::matchctl::MatchctlIo io;
  io.in = &std::cin;
  io.out = &std::cout;
  io.err = &std::cerr;
  io.err_is_terminal = isatty(STDERR_FILENO) == 1;
  for (const char* name : {"AZUBIMATCH_SERVER", "AZUBIMATCH_API_KEY"}) {
    if (const char* value = std::getenv(name); value != nullptr) {
      io.environment[name] = value;
    }
  }
  const std::vector<std::string> args(argv + 1, argv + argc);
  const int code = azubimatch::matchctl::RunMatchctl(args, io);
  std::cout.flush();
  return code;
}

// `matchctl solve` when this build has no local solver front end (clients/solve,
// target azm_solve_cli): the command exists and says so.
#include <ostream>

#include "clients/matchctl/command_list.h"

namespace azubimatch::matchctl {

void AddSolveCommand(std::vector<Command>& commands) {
  Command command;
  command.name = "solve";
  command.summary = "solve an assignment problem file locally (not built in this binary)";
  command.usage =
      "matchctl solve [--format orlib|orlib-sparse|edges] [--maximize] [--json] "
      "[--no-assignment] FILE\n"
      "\n"
      "Not available: this matchctl was built without clients/solve (azm_solve_cli).";
  command.run = [](Context& context, const std::vector<std::string>&) {
    context.err() << "matchctl solve: not built: this matchctl was built without "
                     "clients/solve (target azm_solve_cli)\n";
    return kExitUsage;
  };
  commands.push_back(std::move(command));
}

}  // namespace azubimatch::matchctl

// `matchctl solve`: solves an assignment problem file locally, without a server
// (clients/solve). --json and --help are handed on to it.
#include "clients/matchctl/command_list.h"
#include "clients/solve/solve_command.h"

namespace azubimatch::matchctl {

void AddSolveCommand(std::vector<Command>& commands) {
  Command command;
  command.name = "solve";
  command.summary = "solve an assignment problem file locally (no server needed)";
  command.usage = solve::SolveUsage();
  command.passes_global_flags = true;
  command.run = [](Context& context, const std::vector<std::string>& args) {
    return solve::RunSolveCommand(args, context.out(), context.err());
  };
  commands.push_back(std::move(command));
}

}  // namespace azubimatch::matchctl

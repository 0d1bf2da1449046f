// The list of every matchctl command, built once from the command groups.
//
// Thread-safe (built on first use, immutable afterwards). Lookup is O(commands).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_COMMAND_LIST_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_COMMAND_LIST_H_

#include <ostream>
#include <vector>

#include "absl/strings/string_view.h"
#include "clients/matchctl/command.h"

namespace azubimatch::matchctl {

// Every command, in the order `matchctl --help` lists them.
const std::vector<Command>& AllCommands();

// The command called `name` (its name or one of its aliases), or nullptr.
const Command* FindCommand(absl::string_view name);

// `matchctl COMMAND --help`: the command's usage, then the global flags.
void PrintCommandHelp(const Command& command, std::ostream& out);

// Single-command groups; each appends its command.
void AddSolveCommand(std::vector<Command>& commands);  // local_solve_command.cc
void AddDemoCommand(std::vector<Command>& commands);   // demo_command.cc

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_COMMAND_LIST_H_

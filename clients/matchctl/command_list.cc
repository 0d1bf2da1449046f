#include "clients/matchctl/command_list.h"

#include <algorithm>

#include "clients/matchctl/admin_commands.h"
#include "clients/matchctl/data_protection_commands.h"
#include "clients/matchctl/global_flags.h"
#include "clients/matchctl/matching_commands.h"
#include "clients/matchctl/registry_commands.h"
#include "clients/matchctl/report_commands.h"
#include "clients/matchctl/retention_command.h"

namespace azubimatch::matchctl {
namespace {

// One line per command group; a new group adds its line here.
std::vector<Command> BuildCommandList() {
  std::vector<Command> commands;
  AddRegistryCommands(commands);  // company, offer, candidate (old: list, get, add, ...)
  AddMatchingCommands(commands);  // suggest, explain, assign, placement, runs
  AddAdminCommands(commands);     // member, key, audit
  AddDataProtectionCommands(commands);  // erase, export, backup
  AddReportCommands(commands);    // report
  AddRetentionCommands(commands);  // retention
  AddDemoCommand(commands);       // demo
  AddSolveCommand(commands);      // solve
  return commands;
}

}  // namespace

const std::vector<Command>& AllCommands() {
  static const auto* const kCommands = new std::vector<Command>(BuildCommandList());
  return *kCommands;
}

const Command* FindCommand(absl::string_view name) {
  for (const Command& command : AllCommands()) {
    if (command.name == name ||
        std::find(command.aliases.begin(), command.aliases.end(), name) !=
            command.aliases.end()) {
      return &command;
    }
  }
  return nullptr;
}

void PrintCommandHelp(const Command& command, std::ostream& out) {
  out << "usage: " << command.usage << "\n\nglobal flags:\n" << GlobalFlagsHelp();
}

}  // namespace azubimatch::matchctl

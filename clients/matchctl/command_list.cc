#include "clients/matchctl/command_list.h"

#include "clients/matchctl/admin_commands.h"
#include "clients/matchctl/data_protection_commands.h"
#include "clients/matchctl/matching_commands.h"
#include "clients/matchctl/registry_commands.h"
#include "clients/matchctl/report_commands.h"
#include "clients/matchctl/retention_command.h"

namespace azubimatch::matchctl {
namespace {

// One line per command group; a new group adds its line here.
std::vector<Command> BuildCommandList() {
  std::vector<Command> commands;
  AddRegistryCommands(commands);  // list, get, add, delete, import
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
    if (command.name == name) return &command;
  }
  return nullptr;
}

}  // namespace azubimatch::matchctl

// The matching command group of matchctl: suggest, explain, assign, placement and runs,
// over the Matching service (proto/azubimatch/v1/matching.proto). The JSON shapes are
// part of the contract scripts rely on (deploy/demo.sh among them); see the usage texts
// in matching_commands.cc.
//
// Thread-compatible (see command.h).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_MATCHING_COMMANDS_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_MATCHING_COMMANDS_H_

#include <vector>

#include "clients/matchctl/command.h"

namespace azubimatch::matchctl {

// Appends suggest, explain, assign, placement, runs, rank and policy.
void AddMatchingCommands(std::vector<Command>& commands);

// The groups AddMatchingCommands appends, one file each.
void AddSuggestCommands(std::vector<Command>& commands);    // suggest, explain
void AddRunCommands(std::vector<Command>& commands);        // assign, runs
void AddPlacementCommands(std::vector<Command>& commands);  // placement
void AddRankCommands(std::vector<Command>& commands);       // rank
void AddPolicyCommands(std::vector<Command>& commands);     // policy

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_MATCHING_COMMANDS_H_

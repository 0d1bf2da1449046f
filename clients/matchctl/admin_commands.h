// The administration command group of matchctl (admin keys only):
//   member create NAME                          a member organisation; --json {"id":...}
//   member list                                 every member (all pages)
//   key create --member ID --role ROLE [--label L]
//                                               an API key, shown once; --json
//                                               {"id":...,"key":...}
//   key list [--member ID]                      keys (never the keys themselves)
//   key revoke KEY_ID                           revoke a key at once
//   audit [--after N] [--limit N]               the audit log and whether its chain is
//   intact
// Tables by default, JSON with --json; a refused call exits 1 (command.h).
//
// Thread-compatible (see command.h).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_ADMIN_COMMANDS_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_ADMIN_COMMANDS_H_

#include <vector>

#include "clients/matchctl/command.h"

namespace azubimatch::matchctl {

void AddAdminCommands(std::vector<Command>& commands);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_ADMIN_COMMANDS_H_

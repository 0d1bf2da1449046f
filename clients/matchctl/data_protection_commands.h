// The data protection command group of matchctl:
//   erase candidate ID [--version V]   GDPR Art. 17 erasure
//   (DataProtection.EraseCandidate) export candidate ID                GDPR Art. 15/20
//   export (DataProtection.ExportCandidate) backup create                      a backup
//   of the store (Admin.CreateBackup; admin)
// Every command prints a short text, or with --json the answer's JSON object; a refused
// call exits 1 (command.h).
//
// Thread-compatible (see command.h).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_DATA_PROTECTION_COMMANDS_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_DATA_PROTECTION_COMMANDS_H_

#include <vector>

#include "clients/matchctl/command.h"

namespace azubimatch::matchctl {

void AddDataProtectionCommands(std::vector<Command>& commands);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_DATA_PROTECTION_COMMANDS_H_

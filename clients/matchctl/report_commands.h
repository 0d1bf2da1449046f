// The report command group of matchctl, over the Reports service
// (proto/azubimatch/v1/reports.proto):
//   matchctl report RUN_ID... [--html FILE] [--csv DIR]   (and the global --json)
// plus the placements export of `matchctl runs export RUN_ID --csv FILE` (Matching
// GetRun; officers, not analysts, see placements).
//
// Thread-compatible (see command.h).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_REPORT_COMMANDS_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_REPORT_COMMANDS_H_

#include <vector>

#include "clients/matchctl/command.h"
#include "clients/matchctl/command_args.h"

namespace azubimatch::matchctl {

// Appends report.
void AddReportCommands(std::vector<Command>& commands);

// `runs export RUN_ID --csv FILE`; `parsed.positional` = {"export", RUN_ID}.
int RunRunsExport(Context& context, const ParsedArgs& parsed);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_REPORT_COMMANDS_H_

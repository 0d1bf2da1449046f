// matchctl retention: the retention of started placements (Reports.GetRetention,
// proto/azubimatch/v1/reports.proto), as a small table or as JSON.
//
//   matchctl retention [--as-of YYYY-MM-DD] [--at-days 122,365,730] [--by DIM] [--json]
//
// DIM: occupation, sector, commute, choice-rank, member, mode. JSON:
//   {"as_of", "started", "ended_early", "completed", "in_training",
//    "probation_pass_rate" (null when unknown), "share_in_training",
//    "survival": [{"days", "survival", "at_risk", "ci_low", "ci_high"}] (null figures
//    where nobody was observed that long), "by", "groups": [{"group", the same figures}
//    | {"group", "suppressed": true}], "log_rank": {"chi_square", "df", "p_value",
//    "groups"} (only when grouped and two groups are shown)}
//
// Thread-compatible (see command.h).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_RETENTION_COMMAND_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_RETENTION_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "azubimatch/v1/reports.pb.h"
#include "clients/matchctl/command.h"

namespace azubimatch::matchctl {

// Appends retention.
void AddRetentionCommands(std::vector<Command>& commands);

// The dimension named on the command line; nullopt for an unknown name.
std::optional<v1::RetentionDimension> RetentionDimensionOf(absl::string_view name);

// A group's name as tables and charts show it: assignment modes by their matchctl
// names ("stable"), other groups as the server names them.
std::string RetentionGroupName(const v1::RetentionReport& report,
                               const std::string& group);

// The report as JSON (see the file comment) and as tables; exposed for tests.
std::string RetentionJson(const v1::RetentionReport& report);
void PrintRetentionTables(const v1::RetentionReport& report, std::ostream& out);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_RETENTION_COMMAND_H_

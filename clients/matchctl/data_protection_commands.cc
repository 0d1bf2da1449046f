// `matchctl erase candidate ID`, `matchctl export candidate ID`, `matchctl backup
// create`.
#include "clients/matchctl/data_protection_commands.h"

#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "clients/matchctl/command_args.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/proto_json.h"
#include "clients/matchctl/record_table.h"

namespace azubimatch::matchctl {
namespace {

// Erasure compacts the store's files; give it more time than an ordinary call.
constexpr absl::Duration kEraseTimeout = absl::Minutes(5);
// A backup copies the store.
constexpr absl::Duration kBackupTimeout = absl::Minutes(30);

// Parses `candidate ID` plus `specs`; the id in *id.
absl::StatusOr<ParsedArgs> ParseCandidateArgs(const std::vector<std::string>& args,
                                              const std::vector<FlagSpec>& specs,
                                              std::string* id) {
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(args, specs);
  if (!parsed.ok()) return parsed.status();
  if (parsed->positional.size() != 2) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected candidate ID (2 words), got ", parsed->positional.size()));
  }
  if (parsed->positional[0] != "candidate") {
    return absl::InvalidArgumentError(absl::StrCat(
        "only candidates hold personal data; got \"", parsed->positional[0], "\""));
  }
  *id = parsed->positional[1];
  return parsed;
}

int RunErase(Context& context, const std::vector<std::string>& args) {
  std::string id;
  absl::StatusOr<ParsedArgs> parsed = ParseCandidateArgs(args, {{"version"}}, &id);
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  absl::StatusOr<std::optional<int64_t>> version = parsed->IntValue("version", 1);
  if (!version.ok()) return context.UsageError(version.status().message());

  v1::EraseCandidateRequest request;
  request.set_id(id);
  request.set_version(version->value_or(0));
  v1::EraseCandidateResponse response;
  grpc::ClientContext call;
  context.PrepareCall(&call, kEraseTimeout);
  const grpc::Status status = v1::DataProtection::NewStub(context.channel())
                                  ->EraseCandidate(&call, request, &response);
  if (!status.ok()) return context.RpcError(status);
  if (context.json()) {
    context.PrintJsonObject([&](JsonWriter& json) {
      json.Key("id");
      json.String(id);
      json.Key("erased");
      json.Bool(true);
      json.Key("pseudonym");
      json.String(response.pseudonym());
      json.Key("runs_rewritten");
      json.Int(response.runs_rewritten());
      json.Key("placements_removed");
      json.Int(response.placements_removed());
    });
  } else {
    context.out() << "erased candidate " << id << ": stored runs now show "
                  << response.pseudonym() << " (" << response.runs_rewritten()
                  << " runs rewritten, " << response.placements_removed()
                  << " placements removed)\n";
  }
  return kExitOk;
}

void PrintExportText(const v1::CandidateExport& exported, std::ostream& out) {
  PrintRecordFields(exported.candidate(), out);
  out << "\nplacements (" << exported.placements_size() << ")\n";
  for (const v1::Placement& placement : exported.placements()) {
    out << "  " << placement.id() << "  offer " << placement.offer_id() << "  "
        << v1::PlacementStatus_Name(placement.status()) << "\n";
  }
  out << "proposals in stored runs (" << exported.proposals_size() << ")\n";
  for (const v1::RunPlacement& proposal : exported.proposals()) {
    out << "  offer " << proposal.offer_id() << "  score " << proposal.score() << "\n";
  }
  out << "accesses (" << exported.accesses_size() << ")\n";
  for (const v1::AuditEntry& entry : exported.accesses()) {
    out << "  " << HumanMessageValue(entry.at()) << "  " << entry.action() << "  member "
        << (entry.member_id().empty() ? "-" : entry.member_id()) << "  key "
        << (entry.key_id().empty() ? "-" : entry.key_id()) << "  " << entry.code()
        << "\n";
  }
}

int RunExport(Context& context, const std::vector<std::string>& args) {
  std::string id;
  absl::StatusOr<ParsedArgs> parsed = ParseCandidateArgs(args, {}, &id);
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  v1::ExportCandidateRequest request;
  request.set_id(id);
  v1::CandidateExport response;
  grpc::ClientContext call;
  context.PrepareCall(&call);
  const grpc::Status status = v1::DataProtection::NewStub(context.channel())
                                  ->ExportCandidate(&call, request, &response);
  if (!status.ok()) return context.RpcError(status);
  if (context.json()) {
    context.out() << ProtoToJson(response) << "\n";
  } else {
    PrintExportText(response, context.out());
  }
  return kExitOk;
}

int RunBackup(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(args, {});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  if (parsed->positional.size() != 1 || parsed->positional[0] != "create") {
    return context.UsageError("expected: backup create");
  }
  v1::CreateBackupResponse response;
  grpc::ClientContext call;
  context.PrepareCall(&call, kBackupTimeout);
  const grpc::Status status =
      v1::Admin::NewStub(context.channel())
          ->CreateBackup(&call, v1::CreateBackupRequest(), &response);
  if (!status.ok()) return context.RpcError(status);
  if (context.json()) {
    context.out() << ProtoToJson(response) << "\n";
  } else {
    context.out() << "backup " << response.backup_id() << " written to "
                  << response.backup_dir() << " (" << response.size_bytes()
                  << " bytes in the folder)\n";
  }
  return kExitOk;
}

constexpr char kEraseUsage[] =
    "matchctl erase candidate ID [--version V]\n"
    "\n"
    "Removes the candidate, its index entries and placements, replaces it by a\n"
    "pseudonym in stored runs and forces the data out of the server's files. The\n"
    "server remembers only a keyed hash, so that a restore of an older backup erases\n"
    "the candidate again. Cannot be undone.\n"
    "  --version V  erase only if V is the current version (FAILED_PRECONDITION\n"
    "               otherwise).\n"
    "Needs an officer or portal key of the candidate's member, or an admin key.\n"
    "Output: a line with the pseudonym and counts; with --json {\"id\":...,\n"
    "\"erased\":true,\"pseudonym\":...,\"runs_rewritten\":N,\"placements_removed\":N}.";

constexpr char kExportUsage[] =
    "matchctl export candidate ID\n"
    "\n"
    "Prints the candidate record, its placements, its proposals in stored runs and\n"
    "every recorded access (who, when, what); with --json the CandidateExport\n"
    "object {\"candidate\":{...},\"placements\":[...],\"proposals\":[...],\n"
    "\"accesses\":[...]}.\n"
    "Needs an officer or portal key of the candidate's member, or an admin key.";

constexpr char kBackupUsage[] =
    "matchctl backup create\n"
    "\n"
    "The server writes a backup into its backup folder (matchd's configuration);\n"
    "unchanged files are shared with earlier backups. Restore one with\n"
    "`matchd --restore-from DIR`, which erases again every candidate erased since.\n"
    "Output: \"backup N written to DIR (S bytes in the folder)\"; with --json\n"
    "{\"backup_dir\":...,\"backup_id\":N,\"size_bytes\":S}.";

}  // namespace

void AddDataProtectionCommands(std::vector<Command>& commands) {
  commands.push_back(
      Command{.name = "erase",
              .summary = "erase a candidate and every trace of it (GDPR Art. 17)",
              .usage = kEraseUsage,
              .run = RunErase});
  commands.push_back(
      Command{.name = "export",
              .summary = "everything held about a candidate (GDPR Art. 15/20)",
              .usage = kExportUsage,
              .run = RunExport});
  commands.push_back(
      Command{.name = "backup",
              .summary = "write a consistent backup of the server's store (admin)",
              .usage = kBackupUsage,
              .run = RunBackup});
}

}  // namespace azubimatch::matchctl

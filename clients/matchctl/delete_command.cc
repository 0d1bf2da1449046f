// `matchctl delete {company|offer|candidate} ID [--version V]`.
#include <ostream>

#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/registry_calls.h"
#include "clients/matchctl/registry_commands.h"

namespace azubimatch::matchctl {
namespace {

int RunDelete(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<KindArgs> parsed = ParseKindArgs(args, {{"version"}}, 2, "KIND ID");
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  absl::StatusOr<std::optional<int64_t>> version = parsed->args.IntValue("version", 1);
  if (!version.ok()) return context.UsageError(version.status().message());
  const std::string& id = parsed->args.positional[1];
  const grpc::Status status =
      NewRegistryCalls(parsed->kind, context)->Delete(id, version->value_or(0));
  if (!status.ok()) return context.RpcError(status);
  if (context.json()) {
    context.PrintJsonObject([&](JsonWriter& json) {
      json.Key("id");
      json.String(id);
      json.Key("deleted");
      json.Bool(true);
    });
  } else {
    context.out() << "deleted " << KindSingular(parsed->kind) << " " << id << "\n";
  }
  return kExitOk;
}

}  // namespace

Command DeleteCommand() {
  Command command;
  command.name = "delete";
  command.summary = "delete a company, offer or candidate";
  command.usage =
      "matchctl delete {company|offer|candidate} ID [--version V]\n"
      "\n"
      "  --version V  delete only if V is the current version (FAILED_PRECONDITION\n"
      "               otherwise); without it the current version is deleted.\n"
      "A company that still has offers cannot be deleted (FAILED_PRECONDITION).\n"
      "Output: \"deleted offer ID\"; with --json {\"id\":\"...\",\"deleted\":true}.";
  command.run = RunDelete;
  return command;
}

}  // namespace azubimatch::matchctl

// `matchctl get {company|offer|candidate} ID`.
#include "clients/matchctl/registry_calls.h"
#include "clients/matchctl/registry_commands.h"

namespace azubimatch::matchctl {
namespace {

int RunGet(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<KindArgs> parsed = ParseKindArgs(args, {}, 2, "KIND ID");
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  std::unique_ptr<google::protobuf::Message> record;
  const grpc::Status status =
      NewRegistryCalls(parsed->kind, context)->Get(parsed->args.positional[1], &record);
  if (!status.ok()) return context.RpcError(status);
  PrintRecord(context, *record);
  return kExitOk;
}

}  // namespace

Command GetCommand() {
  Command command;
  command.name = "get";
  command.summary = "show one company, offer or candidate";
  command.usage =
      "matchctl get {company|offer|candidate} ID\n"
      "\n"
      "Prints every field of the record, one per line; with --json the record's JSON\n"
      "object (proto field names, every field, int64 as numbers, enums by name).";
  command.run = RunGet;
  return command;
}

}  // namespace azubimatch::matchctl

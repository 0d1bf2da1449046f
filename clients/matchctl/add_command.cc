// `matchctl add {company|offer|candidate} [--file F] [--COLUMN VALUE ...] [--upsert]`.
#include <ostream>

#include "absl/strings/str_cat.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/proto_json.h"
#include "clients/matchctl/record_columns.h"
#include "clients/matchctl/record_file.h"
#include "clients/matchctl/record_jsonl.h"
#include "clients/matchctl/record_table.h"
#include "clients/matchctl/registry_calls.h"
#include "clients/matchctl/registry_commands.h"

namespace azubimatch::matchctl {
namespace {

int RunAdd(Context& context, const std::vector<std::string>& args) {
  if (args.empty() || args[0].empty() || args[0][0] == '-') {
    return context.UsageError("the kind comes first: company, offer or candidate");
  }
  absl::StatusOr<RecordKind> kind = ParseRecordKind(args[0]);
  if (!kind.ok()) return context.UsageError(kind.status().message());
  std::vector<FlagSpec> specs = {{"file"}, {"upsert", false}};
  for (const RecordColumn& column : RecordColumns(*kind)) specs.push_back({column.name});
  absl::StatusOr<KindArgs> parsed = ParseKindArgs(args, specs, 1, "KIND");
  if (!parsed.ok()) return context.UsageError(parsed.status().message());

  ParsedRecord record = NewRecord(*kind);
  record.line = 1;
  if (parsed->args.Has("file")) {
    const std::string path = parsed->args.Value("file");
    absl::StatusOr<std::string> text = ReadInputFile(path, context.in());
    if (!text.ok()) return context.InputError(text.status().message());
    const absl::Status status =
        ParseJsonRecord(*text, MutableRecordMessage(record.record));
    if (!status.ok())
      return context.InputError(absl::StrCat(path, ": ", status.message()));
  }
  int column_flags = 0;
  for (const auto& [name, value] : parsed->args.flags) {
    if (name == "file" || name == "upsert") continue;
    ++column_flags;
    const absl::Status status = ApplyCell(*FindRecordColumn(*kind, name), value, record);
    if (!status.ok()) return context.InputError(absl::StrCat("--", status.message()));
  }
  if (!parsed->args.Has("file") && column_flags == 0) {
    return context.UsageError("give --file or at least one --COLUMN VALUE");
  }

  const google::protobuf::Message& message = *RecordMessage(record.record);
  std::unique_ptr<RegistryCalls> calls = NewRegistryCalls(*kind, context);
  std::unique_ptr<google::protobuf::Message> stored;
  if (!parsed->args.Has("upsert")) {
    const grpc::Status status = calls->Create(message, &stored);
    if (!status.ok()) return context.RpcError(status);
    PrintRecord(context, *stored);
    return kExitOk;
  }
  bool created = false;
  const grpc::Status status = calls->Upsert(message, &stored, &created);
  if (!status.ok()) return context.RpcError(status);
  if (context.json()) {
    std::string out;
    JsonWriter json(&out);
    json.BeginObject();
    json.Key(KindSingular(*kind));
    WriteProtoJson(*stored, json);
    json.Key("created");
    json.Bool(created);
    json.EndObject();
    context.out() << out << "\n";
  } else {
    context.out() << (created ? "created" : "updated") << "\n";
    PrintRecordFields(*stored, context.out());
  }
  return kExitOk;
}

std::string AddUsage() {
  std::string usage =
      "matchctl add {company|offer|candidate} [--file F] [--COLUMN VALUE ...] "
      "[--upsert]\n"
      "\n"
      "Creates one record (CreateCompany/CreateOffer/CreateCandidate), or with --upsert\n"
      "creates or replaces the record with the same external_id.\n"
      "  --file F         the record as one JSON object (proto JSON, snake_case or\n"
      "                   lowerCamelCase names, enums by full name); '-' reads stdin\n"
      "  --COLUMN VALUE   any import column (see IMPORT.md), e.g. --seats 2\n"
      "                   --start-date 2025-08-01 --required-languages 'de:B1';\n"
      "                   applied after --file, so flags override the file\n"
      "Offers may name their company with --company-external-id instead of "
      "--company-id.\n"
      "Output: the stored record (see get); with --upsert --json\n"
      "{\"offer\":{...},\"created\":true|false}.\n"
      "\nColumns:\n";
  for (RecordKind kind :
       {RecordKind::kCompany, RecordKind::kOffer, RecordKind::kCandidate}) {
    absl::StrAppend(&usage, "  ", KindSingular(kind), ":");
    for (const RecordColumn& column : RecordColumns(kind)) {
      absl::StrAppend(&usage, " --", column.name);
    }
    absl::StrAppend(&usage, "\n");
  }
  return usage;
}

}  // namespace

Command AddCommand() {
  Command command;
  command.name = "add";
  command.summary = "create (or --upsert) one company, offer or candidate";
  command.usage = AddUsage();
  command.run = RunAdd;
  return command;
}

}  // namespace azubimatch::matchctl

// `matchctl list {companies|offers|candidates}`: every page unless --limit.
#include <algorithm>
#include <ostream>

#include "absl/strings/str_cat.h"
#include "clients/matchctl/command_args.h"
#include "clients/matchctl/enum_names.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/proto_json.h"
#include "clients/matchctl/record_table.h"
#include "clients/matchctl/registry_calls.h"
#include "clients/matchctl/registry_commands.h"

namespace azubimatch::matchctl {
namespace {

// The server's largest page.
constexpr int64_t kMaxPageSize = 1000;

int RunList(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<KindArgs> kind_args = ParseKindArgs(args,
                                                     {{"limit"},
                                                      {"page_size"},
                                                      {"kldb"},
                                                      {"municipality"},
                                                      {"status"},
                                                      {"company"},
                                                      {"external_id"}},
                                                     1, "KIND");
  if (!kind_args.ok()) return context.UsageError(kind_args.status().message());
  const RecordKind* kind = &kind_args->kind;
  const ParsedArgs* parsed = &kind_args->args;
  absl::StatusOr<std::optional<int64_t>> limit = parsed->IntValue("limit", 1);
  if (!limit.ok()) return context.UsageError(limit.status().message());
  absl::StatusOr<std::optional<int64_t>> page_size = parsed->IntValue("page_size", 1);
  if (!page_size.ok()) return context.UsageError(page_size.status().message());

  v1::ListRecordsRequest request;
  request.set_kldb_code(parsed->Value("kldb"));
  request.set_municipality(parsed->Value("municipality"));
  request.set_external_id(parsed->Value("external_id"));
  if (parsed->Has("status")) {
    absl::StatusOr<int> status =
        ParseEnumName(KindStatusEnum(*kind), parsed->Value("status"));
    if (!status.ok())
      return context.UsageError(absl::StrCat("--status: ", status.status().message()));
    request.set_status(*status);
  }
  if (parsed->Has("company")) {
    if (*kind != RecordKind::kOffer) {
      return context.UsageError("--company filters offers only");
    }
    request.set_company_id(parsed->Value("company"));
  }
  if (parsed->Has("kldb") && *kind == RecordKind::kCompany) {
    return context.UsageError("--kldb filters offers and candidates only");
  }

  std::unique_ptr<RegistryCalls> calls = NewRegistryCalls(*kind, context);
  std::vector<std::unique_ptr<google::protobuf::Message>> records;
  bool more = false;
  while (true) {
    int64_t size = page_size->value_or(kMaxPageSize);
    if (limit->has_value()) {
      size = std::min<int64_t>(size, **limit - static_cast<int64_t>(records.size()));
    }
    request.set_page_size(static_cast<int32_t>(std::min(size, kMaxPageSize)));
    std::string next_page_token;
    const grpc::Status status = calls->ListPage(request, &records, &next_page_token);
    if (!status.ok()) return context.RpcError(status);
    if (limit->has_value() && static_cast<int64_t>(records.size()) >= **limit) {
      more = !next_page_token.empty() || static_cast<int64_t>(records.size()) > **limit;
      records.resize(**limit);
      break;
    }
    if (next_page_token.empty()) break;
    request.set_page_token(next_page_token);
  }

  if (context.json()) {
    std::string out;
    JsonWriter json(&out);
    json.BeginObject();
    json.Key(KindPlural(*kind));
    json.BeginArray();
    for (const auto& record : records) WriteProtoJson(*record, json);
    json.EndArray();
    json.EndObject();
    context.out() << out << "\n";
    return kExitOk;
  }
  PrintRecordTable(*kind, records, context.out());
  context.out() << records.size() << " " << KindPlural(*kind)
                << (more ? " (more match; raise --limit to see them)" : "") << "\n";
  return kExitOk;
}

}  // namespace

Command ListCommand() {
  Command command;
  command.name = "list";
  command.summary = "list companies, offers or candidates (every page unless --limit)";
  command.usage =
      "matchctl list {companies|offers|candidates} [--limit N] [--kldb CODE] "
      "[--municipality NAME] [--status STATUS] [--company ID] [--external-id ID]\n"
      "\n"
      "Lists the records you may see, in id order, fetching every page unless --limit.\n"
      "  --limit N            at most N records\n"
      "  --kldb CODE          offers: of that occupation; candidates: wishing it\n"
      "  --municipality NAME  exact match on the (home) municipality\n"
      "  --status STATUS      companies: active|inactive; offers: open|closed|filled;\n"
      "                       candidates: active|placed|inactive\n"
      "  --company ID         offers of that company\n"
      "  --external-id ID     the record with that external_id\n"
      "  --page-size N        records per call (default and maximum 1000)\n"
      "Output: a table and a count; with --json one object holding the array,\n"
      "e.g. {\"offers\":[{\"id\":\"...\",\"seats\":2,...}]}.";
  command.run = RunList;
  return command;
}

}  // namespace azubimatch::matchctl

// `matchctl member ...`, `matchctl key ...`, `matchctl audit`.
#include "clients/matchctl/admin_commands.h"

#include <memory>
#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "clients/matchctl/command_args.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/proto_json.h"
#include "clients/matchctl/record_table.h"
#include "clients/matchctl/table_writer.h"

namespace azubimatch::matchctl {
namespace {

// Members fetched per ListMembers call.
constexpr int kMemberPageSize = 1000;

std::string TimeOrDash(const google::protobuf::Timestamp& at, bool set) {
  return set ? HumanMessageValue(at) : "-";
}

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

// Calls `method` of the Admin service with the command's deadline and API key.
template <typename Request, typename Response>
grpc::Status CallAdmin(Context& context,
                       grpc::Status (v1::Admin::Stub::*method)(grpc::ClientContext*,
                                                               const Request&, Response*),
                       const Request& request, Response* response) {
  grpc::ClientContext call;
  context.PrepareCall(&call);
  std::unique_ptr<v1::Admin::Stub> stub = v1::Admin::NewStub(context.channel());
  return (stub.get()->*method)(&call, request, response);
}

// Parses `args` and checks that the first positional word is one of `verbs`.
absl::StatusOr<ParsedArgs> ParseVerb(const std::vector<std::string>& args,
                                     const std::vector<FlagSpec>& specs,
                                     const std::vector<std::string>& verbs) {
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(args, specs);
  if (!parsed.ok()) return parsed.status();
  if (parsed->positional.empty()) {
    return absl::InvalidArgumentError("missing what to do (" +
                                      absl::StrJoin(verbs, ", ") + ")");
  }
  for (const std::string& verb : verbs) {
    if (parsed->positional[0] == verb) return parsed;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown action \"", parsed->positional[0], "\"; expected one of ",
                   absl::StrJoin(verbs, ", ")));
}

int RunMemberCreate(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 2)
    return context.UsageError("expected: member create NAME");
  v1::CreateMemberRequest request;
  request.set_name(parsed.positional[1]);
  v1::Member member;
  grpc::Status status =
      CallAdmin(context, &v1::Admin::Stub::CreateMember, request, &member);
  if (!status.ok()) return context.RpcError(status);
  if (context.json()) {
    context.out() << ProtoToJson(member) << "\n";
  } else {
    context.out() << "member " << member.id() << " created: " << member.name() << "\n";
  }
  return kExitOk;
}

int RunMemberList(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 1) return context.UsageError("expected: member list");
  v1::ListMembersResponse all;
  v1::ListMembersRequest request;
  request.set_page_size(kMemberPageSize);
  do {
    v1::ListMembersResponse page;
    grpc::Status status =
        CallAdmin(context, &v1::Admin::Stub::ListMembers, request, &page);
    if (!status.ok()) return context.RpcError(status);
    for (v1::Member& member : *page.mutable_members())
      *all.add_members() = std::move(member);
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  if (context.json()) {
    all.clear_next_page_token();
    std::string out;
    JsonWriter json(&out);
    json.BeginObject();
    json.Key("members");
    json.BeginArray();
    for (const v1::Member& member : all.members()) WriteProtoJson(member, json);
    json.EndArray();
    json.EndObject();
    context.out() << out << "\n";
    return kExitOk;
  }
  TableWriter table({"ID", "NAME", "CREATED"});
  for (const v1::Member& member : all.members()) {
    table.AddRow({member.id(), member.name(), HumanMessageValue(member.created_at())});
  }
  table.Print(context.out());
  return kExitOk;
}

int RunMember(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseVerb(args, {}, {"create", "list"});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  return parsed->positional[0] == "create" ? RunMemberCreate(context, *parsed)
                                           : RunMemberList(context, *parsed);
}

void PrintKeyTable(const google::protobuf::RepeatedPtrField<v1::ApiKeyInfo>& keys,
                   std::ostream& out) {
  TableWriter table({"ID", "MEMBER", "ROLE", "CREATED", "REVOKED", "LABEL"});
  for (const v1::ApiKeyInfo& key : keys) {
    table.AddRow({key.id(), OrDash(key.member_id()), key.role(),
                  HumanMessageValue(key.created_at()),
                  TimeOrDash(key.revoked_at(), key.has_revoked_at()), key.label()});
  }
  table.Print(out);
}

int RunKeyCreate(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 1 || !parsed.Has("role")) {
    return context.UsageError("expected: key create --member ID --role ROLE [--label L]");
  }
  v1::CreateApiKeyRequest request;
  request.set_member_id(parsed.Value("member"));
  request.set_role(parsed.Value("role"));
  request.set_label(parsed.Value("label"));
  v1::CreateApiKeyResponse response;
  grpc::Status status =
      CallAdmin(context, &v1::Admin::Stub::CreateApiKey, request, &response);
  if (!status.ok()) return context.RpcError(status);
  const v1::ApiKeyInfo& info = response.info();
  if (context.json()) {
    std::string out;
    JsonWriter json(&out);
    json.BeginObject();
    json.Key("id");
    json.String(info.id());
    json.Key("key");
    json.String(response.key());
    json.Key("member_id");
    json.String(info.member_id());
    json.Key("role");
    json.String(info.role());
    json.Key("label");
    json.String(info.label());
    json.Key("created_at");
    WriteProtoJson(info.created_at(), json);
    json.EndObject();
    context.out() << out << "\n";
  } else {
    context.out() << "key " << info.id() << " (" << info.role() << ", member "
                  << OrDash(info.member_id()) << ") created:\n"
                  << response.key() << "\n"
                  << "The key is shown only now; the server keeps only its hash.\n";
  }
  return kExitOk;
}

int RunKeyList(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 1)
    return context.UsageError("expected: key list [--member ID]");
  v1::ListApiKeysRequest request;
  request.set_member_id(parsed.Value("member"));
  v1::ListApiKeysResponse response;
  grpc::Status status =
      CallAdmin(context, &v1::Admin::Stub::ListApiKeys, request, &response);
  if (!status.ok()) return context.RpcError(status);
  if (context.json()) {
    context.out() << ProtoToJson(response) << "\n";
  } else {
    PrintKeyTable(response.keys(), context.out());
  }
  return kExitOk;
}

int RunKeyRevoke(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 2)
    return context.UsageError("expected: key revoke KEY_ID");
  v1::RevokeApiKeyRequest request;
  request.set_id(parsed.positional[1]);
  v1::ApiKeyInfo info;
  grpc::Status status =
      CallAdmin(context, &v1::Admin::Stub::RevokeApiKey, request, &info);
  if (!status.ok()) return context.RpcError(status);
  if (context.json()) {
    context.out() << ProtoToJson(info) << "\n";
  } else {
    context.out() << "key " << info.id() << " revoked at "
                  << HumanMessageValue(info.revoked_at()) << "\n";
  }
  return kExitOk;
}

int RunKey(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseVerb(args, {{"member"}, {"role"}, {"label"}}, {"create", "list", "revoke"});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  const std::string& verb = parsed->positional[0];
  if (verb != "create" && (parsed->Has("role") || parsed->Has("label"))) {
    return context.UsageError("--role and --label belong to key create");
  }
  if (verb == "revoke" && parsed->Has("member")) {
    return context.UsageError("--member does not apply to key revoke");
  }
  if (verb == "create") return RunKeyCreate(context, *parsed);
  if (verb == "list") return RunKeyList(context, *parsed);
  return RunKeyRevoke(context, *parsed);
}

int RunAudit(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(args, {{"after"}, {"limit"}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  if (!parsed->positional.empty())
    return context.UsageError("audit takes no words, only flags");
  absl::StatusOr<std::optional<int64_t>> after = parsed->IntValue("after", 0);
  if (!after.ok()) return context.UsageError(after.status().message());
  absl::StatusOr<std::optional<int64_t>> limit = parsed->IntValue("limit", 1);
  if (!limit.ok()) return context.UsageError(limit.status().message());
  if (limit->value_or(0) > INT32_MAX) return context.UsageError("--limit: too large");

  v1::ReadAuditRequest request;
  request.set_after_sequence(static_cast<uint64_t>(after->value_or(0)));
  request.set_limit(static_cast<int32_t>(limit->value_or(0)));
  v1::ReadAuditResponse response;
  grpc::Status status =
      CallAdmin(context, &v1::Admin::Stub::ReadAudit, request, &response);
  if (!status.ok()) return context.RpcError(status);
  if (context.json()) {
    context.out() << ProtoToJson(response) << "\n";
    return kExitOk;
  }
  TableWriter table({"SEQ", "AT", "MEMBER", "KEY", "ACTION", "RPC", "SUBJECT", "CODE"});
  table.AlignRight(0);
  for (const v1::AuditEntry& entry : response.entries()) {
    table.AddRow({absl::StrCat(entry.sequence()), HumanMessageValue(entry.at()),
                  OrDash(entry.member_id()), OrDash(entry.key_id()), entry.action(),
                  entry.rpc(), entry.subject(), entry.code()});
  }
  table.Print(context.out());
  if (response.chain_intact()) {
    context.out() << "hash chain intact\n";
  } else {
    context.err() << "matchctl: the audit log's hash chain is BROKEN: "
                  << response.chain_problem() << "\n";
  }
  return kExitOk;
}

Command MemberCommand() {
  Command command;
  command.name = "member";
  command.summary = "create and list member organisations (admin)";
  command.usage =
      "matchctl member {create NAME | list}\n"
      "\n"
      "  create NAME  a new member organisation (1..200 characters); prints its id;\n"
      "               with --json the Member object, e.g. "
      "{\"id\":\"...\",\"name\":...}.\n"
      "  list         every member; with --json {\"members\":[...]}.\n"
      "Needs an admin key.";
  command.run = RunMember;
  return command;
}

Command KeyCommand() {
  Command command;
  command.name = "key";
  command.summary = "create, list and revoke API keys (admin)";
  command.usage =
      "matchctl key {create --member ID --role ROLE [--label L] | list [--member ID] |\n"
      "              revoke KEY_ID}\n"
      "\n"
      "  create  a key for member ID with ROLE (admin, officer, portal, analyst; admin\n"
      "          keys need no member). The key is printed once and never again; with\n"
      "          --json {\"id\":...,\"key\":...,\"member_id\":...,\"role\":...,...}.\n"
      "  list    keys of member ID, or every key (ids, roles, dates; never the keys);\n"
      "          with --json {\"keys\":[...]}.\n"
      "  revoke  the key KEY_ID stops working at once. The last active admin key cannot\n"
      "          be revoked.\n"
      "Needs an admin key.";
  command.run = RunKey;
  return command;
}

Command AuditCommand() {
  Command command;
  command.name = "audit";
  command.summary = "read the audit log and check its hash chain (admin)";
  command.usage =
      "matchctl audit [--after N] [--limit N]\n"
      "\n"
      "Prints audit entries with sequence > N (default 0), at most --limit (server\n"
      "default 100, at most 1000): who (member, key id), when, what (action, RPC,\n"
      "subject) and the status code. Candidate ids appear only as keyed hashes\n"
      "(candidate:#...). Then whether the whole log's hash chain verified; a broken\n"
      "chain is reported on stderr. With --json the ReadAuditResponse object\n"
      "{\"entries\":[...],\"chain_intact\":true,\"chain_problem\":\"\"}.\n"
      "Needs an admin key.";
  command.run = RunAudit;
  return command;
}

}  // namespace

void AddAdminCommands(std::vector<Command>& commands) {
  commands.push_back(MemberCommand());
  commands.push_back(KeyCommand());
  commands.push_back(AuditCommand());
}

}  // namespace azubimatch::matchctl

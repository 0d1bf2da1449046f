// matchctl policy: the member's company policy (Preferences service), the weights by
// which the member's offers without a ranking rank their eligible candidates in
// `matchctl assign` (candidates keep the pair score).
//   policy show [--member ID] [--json]
//   policy set [--occupation W] [--language W] [--commute W] [--certificate W]
//              [--start-date W] [--member ID] [--version V]
//     (each W in [0, 1], a component not given weighs 0, at least one positive)
//   policy set --clear [--member ID] [--version V]   back to the pair score
// --member is needed by admins only (officers and portals act for their own member).
// JSON: show and set print the CompanyPolicy as proto JSON ({"member_id":…,"weights":
// {"occupation":…,…},"version":…}); --clear prints {"cleared":true|false}.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "azubimatch/v1/preferences.grpc.pb.h"
#include "clients/matchctl/command_args.h"
#include "clients/matchctl/matching_command_support.h"
#include "clients/matchctl/matching_commands.h"
#include "clients/matchctl/proto_json.h"
#include "clients/matchctl/table_writer.h"

namespace azubimatch::matchctl {
namespace {

struct WeightFlag {
  const char* flag;  // snake_case
  void (v1::ComponentWeights::*set)(double);
  double (v1::ComponentWeights::*get)() const;
};

constexpr WeightFlag kWeightFlags[] = {
    {"occupation", &v1::ComponentWeights::set_occupation, &v1::ComponentWeights::occupation},
    {"language", &v1::ComponentWeights::set_language, &v1::ComponentWeights::language},
    {"commute", &v1::ComponentWeights::set_commute, &v1::ComponentWeights::commute},
    {"certificate", &v1::ComponentWeights::set_certificate,
     &v1::ComponentWeights::certificate},
    {"start_date", &v1::ComponentWeights::set_start_date, &v1::ComponentWeights::start_date},
};

int PrintPolicy(Context& context, const v1::CompanyPolicy& policy) {
  if (context.json()) {
    context.out() << ProtoToJson(policy) << "\n";
    return kExitOk;
  }
  if (policy.version() == 0) {
    context.out() << "member " << policy.member_id()
                  << " has no company policy: its offers without a ranking rank their "
                     "candidates by the pair score\n";
    return kExitOk;
  }
  context.out() << "member " << policy.member_id() << ", version " << policy.version()
                << ", updated " << TimeText(policy.updated_at()) << " UTC\n";
  TableWriter table({"COMPONENT", "WEIGHT"});
  table.AlignRight(1);
  for (const WeightFlag& w : kWeightFlags) {
    table.AddRow({w.flag, absl::StrFormat("%.3f", (policy.weights().*w.get)())});
  }
  table.Print(context.out());
  context.out() << "offers without a ranking rank their eligible candidates by these "
                   "weights (normalised by their sum)\n";
  return kExitOk;
}

int RunShow(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 1) return context.UsageError("expected: policy show");
  v1::GetCompanyPolicyRequest request;
  request.set_member_id(parsed.Value("member"));
  grpc::ClientContext call;
  context.PrepareCall(&call);
  v1::CompanyPolicy policy;
  if (grpc::Status status = v1::Preferences::NewStub(context.channel())
                                ->GetCompanyPolicy(&call, request, &policy);
      !status.ok()) {
    return context.RpcError(status);
  }
  return PrintPolicy(context, policy);
}

int RunClear(Context& context, const ParsedArgs& parsed, int64_t version) {
  for (const WeightFlag& w : kWeightFlags) {
    if (parsed.Has(w.flag)) return context.UsageError("--clear takes no weights");
  }
  v1::ClearCompanyPolicyRequest request;
  request.set_member_id(parsed.Value("member"));
  request.set_version(version);
  grpc::ClientContext call;
  context.PrepareCall(&call);
  v1::ClearCompanyPolicyResponse response;
  if (grpc::Status status = v1::Preferences::NewStub(context.channel())
                                ->ClearCompanyPolicy(&call, request, &response);
      !status.ok()) {
    return context.RpcError(status);
  }
  if (context.json()) {
    context.out() << "{\"cleared\":" << (response.cleared() ? "true" : "false") << "}\n";
  } else {
    context.out() << (response.cleared() ? "cleared the company policy: offers rank by the "
                                           "pair score again\n"
                                         : "no company policy to clear\n");
  }
  return kExitOk;
}

int RunSet(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 1) return context.UsageError("expected: policy set --commute W ...");
  absl::StatusOr<std::optional<int64_t>> version = parsed.IntValue("version", 0);
  if (!version.ok()) return context.UsageError(version.status().message());
  if (parsed.Has("clear")) return RunClear(context, parsed, version->value_or(0));
  v1::SetCompanyPolicyRequest request;
  request.set_member_id(parsed.Value("member"));
  request.set_version(version->value_or(0));
  bool any = false;
  for (const WeightFlag& w : kWeightFlags) {
    if (!parsed.Has(w.flag)) continue;
    double value = 0;
    if (!absl::SimpleAtod(parsed.Value(w.flag), &value)) {
      return context.UsageError(absl::StrCat("--", w.flag, ": expected a number in [0, 1]"));
    }
    (request.mutable_weights()->*w.set)(value);
    any = true;
  }
  if (!any) {
    return context.UsageError(
        "give at least one of --occupation, --language, --commute, --certificate, "
        "--start-date (or --clear)");
  }
  grpc::ClientContext call;
  context.PrepareCall(&call);
  v1::CompanyPolicy policy;
  if (grpc::Status status = v1::Preferences::NewStub(context.channel())
                                ->SetCompanyPolicy(&call, request, &policy);
      !status.ok()) {
    return context.RpcError(status);
  }
  return PrintPolicy(context, policy);
}

int RunPolicy(Context& context, const std::vector<std::string>& args) {
  std::vector<FlagSpec> specs = {{"member"}, {"version"}, {"clear", /*takes_value=*/false}};
  for (const WeightFlag& w : kWeightFlags) specs.push_back({w.flag});
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(args, specs);
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  const std::string verb = parsed->positional.empty() ? "" : parsed->positional[0];
  if (verb == "show") return RunShow(context, *parsed);
  if (verb == "set") return RunSet(context, *parsed);
  return context.UsageError("expected: policy show | policy set --commute W ... | policy set --clear");
}

}  // namespace

void AddPolicyCommands(std::vector<Command>& commands) {
  commands.push_back(MakeCommand(
      "policy", "the company policy: how your offers without a ranking rank candidates",
      "matchctl policy show [--member ID] [--json]\n"
      "matchctl policy set [--occupation W] [--language W] [--commute W] [--certificate W]\n"
      "                    [--start-date W] [--member ID] [--version V]\n"
      "matchctl policy set --clear [--member ID] [--version V]\n"
      "\n"
      "Sets your member's company policy: weights over the pair score's components by\n"
      "which your offers without an explicit ranking (`matchctl rank offer`) rank their\n"
      "eligible candidates in `matchctl assign`; candidates keep ranking by the pair\n"
      "score. Without a policy offers rank by the pair score, and the stable modes then\n"
      "coincide; with one that differs, stable and stable-offer-proposing can differ.\n"
      "  --occupation, --language, --commute, --certificate, --start-date W\n"
      "               weight in [0, 1] (normalised by their sum); a component not given\n"
      "               weighs 0; at least one must be positive\n"
      "  --clear      remove the policy (back to the pair score)\n"
      "  --member ID  the member (admins only; officers and portals act for their own)\n"
      "  --version V  change only if V is the current version (0: unconditional)\n"
      "Output: the weights; with --json the CompanyPolicy as proto JSON, and\n"
      "{\"cleared\":true|false} for --clear.",
      RunPolicy));
}

}  // namespace azubimatch::matchctl

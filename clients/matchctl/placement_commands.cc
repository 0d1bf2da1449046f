#include "clients/matchctl/matching_commands.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "clients/matchctl/command_args.h"
#include "clients/matchctl/enum_names.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/matching_command_support.h"
#include "clients/matchctl/progress_bar.h"
#include "clients/matchctl/proto_json.h"
#include "clients/matchctl/registry_commands.h"
#include "clients/matchctl/table_writer.h"

namespace azubimatch::matchctl {
namespace {

constexpr int kMaxPlacementsPage = 1000;

// ---- placement ----

int PrintPlacement(Context& context, const grpc::Status& status, const v1::Placement& p) {
  if (!status.ok()) return context.RpcError(status);
  PrintRecord(context, p);
  return kExitOk;
}

int RunPlacementList(Context& context, const ParsedArgs& parsed) {
  absl::StatusOr<std::optional<int64_t>> limit = parsed.IntValue("limit", 1);
  if (!limit.ok()) return context.UsageError(limit.status().message());
  v1::ListPlacementsRequest request;
  request.set_candidate_id(parsed.Value("candidate"));
  request.set_offer_id(parsed.Value("offer"));
  if (parsed.Has("status")) {
    absl::StatusOr<int> status =
        ParseEnumName(v1::PlacementStatus_descriptor(), parsed.Value("status"));
    if (!status.ok()) return context.UsageError(absl::StrCat("--status: ", status.status().message()));
    request.set_status(static_cast<v1::PlacementStatus>(*status));
  }
  std::vector<v1::Placement> placements;
  if (grpc::Status status = FetchPages(context, request, kMaxPlacementsPage, *limit,
                                       &v1::Matching::Stub::ListPlacements,
                                       &v1::ListPlacementsResponse::mutable_placements,
                                       &placements);
      !status.ok()) {
    return context.RpcError(status);
  }
  if (context.json()) {
    PrintJsonList(context, "placements", placements);
    return kExitOk;
  }
  TableWriter table({"ID", "CANDIDATE_ID", "OFFER_ID", "STATUS", "SCORE", "REASON", "RUN_ID",
                     "UPDATED_UTC"});
  table.AlignRight(4);
  for (const v1::Placement& p : placements) {
    table.AddRow({p.id(), p.candidate_id(), p.offer_id(),
                  EnumShortName(v1::PlacementStatus_descriptor(), p.status()), ScoreText(p.score()),
                  p.reject_reason() == v1::REJECT_REASON_UNSPECIFIED
                      ? ""
                      : EnumShortName(v1::RejectReason_descriptor(), p.reject_reason()),
                  p.run_id(), TimeText(p.updated_at())});
  }
  if (table.rows() > 0) table.Print(context.out());
  context.out() << placements.size() << " placements\n";
  return kExitOk;
}

int RunPlacement(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(
      args, {{"candidate"}, {"offer"}, {"run"}, {"reason"}, {"note"}, {"status"}, {"limit"}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  const std::string verb = parsed->positional.empty() ? "" : parsed->positional[0];
  if (verb == "list") return RunPlacementList(context, *parsed);
  grpc::ClientContext call;
  context.PrepareCall(&call);
  v1::Placement placement;
  if (verb == "accept" || verb == "reject") {
    if (parsed->positional.size() != 1) return context.UsageError("takes no further words");
    if (!parsed->Has("candidate") || !parsed->Has("offer")) {
      return context.UsageError("give both --candidate ID and --offer ID");
    }
    if (verb == "accept") {
      v1::AcceptPlacementRequest request;
      request.set_candidate_id(parsed->Value("candidate"));
      request.set_offer_id(parsed->Value("offer"));
      request.set_run_id(parsed->Value("run"));
      request.set_note(parsed->Value("note"));
      return PrintPlacement(context, MatchingStub(context)->AcceptPlacement(&call, request, &placement),
                            placement);
    }
    if (!parsed->Has("reason")) {
      return context.UsageError(absl::StrCat(
          "--reason is required: ", EnumShortNameList(v1::RejectReason_descriptor())));
    }
    absl::StatusOr<int> reason =
        ParseEnumName(v1::RejectReason_descriptor(), parsed->Value("reason"));
    if (!reason.ok()) return context.UsageError(absl::StrCat("--reason: ", reason.status().message()));
    v1::RejectPlacementRequest request;
    request.set_candidate_id(parsed->Value("candidate"));
    request.set_offer_id(parsed->Value("offer"));
    request.set_reason(static_cast<v1::RejectReason>(*reason));
    request.set_run_id(parsed->Value("run"));
    request.set_note(parsed->Value("note"));
    return PrintPlacement(context, MatchingStub(context)->RejectPlacement(&call, request, &placement),
                          placement);
  }
  if (verb == "withdraw") {
    if (parsed->positional.size() != 2) return context.UsageError("expected: placement withdraw ID");
    v1::WithdrawPlacementRequest request;
    request.set_id(parsed->positional[1]);
    request.set_note(parsed->Value("note"));
    return PrintPlacement(context, MatchingStub(context)->WithdrawPlacement(&call, request, &placement),
                          placement);
  }
  return context.UsageError("expected: placement accept|reject|withdraw|list");
}

}  // namespace

void AddPlacementCommands(std::vector<Command>& commands) {
  commands.push_back(MakeCommand(
      "placement", "accept, reject, withdraw or list placements",
      "matchctl placement accept --candidate ID --offer ID [--run R] [--note TEXT]\n"
      "       matchctl placement reject --candidate ID --offer ID --reason R [--note TEXT]\n"
      "       matchctl placement withdraw ID [--note TEXT]\n"
      "       matchctl placement list [--candidate ID] [--offer ID] [--status S] [--limit N]\n"
      "\n"
      "accept takes a seat of the offer (refused when none is free or the candidate is\n"
      "placed already); reject bans the pair in later runs (reasons: candidate_declined,\n"
      "company_declined, not_reachable, not_suitable, other); withdraw frees the seat or\n"
      "lifts the ban. Output: the placement (with --json as an object); list prints a\n"
      "table, with --json {\"placements\":[...]}.",
      RunPlacement));
}

}  // namespace azubimatch::matchctl

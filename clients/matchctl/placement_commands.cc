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
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
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

// "contract signed" for PLACEMENT_STATUS_CONTRACT_SIGNED, and the like.
std::string EnumWords(const google::protobuf::EnumDescriptor* type, int number) {
  return absl::StrReplaceAll(EnumShortName(type, number), {{"_", " "}});
}

std::string StatusWords(v1::PlacementStatus status) {
  return EnumWords(v1::PlacementStatus_descriptor(), status);
}

// The placement and its history, for a placement officer:
//   placement P: started (version 3)
//     candidate C at offer O
//     2030-07-15  accepted (recorded)
//     2027-05-03  contract signed   note: ...
void PrintPlacementHistory(const v1::Placement& p, std::ostream& out) {
  out << "placement " << p.id() << ": " << StatusWords(p.status()) << " (version "
      << p.version() << ")\n";
  out << "  candidate " << p.candidate_id() << " at offer " << p.offer_id() << "\n";
  for (const v1::PlacementEvent& event : p.history()) {
    const v1::Date& d = event.date();
    // The acceptance is dated the day the service recorded it, not the day agreed.
    const std::string what = event.status() == v1::PLACEMENT_STATUS_ACCEPTED
                                 ? "accepted (recorded)"
                                 : StatusWords(event.status());
    std::string line = absl::StrFormat("  %04d-%02d-%02d  %-17s", d.year(), d.month(),
                                       d.day(), what);
    if (event.ended_by() != v1::ENDED_BY_UNSPECIFIED) {
      absl::StrAppend(&line, "  by ",
                      EnumShortName(v1::EndedBy_descriptor(), event.ended_by()));
    }
    if (event.end_reason() != v1::EARLY_END_REASON_UNSPECIFIED) {
      absl::StrAppend(&line, ", reason ",
                      EnumWords(v1::EarlyEndReason_descriptor(), event.end_reason()));
    }
    if (!event.note().empty()) absl::StrAppend(&line, "  note: ", event.note());
    out << absl::StripTrailingAsciiWhitespace(line) << "\n";
  }
  if (p.status() == v1::PLACEMENT_STATUS_ENDED_EARLY) {
    out << "The offer's seat is free again and the candidate is active again; the pair\n"
           "stays banned in later runs until the placement is withdrawn.\n";
  } else if (p.status() == v1::PLACEMENT_STATUS_COMPLETED) {
    out << "The training is completed; the offer's seat is free again.\n";
  }
}

constexpr v1::PlacementStatus kLifecycleSteps[] = {
    v1::PLACEMENT_STATUS_CONTRACT_SIGNED, v1::PLACEMENT_STATUS_STARTED,
    v1::PLACEMENT_STATUS_PROBATION_PASSED, v1::PLACEMENT_STATUS_COMPLETED,
    v1::PLACEMENT_STATUS_ENDED_EARLY};

// The request of `placement advance ID --status S --date D [...]`; InvalidArgument
// naming the flag.
absl::StatusOr<v1::AdvancePlacementRequest> AdvanceRequest(const ParsedArgs& parsed) {
  if (parsed.positional.size() != 2) {
    return absl::InvalidArgumentError(
        "expected: placement advance ID --status S --date D");
  }
  std::string steps;
  for (v1::PlacementStatus step : kLifecycleSteps) {
    absl::StrAppend(&steps, steps.empty() ? "" : ", ",
                    EnumShortName(v1::PlacementStatus_descriptor(), step));
  }
  if (!parsed.Has("status")) {
    return absl::InvalidArgumentError(absl::StrCat("--status is required: ", steps));
  }
  absl::StatusOr<int> status =
      ParseEnumName(v1::PlacementStatus_descriptor(), parsed.Value("status"));
  if (!status.ok() || std::find(std::begin(kLifecycleSteps), std::end(kLifecycleSteps),
                                *status) == std::end(kLifecycleSteps)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--status: expected one of ", steps, ", got \"", parsed.Value("status"), "\""));
  }
  if (!parsed.Has("date")) {
    return absl::InvalidArgumentError(
        "--date is required: the day of the step, YYYY-MM-DD");
  }
  absl::StatusOr<v1::Date> date = ParseDate("date", parsed.Value("date"));
  if (!date.ok()) return date.status();
  v1::AdvancePlacementRequest request;
  request.set_id(parsed.positional[1]);
  request.set_status(static_cast<v1::PlacementStatus>(*status));
  *request.mutable_date() = *date;
  request.set_note(parsed.Value("note"));
  const bool ends_early = request.status() == v1::PLACEMENT_STATUS_ENDED_EARLY;
  for (const char* flag : {"ended_by", "reason"}) {
    const std::string dashed = absl::StrReplaceAll(flag, {{"_", "-"}});
    if (!ends_early && parsed.Has(flag)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", dashed, " is only for --status ended_early"));
    }
    const google::protobuf::EnumDescriptor* type = flag == std::string("reason")
                                                       ? v1::EarlyEndReason_descriptor()
                                                       : v1::EndedBy_descriptor();
    if (ends_early && !parsed.Has(flag)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--", dashed, " is required with --status ended_early: ",
          EnumShortNameList(type)));
    }
    if (!ends_early) continue;
    absl::StatusOr<int> value = ParseEnumName(type, parsed.Value(flag));
    if (!value.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", dashed, ": ", value.status().message()));
    }
    if (type == v1::EndedBy_descriptor()) {
      request.set_ended_by(static_cast<v1::EndedBy>(*value));
    } else {
      request.set_end_reason(static_cast<v1::EarlyEndReason>(*value));
    }
  }
  return request;
}

int RunPlacementAdvance(Context& context, const ParsedArgs& parsed) {
  absl::StatusOr<v1::AdvancePlacementRequest> request = AdvanceRequest(parsed);
  if (!request.ok()) return context.UsageError(request.status().message());
  grpc::ClientContext call;
  context.PrepareCall(&call);
  v1::Placement placement;
  const grpc::Status status =
      MatchingStub(context)->AdvancePlacement(&call, *request, &placement);
  if (!status.ok()) return context.RpcError(status);
  if (context.json()) {
    context.out() << ProtoToJson(placement) << "\n";
  } else {
    PrintPlacementHistory(placement, context.out());
  }
  return kExitOk;
}

int RunPlacement(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseCommandArgs(args, {{"candidate"}, {"offer"}, {"run"}, {"reason"}, {"note"},
                              {"status"}, {"limit"}, {"date"}, {"ended_by"}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  const std::string verb = parsed->positional.empty() ? "" : parsed->positional[0];
  if (verb == "list") return RunPlacementList(context, *parsed);
  if (verb == "advance") return RunPlacementAdvance(context, *parsed);
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
  return context.UsageError("expected: placement accept|reject|advance|withdraw|list");
}

}  // namespace

void AddPlacementCommands(std::vector<Command>& commands) {
  commands.push_back(MakeCommand(
      "placement", "accept, reject, advance, withdraw or list placements",
      "matchctl placement accept --candidate ID --offer ID [--run R] [--note TEXT]\n"
      "       matchctl placement reject --candidate ID --offer ID --reason R [--note TEXT]\n"
      "       matchctl placement advance ID --status S --date YYYY-MM-DD\n"
      "                [--ended-by apprentice|company|mutual] [--reason R]\n"
      "                [--note TEXT]\n"
      "       matchctl placement withdraw ID [--note TEXT]\n"
      "       matchctl placement list [--candidate ID] [--offer ID] [--status S] [--limit N]\n"
      "\n"
      "accept takes a seat of the offer (refused when none is free or the candidate is\n"
      "placed already); reject bans the pair in later runs (reasons: candidate_declined,\n"
      "company_declined, not_reachable, not_suitable, other); withdraw frees the seat or\n"
      "lifts the ban.\n"
      "advance records the next step of the training: contract_signed, started,\n"
      "probation_passed, completed, one at a time, or ended_early (after the contract;\n"
      "needs --ended-by and --reason: other_occupation, working_conditions, conflict,\n"
      "performance, commute, health_or_family, company_closed, other). The date may lie\n"
      "in the past, not in the future, not before the previous step. ended_early frees\n"
      "the seat, makes the candidate active again and bans the pair in later runs until\n"
      "the placement is withdrawn; completed frees the seat. It prints the placement\n"
      "with its history. Notes must hold no personal data.\n"
      "Output: the placement (with --json as an object, advance with its history); list\n"
      "prints a table, with --json {\"placements\":[...]}.",
      RunPlacement));
}

}  // namespace azubimatch::matchctl

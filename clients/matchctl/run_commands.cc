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
#include "clients/matchctl/report_commands.h"
#include "clients/matchctl/table_writer.h"

namespace azubimatch::matchctl {
namespace {

// An assignment of a large cohort takes a while; a suggestion or a placement does not.
constexpr absl::Duration kAssignTimeout = absl::Minutes(10);
// Placements shown by the table output of a run.
constexpr int kRunRowsShown = 20;
constexpr int kMaxRunsPage = 200;

// ---- runs (assign, run get, run list) ----

void WriteRunJson(const v1::Run& run, JsonWriter& json) {
  json.BeginObject();
  json.Key("run_id");
  json.String(run.id());
  json.Key("mode");
  json.String(ModeName(run.mode()));
  json.Key("placements");
  json.BeginArray();
  for (const v1::RunPlacement& p : run.placements()) {
    json.BeginObject();
    json.Key("candidate_id");
    json.String(p.candidate_id());
    json.Key("offer_id");
    json.String(p.offer_id());
    json.Key("score");
    json.Double(p.score());
    json.EndObject();
  }
  json.EndArray();
  json.Key("unmatched");
  json.BeginArray();
  for (const v1::UnmatchedCandidate& u : run.unmatched()) {
    json.BeginObject();
    json.Key("candidate_id");
    json.String(u.candidate_id());
    json.Key("reason");
    json.String(u.reason());
    json.EndObject();
  }
  json.EndArray();
  const v1::RunMetrics& m = run.metrics();
  json.Key("metrics");
  json.BeginObject();
  WriteRunMetricsFields(m, json);
  // Against the two-sided lists (rankings, or the default lists by pair score).
  json.Key("ranked_blocking_pairs");
  json.Int(m.ranked_blocking_pairs());
  json.Key("candidate_mean_rank");
  json.Double(m.candidate_mean_rank());
  json.Key("ranked_first_choice_share");
  json.Double(m.ranked_first_choice_share());
  json.Key("offer_mean_rank");
  json.Double(m.offer_mean_rank());
  json.Key("mutually_acceptable_pairs");
  json.Int(m.mutually_acceptable_pairs());
  json.Key("candidate_rankings_used");
  json.Int(m.candidate_rankings_used());
  json.Key("offer_rankings_used");
  json.Int(m.offer_rankings_used());
  json.Key("company_policy_offers");
  json.Int(m.company_policy_offers());
  json.Key("seed");
  json.Int(static_cast<int64_t>(run.seed()));
  json.EndObject();
  json.EndObject();
}

void PrintRunTables(const v1::Run& run, std::ostream& out) {
  const v1::RunMetrics& m = run.metrics();
  out << "run " << run.id() << " (" << ModeName(run.mode()) << ")"
      << (run.request().label().empty() ? "" : absl::StrCat(" \"", run.request().label(), "\""))
      << ", created " << TimeText(run.created_at()) << " UTC, "
      << absl::StrFormat("%.2f", run.solve_seconds()) << " s, " << run.eligible_pairs()
      << " eligible pairs\n\n";
  TableWriter metrics({"METRIC", "VALUE"});
  metrics.AlignRight(1);
  const auto share = [](double v) { return absl::StrFormat("%.1f%%", 100 * v); };
  metrics.AddRow({"candidates", absl::StrCat(m.candidates())});
  metrics.AddRow({"seats", absl::StrCat(m.seats())});
  metrics.AddRow({"placed", absl::StrCat(m.placed())});
  metrics.AddRow({"fill rate", share(m.fill_rate())});
  metrics.AddRow({"total score", absl::StrFormat("%.3f", m.total_score())});
  metrics.AddRow({"mean score", ScoreText(m.mean_score())});
  metrics.AddRow({"first choice", share(m.first_choice_share())});
  metrics.AddRow({"top three", share(m.top3_share())});
  metrics.AddRow({"commute median", absl::StrCat(MinutesText(m.commute_median_min()), " min")});
  metrics.AddRow({"commute p90", absl::StrCat(MinutesText(m.commute_p90_min()), " min")});
  metrics.AddRow({"blocking pairs (scores)", absl::StrCat(m.blocking_pairs())});
  metrics.AddRow({"blocking pairs (lists)", absl::StrCat(m.ranked_blocking_pairs())});
  metrics.AddRow({"candidates' mean rank", absl::StrFormat("%.2f", m.candidate_mean_rank())});
  metrics.AddRow({"listed first choice", share(m.ranked_first_choice_share())});
  metrics.AddRow({"offers' mean rank", absl::StrFormat("%.2f", m.offer_mean_rank())});
  metrics.AddRow({"rankings used", absl::StrCat(m.candidate_rankings_used(), " candidates, ",
                                                m.offer_rankings_used(), " offers")});
  metrics.AddRow({"company policies used", absl::StrCat(m.company_policy_offers(), " offers")});
  metrics.AddRow({"seed", absl::StrCat(run.seed())});
  metrics.Print(out);

  if (run.placements_size() > 0) {
    out << "\nplacements" << (run.placements_size() > kRunRowsShown ? " (best first, the first 20)" : "")
        << ":\n";
    std::vector<const v1::RunPlacement*> rows;
    for (const v1::RunPlacement& p : run.placements()) rows.push_back(&p);
    std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
      return a->score() > b->score();
    });
    TableWriter table({"CANDIDATE_ID", "OFFER_ID", "SCORE", "MIN", "CHOICE", "LOCKED"});
    for (size_t column : {2, 3, 4}) table.AlignRight(column);
    for (size_t i = 0; i < rows.size() && i < static_cast<size_t>(kRunRowsShown); ++i) {
      const v1::RunPlacement& p = *rows[i];
      table.AddRow({p.candidate_id(), p.offer_id(), ScoreText(p.score()), MinutesText(p.travel_minutes()),
                    p.choice_rank() > 0 ? absl::StrCat(p.choice_rank()) : "sector",
                    p.locked() ? "yes" : ""});
    }
    table.Print(out);
  }
  if (!m.unmatched_reasons().empty()) {
    out << "\nunmatched candidates by reason:\n";
    std::vector<std::pair<std::string, int64_t>> reasons(m.unmatched_reasons().begin(),
                                                         m.unmatched_reasons().end());
    std::sort(reasons.begin(), reasons.end());
    TableWriter table({"REASON", "CANDIDATES"});
    table.AlignRight(1);
    for (const auto& [reason, count] : reasons) table.AddRow({reason, absl::StrCat(count)});
    table.Print(out);
  }
  out << run.placements_size() << " placed, " << run.unmatched_size()
      << " unmatched; --json lists them all\n";
}

int PrintRun(Context& context, const v1::Run& run) {
  if (context.json()) {
    std::string out;
    JsonWriter json(&out);
    WriteRunJson(run, json);
    context.out() << out << "\n";
  } else {
    PrintRunTables(run, context.out());
  }
  return kExitOk;
}

int RunAssign(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseCommandArgs(args, {{"mode"}, {"municipality"}, {"kldb"}, {"start_from"},
                              {"start_to"}, {"member"}, {"seed"}, {"lock"}, {"ban"}, {"label"}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  if (!parsed->positional.empty()) return context.UsageError("takes no positional words");
  if (!parsed->Has("mode")) {
    return context.UsageError(
        "--mode optimal|stable|stable-offer-proposing|best-stable|greedy is required");
  }
  v1::AssignRequest request;
  absl::StatusOr<int> mode =
      ParseEnumName(v1::AssignMode_descriptor(), parsed->Value("mode"));
  if (!mode.ok()) return context.UsageError(absl::StrCat("--mode: ", mode.status().message()));
  request.set_mode(static_cast<v1::AssignMode>(*mode));
  for (const std::string& m : FlagValues(*parsed, "municipality")) {
    request.mutable_pool()->add_municipalities(m);
  }
  for (const std::string& k : FlagValues(*parsed, "kldb")) request.mutable_pool()->add_kldb_codes(k);
  for (const std::string& m : FlagValues(*parsed, "member")) request.mutable_pool()->add_member_ids(m);
  for (const char* flag : {"start_from", "start_to"}) {
    if (!parsed->Has(flag)) continue;
    absl::StatusOr<v1::Date> date = ParseDate(flag, parsed->Value(flag));
    if (!date.ok()) return context.UsageError(date.status().message());
    *(std::string_view(flag) == "start_from" ? request.mutable_pool()->mutable_start_from()
                                             : request.mutable_pool()->mutable_start_to()) =
        *date;
  }
  if (parsed->Has("seed")) {
    uint64_t seed = 0;
    if (!absl::SimpleAtoi(parsed->Value("seed"), &seed)) {
      return context.UsageError("--seed: expected a whole number >= 0");
    }
    request.set_seed(seed);
  }
  for (const char* flag : {"lock", "ban"}) {
    for (const std::string& text : FlagValues(*parsed, flag)) {
      absl::StatusOr<v1::CandidateOfferPair> pair = ParsePair(flag, text);
      if (!pair.ok()) return context.UsageError(pair.status().message());
      *(std::string_view(flag) == "lock" ? request.add_locked() : request.add_banned()) = *pair;
    }
  }
  request.set_label(parsed->Value("label"));

  grpc::ClientContext call;
  context.PrepareCall(&call, kAssignTimeout);
  std::unique_ptr<grpc::ClientReader<v1::AssignEvent>> reader =
      MatchingStub(context)->Assign(&call, request);
  v1::AssignEvent event;
  std::optional<v1::Run> run;
  std::optional<ProgressBar> bar;
  std::string bar_phase;
  while (reader->Read(&event)) {
    if (event.has_run()) {
      run = std::move(*event.mutable_run());
      continue;
    }
    const v1::AssignProgress& progress = event.progress();
    if (progress.phase() != bar_phase || !bar.has_value()) {
      bar.reset();
      bar_phase = progress.phase();
      bar.emplace(context.err(), context.err_is_terminal(), absl::StrCat("assign: ", bar_phase),
                  progress.total());
    }
    bar->Update(progress.done());
  }
  bar.reset();
  if (grpc::Status status = reader->Finish(); !status.ok()) return context.RpcError(status);
  if (!run.has_value()) return context.RpcError(grpc::Status(grpc::StatusCode::INTERNAL, "the server ended Assign without a run"));
  return PrintRun(context, *run);
}

int RunRunsGet(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 2) return context.UsageError("expected: run get ID");
  v1::Run run;
  if (grpc::Status status = GetRun(context, parsed.positional[1], &run); !status.ok()) {
    return context.RpcError(status);
  }
  return PrintRun(context, run);
}

int RunRunsList(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 1) return context.UsageError("expected: run list");
  absl::StatusOr<std::optional<int64_t>> limit = parsed.IntValue("limit", 1);
  if (!limit.ok()) return context.UsageError(limit.status().message());
  std::vector<v1::Run> runs;
  if (grpc::Status status =
          FetchPages(context, v1::ListRunsRequest(), kMaxRunsPage, *limit,
                     &v1::Matching::Stub::ListRuns, &v1::ListRunsResponse::mutable_runs, &runs);
      !status.ok()) {
    return context.RpcError(status);
  }
  if (context.json()) {
    PrintJsonList(context, "runs", runs);
    return kExitOk;
  }
  TableWriter table({"ID", "CREATED_UTC", "MODE", "CANDIDATES", "SEATS", "PLACED", "FILL",
                     "MEAN_SCORE", "LABEL"});
  for (size_t column : {3, 4, 5, 6, 7}) table.AlignRight(column);
  for (const v1::Run& run : runs) {
    const v1::RunMetrics& m = run.metrics();
    table.AddRow({run.id(), TimeText(run.created_at()), ModeName(run.mode()),
                  absl::StrCat(m.candidates()), absl::StrCat(m.seats()), absl::StrCat(m.placed()),
                  absl::StrFormat("%.1f%%", 100 * m.fill_rate()), ScoreText(m.mean_score()),
                  run.request().label()});
  }
  if (table.rows() > 0) table.Print(context.out());
  context.out() << runs.size() << " runs\n";
  return kExitOk;
}

int RunRuns(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(args, {{"limit"}, {"csv"}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  const std::string verb = parsed->positional.empty() ? "" : parsed->positional[0];
  if (verb == "list") return RunRunsList(context, *parsed);
  if (verb == "get") return RunRunsGet(context, *parsed);
  if (verb == "export") return RunRunsExport(context, *parsed);
  return context.UsageError("expected: run list | run get ID | run export ID --csv FILE");
}

}  // namespace

void AddRunCommands(std::vector<Command>& commands) {
  commands.push_back(MakeCommand(
      "assign", "an assignment run over a pool (five modes)",
      "matchctl assign --mode optimal|stable|stable-offer-proposing|best-stable|greedy\n"
      "                [--municipality M]... [--kldb K]... "
      "[--start-from YYYY-MM-DD] [--start-to YYYY-MM-DD] [--member ID]... [--seed S] "
      "[--lock C:O]... [--ban C:O]... [--label TEXT]\n"
      "\n"
      "Proposes placements for every candidate you may see (ACTIVE, without a placement)\n"
      "and every open offer with a free seat, narrowed by the filters. Accepted placements\n"
      "stay locked, rejected pairs banned. The run is stored; it changes no seat.\n"
      "  --mode               over the two-sided lists (`matchctl rank`; without a\n"
      "                       ranking a side ranks every eligible partner by score):\n"
      "                       optimal: most placements, then highest total score;\n"
      "                       stable: candidate-proposing deferred acceptance;\n"
      "                       stable-offer-proposing: offer-proposing deferred acceptance;\n"
      "                       best-stable: the stable matching of highest total score;\n"
      "                       greedy: best pair first\n"
      "  --municipality M     candidates' homes and offers' places of work in M\n"
      "  --kldb K             offers of occupation K\n"
      "  --start-from/--start-to  offers starting in this window\n"
      "  --member ID          candidates of this member (admins only)\n"
      "  --seed S             tie-breaking of the lists (default 1; stored with the run)\n"
      "  --lock C:O, --ban C:O  a pair to keep, or never to propose\n"
      "Progress is drawn on stderr when it is a terminal. Output: metrics, the best\n"
      "placements and the unmatched reasons; with --json {\"run_id\":...,\"mode\":...,\n"
      "\"placements\":[{\"candidate_id\",\"offer_id\",\"score\"}],\"unmatched\":[{\"candidate_id\",\n"
      "\"reason\"}],\"metrics\":{\"candidates\",\"seats\",\"placed\",\"fill_rate\",\"total_score\",\n"
      "\"mean_score\",\"first_choice_share\",\"top3_share\",\"commute_median_min\",\n"
      "\"commute_p90_min\",\"blocking_pairs\",\"ranked_blocking_pairs\",\"candidate_mean_rank\",\n"
      "\"ranked_first_choice_share\",\"offer_mean_rank\",\"mutually_acceptable_pairs\",\n"
      "\"candidate_rankings_used\",\"offer_rankings_used\",\"company_policy_offers\",\"seed\"}}. Default deadline 10\n"
      "minutes (--timeout).",
      RunAssign));
  Command runs = MakeCommand(
      "run", "list stored assignment runs, show or export one",
      "matchctl run list [--limit N] | run get ID | run export ID --csv FILE\n"
      "\n"
      "list: your runs, newest first (with --json {\"runs\":[...]}, without placements);\n"
      "get: one run as `assign` prints it (same --json shape);\n"
      "export: the run's placements as CSV (candidate_id,offer_id,score,commute_minutes,\n"
      "rank; rank 1 = first wish, \"sector\" = sector match), for officers (analysts see\n"
      "no placements). 'runs' is the old spelling of 'run'.",
      RunRuns);
  runs.aliases = {"runs"};
  commands.push_back(std::move(runs));
}

}  // namespace azubimatch::matchctl

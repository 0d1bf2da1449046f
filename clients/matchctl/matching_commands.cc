// The matching commands of matchctl: suggest, explain, assign, placement, runs.
//
// JSON shapes (scripts rely on them; numbers are JSON numbers, scores doubles):
//   suggest --candidate ID  {"suggestions":[{"offer_id":"…","score":0.81,
//                            "components":{"occupation":0.35,"language":0.12,…}}]}
//   suggest --offer ID      the same with "candidate_id" instead of "offer_id"
//   explain                 {"eligible":true,"score":0.81,"components":{…},
//                            "reasons":["German B1 required, candidate has A2",…]}
//   assign, runs get        {"run_id":"…","mode":"optimal","placements":[{"candidate_id":
//                            "…","offer_id":"…","score":0.8}],"unmatched":[{"candidate_id":
//                            "…","reason":"outcompeted"}],"metrics":{"candidates":…,
//                            "seats":…,"placed":…,"fill_rate":…,"total_score":…,
//                            "mean_score":…,"first_choice_share":…,"top3_share":…,
//                            "commute_median_min":…,"commute_p90_min":…,
//                            "blocking_pairs":…}}
//   runs list               {"runs":[<Run summary as proto JSON>,…]}
//   placement accept|reject|withdraw   the Placement as proto JSON
//   placement list          {"placements":[<Placement as proto JSON>,…]}
// "components" maps each score component's name to its contribution (weight x value);
// the contributions add up to the score.
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
#include "clients/matchctl/progress_bar.h"
#include "clients/matchctl/proto_json.h"
#include "clients/matchctl/registry_commands.h"
#include "clients/matchctl/table_writer.h"

namespace azubimatch::matchctl {
namespace {

// An assignment of a large cohort takes a while; a suggestion or a placement does not.
constexpr absl::Duration kAssignTimeout = absl::Minutes(10);
// Placements shown by the table output of a run.
constexpr int kRunRowsShown = 20;
constexpr int kMaxRunsPage = 200;
constexpr int kMaxPlacementsPage = 1000;

std::unique_ptr<v1::Matching::Stub> Stub(Context& context) {
  return v1::Matching::NewStub(context.channel());
}

std::string Score(double score) { return absl::StrFormat("%.4f", score); }

std::string Minutes(double minutes) { return absl::StrFormat("%.0f", minutes); }

std::string ModeName(v1::AssignMode mode) {
  return EnumShortName(v1::AssignMode_descriptor(), mode);
}

std::string TimeText(const google::protobuf::Timestamp& ts) {
  if (ts.seconds() == 0 && ts.nanos() == 0) return "";
  return absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromUnixSeconds(ts.seconds()),
                          absl::UTCTimeZone());
}

void WriteComponents(const google::protobuf::RepeatedPtrField<v1::ScoreComponent>& components,
                     JsonWriter& json) {
  json.BeginObject();
  for (const v1::ScoreComponent& component : components) {
    json.Key(component.name());
    json.Double(component.contribution());
  }
  json.EndObject();
}

// The contribution of the component `name`, formatted; "" when absent.
std::string Contribution(const google::protobuf::RepeatedPtrField<v1::ScoreComponent>& components,
                         absl::string_view name) {
  for (const v1::ScoreComponent& component : components) {
    if (component.name() == name) return absl::StrFormat("%.3f", component.contribution());
  }
  return "";
}

// "C:O" -> pair.
absl::StatusOr<v1::CandidateOfferPair> ParsePair(absl::string_view flag,
                                                 absl::string_view text) {
  std::vector<std::string> parts = absl::StrSplit(text, ':');
  if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, ": expected CANDIDATE_ID:OFFER_ID, got \"", text, "\""));
  }
  v1::CandidateOfferPair pair;
  pair.set_candidate_id(parts[0]);
  pair.set_offer_id(parts[1]);
  return pair;
}

// "YYYY-MM-DD" -> Date (the server checks the calendar).
absl::StatusOr<v1::Date> ParseDate(absl::string_view flag, absl::string_view text) {
  std::vector<std::string> parts = absl::StrSplit(text, '-');
  int year = 0, month = 0, day = 0;
  if (parts.size() != 3 || !absl::SimpleAtoi(parts[0], &year) ||
      !absl::SimpleAtoi(parts[1], &month) || !absl::SimpleAtoi(parts[2], &day)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, ": expected a date YYYY-MM-DD, got \"", text, "\""));
  }
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

// Every value of a repeatable flag, in order.
std::vector<std::string> Values(const ParsedArgs& args, absl::string_view name) {
  std::vector<std::string> values;
  for (const auto& [flag, value] : args.flags) {
    if (flag == name) values.push_back(value);
  }
  return values;
}

// Fetches every page of a listing, at most `limit` items, into `items`.
template <typename Request, typename Response, typename Item>
grpc::Status FetchPages(Context& context, Request request, int64_t max_page,
                        const std::optional<int64_t>& limit,
                        grpc::Status (v1::Matching::Stub::*list)(grpc::ClientContext*,
                                                                  const Request&, Response*),
                        google::protobuf::RepeatedPtrField<Item>* (Response::*items_of)(),
                        std::vector<Item>* items) {
  std::unique_ptr<v1::Matching::Stub> stub = Stub(context);
  while (true) {
    int64_t size = max_page;
    if (limit.has_value()) size = std::min<int64_t>(size, *limit - items->size());
    request.set_page_size(static_cast<int32_t>(size));
    grpc::ClientContext call;
    context.PrepareCall(&call);
    Response response;
    if (grpc::Status status = (stub.get()->*list)(&call, request, &response); !status.ok()) {
      return status;
    }
    for (Item& item : *(response.*items_of)()) items->push_back(std::move(item));
    if (response.next_page_token().empty() ||
        (limit.has_value() && static_cast<int64_t>(items->size()) >= *limit)) {
      return grpc::Status::OK;
    }
    request.set_page_token(response.next_page_token());
  }
}

// Prints {"<key>":[<each item as proto JSON>]}.
template <typename Item>
void PrintJsonList(Context& context, absl::string_view key, const std::vector<Item>& items) {
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key(key);
  json.BeginArray();
  for (const Item& item : items) WriteProtoJson(item, json);
  json.EndArray();
  json.EndObject();
  context.out() << out << "\n";
}

// ---- suggest ----

int RunSuggest(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(
      args, {{"candidate"}, {"offer"}, {"k"}, {"municipality"}, {"kldb"}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  if (!parsed->positional.empty()) return context.UsageError("takes no positional words");
  const bool by_candidate = parsed->Has("candidate");
  if (by_candidate == parsed->Has("offer")) {
    return context.UsageError("give exactly one of --candidate ID and --offer ID");
  }
  absl::StatusOr<std::optional<int64_t>> k = parsed->IntValue("k", 1);
  if (!k.ok()) return context.UsageError(k.status().message());
  if (!by_candidate && parsed->Has("kldb")) {
    return context.UsageError("--kldb filters the offers of --candidate suggestions only");
  }

  grpc::ClientContext call;
  context.PrepareCall(&call);
  v1::SuggestionsResponse response;
  grpc::Status status;
  if (by_candidate) {
    v1::SuggestOffersRequest request;
    request.set_candidate_id(parsed->Value("candidate"));
    request.set_k(static_cast<int32_t>(k->value_or(10)));
    request.set_municipality(parsed->Value("municipality"));
    request.set_kldb_code(parsed->Value("kldb"));
    status = Stub(context)->SuggestOffers(&call, request, &response);
  } else {
    v1::SuggestCandidatesRequest request;
    request.set_offer_id(parsed->Value("offer"));
    request.set_k(static_cast<int32_t>(k->value_or(10)));
    request.set_municipality(parsed->Value("municipality"));
    status = Stub(context)->SuggestCandidates(&call, request, &response);
  }
  if (!status.ok()) return context.RpcError(status);

  const char* id_key = by_candidate ? "offer_id" : "candidate_id";
  if (context.json()) {
    std::string out;
    JsonWriter json(&out);
    json.BeginObject();
    json.Key("suggestions");
    json.BeginArray();
    for (const v1::Suggestion& s : response.suggestions()) {
      json.BeginObject();
      json.Key(id_key);
      json.String(by_candidate ? s.offer_id() : s.candidate_id());
      json.Key("score");
      json.Double(s.score());
      json.Key("components");
      WriteComponents(s.components(), json);
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
    context.out() << out << "\n";
    return kExitOk;
  }
  TableWriter table({"RANK", by_candidate ? "OFFER_ID" : "CANDIDATE_ID", "SCORE", "MIN",
                     "OCCUP", "LANG", "COMMUTE", "CERT", "START", "OCCUPATION"});
  for (size_t column : {0, 2, 3, 4, 5, 6, 7, 8}) table.AlignRight(column);
  int rank = 0;
  for (const v1::Suggestion& s : response.suggestions()) {
    std::string why;
    for (const v1::ScoreComponent& component : s.components()) {
      if (component.name() == "occupation") why = component.text();
    }
    table.AddRow({absl::StrCat(++rank), by_candidate ? s.offer_id() : s.candidate_id(),
                  Score(s.score()), Minutes(s.travel_minutes()),
                  Contribution(s.components(), "occupation"),
                  Contribution(s.components(), "language"),
                  Contribution(s.components(), "commute"),
                  Contribution(s.components(), "certificate"),
                  Contribution(s.components(), "start_date"), why});
  }
  if (table.rows() > 0) table.Print(context.out());
  const char* side = by_candidate ? "offers" : "candidates";
  if (response.considered() == 0) {
    context.out() << "no " << side
                  << (by_candidate ? " of the wished occupations within reach"
                                   : " of yours wish this occupation within reach")
                  << "\n";
  } else if (response.eligible() == 0) {
    context.out() << "none of the " << response.considered() << " " << side
                  << " scored passes every constraint ('matchctl explain' says why)\n";
  } else {
    context.out() << response.suggestions_size() << " shown of " << response.eligible()
                  << " eligible " << side << " (" << response.considered() << " scored)\n";
  }
  return kExitOk;
}

// ---- explain ----

int RunExplain(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(args, {{"candidate"}, {"offer"}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  if (!parsed->positional.empty()) return context.UsageError("takes no positional words");
  if (!parsed->Has("candidate") || !parsed->Has("offer")) {
    return context.UsageError("give both --candidate ID and --offer ID");
  }
  v1::ExplainRequest request;
  request.set_candidate_id(parsed->Value("candidate"));
  request.set_offer_id(parsed->Value("offer"));
  grpc::ClientContext call;
  context.PrepareCall(&call);
  v1::Explanation e;
  if (grpc::Status status = Stub(context)->Explain(&call, request, &e); !status.ok()) {
    return context.RpcError(status);
  }
  if (context.json()) {
    std::string out;
    JsonWriter json(&out);
    json.BeginObject();
    json.Key("eligible");
    json.Bool(e.eligible());
    json.Key("score");
    json.Double(e.score());
    json.Key("components");
    WriteComponents(e.components(), json);
    json.Key("reasons");
    json.BeginArray();
    for (const v1::Exclusion& reason : e.reasons()) json.String(reason.text());
    json.EndArray();
    json.EndObject();
    context.out() << out << "\n";
    return kExitOk;
  }
  context.out() << "candidate " << e.candidate_id() << ", offer " << e.offer_id() << ": "
                << (e.eligible() ? "eligible" : "NOT eligible") << ", score "
                << Score(e.score()) << ", travel " << Minutes(e.travel_minutes())
                << " min\n";
  TableWriter table({"COMPONENT", "WEIGHT", "VALUE", "CONTRIBUTION", "WHY"});
  for (size_t column : {1, 2, 3}) table.AlignRight(column);
  for (const v1::ScoreComponent& c : e.components()) {
    table.AddRow({c.name(), absl::StrFormat("%.3f", c.weight()),
                  absl::StrFormat("%.3f", c.value()), absl::StrFormat("%.4f", c.contribution()),
                  c.text()});
  }
  table.Print(context.out());
  if (!e.reasons().empty()) {
    context.out() << "excluded because:\n";
    for (const v1::Exclusion& reason : e.reasons()) {
      context.out() << "  - " << reason.text() << " ("
                    << EnumShortName(v1::ExclusionCode_descriptor(), reason.code()) << ")\n";
    }
  }
  return kExitOk;
}

// ---- runs (assign, runs get, runs list) ----

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
  json.Key("candidates");
  json.Int(m.candidates());
  json.Key("seats");
  json.Int(m.seats());
  json.Key("placed");
  json.Int(m.placed());
  json.Key("fill_rate");
  json.Double(m.fill_rate());
  json.Key("total_score");
  json.Double(m.total_score());
  json.Key("mean_score");
  json.Double(m.mean_score());
  json.Key("first_choice_share");
  json.Double(m.first_choice_share());
  json.Key("top3_share");
  json.Double(m.top3_share());
  json.Key("commute_median_min");
  json.Double(m.commute_median_min());
  json.Key("commute_p90_min");
  json.Double(m.commute_p90_min());
  json.Key("blocking_pairs");
  json.Int(m.blocking_pairs());
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
  metrics.AddRow({"mean score", Score(m.mean_score())});
  metrics.AddRow({"first choice", share(m.first_choice_share())});
  metrics.AddRow({"top three", share(m.top3_share())});
  metrics.AddRow({"commute median", absl::StrCat(Minutes(m.commute_median_min()), " min")});
  metrics.AddRow({"commute p90", absl::StrCat(Minutes(m.commute_p90_min()), " min")});
  metrics.AddRow({"blocking pairs", absl::StrCat(m.blocking_pairs())});
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
      table.AddRow({p.candidate_id(), p.offer_id(), Score(p.score()), Minutes(p.travel_minutes()),
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
  if (!parsed->Has("mode")) return context.UsageError("--mode optimal|stable|greedy is required");
  v1::AssignRequest request;
  absl::StatusOr<int> mode =
      ParseEnumName(v1::AssignMode_descriptor(), parsed->Value("mode"));
  if (!mode.ok()) return context.UsageError(absl::StrCat("--mode: ", mode.status().message()));
  request.set_mode(static_cast<v1::AssignMode>(*mode));
  for (const std::string& m : Values(*parsed, "municipality")) {
    request.mutable_pool()->add_municipalities(m);
  }
  for (const std::string& k : Values(*parsed, "kldb")) request.mutable_pool()->add_kldb_codes(k);
  for (const std::string& m : Values(*parsed, "member")) request.mutable_pool()->add_member_ids(m);
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
    for (const std::string& text : Values(*parsed, flag)) {
      absl::StatusOr<v1::CandidateOfferPair> pair = ParsePair(flag, text);
      if (!pair.ok()) return context.UsageError(pair.status().message());
      *(std::string_view(flag) == "lock" ? request.add_locked() : request.add_banned()) = *pair;
    }
  }
  request.set_label(parsed->Value("label"));

  grpc::ClientContext call;
  context.PrepareCall(&call, kAssignTimeout);
  std::unique_ptr<grpc::ClientReader<v1::AssignEvent>> reader =
      Stub(context)->Assign(&call, request);
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
  if (parsed.positional.size() != 2) return context.UsageError("expected: runs get ID");
  v1::GetRunRequest request;
  request.set_id(parsed.positional[1]);
  grpc::ClientContext call;
  context.PrepareCall(&call);
  v1::Run run;
  if (grpc::Status status = Stub(context)->GetRun(&call, request, &run); !status.ok()) {
    return context.RpcError(status);
  }
  return PrintRun(context, run);
}

int RunRunsList(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 1) return context.UsageError("expected: runs list");
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
                  absl::StrFormat("%.1f%%", 100 * m.fill_rate()), Score(m.mean_score()),
                  run.request().label()});
  }
  if (table.rows() > 0) table.Print(context.out());
  context.out() << runs.size() << " runs\n";
  return kExitOk;
}

int RunRuns(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(args, {{"limit"}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  const std::string verb = parsed->positional.empty() ? "" : parsed->positional[0];
  if (verb == "list") return RunRunsList(context, *parsed);
  if (verb == "get") return RunRunsGet(context, *parsed);
  return context.UsageError("expected: runs list | runs get ID");
}

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
                  EnumShortName(v1::PlacementStatus_descriptor(), p.status()), Score(p.score()),
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
      return PrintPlacement(context, Stub(context)->AcceptPlacement(&call, request, &placement),
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
    return PrintPlacement(context, Stub(context)->RejectPlacement(&call, request, &placement),
                          placement);
  }
  if (verb == "withdraw") {
    if (parsed->positional.size() != 2) return context.UsageError("expected: placement withdraw ID");
    v1::WithdrawPlacementRequest request;
    request.set_id(parsed->positional[1]);
    request.set_note(parsed->Value("note"));
    return PrintPlacement(context, Stub(context)->WithdrawPlacement(&call, request, &placement),
                          placement);
  }
  return context.UsageError("expected: placement accept|reject|withdraw|list");
}

Command MakeCommand(std::string name, std::string summary, std::string usage,
                    std::function<int(Context&, const std::vector<std::string>&)> run) {
  Command command;
  command.name = std::move(name);
  command.summary = std::move(summary);
  command.usage = std::move(usage);
  command.run = std::move(run);
  return command;
}

}  // namespace

void AddMatchingCommands(std::vector<Command>& commands) {
  commands.push_back(MakeCommand(
      "suggest", "the best offers for a candidate, or candidates for an offer",
      "matchctl suggest (--candidate ID | --offer ID) [--k 10] [--municipality NAME] "
      "[--kldb CODE]\n"
      "\n"
      "Ranked by score (best first; equal scores by id). Only eligible pairs.\n"
      "  --candidate ID       offers for this candidate\n"
      "  --offer ID           candidates for this offer (only your member's)\n"
      "  --k N                how many (1..100, default 10)\n"
      "  --municipality NAME  offers' place of work (or candidates' home) in NAME\n"
      "  --kldb CODE          offers of this occupation only (with --candidate)\n"
      "Output: a table with each component's contribution; with --json\n"
      "{\"suggestions\":[{\"offer_id\":\"...\",\"score\":0.81,\"components\":{\"occupation\":0.35,...}}]}\n"
      "(\"candidate_id\" instead of \"offer_id\" with --offer). Components map a name to\n"
      "its contribution; the contributions add up to the score.",
      RunSuggest));
  commands.push_back(MakeCommand(
      "explain", "the score of one candidate-offer pair, or why it is excluded",
      "matchctl explain --candidate ID --offer ID\n"
      "\n"
      "Every score component with weight, value, contribution and the reason in words;\n"
      "every failed constraint. The score is the pair's score also when it is excluded.\n"
      "Output with --json: {\"eligible\":true,\"score\":0.81,\"components\":{...},\"reasons\":[\"...\"]}",
      RunExplain));
  commands.push_back(MakeCommand(
      "assign", "an assignment run over a pool (optimal, stable or greedy)",
      "matchctl assign --mode optimal|stable|greedy [--municipality M]... [--kldb K]... "
      "[--start-from YYYY-MM-DD] [--start-to YYYY-MM-DD] [--member ID]... [--seed S] "
      "[--lock C:O]... [--ban C:O]... [--label TEXT]\n"
      "\n"
      "Proposes placements for every candidate you may see (ACTIVE, without a placement)\n"
      "and every open offer with a free seat, narrowed by the filters. Accepted placements\n"
      "stay locked, rejected pairs banned. The run is stored; it changes no seat.\n"
      "  --mode               optimal: most placements, then highest total score;\n"
      "                       stable: no blocking pair; greedy: best pair first\n"
      "  --municipality M     candidates' homes and offers' places of work in M\n"
      "  --kldb K             offers of occupation K\n"
      "  --start-from/--start-to  offers starting in this window\n"
      "  --member ID          candidates of this member (admins only)\n"
      "  --seed S             tie-breaking of stable mode (default 1)\n"
      "  --lock C:O, --ban C:O  a pair to keep, or never to propose\n"
      "Progress is drawn on stderr when it is a terminal. Output: metrics, the best\n"
      "placements and the unmatched reasons; with --json {\"run_id\":...,\"mode\":...,\n"
      "\"placements\":[{\"candidate_id\",\"offer_id\",\"score\"}],\"unmatched\":[{\"candidate_id\",\n"
      "\"reason\"}],\"metrics\":{\"candidates\",\"seats\",\"placed\",\"fill_rate\",\"total_score\",\n"
      "\"mean_score\",\"first_choice_share\",\"top3_share\",\"commute_median_min\",\n"
      "\"commute_p90_min\",\"blocking_pairs\"}}. Default deadline 10 minutes (--timeout).",
      RunAssign));
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
  commands.push_back(MakeCommand(
      "runs", "list stored assignment runs, or show one",
      "matchctl runs list [--limit N] | runs get ID\n"
      "\n"
      "list: your runs, newest first (with --json {\"runs\":[...]}, without placements);\n"
      "get: one run as `assign` prints it (same --json shape).",
      RunRuns));
}

}  // namespace azubimatch::matchctl

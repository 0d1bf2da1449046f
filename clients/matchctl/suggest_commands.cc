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
    status = MatchingStub(context)->SuggestOffers(&call, request, &response);
  } else {
    v1::SuggestCandidatesRequest request;
    request.set_offer_id(parsed->Value("offer"));
    request.set_k(static_cast<int32_t>(k->value_or(10)));
    request.set_municipality(parsed->Value("municipality"));
    status = MatchingStub(context)->SuggestCandidates(&call, request, &response);
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
                  ScoreText(s.score()), MinutesText(s.travel_minutes()),
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
    // SuggestCandidates counts only the candidates it had to look at.
    context.out() << response.suggestions_size() << " shown of "
                  << (by_candidate ? "" : "at least ") << response.eligible()
                  << " eligible " << side << " (" << response.considered()
                  << " scored)\n";
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
  if (grpc::Status status = MatchingStub(context)->Explain(&call, request, &e); !status.ok()) {
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
    json.Key("travel_minutes");
    json.Double(e.travel_minutes());
    json.Key("school_travel_minutes");
    json.Double(e.school_travel_minutes());
    json.Key("components");
    WriteComponents(e.components(), json);
    json.Key("reasons");
    json.BeginArray();
    for (const v1::Exclusion& exclusion : e.reasons()) json.String(exclusion.text());
    json.EndArray();
    json.EndObject();
    context.out() << out << "\n";
    return kExitOk;
  }
  context.out() << "candidate " << e.candidate_id() << ", offer " << e.offer_id() << ": "
                << (e.eligible() ? "eligible" : "NOT eligible") << ", score "
                << ScoreText(e.score()) << ", travel " << MinutesText(e.travel_minutes())
                << " min";
  if (e.school_travel_minutes() > 0) {
    context.out() << ", to the Berufsschule " << MinutesText(e.school_travel_minutes())
                  << " min";
  }
  context.out() << "\n";
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
    for (const v1::Exclusion& exclusion : e.reasons()) {
      context.out() << "  - " << exclusion.text() << " ("
                    << EnumShortName(v1::ExclusionCode_descriptor(), exclusion.code()) << ")\n";
    }
  }
  return kExitOk;
}

}  // namespace

void AddSuggestCommands(std::vector<Command>& commands) {
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
}

}  // namespace azubimatch::matchctl

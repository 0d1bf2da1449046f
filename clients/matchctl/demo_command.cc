// `matchctl demo --candidates N --offers M --seed S`: generates a synthetic
// Baden-Württemberg cohort (clients/demo) and imports it through the Import RPC:
// companies first, then their offers (with the company ids the server assigned), then
// candidates. External ids make a second run with the same options an update.
// With --rankings it then gives the cohort rankings on both sides, as after interviews
// (clients/demo/demo_rankings.h): every candidate is interviewed for 5–20 of its best
// suggested offers (SuggestOffers) and ranks them by score plus a private taste; every
// offer ranks its interviewees by score plus the company's own taste
// (Preferences.SetRanking). Tastes are drawn from the seed and the ids.
#include <algorithm>
#include <map>
#include <ostream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "azubimatch/v1/preferences.grpc.pb.h"
#include "clients/demo/demo_cohort.h"
#include "clients/demo/demo_rankings.h"
#include "clients/matchctl/command_args.h"
#include "clients/matchctl/command_list.h"
#include "clients/matchctl/import_stream.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/progress_bar.h"
#include "clients/matchctl/table_writer.h"

namespace azubimatch::matchctl {
namespace {

// Errors listed per kind; the rest are counted.
constexpr int kMaxListedErrors = 10;
// The most entries a ranking may have (Preferences.SetRanking).
constexpr size_t kMaxRankingEntries = 200;

struct KindResult {
  std::string kind;  // "companies", "offers", "candidates"
  ImportOutcome outcome;
};

template <class Record>
std::vector<v1::ImportRequest> ToRequests(
    const std::vector<Record>& records, Record* (v1::ImportRequest::*mutable_member)()) {
  std::vector<v1::ImportRequest> requests(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    *(requests[i].*mutable_member)() = records[i];
  }
  return requests;
}

grpc::Status ImportKind(Context& context, const std::string& kind,
                        const std::vector<v1::ImportRequest>& requests,
                        const ImportOptions& options, std::vector<KindResult>& results) {
  KindResult& result = results.emplace_back();
  result.kind = kind;
  ProgressBar bar(context.err(), context.err_is_terminal(),
                  absl::StrCat("importing ", kind),
                  static_cast<int64_t>(requests.size()));
  return StreamImport(
      context, requests, options, [&bar](int64_t written) { bar.Update(written); },
      &result.outcome);
}

void PrintResults(Context& context, const std::vector<KindResult>& results) {
  if (context.json()) {
    std::string out;
    JsonWriter json(&out);
    json.BeginObject();
    for (const KindResult& result : results) {
      json.Key(result.kind);
      json.BeginObject();
      json.Key("received");
      json.Int(result.outcome.received);
      json.Key("created");
      json.Int(result.outcome.created);
      json.Key("updated");
      json.Int(result.outcome.updated);
      json.Key("failed");
      json.Int(result.outcome.failed);
      json.EndObject();
    }
    json.EndObject();
    context.out() << out << "\n";
  } else {
    TableWriter table({"KIND", "RECEIVED", "CREATED", "UPDATED", "FAILED"});
    for (size_t column = 1; column < 5; ++column) table.AlignRight(column);
    for (const KindResult& result : results) {
      table.AddRow({result.kind, absl::StrCat(result.outcome.received),
                    absl::StrCat(result.outcome.created),
                    absl::StrCat(result.outcome.updated),
                    absl::StrCat(result.outcome.failed)});
    }
    table.Print(context.out());
  }
  for (const KindResult& result : results) {
    int listed = 0;
    for (const v1::ImportError& error : result.outcome.errors) {
      if (++listed > kMaxListedErrors) break;
      context.err() << result.kind << "[" << error.index() << "] " << error.external_id()
                    << ": " << error.code() << ": " << error.message() << "\n";
    }
  }
}

struct RankingCounts {
  int candidates = 0;
  int offers = 0;
};

grpc::Status SetRanking(Context& context, v1::Preferences::Stub& preferences,
                        v1::RankingSide side, const std::string& owner,
                        const std::vector<std::string>& ranked) {
  v1::SetRankingRequest set;
  set.set_side(side);
  set.set_owner_id(owner);
  for (const std::string& id : ranked) set.add_ranked_ids(id);
  grpc::ClientContext call;
  context.PrepareCall(&call);
  v1::Ranking ranking;
  return preferences.SetRanking(&call, set, &ranking);
}

// Rankings on both sides after "interviews" (clients/demo/demo_rankings.h): every
// candidate's eligible offers are its kInterviewPool best suggestions. Tastes and ties
// go by external ids, so that the same cohort gets the same rankings on every server
// (the ids the server assigns are random). `*_ids[i]` are the server's ids of
// cohort.candidates[i] and cohort.offers[i] (empty: not imported).
grpc::Status SetDemoRankings(Context& context, uint64_t seed,
                             const clients::DemoCohort& cohort,
                             const std::vector<std::string>& candidate_ids,
                             const std::vector<std::string>& offer_ids,
                             RankingCounts* counts) {
  std::unique_ptr<v1::Matching::Stub> matching = v1::Matching::NewStub(context.channel());
  std::unique_ptr<v1::Preferences::Stub> preferences =
      v1::Preferences::NewStub(context.channel());
  std::map<std::string, std::string> offer_external_id;  // server id -> external id
  for (size_t i = 0; i < offer_ids.size() && i < cohort.offers.size(); ++i) {
    if (!offer_ids[i].empty())
      offer_external_id[offer_ids[i]] = cohort.offers[i].external_id();
  }
  struct Interviewee {
    std::string id;
    std::string external_id;
    double score;
  };
  // offer id -> its interviewees
  std::map<std::string, std::vector<Interviewee>> interviewees;
  for (size_t c = 0; c < candidate_ids.size() && c < cohort.candidates.size(); ++c) {
    const std::string& candidate = candidate_ids[c];
    const std::string& candidate_external = cohort.candidates[c].external_id();
    if (candidate.empty()) continue;
    v1::SuggestOffersRequest request;
    request.set_candidate_id(candidate);
    request.set_k(clients::kInterviewPool);
    grpc::ClientContext call;
    context.PrepareCall(&call);
    v1::SuggestionsResponse response;
    if (grpc::Status status = matching->SuggestOffers(&call, request, &response);
        !status.ok()) {
      return status;
    }
    std::vector<const v1::Suggestion*> suggestions;
    std::vector<clients::InterviewOption> eligible;
    for (const v1::Suggestion& s : response.suggestions()) {
      const auto it = offer_external_id.find(s.offer_id());
      if (it == offer_external_id.end()) continue;  // not an offer of this cohort
      suggestions.push_back(&s);
      eligible.push_back({it->second, s.score()});
    }
    if (eligible.empty()) continue;
    std::vector<std::string> ranked;
    for (size_t i : clients::RankInterviewedOffers(seed, candidate_external, eligible)) {
      ranked.push_back(suggestions[i]->offer_id());
      interviewees[suggestions[i]->offer_id()].push_back(
          {candidate, candidate_external, suggestions[i]->score()});
    }
    if (grpc::Status status = SetRanking(context, *preferences,
                                         v1::RANKING_SIDE_CANDIDATE, candidate, ranked);
        !status.ok()) {
      return status;
    }
    ++counts->candidates;
  }
  for (auto& [offer, list] : interviewees) {
    std::vector<clients::InterviewOption> options;
    for (const Interviewee& x : list) options.push_back({x.external_id, x.score});
    std::vector<std::string> ranked;
    for (size_t i : clients::RankInterviewees(seed, offer_external_id[offer], options)) {
      if (ranked.size() == kMaxRankingEntries) break;
      ranked.push_back(list[i].id);
    }
    if (grpc::Status status =
            SetRanking(context, *preferences, v1::RANKING_SIDE_OFFER, offer, ranked);
        !status.ok()) {
      return status;
    }
    ++counts->offers;
  }
  return grpc::Status::OK;
}

int RunDemo(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseCommandArgs(args, {{"candidates"},
                              {"offers"},
                              {"seed"},
                              {"year"},
                              {"prefix"},
                              {"batch_size"},
                              {"rankings", /*takes_value=*/false}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  if (!parsed->positional.empty()) {
    return context.UsageError(
        absl::StrCat("unexpected argument ", parsed->positional[0]));
  }
  clients::DemoCohortOptions options;
  ImportOptions import_options;
  struct IntFlag {
    const char* name;
    int64_t min;
    int64_t max;
    std::function<void(int64_t)> store;
  };
  const IntFlag int_flags[] = {
      {"candidates", 0, 1000000,
       [&](int64_t v) { options.candidates = static_cast<int>(v); }},
      {"offers", 0, 1000000, [&](int64_t v) { options.offers = static_cast<int>(v); }},
      {"seed", 0, INT64_MAX, [&](int64_t v) { options.seed = static_cast<uint64_t>(v); }},
      {"year", 2000, 2100,
       [&](int64_t v) { options.training_year = static_cast<int>(v); }},
      {"batch_size", 1, 100000,
       [&](int64_t v) { import_options.batch_size = static_cast<int>(v); }},
  };
  for (const IntFlag& flag : int_flags) {
    absl::StatusOr<std::optional<int64_t>> value = parsed->IntValue(flag.name, flag.min);
    if (!value.ok()) return context.UsageError(value.status().message());
    if (!value->has_value()) continue;
    if (**value > flag.max) {
      return context.UsageError(absl::StrCat("--", flag.name, ": at most ", flag.max));
    }
    flag.store(**value);
  }
  if (parsed->Has("prefix")) options.external_id_prefix = parsed->Value("prefix");

  absl::StatusOr<clients::DemoCohort> cohort = clients::GenerateDemoCohort(options);
  if (!cohort.ok()) return context.UsageError(cohort.status().message());

  std::vector<KindResult> results;
  grpc::Status status =
      ImportKind(context, "companies",
                 ToRequests(cohort->companies, &v1::ImportRequest::mutable_company),
                 import_options, results);
  if (status.ok()) {
    const absl::Status assigned =
        clients::AssignCompanyIds(results[0].outcome.ids, &*cohort);
    if (!assigned.ok()) {
      PrintResults(context, results);
      context.err() << "matchctl demo: offers not imported: " << assigned.message()
                    << "\n";
      return kExitRefused;
    }
    status = ImportKind(context, "offers",
                        ToRequests(cohort->offers, &v1::ImportRequest::mutable_offer),
                        import_options, results);
  }
  if (status.ok()) {
    status =
        ImportKind(context, "candidates",
                   ToRequests(cohort->candidates, &v1::ImportRequest::mutable_candidate),
                   import_options, results);
  }
  if (status.ok() && parsed->Has("rankings") && results.size() == 3) {
    RankingCounts counts;
    status = SetDemoRankings(context, options.seed, *cohort, results[2].outcome.ids,
                             results[1].outcome.ids, &counts);
    if (status.ok() && !context.json()) {
      context.err() << "rankings: " << counts.candidates << " candidates, "
                    << counts.offers << " offers\n";
    }
  }
  PrintResults(context, results);
  if (!status.ok()) return context.RpcError(status);
  for (const KindResult& result : results) {
    if (result.outcome.failed > 0) return kExitRefused;
  }
  return kExitOk;
}

}  // namespace

void AddDemoCommand(std::vector<Command>& commands) {
  Command command;
  command.name = "demo";
  command.summary = "generate a synthetic Baden-Württemberg cohort and import it";
  command.usage =
      "matchctl demo [--candidates N] [--offers M] [--seed S] [--year Y] [--prefix P] "
      "[--batch-size N]\n"
      "\n"
      "Generates companies in real Baden-Württemberg municipalities, their training\n"
      "offers (real occupations, KldB codes) and candidates, and imports them through\n"
      "the Import RPC: companies, then offers, then candidates.\n"
      "  --candidates N   candidates (default 300)\n"
      "  --offers M       training offers (default 170: about 1.08 seats per\n"
      "                   candidate); companies as needed\n"
      "  --seed S         the same seed gives the same cohort (default 1)\n"
      "  --year Y         year training starts (default 2027)\n"
      "  --prefix P       external id prefix (default demo); another prefix loads a\n"
      "                   second cohort, the same one updates the first\n"
      "  --batch-size N   records per Import stream (default 500)\n"
      "  --rankings       then rank both sides as after interviews: each candidate "
      "ranks\n"
      "                   5-20 of its best suggested offers, each offer its "
      "interviewees\n"
      "                   (score plus a private taste; `matchctl rank show`)\n"
      "Output: a table of received/created/updated/failed per kind; with --json\n"
      "{\"companies\":{\"received\":..,\"created\":..,\"updated\":..,\"failed\":..},\n"
      "\"offers\":{...},\"candidates\":{...}}.";
  command.run = RunDemo;
  commands.push_back(std::move(command));
}

}  // namespace azubimatch::matchctl

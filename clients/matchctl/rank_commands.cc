// matchctl rank: the two-sided rankings (Preferences service) that the assignment modes
// read.
//   rank candidate CANDIDATE_ID OFFER_ID...   the candidate's ranking of offers
//   rank offer OFFER_ID CANDIDATE_ID...       the offer's ranking of candidates
//     (first ID = most preferred; a partner not listed is unacceptable; --clear removes
//     the ranking, so the side ranks by score again)
//   rank show candidate|offer ID [--json]
//   rank import FILE|-          JSON Lines, one ranking a line:
//                               {"side":"candidate"|"offer","owner_id":"…","ranked_ids":[…]}
//                               or CSV lines side,owner_id,id;id;… (a header line
//                               starting with "side" is skipped); each line is one
//                               SetRanking, refused lines are reported by number
//   rank export candidate|offer ID...   the rankings as JSON Lines in the import shape
// JSON: set and show print the Ranking as proto JSON ({"side":"RANKING_SIDE_CANDIDATE",
// "owner_id":…,"ranked_ids":[…],"version":…}); --clear prints {"cleared":true|false}.
#include <fstream>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/preferences.grpc.pb.h"
#include "clients/matchctl/command_args.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/matching_command_support.h"
#include "clients/matchctl/matching_commands.h"
#include "clients/matchctl/proto_json.h"
#include "clients/matchctl/table_writer.h"

namespace azubimatch::matchctl {
namespace {

std::unique_ptr<v1::Preferences::Stub> PreferencesStub(Context& context) {
  return v1::Preferences::NewStub(context.channel());
}

bool ParseSide(const std::string& word, v1::RankingSide* side) {
  if (word == "candidate") {
    *side = v1::RANKING_SIDE_CANDIDATE;
  } else if (word == "offer") {
    *side = v1::RANKING_SIDE_OFFER;
  } else {
    return false;
  }
  return true;
}

int PrintRanking(Context& context, const v1::Ranking& ranking) {
  if (context.json()) {
    context.out() << ProtoToJson(ranking) << "\n";
    return kExitOk;
  }
  const bool candidate_side = ranking.side() == v1::RANKING_SIDE_CANDIDATE;
  const std::string owner = absl::StrCat(candidate_side ? "candidate " : "offer ",
                                         ranking.owner_id());
  if (ranking.version() == 0) {
    context.out() << owner << " has no ranking: it ranks every eligible "
                  << (candidate_side ? "offer" : "candidate") << " by score\n";
    return kExitOk;
  }
  context.out() << owner << ", version " << ranking.version() << ", updated "
                << TimeText(ranking.updated_at()) << " UTC\n";
  if (ranking.ranked_ids_size() > 0) {
    TableWriter table({"RANK", candidate_side ? "OFFER_ID" : "CANDIDATE_ID"});
    table.AlignRight(0);
    for (int i = 0; i < ranking.ranked_ids_size(); ++i) {
      table.AddRow({absl::StrCat(i + 1), ranking.ranked_ids(i)});
    }
    table.Print(context.out());
  }
  context.out() << ranking.ranked_ids_size() << " ranked; anyone not listed is unacceptable\n";
  return kExitOk;
}

int RunShow(Context& context, const ParsedArgs& parsed) {
  v1::RankingSide side;
  if (parsed.positional.size() != 3 || !ParseSide(parsed.positional[1], &side)) {
    return context.UsageError("expected: rank show candidate|offer ID");
  }
  v1::GetRankingRequest request;
  request.set_side(side);
  request.set_owner_id(parsed.positional[2]);
  grpc::ClientContext call;
  context.PrepareCall(&call);
  v1::Ranking ranking;
  if (grpc::Status status = PreferencesStub(context)->GetRanking(&call, request, &ranking);
      !status.ok()) {
    return context.RpcError(status);
  }
  return PrintRanking(context, ranking);
}

int RunSetOrClear(Context& context, const ParsedArgs& parsed, v1::RankingSide side) {
  const std::string kind = side == v1::RANKING_SIDE_CANDIDATE ? "candidate" : "offer";
  if (parsed.positional.size() < 2) {
    return context.UsageError(absl::StrCat("expected: rank ", kind, " ID PARTNER_ID... | rank ",
                                           kind, " ID --clear"));
  }
  absl::StatusOr<std::optional<int64_t>> version = parsed.IntValue("version", 0);
  if (!version.ok()) return context.UsageError(version.status().message());
  const std::string& owner = parsed.positional[1];
  grpc::ClientContext call;
  context.PrepareCall(&call);
  if (parsed.Has("clear")) {
    if (parsed.positional.size() != 2) {
      return context.UsageError("--clear takes no partner ids");
    }
    v1::ClearRankingRequest request;
    request.set_side(side);
    request.set_owner_id(owner);
    request.set_version(version->value_or(0));
    v1::ClearRankingResponse response;
    if (grpc::Status status = PreferencesStub(context)->ClearRanking(&call, request, &response);
        !status.ok()) {
      return context.RpcError(status);
    }
    if (context.json()) {
      context.out() << "{\"cleared\":" << (response.cleared() ? "true" : "false") << "}\n";
    } else {
      context.out() << (response.cleared() ? "cleared the ranking of " : "no ranking to clear for ")
                    << kind << " " << owner << "\n";
    }
    return kExitOk;
  }
  if (parsed.positional.size() < 3) {
    return context.UsageError(absl::StrCat(
        "name at least one ", side == v1::RANKING_SIDE_CANDIDATE ? "offer" : "candidate",
        " id, most preferred first (or --clear)"));
  }
  v1::SetRankingRequest request;
  request.set_side(side);
  request.set_owner_id(owner);
  for (size_t i = 2; i < parsed.positional.size(); ++i) {
    request.add_ranked_ids(parsed.positional[i]);
  }
  request.set_version(version->value_or(0));
  v1::Ranking ranking;
  if (grpc::Status status = PreferencesStub(context)->SetRanking(&call, request, &ranking);
      !status.ok()) {
    return context.RpcError(status);
  }
  return PrintRanking(context, ranking);
}

// One line of an import file as a request; InvalidArgument naming what is wrong.
absl::StatusOr<v1::SetRankingRequest> ParseImportLine(absl::string_view line) {
  v1::SetRankingRequest request;
  std::string side;
  if (absl::StartsWith(line, "{")) {
    google::protobuf::Struct object;
    if (!google::protobuf::util::JsonStringToMessage(std::string(line), &object).ok()) {
      return absl::InvalidArgumentError("not a JSON object");
    }
    const auto& fields = object.fields();
    if (fields.count("side")) side = fields.at("side").string_value();
    if (fields.count("owner_id")) request.set_owner_id(fields.at("owner_id").string_value());
    if (fields.count("ranked_ids")) {
      for (const auto& id : fields.at("ranked_ids").list_value().values()) {
        request.add_ranked_ids(id.string_value());
      }
    }
  } else {
    const std::vector<std::string> cells = absl::StrSplit(line, ',');
    if (cells.size() != 3) {
      return absl::InvalidArgumentError("expected 3 CSV cells: side,owner_id,id;id;...");
    }
    side = cells[0];
    request.set_owner_id(std::string(absl::StripAsciiWhitespace(cells[1])));
    for (absl::string_view id : absl::StrSplit(cells[2], ';', absl::SkipWhitespace())) {
      request.add_ranked_ids(std::string(absl::StripAsciiWhitespace(id)));
    }
  }
  v1::RankingSide parsed_side;
  if (!ParseSide(std::string(absl::StripAsciiWhitespace(side)), &parsed_side)) {
    return absl::InvalidArgumentError("side: expected candidate or offer");
  }
  request.set_side(parsed_side);
  return request;
}

int RunImport(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 2) return context.UsageError("expected: rank import FILE|-");
  std::ifstream file;
  std::istream* in = &context.in();
  if (parsed.positional[1] != "-") {
    file.open(parsed.positional[1]);
    if (!file) return context.UsageError(absl::StrCat("cannot read ", parsed.positional[1]));
    in = &file;
  }
  std::unique_ptr<v1::Preferences::Stub> stub = PreferencesStub(context);
  std::string line;
  int number = 0, set = 0, failed = 0;
  while (std::getline(*in, line)) {
    ++number;
    const absl::string_view text = absl::StripAsciiWhitespace(line);
    if (text.empty() || absl::StartsWith(text, "side,")) continue;
    absl::StatusOr<v1::SetRankingRequest> request = ParseImportLine(text);
    grpc::Status status;
    if (!request.ok()) {
      status = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            std::string(request.status().message()));
    } else {
      grpc::ClientContext call;
      context.PrepareCall(&call);
      v1::Ranking ranking;
      status = stub->SetRanking(&call, *request, &ranking);
    }
    if (status.ok()) {
      ++set;
    } else {
      ++failed;
      context.err() << "line " << number << ": " << status.error_message() << "\n";
    }
  }
  if (context.json()) {
    context.out() << "{\"set\":" << set << ",\"failed\":" << failed << "}\n";
  } else {
    context.out() << set << " rankings set, " << failed << " refused\n";
  }
  return failed > 0 ? kExitRefused : kExitOk;
}

int RunExport(Context& context, const ParsedArgs& parsed) {
  v1::RankingSide side;
  if (parsed.positional.size() < 3 || !ParseSide(parsed.positional[1], &side)) {
    return context.UsageError("expected: rank export candidate|offer ID...");
  }
  std::unique_ptr<v1::Preferences::Stub> stub = PreferencesStub(context);
  for (size_t i = 2; i < parsed.positional.size(); ++i) {
    v1::GetRankingRequest request;
    request.set_side(side);
    request.set_owner_id(parsed.positional[i]);
    grpc::ClientContext call;
    context.PrepareCall(&call);
    v1::Ranking ranking;
    if (grpc::Status status = stub->GetRanking(&call, request, &ranking); !status.ok()) {
      return context.RpcError(status);
    }
    if (ranking.version() == 0) continue;  // no ranking: nothing to export
    std::string out;
    JsonWriter json(&out);
    json.BeginObject();
    json.Key("side");
    json.String(parsed.positional[1]);
    json.Key("owner_id");
    json.String(ranking.owner_id());
    json.Key("ranked_ids");
    json.BeginArray();
    for (const std::string& id : ranking.ranked_ids()) json.String(id);
    json.EndArray();
    json.EndObject();
    context.out() << out << "\n";
  }
  return kExitOk;
}

int RunRank(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseCommandArgs(args, {{"clear", /*takes_value=*/false}, {"version"}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  const std::string verb = parsed->positional.empty() ? "" : parsed->positional[0];
  if (verb == "show") return RunShow(context, *parsed);
  if (verb == "import") return RunImport(context, *parsed);
  if (verb == "export") return RunExport(context, *parsed);
  v1::RankingSide side;
  if (ParseSide(verb, &side)) return RunSetOrClear(context, *parsed, side);
  return context.UsageError(
      "expected: rank candidate ID OFFER_ID... | rank offer ID CANDIDATE_ID... | "
      "rank show candidate|offer ID");
}

}  // namespace

void AddRankCommands(std::vector<Command>& commands) {
  commands.push_back(MakeCommand(
      "rank", "two-sided rankings: a candidate's order of offers, an offer's of candidates",
      "matchctl rank candidate CANDIDATE_ID OFFER_ID... [--version V]\n"
      "matchctl rank offer OFFER_ID CANDIDATE_ID... [--version V]\n"
      "matchctl rank candidate|offer ID --clear\n"
      "matchctl rank show candidate|offer ID [--json]\n"
      "matchctl rank import FILE|-    (JSON Lines or CSV, see below)\n"
      "matchctl rank export candidate|offer ID...\n"
      "\n"
      "Stores the ranking after interviews: the first ID listed is the most preferred, and\n"
      "a partner not listed is unacceptable (as at the NRMP). Without a ranking a side\n"
      "ranks every eligible partner by score. `matchctl assign` reads the rankings in every\n"
      "mode; hard constraints still apply. An offer's ranking may name only your member's\n"
      "candidates; at most 200 IDs, each once.\n"
      "  --clear      remove the ranking (back to the order by score)\n"
      "  --version V  change only if V is the current version (0: unconditional)\n"
      "Output: the ranking (rank, id); with --json the Ranking as proto JSON, and\n"
      "{\"cleared\":true|false} for --clear.\n"
      "Import: one ranking a line, JSON Lines {\"side\":\"candidate\",\"owner_id\":\"ID\",\n"
      "\"ranked_ids\":[\"ID\",...]} or CSV side,owner_id,ID;ID;... (header `side,...` skipped);\n"
      "refused lines are reported by number (exit 1). Export prints JSON Lines in that shape.",
      RunRank));
}

}  // namespace azubimatch::matchctl

#include "clients/matchctl/matching_command_support.h"

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

std::unique_ptr<v1::Matching::Stub> MatchingStub(Context& context) {
  return v1::Matching::NewStub(context.channel());
}

grpc::Status GetRun(Context& context, const std::string& id, v1::Run* run) {
  v1::GetRunRequest request;
  request.set_id(id);
  grpc::ClientContext call;
  context.PrepareCall(&call);
  return MatchingStub(context)->GetRun(&call, request, run);
}

std::string ScoreText(double score) { return absl::StrFormat("%.4f", score); }

std::string MinutesText(double minutes) { return absl::StrFormat("%.0f", minutes); }

std::string ModeName(v1::AssignMode mode) {
  std::string name = EnumShortName(v1::AssignMode_descriptor(), mode);
  std::replace(name.begin(), name.end(), '_', '-');  // "stable-offer-proposing"
  return name;
}

std::string TimeText(const google::protobuf::Timestamp& ts) {
  if (ts.seconds() == 0 && ts.nanos() == 0) return "";
  return absl::FormatTime("%Y-%m-%d %H:%M:%S", absl::FromUnixSeconds(ts.seconds()),
                          absl::UTCTimeZone());
}

void WriteRunMetricsFields(const v1::RunMetrics& m, JsonWriter& json) {
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
std::vector<std::string> FlagValues(const ParsedArgs& args, absl::string_view name) {
  std::vector<std::string> values;
  for (const auto& [flag, value] : args.flags) {
    if (flag == name) values.push_back(value);
  }
  return values;
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

}  // namespace azubimatch::matchctl

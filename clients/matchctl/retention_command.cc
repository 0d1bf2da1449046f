#include "clients/matchctl/retention_command.h"

#include <memory>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "azubimatch/v1/reports.grpc.pb.h"
#include "clients/matchctl/command_args.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/matching_command_support.h"
#include "clients/matchctl/table_writer.h"

namespace azubimatch::matchctl {
namespace {

// Retention scans every stored placement; 100,000 take well under a second.
constexpr absl::Duration kRetentionTimeout = absl::Minutes(2);

constexpr std::pair<absl::string_view, v1::RetentionDimension> kDimensions[] = {
    {"occupation", v1::RETENTION_DIMENSION_OCCUPATION},
    {"sector", v1::RETENTION_DIMENSION_SECTOR},
    {"commute", v1::RETENTION_DIMENSION_COMMUTE_BAND},
    {"choice-rank", v1::RETENTION_DIMENSION_CHOICE_RANK},
    {"member", v1::RETENTION_DIMENSION_MEMBER},
    {"mode", v1::RETENTION_DIMENSION_ASSIGN_MODE},
};

std::string DimensionName(v1::RetentionDimension by) {
  for (const auto& [name, dimension] : kDimensions) {
    if (dimension == by) return std::string(name);
  }
  return "";
}

std::string DateText(const v1::Date& d) {
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

std::string Percent(double share) { return absl::StrFormat("%.1f%%", 100 * share); }

void OptionalDouble(JsonWriter& json, absl::string_view key, bool present, double value) {
  json.Key(key);
  if (present) {
    json.Double(value);
  } else {
    json.Null();
  }
}

// The members of one RetentionFigures object (inside an open JSON object).
void WriteFiguresJson(const v1::RetentionFigures& f, JsonWriter& json) {
  json.Key("started");
  json.Int(f.started());
  json.Key("ended_early");
  json.Int(f.ended_early());
  json.Key("completed");
  json.Int(f.completed());
  json.Key("in_training");
  json.Int(f.in_training());
  OptionalDouble(json, "probation_pass_rate", f.has_probation_pass_rate(),
                 f.probation_pass_rate());
  json.Key("probation_known");
  json.Int(f.probation_known());
  json.Key("share_in_training");
  json.Double(f.share_in_training());
  json.Key("survival");
  json.BeginArray();
  for (const v1::SurvivalPoint& p : f.survival()) {
    json.BeginObject();
    json.Key("days");
    json.Int(p.days());
    OptionalDouble(json, "survival", p.has_survival(), p.survival());
    json.Key("at_risk");
    json.Int(p.at_risk());
    OptionalDouble(json, "ci_low", p.has_ci_low(), p.ci_low());
    OptionalDouble(json, "ci_high", p.has_ci_high(), p.ci_high());
    json.EndObject();
  }
  json.EndArray();
}

std::string SurvivalCell(const v1::SurvivalPoint& p) {
  return p.has_survival() ? Percent(p.survival()) : "-";
}

std::string IntervalCell(const v1::SurvivalPoint& p) {
  if (!p.has_ci_low()) return "";
  return absl::StrFormat("%.1f-%.1f%%", 100 * p.ci_low(), 100 * p.ci_high());
}

std::string PassRateCell(const v1::RetentionFigures& f) {
  return f.has_probation_pass_rate() ? Percent(f.probation_pass_rate()) : "-";
}

int RunRetention(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed =
      ParseCommandArgs(args, {{"as_of"}, {"at_days"}, {"by"}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  if (!parsed->positional.empty())
    return context.UsageError("retention takes no arguments");
  v1::GetRetentionRequest request;
  if (parsed->Has("as_of")) {
    absl::StatusOr<v1::Date> date = ParseDate("as-of", parsed->Value("as_of"));
    if (!date.ok()) return context.UsageError(date.status().message());
    *request.mutable_as_of() = *date;
  }
  if (parsed->Has("at_days")) {
    for (absl::string_view part : absl::StrSplit(parsed->Value("at_days"), ',')) {
      int32_t day = 0;
      if (!absl::SimpleAtoi(part, &day) || day < 0) {
        return context.UsageError(absl::StrCat(
            "--at-days: \"", part, "\" is not a number of days (e.g. 122,365,730)"));
      }
      request.add_at_days(day);
    }
  }
  if (parsed->Has("by")) {
    std::optional<v1::RetentionDimension> by = RetentionDimensionOf(parsed->Value("by"));
    if (!by.has_value()) {
      return context.UsageError(
          absl::StrCat("--by: unknown dimension \"", parsed->Value("by"),
                       "\" (occupation, sector, commute, choice-rank, member, mode)"));
    }
    request.set_by(*by);
  }
  std::unique_ptr<v1::Reports::Stub> stub = v1::Reports::NewStub(context.channel());
  grpc::ClientContext call;
  context.PrepareCall(&call, kRetentionTimeout);
  v1::RetentionReport report;
  if (grpc::Status status = stub->GetRetention(&call, request, &report); !status.ok()) {
    return context.RpcError(status);
  }
  if (context.json()) {
    context.out() << RetentionJson(report) << "\n";
  } else {
    PrintRetentionTables(report, context.out());
  }
  return kExitOk;
}

}  // namespace

std::string RetentionGroupName(const v1::RetentionReport& report,
                               const std::string& group) {
  v1::AssignMode mode;
  if (report.by() == v1::RETENTION_DIMENSION_ASSIGN_MODE &&
      v1::AssignMode_Parse(group, &mode)) {
    return ModeName(mode);
  }
  return group;
}

std::optional<v1::RetentionDimension> RetentionDimensionOf(absl::string_view name) {
  std::string normalized(name);
  for (char& c : normalized) c = c == '_' ? '-' : c;
  for (const auto& [dimension_name, dimension] : kDimensions) {
    if (normalized == dimension_name) return dimension;
  }
  if (normalized == "commute-band") return v1::RETENTION_DIMENSION_COMMUTE_BAND;
  if (normalized == "assign-mode") return v1::RETENTION_DIMENSION_ASSIGN_MODE;
  return std::nullopt;
}

std::string RetentionJson(const v1::RetentionReport& report) {
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("as_of");
  json.String(DateText(report.as_of()));
  WriteFiguresJson(report.overall(), json);
  if (report.by() != v1::RETENTION_DIMENSION_UNSPECIFIED) {
    json.Key("by");
    json.String(DimensionName(report.by()));
  }
  json.Key("groups");
  json.BeginArray();
  for (const v1::RetentionGroup& g : report.groups()) {
    json.BeginObject();
    json.Key("group");
    json.String(g.group());
    if (g.suppressed()) {
      json.Key("suppressed");
      json.Bool(true);
    } else {
      WriteFiguresJson(g.figures(), json);
    }
    json.EndObject();
  }
  json.EndArray();
  if (report.has_log_rank()) {
    const v1::LogRankTest& t = report.log_rank();
    json.Key("log_rank");
    json.BeginObject();
    json.Key("chi_square");
    json.Double(t.chi_square());
    json.Key("df");
    json.Int(t.degrees_of_freedom());
    json.Key("p_value");
    json.Double(t.p_value());
    json.Key("groups");
    json.Int(t.groups());
    json.EndObject();
  }
  json.EndObject();
  return out;
}

void PrintRetentionTables(const v1::RetentionReport& report, std::ostream& out) {
  const v1::RetentionFigures& f = report.overall();
  out << "Retention as of " << DateText(report.as_of()) << ": " << f.started()
      << " started, " << f.ended_early() << " ended early, " << f.completed()
      << " completed, " << f.in_training() << " still in training ("
      << (f.started() > 0 ? Percent(f.share_in_training()) : "-") << ")\n";
  out << "Probation passed: " << PassRateCell(f) << " of " << f.probation_known()
      << " with a known outcome\n\n";
  TableWriter table({"DAYS", "AT_RISK", "STILL_TRAINING", "95%_CI"});
  for (size_t column : {0, 1, 2, 3}) table.AlignRight(column);
  for (const v1::SurvivalPoint& p : f.survival()) {
    table.AddRow({absl::StrCat(p.days()), absl::StrCat(p.at_risk()), SurvivalCell(p),
                  IntervalCell(p)});
  }
  table.Print(out);
  if (report.by() == v1::RETENTION_DIMENSION_UNSPECIFIED) return;
  out << "\nby " << DimensionName(report.by()) << " (groups under "
      << report.min_group_size() << " started suppressed):\n";
  std::vector<std::string> headers = {"GROUP", "STARTED", "ENDED_EARLY", "PROBATION"};
  for (int32_t day : report.at_days()) headers.push_back(absl::StrCat("S(", day, ")"));
  TableWriter groups(headers);
  for (size_t column = 1; column < headers.size(); ++column) groups.AlignRight(column);
  for (const v1::RetentionGroup& g : report.groups()) {
    if (g.suppressed()) {
      groups.AddRow({RetentionGroupName(report, g.group()),
                     absl::StrCat("<", report.min_group_size())});
      continue;
    }
    std::vector<std::string> row = {
        RetentionGroupName(report, g.group()), absl::StrCat(g.figures().started()),
        absl::StrCat(g.figures().ended_early()), PassRateCell(g.figures())};
    for (const v1::SurvivalPoint& p : g.figures().survival())
      row.push_back(SurvivalCell(p));
    groups.AddRow(std::move(row));
  }
  if (groups.rows() > 0) groups.Print(out);
  if (report.has_log_rank()) {
    const v1::LogRankTest& t = report.log_rank();
    out << absl::StrFormat(
        "Log-rank test over %d groups: chi-square %.3f on %d df, p = %.4g\n", t.groups(),
        t.chi_square(), t.degrees_of_freedom(), t.p_value());
  }
}

void AddRetentionCommands(std::vector<Command>& commands) {
  commands.push_back(MakeCommand(
      "retention",
      "retention of started placements: Kaplan-Meier survival, probation, groups",
      "matchctl retention [--as-of YYYY-MM-DD] [--at-days 122,365,730] [--by DIM] "
      "[--json]\n"
      "\n"
      "Time in training from the STARTED date: ending early is the event; completion "
      "and\n"
      "\"still training\" are censored (Kaplan-Meier, 95% log-log Greenwood intervals).\n"
      "  --as-of D     read every placement as of this day (default: today)\n"
      "  --at-days L   days after the start at which to read the curve (default "
      "122,365,730)\n"
      "  --by DIM      occupation, sector, commute (0-30/30-60/60+ min), choice-rank, "
      "member,\n"
      "                mode (of the run that proposed the pair); with a log-rank test\n"
      "  --json        "
      "{\"as_of\",\"started\",\"ended_early\",\"completed\",\"in_training\",\n"
      "                "
      "\"probation_pass_rate\",\"probation_known\",\"share_in_training\",\n"
      "                "
      "\"survival\":[{\"days\",\"survival\",\"at_risk\",\"ci_low\",\"ci_high\"}],\n"
      "                \"by\",\"groups\":[{\"group\",...the same} | "
      "{\"group\",\"suppressed\":true}],\n"
      "                \"log_rank\":{\"chi_square\",\"df\",\"p_value\",\"groups\"}}\n"
      "Analysts see the whole network (aggregates only); officers and portals their "
      "member's\n"
      "placements. Groups under 5 started placements are suppressed.",
      RunRetention));
}

}  // namespace azubimatch::matchctl

#include "clients/matchctl/report_commands.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "azubimatch/v1/reports.grpc.pb.h"
#include "clients/matchctl/command_list.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/matching_command_support.h"
#include "clients/matchctl/report_html.h"
#include "clients/matchctl/table_writer.h"

namespace azubimatch::matchctl {
namespace {

// A report of a 50k-candidate run takes well under this; the server reads one run.
constexpr absl::Duration kReportTimeout = absl::Minutes(2);

// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
std::string CsvField(absl::string_view text) {
  if (text.find_first_of(",\"\r\n") == absl::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string Number(double v) { return absl::StrFormat("%.6g", v); }

// Writes `text` to `path`; false with `*error` set on failure.
bool WriteFile(const std::string& path, const std::string& text, std::string* error) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (file) file << text;
  if (file) file.close();
  if (!file) {
    *error = absl::StrCat("cannot write ", path, ": ", std::strerror(errno));
    return false;
  }
  return true;
}

void WriteHistogramJson(const v1::Histogram& histogram, JsonWriter& json) {
  json.BeginArray();
  for (const v1::HistogramBin& bin : histogram.bins()) {
    json.BeginObject();
    json.Key("bin");
    json.String(bin.label());
    json.Key("count");
    json.Int(bin.count());
    json.EndObject();
  }
  json.EndArray();
}

void WriteReportJson(const v1::RunReport& r, JsonWriter& json) {
  json.BeginObject();
  json.Key("run_id");
  json.String(r.run_id());
  json.Key("mode");
  json.String(ModeName(r.mode()));
  json.Key("label");
  json.String(r.label());
  json.Key("created_at");
  json.String(TimeText(r.created_at()));
  const v1::RunMetrics& m = r.metrics();
  json.Key("metrics");
  json.BeginObject();
  WriteRunMetricsFields(m, json);
  json.Key("eligible_pairs");
  json.Int(r.eligible_pairs());
  json.EndObject();
  json.Key("distributions");
  json.BeginObject();
  json.Key("score");
  WriteHistogramJson(r.score(), json);
  json.Key("commute_minutes");
  WriteHistogramJson(r.commute_minutes(), json);
  json.Key("wish_rank");
  WriteHistogramJson(r.wish_rank(), json);
  json.EndObject();
  json.Key("min_group_size");
  json.Int(r.min_group_size());
  json.Key("breakdowns");
  json.BeginObject();
  for (const v1::Breakdown& b : r.breakdowns()) {
    json.Key(b.dimension());
    json.BeginArray();
    for (const v1::GroupRow& row : b.rows()) {
      json.BeginObject();
      json.Key("group");
      json.String(row.group());
      if (row.suppressed()) {
        json.Key("suppressed");
        json.Bool(true);
      } else {
        json.Key("candidates");
        json.Int(row.candidates());
        json.Key("placed");
        json.Int(row.placed());
        json.Key("placement_rate");
        json.Double(row.placement_rate());
        json.Key("mean_score");
        json.Double(row.mean_score());
        json.Key("commute_median_min");
        json.Double(row.commute_median_min());
      }
      json.EndObject();
    }
    json.EndArray();
  }
  json.EndObject();
  json.EndObject();
}

// One file per breakdown dimension, plus distributions.csv, rows of every run.
bool WriteCsvDir(const std::string& dir, const std::vector<v1::RunReport>& reports,
                 std::vector<std::string>* written, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    *error = absl::StrCat("cannot create ", dir, ": ", ec.message());
    return false;
  }
  std::map<std::string, std::string> files;  // dimension -> text
  std::string distributions = "run_id,mode,distribution,bin,count\n";
  for (const v1::RunReport& r : reports) {
    const std::string run = absl::StrCat(CsvField(r.run_id()), ",", CsvField(ModeName(r.mode())));
    for (const v1::Histogram* h : {&r.score(), &r.commute_minutes(), &r.wish_rank()}) {
      for (const v1::HistogramBin& bin : h->bins()) {
        absl::StrAppend(&distributions, run, ",", h->name(), ",", CsvField(bin.label()), ",",
                        bin.count(), "\n");
      }
    }
    for (const v1::Breakdown& b : r.breakdowns()) {
      std::string& text = files[b.dimension()];
      if (text.empty()) {
        text = absl::StrCat("run_id,mode,", CsvField(b.dimension()),
                            ",suppressed,candidates,placed,placement_rate,mean_score,"
                            "commute_median_min\n");
      }
      for (const v1::GroupRow& row : b.rows()) {
        absl::StrAppend(&text, run, ",", CsvField(row.group()), ",");
        if (row.suppressed()) {
          text += "true,,,,,\n";
        } else {
          absl::StrAppend(&text, "false,", row.candidates(), ",", row.placed(), ",",
                          Number(row.placement_rate()), ",", Number(row.mean_score()), ",",
                          Number(row.commute_median_min()), "\n");
        }
      }
    }
  }
  files["distributions"] = distributions;
  for (const auto& [name, text] : files) {
    const std::string path = (std::filesystem::path(dir) / (name + ".csv")).string();
    if (!WriteFile(path, text, error)) return false;
    written->push_back(path);
  }
  return true;
}

void PrintReportTables(const v1::RunReport& r, std::ostream& out) {
  const v1::RunMetrics& m = r.metrics();
  out << "run " << RunName(r) << ": " << m.candidates() << " candidates, " << m.placed()
      << " placed, fill rate " << absl::StrFormat("%.1f%%", 100 * m.fill_rate())
      << ", mean score " << ScoreText(m.mean_score()) << ", commute median "
      << MinutesText(m.commute_median_min()) << " min, " << m.blocking_pairs()
      << " blocking pairs\n";
  for (const v1::Breakdown& b : r.breakdowns()) {
    out << "\nby " << b.dimension() << ":\n";
    TableWriter table({"GROUP", "CANDIDATES", "PLACED", "RATE", "MEAN_SCORE", "COMMUTE_MEDIAN"});
    for (size_t column : {1, 2, 3, 4, 5}) table.AlignRight(column);
    for (const v1::GroupRow& row : b.rows()) {
      if (row.suppressed()) {
        table.AddRow({row.group(), "<5", "", "", "", ""});
      } else {
        table.AddRow({row.group(), absl::StrCat(row.candidates()), absl::StrCat(row.placed()),
                      absl::StrFormat("%.1f%%", 100 * row.placement_rate()),
                      ScoreText(row.mean_score()), MinutesText(row.commute_median_min())});
      }
    }
    if (table.rows() > 0) table.Print(out);
  }
  out << "\n";
}

int RunReportCommand(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(args, {{"html"}, {"csv"}});
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  if (parsed->positional.empty()) return context.UsageError("expected at least one RUN_ID");
  std::unique_ptr<v1::Reports::Stub> stub = v1::Reports::NewStub(context.channel());
  std::vector<v1::RunReport> reports;
  for (const std::string& run_id : parsed->positional) {
    v1::GetRunReportRequest request;
    request.set_run_id(run_id);
    grpc::ClientContext call;
    context.PrepareCall(&call, kReportTimeout);
    v1::RunReport report;
    if (grpc::Status status = stub->GetRunReport(&call, request, &report); !status.ok()) {
      return context.RpcError(status);
    }
    reports.push_back(std::move(report));
  }
  std::string error;
  std::vector<std::string> written;
  if (parsed->Has("html")) {
    // The page ends with retention by assignment mode; a server that refuses it (an
    // older matchd) leaves the section out.
    v1::GetRetentionRequest retention_request;
    retention_request.set_by(v1::RETENTION_DIMENSION_ASSIGN_MODE);
    grpc::ClientContext call;
    context.PrepareCall(&call, kReportTimeout);
    v1::RetentionReport retention;
    const grpc::Status retention_status = stub->GetRetention(&call, retention_request, &retention);
    if (!retention_status.ok()) {
      context.err() << "retention left out of the page: " << retention_status.error_message()
                    << "\n";
    }
    const std::string path = parsed->Value("html");
    if (!WriteFile(path, RunReportsHtml(reports, retention_status.ok() ? &retention : nullptr),
                   &error)) {
      return context.InputError(error);
    }
    written.push_back(path);
  }
  if (parsed->Has("csv") && !WriteCsvDir(parsed->Value("csv"), reports, &written, &error)) {
    return context.InputError(error);
  }
  if (context.json()) {
    context.PrintJsonObject([&](JsonWriter& json) {
      json.Key("reports");
      json.BeginArray();
      for (const v1::RunReport& r : reports) WriteReportJson(r, json);
      json.EndArray();
    });
  } else if (written.empty()) {
    for (const v1::RunReport& r : reports) PrintReportTables(r, context.out());
  }
  if (!context.json()) {
    for (const std::string& path : written) context.out() << "wrote " << path << "\n";
  }
  return kExitOk;
}

}  // namespace

int RunRunsExport(Context& context, const ParsedArgs& parsed) {
  if (parsed.positional.size() != 2 || !parsed.Has("csv")) {
    return context.UsageError("expected: run export RUN_ID --csv FILE");
  }
  v1::Run run;
  if (grpc::Status status = GetRun(context, parsed.positional[1], &run); !status.ok()) {
    return context.RpcError(status);
  }
  if (run.placements_size() == 0 && run.metrics().placed() > 0) {
    // An analyst's run carries aggregates only (service/matching/analyst_view.h).
    return context.RpcError(grpc::Status(
        grpc::StatusCode::PERMISSION_DENIED,
        "this key does not see the run's placements (analysts see aggregates only; use "
        "`matchctl report`)"));
  }
  std::string text = "candidate_id,offer_id,score,commute_minutes,rank\n";
  for (const v1::RunPlacement& p : run.placements()) {
    absl::StrAppend(&text, CsvField(p.candidate_id()), ",", CsvField(p.offer_id()), ",",
                    absl::StrFormat("%.6f", p.score()), ",",
                    absl::StrFormat("%.1f", p.travel_minutes()), ",",
                    p.choice_rank() > 0 ? absl::StrCat(p.choice_rank()) : "sector", "\n");
  }
  std::string error;
  const std::string path = parsed.Value("csv");
  if (!WriteFile(path, text, &error)) return context.InputError(error);
  if (context.json()) {
    context.PrintJsonObject([&](JsonWriter& json) {
      json.Key("run_id");
      json.String(run.id());
      json.Key("placements");
      json.Int(run.placements_size());
      json.Key("file");
      json.String(path);
    });
  } else {
    context.out() << "wrote " << run.placements_size() << " placements of run " << run.id()
                  << " to " << path << "\n";
  }
  return kExitOk;
}

void AddReportCommands(std::vector<Command>& commands) {
  commands.push_back(MakeCommand(
      "report", "run reports: metrics, distributions, group breakdowns (HTML, CSV, JSON)",
      "matchctl report RUN_ID... [--html FILE] [--csv DIR] [--json]\n"
      "\n"
      "The report of each run (aggregates only; groups under 5 candidates suppressed;\n"
      "origin and heritage language only for candidates with \"statistics\" consent).\n"
      "  --html FILE   one self-contained HTML page comparing the runs (inline SVG charts),\n"
      "                ending with the retention of started placements by assignment mode\n"
      "  --csv DIR     one CSV per breakdown (DIR/<dimension>.csv) and distributions.csv\n"
      "  --json        {\"reports\":[{\"run_id\",\"mode\",\"label\",\"created_at\",\"metrics\":{...},\n"
      "                \"distributions\":{\"score\",\"commute_minutes\",\"wish_rank\":[{\"bin\",\"count\"}]},\n"
      "                \"min_group_size\",\"breakdowns\":{DIMENSION:[{\"group\",\"candidates\",\"placed\",\n"
      "                \"placement_rate\",\"mean_score\",\"commute_median_min\"} | {\"group\",\n"
      "                \"suppressed\":true}]}}]}\n"
      "Without --json, --html or --csv: tables. Analysts, officers and admins may call it.",
      RunReportCommand));
}

}  // namespace azubimatch::matchctl

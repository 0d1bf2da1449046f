// matchctl report and runs export against a real in-process matchd (Matching and
// Reports over RocksDB): the --json shape, one self-contained HTML page with inline
// SVG charts and no URL, one CSV per breakdown, the placements export, exit codes.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/clients/matchctl/matchctl_runner.h"
#include "tests/service/reports/report_server_fixture.h"

namespace azubimatch::service {
namespace {

using ::google::protobuf::Struct;
using ::testing::HasSubstr;
using ::testing::Not;

// What a matchctl command printed and its exit code.
using Output = matchctl::CtlResult;

std::string ReadAll(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

class MatchctlReportTest : public ReportServerFixture {
 protected:
  void SetUp() override {
    ReportServerFixture::SetUp();
    absl::StatusOr<LoadedCohort> cohort = LoadDemoCohort(
        server_->records(), OfficerOf("m1"), {.candidates = 300, .offers = 100, .seed = 11});
    ASSERT_TRUE(cohort.ok()) << cohort.status();
    cohort_ = *std::move(cohort);
  }

  Output Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--server", server_->bound_address()});
    return matchctl::RunCtl(args);
  }

  LoadedCohort cohort_;
};

TEST_F(MatchctlReportTest, JsonHasOneObjectPerGroupRow) {
  const std::string run_id = RunAs("m1", v1::ASSIGN_MODE_OPTIMAL);
  const Output output = Run({"report", run_id, "--json"});
  ASSERT_EQ(output.code, 0) << output.err;
  Struct parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(output.out, &parsed).ok()) << output.out;
  const auto& reports = parsed.fields().at("reports").list_value();
  ASSERT_EQ(reports.values_size(), 1);
  const auto& report = reports.values(0).struct_value().fields();
  EXPECT_EQ(report.at("run_id").string_value(), run_id);
  EXPECT_EQ(report.at("mode").string_value(), "optimal");
  EXPECT_EQ(report.at("metrics").struct_value().fields().at("candidates").number_value(), 300);
  const auto& breakdowns = report.at("breakdowns").struct_value().fields();
  std::set<std::string> dimensions;
  for (const auto& [name, value] : breakdowns) dimensions.insert(name);
  EXPECT_EQ(dimensions, (std::set<std::string>{"municipality", "occupation", "sector",
                                                "school_certificate", "german_level", "origin",
                                                "heritage_language", "member"}));
  int shown = 0, suppressed = 0;
  for (const auto& [name, rows] : breakdowns) {
    for (const auto& row : rows.list_value().values()) {
      const auto& f = row.struct_value().fields();
      ASSERT_TRUE(f.contains("group")) << name;
      if (f.contains("suppressed")) {
        ++suppressed;
        EXPECT_TRUE(f.at("suppressed").bool_value());
        EXPECT_FALSE(f.contains("candidates")) << name;
        EXPECT_FALSE(f.contains("placed")) << name;
      } else {
        ++shown;
        EXPECT_GE(f.at("candidates").number_value(), 5) << name;
        EXPECT_TRUE(f.contains("placement_rate")) << name;
      }
    }
  }
  EXPECT_GT(shown, 0);
  EXPECT_EQ(breakdowns.at("member").list_value().values(0).struct_value().fields()
                .at("candidates").number_value(), 300);
  // No candidate id in the report.
  for (const std::string& id : cohort_.candidate_ids) {
    ASSERT_THAT(output.out, Not(HasSubstr(id)));
  }
  (void)suppressed;
}

TEST_F(MatchctlReportTest, HtmlComparesRunsSelfContained) {
  const std::string optimal = RunAs("m1", v1::ASSIGN_MODE_OPTIMAL);
  const std::string stable = RunAs("m1", v1::ASSIGN_MODE_STABLE);
  const std::string path = dir_.Sub("report.html");
  const Output output = Run({"report", optimal, stable, "--html", path});
  ASSERT_EQ(output.code, 0) << output.err;
  EXPECT_THAT(output.out, HasSubstr("wrote " + path));
  const std::string html = ReadAll(path);
  EXPECT_THAT(html, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("<svg"));
  EXPECT_THAT(html, HasSubstr(optimal + " (optimal)"));
  EXPECT_THAT(html, HasSubstr(stable + " (stable)"));
  EXPECT_THAT(html, HasSubstr("Blocking pairs"));
  EXPECT_THAT(html, HasSubstr("Rank of the placed occupation"));
  EXPECT_THAT(html, HasSubstr("Placement rate by municipality"));
  EXPECT_THAT(html, Not(HasSubstr("http://")));
  EXPECT_THAT(html, Not(HasSubstr("https://")));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  for (const std::string& id : cohort_.candidate_ids) ASSERT_THAT(html, Not(HasSubstr(id)));
}

TEST_F(MatchctlReportTest, CsvWritesOneFilePerBreakdown) {
  const std::string run_id = RunAs("m1", v1::ASSIGN_MODE_GREEDY);
  const std::string dir = dir_.Sub("csv");
  const Output output = Run({"report", run_id, "--csv", dir});
  ASSERT_EQ(output.code, 0) << output.err;
  for (const char* name : {"municipality", "occupation", "sector", "school_certificate",
                           "german_level", "origin", "heritage_language", "member",
                           "distributions"}) {
    const std::string text = ReadAll(dir + "/" + name + ".csv");
    ASSERT_FALSE(text.empty()) << name;
    const std::vector<std::string> lines = absl::StrSplit(text, '\n', absl::SkipEmpty());
    if (std::string(name) == "distributions") {
      EXPECT_EQ(lines[0], "run_id,mode,distribution,bin,count");
      continue;
    }
    EXPECT_EQ(lines[0], absl::StrCat("run_id,mode,", name,
                                     ",suppressed,candidates,placed,placement_rate,"
                                     "mean_score,commute_median_min"));
  }
  const std::vector<std::string> members =
      absl::StrSplit(ReadAll(dir + "/member.csv"), '\n', absl::SkipEmpty());
  ASSERT_EQ(members.size(), 2u);
  EXPECT_THAT(members[1], HasSubstr(absl::StrCat(run_id, ",greedy,m1,false,300,")));
}

TEST_F(MatchctlReportTest, RunsExportWritesThePlacements) {
  v1::Run run;
  const std::string run_id = RunAs("m1", v1::ASSIGN_MODE_STABLE, &run);
  const std::string path = dir_.Sub("placements.csv");
  const Output output = Run({"runs", "export", run_id, "--csv", path});
  ASSERT_EQ(output.code, 0) << output.err;
  const std::vector<std::string> lines = absl::StrSplit(ReadAll(path), '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), static_cast<size_t>(run.placements_size()) + 1);
  EXPECT_EQ(lines[0], "candidate_id,offer_id,score,commute_minutes,rank");
  const v1::RunPlacement& first = run.placements(0);
  EXPECT_THAT(lines[1], HasSubstr(absl::StrCat(first.candidate_id(), ",", first.offer_id(), ",")));
}

TEST_F(MatchctlReportTest, ExitCodes) {
  EXPECT_EQ(Run({"report"}).code, 2);
  EXPECT_EQ(Run({"report", "zzzzzzzzzzzzzzzz", "--json"}).code, 1);
  EXPECT_EQ(Run({"runs", "export", "zzzzzzzzzzzzzzzz"}).code, 2);  // --csv missing
  const std::string foreign = RunAs("m2", v1::ASSIGN_MODE_GREEDY);
  const Output refused = Run({"report", foreign});
  EXPECT_EQ(refused.code, 1);
  EXPECT_THAT(refused.err, HasSubstr("NOT_FOUND"));
}

}  // namespace
}  // namespace azubimatch::service

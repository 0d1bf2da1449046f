// matchctl retention against a real in-process matchd (Matching and Reports over
// RocksDB) on placements stored with their lifecycle history: the --json shape with
// hand-computed figures, null where the curve says nothing, a suppressed group, the
// analyst's table, and usage errors.
#include <string>
#include <vector>

#include "clients/matchctl/command.h"
#include "clients/matchctl/report_html.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/clients/matchctl/matchctl_runner.h"
#include "tests/service/reports/report_server_fixture.h"
#include "tests/service/reports/stored_placements.h"

namespace azubimatch::service {
namespace {

using ::google::protobuf::Struct;
using ::testing::HasSubstr;

class MatchctlRetentionTest : public ReportServerFixture {
 protected:
  // Member m1 (the caller matchctl is, see MetadataCallerResolver): 6 placements at an
  // offer of 62102 started 2024-08-01, one ended early on day 30 (2024-08-31), the rest
  // passed probation on 2024-12-01; 2 at an offer of 29302, started only.
  void SetUp() override {
    ReportServerFixture::SetUp();
    absl::StatusOr<v1::Company> company =
        server_->records()->Create(OfficerOf("m1"), TestCompany());
    ASSERT_TRUE(company.ok()) << company.status();
    absl::StatusOr<v1::TrainingOffer> a = server_->records()->Create(
        OfficerOf("m1"), TestOffer(company->id(), "62102", 20));
    absl::StatusOr<v1::TrainingOffer> b = server_->records()->Create(
        OfficerOf("m1"), TestOffer(company->id(), "29302", 20));
    ASSERT_TRUE(a.ok() && b.ok());
    const Day start{2024, 8, 1};
    int serial = 0;
    StorePlacement(server_->store(), ++serial,
                   {.member = "m1",
                    .offer = a->id(),
                    .steps = {{v1::PLACEMENT_STATUS_STARTED, start},
                              {v1::PLACEMENT_STATUS_ENDED_EARLY, {2024, 8, 31}}}});
    for (int i = 0; i < 5; ++i) {
      StorePlacement(server_->store(), ++serial,
                     {.member = "m1",
                      .offer = a->id(),
                      .steps = {{v1::PLACEMENT_STATUS_STARTED, start},
                                {v1::PLACEMENT_STATUS_PROBATION_PASSED, {2024, 12, 1}}}});
    }
    for (int i = 0; i < 2; ++i) {
      StorePlacement(server_->store(), ++serial,
                     {.member = "m1",
                      .offer = b->id(),
                      .steps = {{v1::PLACEMENT_STATUS_STARTED, start}}});
    }
  }

  matchctl::CtlResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--server", server_->bound_address()});
    return matchctl::RunCtl(args);
  }
};

TEST_F(MatchctlRetentionTest, JsonHasTheFiguresAndNullWhereUnknown) {
  const matchctl::CtlResult r =
      Run({"retention", "--as-of", "2025-08-01", "--by", "occupation", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  Struct parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &parsed).ok()) << r.out;
  const auto& f = parsed.fields();
  EXPECT_EQ(f.at("as_of").string_value(), "2025-08-01");
  EXPECT_EQ(f.at("started").number_value(), 8);
  EXPECT_EQ(f.at("ended_early").number_value(), 1);
  EXPECT_EQ(f.at("in_training").number_value(), 7);
  // Probation: 5 passed, 1 failed, 2 not known.
  EXPECT_DOUBLE_EQ(f.at("probation_pass_rate").number_value(), 5.0 / 6);
  // S(122) = 7/8 with 7 at risk; S(365) the same with 7 at risk (censored at 365);
  // nobody observed 730 days: null.
  const auto& survival = f.at("survival").list_value();
  ASSERT_EQ(survival.values_size(), 3);
  const auto& at122 = survival.values(0).struct_value().fields();
  EXPECT_EQ(at122.at("days").number_value(), 122);
  EXPECT_DOUBLE_EQ(at122.at("survival").number_value(), 0.875);
  EXPECT_EQ(at122.at("at_risk").number_value(), 7);
  EXPECT_LT(at122.at("ci_low").number_value(), 0.875);
  EXPECT_GT(at122.at("ci_high").number_value(), 0.875);
  const auto& at730 = survival.values(2).struct_value().fields();
  EXPECT_EQ(at730.at("at_risk").number_value(), 0);
  EXPECT_TRUE(at730.at("survival").has_null_value());
  // Groups: 29302 has 2 started (suppressed), 62102 has 6.
  EXPECT_EQ(f.at("by").string_value(), "occupation");
  const auto& groups = f.at("groups").list_value();
  ASSERT_EQ(groups.values_size(), 2);
  const auto& small = groups.values(0).struct_value().fields();
  EXPECT_EQ(small.at("group").string_value(), "29302");
  EXPECT_TRUE(small.at("suppressed").bool_value());
  EXPECT_EQ(small.count("started"), 0u);
  const auto& big = groups.values(1).struct_value().fields();
  EXPECT_EQ(big.at("started").number_value(), 6);
  EXPECT_EQ(f.count("log_rank"), 0u);  // one group shown: no test
}

TEST_F(MatchctlRetentionTest, TablesReadWell) {
  const matchctl::CtlResult r = Run({"retention", "--as-of", "2025-08-01", "--at-days",
                                     "30,365", "--by", "occupation"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Retention as of 2025-08-01: 8 started, 1 ended early, "
                               "0 completed, 7 still in training (87.5%)"));
  EXPECT_THAT(r.out, HasSubstr("Probation passed: 83.3% of 6 with a known outcome"));
  EXPECT_THAT(r.out, HasSubstr("STILL_TRAINING"));
  EXPECT_THAT(r.out, HasSubstr("87.5%"));
  EXPECT_THAT(r.out, HasSubstr("S(30)"));
  EXPECT_THAT(r.out, HasSubstr("<5"));
}

TEST_F(MatchctlRetentionTest, UsageErrors) {
  EXPECT_EQ(Run({"retention", "--by", "origin"}).code, matchctl::kExitUsage);
  EXPECT_EQ(Run({"retention", "--at-days", "122,x"}).code, matchctl::kExitUsage);
  EXPECT_EQ(Run({"retention", "--as-of", "1.8.2025x"}).code, matchctl::kExitUsage);
  // The server refuses a day in the future.
  EXPECT_EQ(Run({"retention", "--as-of", "2199-01-01"}).code, matchctl::kExitRefused);
}

TEST_F(MatchctlRetentionTest, HtmlReportEndsWithTheCurves) {
  // The retention section of `report --html`, from the server's answer by mode: all 8
  // placements are "no run", so one curve besides "all placements".
  grpc::ClientContext context;
  As(&context, "m1");
  v1::GetRetentionRequest request;
  request.mutable_as_of()->set_year(2025);
  request.mutable_as_of()->set_month(8);
  request.mutable_as_of()->set_day(1);
  request.set_by(v1::RETENTION_DIMENSION_ASSIGN_MODE);
  v1::RetentionReport retention;
  ASSERT_TRUE(reports_->GetRetention(&context, request, &retention).ok());
  ASSERT_EQ(retention.groups_size(), 1);
  EXPECT_EQ(retention.overall().last_day(), 365);
  const std::string html = matchctl::RunReportsHtml({v1::RunReport()}, &retention);
  EXPECT_THAT(html, HasSubstr("<h2>Retention by assignment mode</h2>"));
  EXPECT_THAT(html, HasSubstr("Share still in training"));
  EXPECT_THAT(html, HasSubstr("<title>no run</title>"));
  EXPECT_THAT(html, HasSubstr("87.5% <small>("));
  // The curve of all placements: from 100 % at day 0 down at day 30 to 7/8, drawn to
  // day 365 (x from 56 to 704 over 0..365 days; below the legend, y from 44 to 276 over
  // 100..0 %: 7/8 at 44 + 232 / 8 = 73).
  EXPECT_THAT(html,
              HasSubstr("<path d=\"M56.0 44.0 L109.3 44.0 L109.3 73.0 L704.0 73.0 \" "
                        "fill=\"none\""));
  // Self-contained: no script, no URL.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);
  // Without an answer the page has no retention section.
  EXPECT_EQ(matchctl::RunReportsHtml({v1::RunReport()}).find("Retention"),
            std::string::npos);
}

}  // namespace
}  // namespace azubimatch::service

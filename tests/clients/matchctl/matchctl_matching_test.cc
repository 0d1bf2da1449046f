// matchctl's matching commands against a real server: the JSON shapes scripts rely on
// (suggest, explain, assign, runs, placement), the exit codes, and the tables.
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "clients/matchctl/run_matchctl.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/service/matching/matching_server_fixture.h"

namespace azubimatch::service {
namespace {

using ::google::protobuf::Struct;
using ::google::protobuf::Value;
using ::testing::HasSubstr;

struct Output {
  int code = -1;
  std::string out, err;
};

std::set<std::string> Keys(const Struct& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object.fields()) keys.insert(key);
  return keys;
}

class MatchctlMatchingTest : public MatchingServerTest {
 protected:
  void SetUp() override {
    StartServer();
    absl::StatusOr<LoadedCohort> cohort =
        LoadDemoCohort(records(), officer_, {.candidates = 200, .offers = 80, .seed = 7});
    ASSERT_TRUE(cohort.ok()) << cohort.status();
    cohort_ = *std::move(cohort);
  }

  Output Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--server", server_->bound_address()});
    std::istringstream in;
    std::ostringstream out, err;
    matchctl::MatchctlIo io;
    io.in = &in;
    io.out = &out;
    io.err = &err;
    Output result;
    result.code = matchctl::RunMatchctl(args, io);
    result.out = out.str();
    result.err = err.str();
    return result;
  }

  Struct Json(const Output& output) {
    EXPECT_EQ(output.code, 0) << output.err;
    Struct parsed;
    const auto status = google::protobuf::util::JsonStringToMessage(output.out, &parsed);
    EXPECT_TRUE(status.ok()) << output.out;
    return parsed;
  }

  // A candidate with at least one suggestion.
  std::string CandidateWithSuggestions() {
    for (const std::string& id : cohort_.candidate_ids) {
      const Struct s = Json(Run({"suggest", "--candidate", id, "--json"}));
      if (s.fields().at("suggestions").list_value().values_size() > 0) return id;
    }
    ADD_FAILURE() << "no candidate has suggestions";
    return "";
  }

  LoadedCohort cohort_;
};

// The components in the order their contributions are summed.
const std::vector<std::string> kComponentOrder = {"occupation", "language", "commute",
                                                  "certificate", "start_date"};
const std::set<std::string> kComponents(kComponentOrder.begin(), kComponentOrder.end());

TEST_F(MatchctlMatchingTest, SuggestAndExplainPrintTheDocumentedJson) {
  const std::string candidate = CandidateWithSuggestions();
  const Struct suggestions = Json(Run({"suggest", "--candidate", candidate, "--k", "3", "--json"}));
  ASSERT_EQ(Keys(suggestions), std::set<std::string>{"suggestions"});
  const auto& list = suggestions.fields().at("suggestions").list_value();
  ASSERT_GT(list.values_size(), 0);
  ASSERT_LE(list.values_size(), 3);
  const Struct& first = list.values(0).struct_value();
  EXPECT_EQ(Keys(first), (std::set<std::string>{"offer_id", "score", "components"}));
  EXPECT_EQ(Keys(first.fields().at("components").struct_value()), kComponents);
  const std::string offer = first.fields().at("offer_id").string_value();
  const double score = first.fields().at("score").number_value();

  const Struct explained =
      Json(Run({"explain", "--candidate", candidate, "--offer", offer, "--json"}));
  EXPECT_EQ(Keys(explained),
            (std::set<std::string>{"eligible", "score", "components", "reasons"}));
  EXPECT_TRUE(explained.fields().at("eligible").bool_value());
  EXPECT_EQ(explained.fields().at("score").number_value(), score);  // shortest round trip
  EXPECT_EQ(explained.fields().at("reasons").list_value().values_size(), 0);
  double sum = 0.0;
  for (const std::string& name : kComponentOrder) {
    sum += explained.fields().at("components").struct_value().fields().at(name).number_value();
  }
  EXPECT_EQ(sum, score);

  const Struct by_offer = Json(Run({"suggest", "--offer", offer, "--json"}));
  const auto& candidates = by_offer.fields().at("suggestions").list_value();
  ASSERT_GT(candidates.values_size(), 0);
  EXPECT_EQ(Keys(candidates.values(0).struct_value()),
            (std::set<std::string>{"candidate_id", "score", "components"}));

  const Output table = Run({"suggest", "--candidate", candidate});
  EXPECT_EQ(table.code, 0);
  EXPECT_THAT(table.out, HasSubstr("RANK"));
  EXPECT_THAT(table.out, HasSubstr(offer));
  EXPECT_EQ(Run({"suggest"}).code, 2);
  EXPECT_EQ(Run({"suggest", "--candidate", "0123456789abcdef"}).code, 1);
}

TEST_F(MatchctlMatchingTest, AssignPrintsTheRunAndRunsGetRepeatsIt) {
  const Output assigned = Run({"assign", "--mode", "stable", "--seed", "3", "--json"});
  const Struct run = Json(assigned);
  EXPECT_EQ(Keys(run), (std::set<std::string>{"run_id", "mode", "placements", "unmatched",
                                               "metrics"}));
  EXPECT_EQ(run.fields().at("mode").string_value(), "stable");
  EXPECT_EQ(Keys(run.fields().at("metrics").struct_value()),
            (std::set<std::string>{"candidates", "seats", "placed", "fill_rate", "total_score",
                                   "mean_score", "first_choice_share", "top3_share",
                                   "commute_median_min", "commute_p90_min",
                                   "blocking_pairs"}));
  const auto& metrics = run.fields().at("metrics").struct_value().fields();
  EXPECT_EQ(metrics.at("candidates").number_value(), 200);
  EXPECT_EQ(metrics.at("blocking_pairs").number_value(), 0);
  const auto& placements = run.fields().at("placements").list_value();
  ASSERT_GT(placements.values_size(), 0);
  EXPECT_EQ(Keys(placements.values(0).struct_value()),
            (std::set<std::string>{"candidate_id", "offer_id", "score"}));
  EXPECT_EQ(metrics.at("placed").number_value(), placements.values_size());
  const auto& unmatched = run.fields().at("unmatched").list_value();
  if (unmatched.values_size() > 0) {
    EXPECT_EQ(Keys(unmatched.values(0).struct_value()),
              (std::set<std::string>{"candidate_id", "reason"}));
  }
  const std::string id = run.fields().at("run_id").string_value();
  EXPECT_EQ(Run({"runs", "get", id, "--json"}).out, assigned.out);
  const Struct listed = Json(Run({"runs", "list", "--json"}));
  ASSERT_EQ(listed.fields().at("runs").list_value().values_size(), 1);

  const Output table = Run({"assign", "--mode", "greedy", "--municipality", "Stuttgart"});
  EXPECT_EQ(table.code, 0) << table.err;
  EXPECT_THAT(table.out, HasSubstr("blocking pairs"));
  EXPECT_THAT(Run({"runs", "list"}).out, HasSubstr("2 runs"));
  EXPECT_EQ(Run({"assign", "--mode", "fastest"}).code, 2);
  EXPECT_EQ(Run({"assign", "--mode", "greedy", "--lock", "nocolon"}).code, 2);
}

TEST_F(MatchctlMatchingTest, PlacementCommandsAcceptListWithdraw) {
  const std::string candidate = CandidateWithSuggestions();
  const Struct suggestions = Json(Run({"suggest", "--candidate", candidate, "--json"}));
  const std::string offer = suggestions.fields()
                                .at("suggestions")
                                .list_value()
                                .values(0)
                                .struct_value()
                                .fields()
                                .at("offer_id")
                                .string_value();
  const Struct accepted =
      Json(Run({"placement", "accept", "--candidate", candidate, "--offer", offer, "--json"}));
  EXPECT_EQ(accepted.fields().at("status").string_value(), "PLACEMENT_STATUS_ACCEPTED");
  const std::string id = accepted.fields().at("id").string_value();
  const Output again = Run({"placement", "accept", "--candidate", candidate, "--offer", offer});
  EXPECT_EQ(again.code, 1);
  EXPECT_THAT(again.err, HasSubstr("FAILED_PRECONDITION"));
  const Struct listed = Json(Run({"placement", "list", "--candidate", candidate, "--json"}));
  ASSERT_EQ(listed.fields().at("placements").list_value().values_size(), 1);
  EXPECT_EQ(Run({"placement", "reject", "--candidate", candidate, "--offer", offer}).code, 2);
  const Struct withdrawn = Json(Run({"placement", "withdraw", id, "--json"}));
  EXPECT_EQ(withdrawn.fields().at("status").string_value(), "PLACEMENT_STATUS_WITHDRAWN");
  const Output rejected = Run({"placement", "reject", "--candidate", candidate, "--offer", offer,
                               "--reason", "candidate_declined"});
  EXPECT_EQ(rejected.code, 0) << rejected.err;
  EXPECT_THAT(Run({"placement", "list"}).out, HasSubstr("rejected"));
}

}  // namespace
}  // namespace azubimatch::service

// matchctl's matching commands against a real server: the JSON shapes scripts rely on
// (suggest, explain, assign, runs, placement), the exit codes, and the tables.
#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/clients/matchctl/matchctl_runner.h"
#include "tests/service/matching/matching_server_fixture.h"

namespace azubimatch::service {
namespace {

using ::google::protobuf::Struct;
using ::google::protobuf::Value;
using ::testing::HasSubstr;

// What a matchctl command printed and its exit code.
using Output = matchctl::CtlResult;

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
    return matchctl::RunCtl(args);
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

  // The first offer suggested to `candidate`.
  std::string FirstSuggestedOffer(const std::string& candidate) {
    const Struct s = Json(Run({"suggest", "--candidate", candidate, "--json"}));
    const auto& list = s.fields().at("suggestions").list_value();
    if (list.values_size() == 0) return "";
    return list.values(0).struct_value().fields().at("offer_id").string_value();
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
            (std::set<std::string>{"eligible", "score", "travel_minutes",
                                   "school_travel_minutes", "components", "reasons"}));
  // Demo offers name their vocational school: both travel times are shown.
  EXPECT_GT(explained.fields().at("travel_minutes").number_value(), 0.0);
  EXPECT_GT(explained.fields().at("school_travel_minutes").number_value(), 0.0);
  EXPECT_THAT(Run({"explain", "--candidate", candidate, "--offer", offer}).out,
              HasSubstr(" min, to the Berufsschule "));
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
                                   "blocking_pairs",
                                   // Against the two-sided lists (issue 11), added:
                                   "ranked_blocking_pairs", "candidate_mean_rank",
                                   "ranked_first_choice_share", "offer_mean_rank",
                                   "mutually_acceptable_pairs", "candidate_rankings_used",
                                   "offer_rankings_used", "company_policy_offers", "seed"}));
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

TEST_F(MatchctlMatchingTest, RankCommandsSetShowClearAndEveryModeReadsThem) {
  const std::string candidate = CandidateWithSuggestions();
  const Struct suggestions = Json(Run({"suggest", "--candidate", candidate, "--json"}));
  const auto& list = suggestions.fields().at("suggestions").list_value();
  std::vector<std::string> offers;
  for (int i = 0; i < list.values_size() && i < 3; ++i) {
    offers.push_back(list.values(i).struct_value().fields().at("offer_id").string_value());
  }
  // The candidate ranks its suggestions in reverse; the first offer ranks the candidate.
  std::vector<std::string> args = {"rank", "candidate", candidate};
  args.insert(args.end(), offers.rbegin(), offers.rend());
  args.push_back("--json");
  const Struct set = Json(Run(args));
  EXPECT_EQ(set.fields().at("owner_id").string_value(), candidate);
  EXPECT_EQ(set.fields().at("ranked_ids").list_value().values_size(),
            static_cast<int>(offers.size()));
  EXPECT_EQ(set.fields().at("ranked_ids").list_value().values(0).string_value(), offers.back());
  Json(Run({"rank", "offer", offers.front(), candidate, "--json"}));

  const Output shown = Run({"rank", "show", "candidate", candidate});
  EXPECT_EQ(shown.code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("version 1"));
  EXPECT_THAT(shown.out, HasSubstr(offers.back()));
  const Struct shown_json = Json(Run({"rank", "show", "offer", offers.front(), "--json"}));
  EXPECT_EQ(shown_json.fields().at("ranked_ids").list_value().values(0).string_value(),
            candidate);

  for (const char* mode :
       {"optimal", "stable", "stable-offer-proposing", "best-stable", "greedy"}) {
    const Struct run = Json(Run({"assign", "--mode", mode, "--seed", "5", "--json"}));
    EXPECT_EQ(run.fields().at("mode").string_value(), mode);
    const auto& metrics = run.fields().at("metrics").struct_value().fields();
    EXPECT_EQ(metrics.at("candidate_rankings_used").number_value(), 1) << mode;
    EXPECT_EQ(metrics.at("offer_rankings_used").number_value(), 1) << mode;
    EXPECT_EQ(metrics.at("seed").number_value(), 5) << mode;
    EXPECT_GE(metrics.at("candidate_mean_rank").number_value(), 1.0) << mode;
    if (std::string(mode).find("stable") != std::string::npos) {
      EXPECT_EQ(metrics.at("ranked_blocking_pairs").number_value(), 0) << mode;
    }
    // The candidate is placed, if at all, only at an offer it listed.
    for (const Value& p : run.fields().at("placements").list_value().values()) {
      const auto& fields = p.struct_value().fields();
      if (fields.at("candidate_id").string_value() != candidate) continue;
      EXPECT_NE(std::find(offers.begin(), offers.end(), fields.at("offer_id").string_value()),
                offers.end())
          << mode;
    }
  }

  const Struct cleared = Json(Run({"rank", "candidate", candidate, "--clear", "--json"}));
  EXPECT_TRUE(cleared.fields().at("cleared").bool_value());
  EXPECT_THAT(Run({"rank", "show", "candidate", candidate}).out, HasSubstr("no ranking"));
  // Bad input: the server refuses (exit 1) naming the field; usage errors exit 2.
  const Output duplicate = Run({"rank", "candidate", candidate, offers[0], offers[0]});
  EXPECT_EQ(duplicate.code, 1);
  EXPECT_THAT(duplicate.err, HasSubstr("ranked_ids[1]"));
  EXPECT_EQ(Run({"rank", "show", "company", candidate}).code, 2);
  EXPECT_EQ(Run({"rank", "candidate", candidate}).code, 2);
}

TEST_F(MatchctlMatchingTest, PolicySetShowClearAndTheStableModesSpread) {
  EXPECT_THAT(Run({"policy", "show"}).out, HasSubstr("no company policy"));
  const auto assign = [&](const char* mode) {
    const Struct run = Json(Run({"assign", "--mode", mode, "--seed", "5", "--json"}));
    return run.fields().at("metrics").struct_value();
  };
  const Struct plain_stable = assign("stable");
  const Struct plain_offers = assign("stable-offer-proposing");
  EXPECT_EQ(plain_stable.fields().at("company_policy_offers").number_value(), 0);

  const Struct set = Json(Run({"policy", "set", "--commute", "1", "--json"}));
  EXPECT_EQ(set.fields().at("version").number_value(), 1);
  EXPECT_EQ(set.fields().at("weights").struct_value().fields().at("commute").number_value(), 1);
  const Output shown = Run({"policy", "show"});
  EXPECT_EQ(shown.code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("version 1"));
  EXPECT_THAT(shown.out, HasSubstr("commute"));

  // Candidate-optimal and offer-optimal stable matchings: each side does at least as
  // well in its own mode (the lattice), and both are stable against the lists.
  const Struct stable = assign("stable");
  const Struct offers = assign("stable-offer-proposing");
  for (const Struct* m : {&stable, &offers}) {
    EXPECT_GT(m->fields().at("company_policy_offers").number_value(), 0);
    EXPECT_EQ(m->fields().at("ranked_blocking_pairs").number_value(), 0);
  }
  EXPECT_LE(stable.fields().at("candidate_mean_rank").number_value(),
            offers.fields().at("candidate_mean_rank").number_value());
  EXPECT_LE(offers.fields().at("offer_mean_rank").number_value(),
            stable.fields().at("offer_mean_rank").number_value());
  EXPECT_EQ(stable.fields().at("placed").number_value(),
            offers.fields().at("placed").number_value());  // rural hospitals

  // Bad input: the server refuses (exit 1) naming the field; usage errors exit 2.
  const Output too_heavy = Run({"policy", "set", "--commute", "2"});
  EXPECT_EQ(too_heavy.code, 1);
  EXPECT_THAT(too_heavy.err, HasSubstr("weights.commute"));
  EXPECT_EQ(Run({"policy", "set"}).code, 2);
  EXPECT_EQ(Run({"policy", "set", "--commute", "much"}).code, 2);
  EXPECT_EQ(Run({"policy", "set", "--clear", "--commute", "1"}).code, 2);

  const Struct cleared = Json(Run({"policy", "set", "--clear", "--json"}));
  EXPECT_TRUE(cleared.fields().at("cleared").bool_value());
  EXPECT_THAT(Run({"policy", "show"}).out, HasSubstr("no company policy"));
  const Struct again = assign("stable-offer-proposing");
  EXPECT_EQ(again.fields().at("company_policy_offers").number_value(), 0);
  EXPECT_EQ(again.fields().at("total_score").number_value(),
            plain_offers.fields().at("total_score").number_value());
}

TEST_F(MatchctlMatchingTest, RankImportAndExportRoundTripJsonLinesAndCsv) {
  const std::string c0 = cohort_.candidate_ids[0];
  const std::string c1 = cohort_.candidate_ids[1];
  const std::string o0 = cohort_.offer_ids[0];
  const std::string o1 = cohort_.offer_ids[1];
  const std::string path = dir_.Sub("rankings.txt");
  {
    std::ofstream file(path);
    file << "side,owner_id,ranked_ids\n"
         << "{\"side\":\"candidate\",\"owner_id\":\"" << c0 << "\",\"ranked_ids\":[\"" << o1
         << "\",\"" << o0 << "\"]}\n"
         << "candidate," << c1 << "," << o0 << ";" << o1 << "\n"
         << "offer," << o0 << "," << c1 << ";" << c1 << "\n";  // a duplicate: refused
  }
  const Output imported = Run({"rank", "import", path});
  EXPECT_EQ(imported.code, 1);
  EXPECT_THAT(imported.out, HasSubstr("2 rankings set, 1 refused"));
  EXPECT_THAT(imported.err, HasSubstr("line 4: "));
  EXPECT_THAT(imported.err, HasSubstr("ranked_ids[1]"));
  const Output exported = Run({"rank", "export", "candidate", c0, c1, cohort_.candidate_ids[2]});
  ASSERT_EQ(exported.code, 0) << exported.err;
  EXPECT_EQ(exported.out,
            absl::StrCat("{\"side\":\"candidate\",\"owner_id\":\"", c0, "\",\"ranked_ids\":[\"",
                         o1, "\",\"", o0, "\"]}\n{\"side\":\"candidate\",\"owner_id\":\"", c1,
                         "\",\"ranked_ids\":[\"", o0, "\",\"", o1, "\"]}\n"));
  // The export imports again unchanged.
  {
    std::ofstream file(path);
    file << exported.out;
  }
  EXPECT_EQ(Run({"rank", "import", path, "--json"}).out, "{\"set\":2,\"failed\":0}\n");
}

TEST_F(MatchctlMatchingTest, DemoWithRankingsRanksBothSidesAsAfterInterviews) {
  const Output demo = Run({"demo", "--candidates", "40", "--offers", "20", "--prefix", "rk",
                           "--seed", "3", "--rankings"});
  ASSERT_EQ(demo.code, 0) << demo.err;
  EXPECT_THAT(demo.err, HasSubstr("rankings: "));
  const Struct run = Json(Run({"assign", "--mode", "best-stable", "--json"}));
  const auto& metrics = run.fields().at("metrics").struct_value().fields();
  EXPECT_GT(metrics.at("candidate_rankings_used").number_value(), 0);
  EXPECT_GT(metrics.at("offer_rankings_used").number_value(), 0);
  EXPECT_EQ(metrics.at("ranked_blocking_pairs").number_value(), 0);
}

TEST_F(MatchctlMatchingTest, PlacementCommandsAcceptListWithdraw) {
  const std::string candidate = CandidateWithSuggestions();
  const std::string offer = FirstSuggestedOffer(candidate);
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

TEST_F(MatchctlMatchingTest, PlacementAdvanceRecordsTheLifecycleAndNamesBadFlags) {
  const std::string candidate = CandidateWithSuggestions();
  const std::string offer = FirstSuggestedOffer(candidate);
  const std::string id = Json(Run({"placement", "accept", "--candidate", candidate,
                                   "--offer", offer, "--json"}))
                             .fields()
                             .at("id")
                             .string_value();
  // Usage errors name the flag and exit 2, before any call.
  const auto usage = [&](std::vector<std::string> args, const std::string& flag) {
    args.insert(args.begin(), {"placement", "advance", id});
    const Output output = Run(args);
    EXPECT_EQ(output.code, 2) << flag << ": " << output.err;
    EXPECT_THAT(output.err, HasSubstr(flag));
  };
  usage({"--date", "2024-05-02"}, "--status");
  usage({"--status", "finished", "--date", "2024-05-02"}, "--status");
  usage({"--status", "accepted", "--date", "2024-05-02"}, "--status");
  usage({"--status", "contract_signed"}, "--date");
  usage({"--status", "contract_signed", "--date", "2. Mai"}, "--date");
  usage({"--status", "contract_signed", "--date", "2024-05-02", "--reason", "conflict"},
        "--reason");
  usage({"--status", "ended_early", "--date", "2024-05-02", "--reason", "conflict"},
        "--ended-by");
  usage({"--status", "ended_early", "--date", "2024-05-02", "--ended-by", "company"},
        "--reason");
  usage({"--status", "ended_early", "--date", "2024-05-02", "--ended-by", "company",
         "--reason", "boredom"},
        "--reason");
  // The server refuses a skipped step and a date in the future (exit 1).
  const Output skipped =
      Run({"placement", "advance", id, "--status", "started", "--date", "2024-08-01"});
  EXPECT_EQ(skipped.code, 1);
  EXPECT_THAT(skipped.err, HasSubstr("FAILED_PRECONDITION"));
  EXPECT_THAT(skipped.err, HasSubstr("status"));
  const Output future = Run({"placement", "advance", id, "--status", "contract_signed",
                             "--date", "2999-01-01"});
  EXPECT_EQ(future.code, 1);
  EXPECT_THAT(future.err, HasSubstr("date"));

  const Output signed_ =
      Run({"placement", "advance", id, "--status", "contract_signed", "--date",
           "2024-05-02", "--note", "bei der Kammer eingetragen"});
  ASSERT_EQ(signed_.code, 0) << signed_.err;
  EXPECT_THAT(signed_.out,
              HasSubstr(absl::StrCat("placement ", id, ": contract signed (version 2)")));
  EXPECT_THAT(signed_.out, HasSubstr("  accepted (recorded)\n"));
  EXPECT_THAT(
      signed_.out,
      HasSubstr("2024-05-02  contract signed    note: bei der Kammer eingetragen"));
  const Struct started = Json(Run({"placement", "advance", id, "--status", "started",
                                   "--date", "2024-08-01", "--json"}));
  EXPECT_EQ(started.fields().at("status").string_value(), "PLACEMENT_STATUS_STARTED");
  ASSERT_EQ(started.fields().at("history").list_value().values_size(), 3);
  const auto& step = started.fields().at("history").list_value().values(2).struct_value();
  EXPECT_EQ(step.fields().at("date").struct_value().fields().at("month").number_value(),
            8);
  const Output ended =
      Run({"placement", "advance", id, "--status", "ended-early", "--date", "2024-11-15",
           "--ended-by", "apprentice", "--reason", "working_conditions"});
  ASSERT_EQ(ended.code, 0) << ended.err;
  EXPECT_THAT(ended.out, HasSubstr("2024-11-15  ended early        by apprentice, reason "
                                   "working conditions"));
  EXPECT_THAT(ended.out, HasSubstr("banned"));
  const Struct json =
      Json(Run({"placement", "list", "--candidate", candidate, "--json"}));
  const Struct& placement =
      json.fields().at("placements").list_value().values(0).struct_value();
  EXPECT_EQ(placement.fields().at("status").string_value(),
            "PLACEMENT_STATUS_ENDED_EARLY");
  const auto& history = placement.fields().at("history").list_value();
  ASSERT_EQ(history.values_size(), 4);
  const auto& last = history.values(3).struct_value().fields();
  EXPECT_EQ(last.at("status").string_value(), "PLACEMENT_STATUS_ENDED_EARLY");
  EXPECT_EQ(last.at("ended_by").string_value(), "ENDED_BY_APPRENTICE");
  EXPECT_EQ(last.at("end_reason").string_value(), "EARLY_END_REASON_WORKING_CONDITIONS");
  // A final placement moves no further.
  const Output again = Run({"placement", "advance", id, "--status", "completed", "--date",
                            "2024-12-01", "--json"});
  EXPECT_EQ(again.code, 1);
  EXPECT_THAT(again.err, HasSubstr("FAILED_PRECONDITION"));
}

}  // namespace
}  // namespace azubimatch::service

// The noun-first spelling of the registry commands (`matchctl offer get ID`) against a
// real server: it prints byte for byte what the old verb-first spelling prints (kept for
// one release), for every kind and verb, and `run` answers as `runs` did.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/clients/matchctl/matchctl_runner.h"
#include "tests/service/matching/matching_server_fixture.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;

class MatchctlGrammarTest : public MatchingServerTest {
 protected:
  void SetUp() override {
    StartServer();
    absl::StatusOr<LoadedCohort> cohort =
        LoadDemoCohort(records(), officer_, {.candidates = 30, .offers = 12, .seed = 3});
    ASSERT_TRUE(cohort.ok()) << cohort.status();
    cohort_ = *std::move(cohort);
  }

  matchctl::CtlResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--server", server_->bound_address()});
    return matchctl::RunCtl(args);
  }

  // Runs both spellings and expects the same exit code and output; returns the output.
  std::string ExpectAlike(const std::vector<std::string>& noun_first,
                          const std::vector<std::string>& verb_first) {
    const matchctl::CtlResult now = Run(noun_first);
    const matchctl::CtlResult old = Run(verb_first);
    EXPECT_EQ(now.code, old.code) << now.err << old.err;
    EXPECT_EQ(now.out, old.out);
    EXPECT_EQ(now.err, old.err);
    return now.out;
  }

  LoadedCohort cohort_;
};

TEST_F(MatchctlGrammarTest, NounFirstPrintsWhatTheOldSpellingPrints) {
  for (const auto& [noun, plural] : std::vector<std::pair<std::string, std::string>>{
           {"company", "companies"}, {"offer", "offers"}, {"candidate", "candidates"}}) {
    const std::string listed =
        ExpectAlike({noun, "list", "--json"}, {"list", plural, "--json"});
    EXPECT_THAT(listed, HasSubstr("\"id\"")) << noun;
    // The plural names the same command; tables too.
    ExpectAlike({plural, "list", "--limit", "3"}, {"list", plural, "--limit", "3"});
  }
  const std::string& offer = cohort_.offer_ids.front();
  const std::string& candidate = cohort_.candidate_ids.front();
  EXPECT_THAT(ExpectAlike({"offer", "get", offer}, {"get", "offer", offer}), HasSubstr(offer));
  EXPECT_THAT(ExpectAlike({"--json", "candidate", "get", candidate},
                          {"get", "candidate", candidate, "--json"}),
              HasSubstr(candidate));
  // A refusal is the same refusal (exit 1, same message).
  const matchctl::CtlResult missing = Run({"offer", "get", "zzzzzzzzzzzzzzzz"});
  EXPECT_EQ(missing.code, 1);
  ExpectAlike({"offer", "get", "zzzzzzzzzzzzzzzz"}, {"get", "offer", "zzzzzzzzzzzzzzzz"});
}

TEST_F(MatchctlGrammarTest, NounFirstWritesThroughTheSameCommands) {
  const std::string& candidate = cohort_.candidate_ids.back();
  const matchctl::CtlResult deleted = Run({"candidate", "delete", candidate});
  ASSERT_EQ(deleted.code, 0) << deleted.err;
  EXPECT_EQ(Run({"candidate", "get", candidate}).code, 1);  // NOT_FOUND
}

TEST_F(MatchctlGrammarTest, RunIsTheNewNameOfRuns) {
  const matchctl::CtlResult assigned = Run({"assign", "--mode", "greedy", "--json"});
  ASSERT_EQ(assigned.code, 0) << assigned.err;
  const std::string listed = ExpectAlike({"run", "list", "--json"}, {"runs", "list", "--json"});
  EXPECT_THAT(listed, HasSubstr("\"runs\""));
  const matchctl::CtlResult help = Run({"run", "--help"});
  EXPECT_THAT(help.out, HasSubstr("usage: matchctl run list"));
}

}  // namespace
}  // namespace azubimatch::service

// Two-sided preferences through gRPC on a real server and RocksDB: rankings as data
// (Preferences: set, get, clear, versions, bad input refused naming the field with
// nothing written, access answers, cleanup when a record is deleted) and the five
// assignment modes reading them (a small hand market whose stable matchings are known,
// metrics against the lists, the seed recorded and replayed, hard constraints on top).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/service/matching/matching_server_fixture.h"

namespace azubimatch::service {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class TwoSidedAssignTest : public MatchingServerTest {
 protected:
  void SetUp() override {
    StartServer();
    company_ = Create(TestCompany());
    for (int i = 0; i < 2; ++i) offers_.push_back(Create(TestOffer(company_)));
    for (int i = 0; i < 2; ++i) candidates_.push_back(Create(TestCandidate()));
  }

  template <typename R>
  std::string Create(const R& record, const std::string& member = "m1") {
    absl::StatusOr<R> created = records()->Create(OfficerOf(member), record);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? created->id() : "";
  }

  grpc::Status SetRanking(v1::RankingSide side, const std::string& owner,
                          const std::vector<std::string>& ids, v1::Ranking* out = nullptr,
                          const std::string& member = "m1", const std::string& role = "officer",
                          int64_t version = 0) {
    grpc::ClientContext context;
    As(&context, member, role);
    v1::SetRankingRequest request;
    request.set_side(side);
    request.set_owner_id(owner);
    for (const std::string& id : ids) request.add_ranked_ids(id);
    request.set_version(version);
    v1::Ranking response;
    grpc::Status status = preferences_->SetRanking(&context, request, &response);
    if (out != nullptr) *out = response;
    return status;
  }

  grpc::Status GetRanking(v1::RankingSide side, const std::string& owner, v1::Ranking* out,
                          const std::string& member = "m1") {
    grpc::ClientContext context;
    As(&context, member);
    v1::GetRankingRequest request;
    request.set_side(side);
    request.set_owner_id(owner);
    return preferences_->GetRanking(&context, request, out);
  }

  std::vector<std::string> Ranked(v1::RankingSide side, const std::string& owner) {
    v1::Ranking ranking;
    const grpc::Status status = GetRanking(side, owner, &ranking);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {ranking.ranked_ids().begin(), ranking.ranked_ids().end()};
  }

  // candidate id -> offer id of a run.
  static std::map<std::string, std::string> PairsOf(const v1::Run& run) {
    std::map<std::string, std::string> pairs;
    for (const v1::RunPlacement& p : run.placements()) pairs[p.candidate_id()] = p.offer_id();
    return pairs;
  }

  v1::Run Run(v1::AssignMode mode, uint64_t seed = 0) {
    v1::AssignRequest request;
    request.set_mode(mode);
    request.set_seed(seed);
    AssignResult result = Assign(request);
    EXPECT_TRUE(result.status.ok()) << result.status.error_message();
    return result.run.value_or(v1::Run());
  }

  // c0: o0 > o1, c1: o1 > o0; o0: c1 > c0, o1: c0 > c1. Two stable matchings:
  // candidate-optimal {c0-o0, c1-o1} and offer-optimal {c0-o1, c1-o0}.
  void RankCrossed() {
    const auto& c = candidates_;
    const auto& o = offers_;
    ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_CANDIDATE, c[0], {o[0], o[1]}).ok());
    ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_CANDIDATE, c[1], {o[1], o[0]}).ok());
    ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_OFFER, o[0], {c[1], c[0]}).ok());
    ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_OFFER, o[1], {c[0], c[1]}).ok());
  }

  std::string company_;
  std::vector<std::string> offers_;
  std::vector<std::string> candidates_;
};

TEST_F(TwoSidedAssignTest, RankingsAreStoredVersionedAndCleared) {
  v1::Ranking ranking;
  ASSERT_TRUE(GetRanking(v1::RANKING_SIDE_CANDIDATE, candidates_[0], &ranking).ok());
  EXPECT_EQ(ranking.version(), 0);  // none: the default list
  EXPECT_THAT(ranking.ranked_ids(), IsEmpty());

  ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_CANDIDATE, candidates_[0],
                         {offers_[1], offers_[0]}, &ranking)
                  .ok());
  EXPECT_EQ(ranking.version(), 1);
  EXPECT_EQ(ranking.member_id(), "m1");
  EXPECT_TRUE(ranking.has_created_at());
  EXPECT_THAT(Ranked(v1::RANKING_SIDE_CANDIDATE, candidates_[0]),
              ElementsAre(offers_[1], offers_[0]));

  // A stale version is refused; the current one is accepted.
  grpc::Status stale = SetRanking(v1::RANKING_SIDE_CANDIDATE, candidates_[0], {offers_[0]},
                                  nullptr, "m1", "officer", /*version=*/7);
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(stale.error_message(), HasSubstr("version"));
  ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_CANDIDATE, candidates_[0], {offers_[0]}, &ranking,
                         "m1", "officer", /*version=*/1)
                  .ok());
  EXPECT_EQ(ranking.version(), 2);
  EXPECT_THAT(Ranked(v1::RANKING_SIDE_CANDIDATE, candidates_[0]), ElementsAre(offers_[0]));

  // An empty ranking is a ranking: nobody is acceptable.
  ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_OFFER, offers_[0], {}, &ranking).ok());
  ASSERT_TRUE(GetRanking(v1::RANKING_SIDE_OFFER, offers_[0], &ranking).ok());
  EXPECT_EQ(ranking.version(), 1);

  grpc::ClientContext context;
  v1::ClearRankingRequest clear;
  clear.set_side(v1::RANKING_SIDE_CANDIDATE);
  clear.set_owner_id(candidates_[0]);
  v1::ClearRankingResponse cleared;
  ASSERT_TRUE(preferences_->ClearRanking(&context, clear, &cleared).ok());
  EXPECT_TRUE(cleared.cleared());
  ASSERT_TRUE(GetRanking(v1::RANKING_SIDE_CANDIDATE, candidates_[0], &ranking).ok());
  EXPECT_EQ(ranking.version(), 0);

  // Survives a restart (RocksDB).
  RestartServer();
  ASSERT_TRUE(GetRanking(v1::RANKING_SIDE_OFFER, offers_[0], &ranking).ok());
  EXPECT_EQ(ranking.version(), 1);
}

TEST_F(TwoSidedAssignTest, BadInputIsRefusedNamingTheFieldWithNothingWritten) {
  ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_OFFER, offers_[0], {candidates_[0]}).ok());
  const std::string other_member_candidate = Create(TestCandidate(), "m2");
  const std::string unknown = "zzzzzzzzzzzzzzzz";
  std::vector<std::string> too_many;
  for (int i = 0; i < 201; ++i) too_many.push_back(candidates_[0]);

  struct Case {
    v1::RankingSide side;
    std::string owner;
    std::vector<std::string> ids;
    std::string field;
  };
  const std::vector<Case> cases = {
      {v1::RANKING_SIDE_OFFER, offers_[0], {candidates_[1], other_member_candidate},
       "ranked_ids[1]"},
      {v1::RANKING_SIDE_OFFER, offers_[0], {unknown}, "ranked_ids[0]"},
      {v1::RANKING_SIDE_OFFER, offers_[0], {candidates_[1], candidates_[1]}, "ranked_ids[1]"},
      {v1::RANKING_SIDE_OFFER, offers_[0], too_many, "ranked_ids"},
      {v1::RANKING_SIDE_OFFER, offers_[0], {"not-an-id"}, "ranked_ids[0]"},
      {v1::RANKING_SIDE_CANDIDATE, candidates_[0], {offers_[0], unknown}, "ranked_ids[1]"},
      {v1::RANKING_SIDE_CANDIDATE, candidates_[0], {candidates_[1]}, "ranked_ids[0]"},
      {v1::RANKING_SIDE_UNSPECIFIED, candidates_[0], {}, "side"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.field);
    const grpc::Status status = SetRanking(c.side, c.owner, c.ids);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr(c.field));
  }
  // Nothing was written.
  EXPECT_THAT(Ranked(v1::RANKING_SIDE_OFFER, offers_[0]), ElementsAre(candidates_[0]));
  v1::Ranking none;
  ASSERT_TRUE(GetRanking(v1::RANKING_SIDE_CANDIDATE, candidates_[0], &none).ok());
  EXPECT_EQ(none.version(), 0);

  // Another member's offer: as the Registry answers a change of it.
  grpc::Status status = SetRanking(v1::RANKING_SIDE_OFFER, offers_[0],
                                   {other_member_candidate}, nullptr, "m2");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(status.error_message(), HasSubstr("owner_id"));
  v1::Ranking ranking;
  EXPECT_EQ(GetRanking(v1::RANKING_SIDE_OFFER, offers_[0], &ranking, "m2").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Another member's candidate does not exist for the caller.
  status = SetRanking(v1::RANKING_SIDE_CANDIDATE, candidates_[0], {offers_[0]}, nullptr, "m2");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(GetRanking(v1::RANKING_SIDE_CANDIDATE, candidates_[0], &ranking, "m2").error_code(),
            grpc::StatusCode::NOT_FOUND);
  // Analysts see no rankings.
  EXPECT_EQ(SetRanking(v1::RANKING_SIDE_OFFER, offers_[0], {}, nullptr, "m1", "analyst")
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(Ranked(v1::RANKING_SIDE_OFFER, offers_[0]), ElementsAre(candidates_[0]));
}

TEST_F(TwoSidedAssignTest, DeletingARecordRemovesItsRankingAndItFromOthers) {
  RankCrossed();
  ASSERT_TRUE(records()->Delete<v1::TrainingOffer>(officer_, offers_[1], 0).ok());
  EXPECT_THAT(Ranked(v1::RANKING_SIDE_CANDIDATE, candidates_[0]), ElementsAre(offers_[0]));
  EXPECT_THAT(Ranked(v1::RANKING_SIDE_CANDIDATE, candidates_[1]), ElementsAre(offers_[0]));
  ASSERT_TRUE(records()->Delete<v1::Candidate>(officer_, candidates_[1], 0).ok());
  EXPECT_THAT(Ranked(v1::RANKING_SIDE_OFFER, offers_[0]), ElementsAre(candidates_[0]));
  // Nothing under the rankings' keys names a deleted id.
  int entries = 0;
  ASSERT_TRUE(server_->store()
                  ->ScanPrefix(Family::kIndex, "rankings/",
                               [&](std::string_view key, std::string_view value) {
                                 ++entries;
                                 EXPECT_EQ(key.find(offers_[1]), std::string_view::npos);
                                 EXPECT_EQ(key.find(candidates_[1]), std::string_view::npos);
                                 EXPECT_EQ(value.find(candidates_[1]), std::string_view::npos);
                                 return true;
                               })
                  .ok());
  // meta + entry + reverse of c0's ranking, the same of o0's.
  EXPECT_EQ(entries, 6);
}

TEST_F(TwoSidedAssignTest, RankingsDecideTheStableModes) {
  RankCrossed();
  const std::string& c0 = candidates_[0];
  const std::string& c1 = candidates_[1];
  const std::string& o0 = offers_[0];
  const std::string& o1 = offers_[1];

  const v1::Run stable = Run(v1::ASSIGN_MODE_STABLE);
  EXPECT_EQ(PairsOf(stable), (std::map<std::string, std::string>{{c0, o0}, {c1, o1}}));
  EXPECT_EQ(stable.metrics().ranked_blocking_pairs(), 0);
  EXPECT_DOUBLE_EQ(stable.metrics().candidate_mean_rank(), 1.0);
  EXPECT_DOUBLE_EQ(stable.metrics().ranked_first_choice_share(), 1.0);
  EXPECT_DOUBLE_EQ(stable.metrics().offer_mean_rank(), 2.0);
  EXPECT_EQ(stable.metrics().candidate_rankings_used(), 2);
  EXPECT_EQ(stable.metrics().offer_rankings_used(), 2);
  EXPECT_EQ(stable.metrics().mutually_acceptable_pairs(), 4);

  const v1::Run offer_proposing = Run(v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING);
  EXPECT_EQ(offer_proposing.mode(), v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING);
  EXPECT_EQ(PairsOf(offer_proposing),
            (std::map<std::string, std::string>{{c0, o1}, {c1, o0}}));
  EXPECT_EQ(offer_proposing.metrics().ranked_blocking_pairs(), 0);
  EXPECT_DOUBLE_EQ(offer_proposing.metrics().candidate_mean_rank(), 2.0);
  EXPECT_DOUBLE_EQ(offer_proposing.metrics().ranked_first_choice_share(), 0.0);
  EXPECT_DOUBLE_EQ(offer_proposing.metrics().offer_mean_rank(), 1.0);

  // best-stable is one of the two, with no blocking pair and at least their score.
  const v1::Run best = Run(v1::ASSIGN_MODE_BEST_STABLE);
  EXPECT_EQ(best.metrics().placed(), 2);
  EXPECT_EQ(best.metrics().ranked_blocking_pairs(), 0);
  EXPECT_GE(best.metrics().total_score(), stable.metrics().total_score() - 1e-9);
  EXPECT_GE(best.metrics().total_score(), offer_proposing.metrics().total_score() - 1e-9);

  for (v1::AssignMode mode : {v1::ASSIGN_MODE_OPTIMAL, v1::ASSIGN_MODE_GREEDY}) {
    const v1::Run run = Run(mode);
    EXPECT_EQ(run.metrics().placed(), 2) << mode;
    EXPECT_GT(run.metrics().candidate_mean_rank(), 0.0) << mode;
  }

  // An explicit list is complete: c1 lists only o0, o0 lists only c0.
  ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_CANDIDATE, c1, {o0}).ok());
  ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_OFFER, o0, {c0}).ok());
  for (v1::AssignMode mode :
       {v1::ASSIGN_MODE_OPTIMAL, v1::ASSIGN_MODE_STABLE, v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING,
        v1::ASSIGN_MODE_BEST_STABLE, v1::ASSIGN_MODE_GREEDY}) {
    const v1::Run run = Run(mode);
    EXPECT_EQ(run.metrics().mutually_acceptable_pairs(), 2) << mode;  // c0-o0, c0-o1
    EXPECT_EQ(run.metrics().placed(), 1) << mode;
    EXPECT_EQ(PairsOf(run).count(c1), 0u) << mode;
  }
}

TEST_F(TwoSidedAssignTest, IneligiblePairsAreNeverPlacedWhateverTheLists) {
  // o2 is for an occupation nobody wishes; c0 ranks it first, o2 ranks c0 first.
  const std::string o2 = Create(TestOffer(company_, "51311"));
  ASSERT_TRUE(
      SetRanking(v1::RANKING_SIDE_CANDIDATE, candidates_[0], {o2, offers_[0], offers_[1]}).ok());
  ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_OFFER, o2, {candidates_[0]}).ok());
  for (v1::AssignMode mode :
       {v1::ASSIGN_MODE_OPTIMAL, v1::ASSIGN_MODE_STABLE, v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING,
        v1::ASSIGN_MODE_BEST_STABLE, v1::ASSIGN_MODE_GREEDY}) {
    const v1::Run run = Run(mode);
    for (const v1::RunPlacement& p : run.placements()) EXPECT_NE(p.offer_id(), o2) << mode;
    // Two candidates, two eligible seats, every pair mutually acceptable: both placed.
    EXPECT_EQ(run.metrics().placed(), 2) << mode;
    // c0 is placed at the second offer of its list: not everyone has a first choice.
    EXPECT_LT(run.metrics().ranked_first_choice_share(), 1.0) << mode;
  }
}

TEST_F(TwoSidedAssignTest, TheSeedIsRecordedAndReplaysTheRun) {
  // Identical candidates and offers: every list is one tie, broken by the seed.
  for (int i = 0; i < 4; ++i) candidates_.push_back(Create(TestCandidate()));
  ASSERT_TRUE(SetRanking(v1::RANKING_SIDE_CANDIDATE, candidates_[0], {offers_[1]}).ok());
  for (v1::AssignMode mode : {v1::ASSIGN_MODE_STABLE, v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING,
                              v1::ASSIGN_MODE_BEST_STABLE}) {
    std::set<std::map<std::string, std::string>> outcomes;
    for (uint64_t seed : {3u, 4u, 5u, 6u, 7u}) {
      const v1::Run first = Run(mode, seed);
      EXPECT_EQ(first.seed(), seed);
      EXPECT_EQ(first.request().seed(), seed);
      const v1::Run again = Run(mode, first.seed());
      EXPECT_EQ(PairsOf(first), PairsOf(again)) << mode;
      outcomes.insert(PairsOf(first));
    }
    EXPECT_GT(outcomes.size(), 1u) << mode << ": the seed breaks the ties";
  }
  EXPECT_EQ(Run(v1::ASSIGN_MODE_STABLE).seed(), 1u);  // 0 runs as 1
}

TEST_F(TwoSidedAssignTest, WithoutRankingsEveryModeReportsMetricsAgainstDefaultLists) {
  absl::StatusOr<LoadedCohort> cohort =
      LoadDemoCohort(records(), officer_, {.candidates = 300, .offers = 120, .seed = 9});
  ASSERT_TRUE(cohort.ok()) << cohort.status();
  for (v1::AssignMode mode :
       {v1::ASSIGN_MODE_OPTIMAL, v1::ASSIGN_MODE_STABLE, v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING,
        v1::ASSIGN_MODE_BEST_STABLE, v1::ASSIGN_MODE_GREEDY}) {
    const v1::Run run = Run(mode);
    EXPECT_EQ(run.metrics().candidate_rankings_used(), 0);
    EXPECT_EQ(run.metrics().mutually_acceptable_pairs(), run.eligible_pairs()) << mode;
    if (run.metrics().placed() > 0) {
      EXPECT_GE(run.metrics().candidate_mean_rank(), 1.0) << mode;
      EXPECT_GE(run.metrics().offer_mean_rank(), 1.0) << mode;
    }
    if (mode == v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING || mode == v1::ASSIGN_MODE_BEST_STABLE) {
      EXPECT_EQ(run.metrics().ranked_blocking_pairs(), 0) << mode;
    }
  }
}

}  // namespace
}  // namespace azubimatch::service

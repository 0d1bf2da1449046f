// Company-side policies through gRPC on a real server and RocksDB (Preferences
// SetCompanyPolicy / GetCompanyPolicy / ClearCompanyPolicy): stored and versioned per
// member, bad weights refused naming the field with nothing written, access by role,
// and Matching.Assign reading them: with no policy the stable modes agree as before;
// with a commute-only policy candidate- and offer-proposing deferred acceptance differ
// on a small hand market whose two stable matchings are known.
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/service/matching/matching_server_fixture.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;

v1::ComponentWeights CommuteOnly() {
  v1::ComponentWeights weights;
  weights.set_commute(1.0);
  return weights;
}

class CompanyPolicyAssignTest : public MatchingServerTest {
 protected:
  void SetUp() override { StartServer(); }

  grpc::Status SetPolicy(const v1::ComponentWeights& weights, v1::CompanyPolicy* out = nullptr,
                         const std::string& member = "m1", const std::string& role = "officer",
                         const std::string& member_id = "", int64_t version = 0) {
    grpc::ClientContext context;
    As(&context, member, role);
    v1::SetCompanyPolicyRequest request;
    request.set_member_id(member_id);
    *request.mutable_weights() = weights;
    request.set_version(version);
    v1::CompanyPolicy response;
    grpc::Status status = preferences_->SetCompanyPolicy(&context, request, &response);
    if (out != nullptr) *out = response;
    return status;
  }

  grpc::Status GetPolicy(v1::CompanyPolicy* out, const std::string& member = "m1",
                         const std::string& role = "officer",
                         const std::string& member_id = "") {
    grpc::ClientContext context;
    As(&context, member, role);
    v1::GetCompanyPolicyRequest request;
    request.set_member_id(member_id);
    return preferences_->GetCompanyPolicy(&context, request, out);
  }

  grpc::Status ClearPolicy(v1::ClearCompanyPolicyResponse* out, int64_t version = 0,
                           const std::string& member = "m1",
                           const std::string& role = "officer") {
    grpc::ClientContext context;
    As(&context, member, role);
    v1::ClearCompanyPolicyRequest request;
    request.set_version(version);
    return preferences_->ClearCompanyPolicy(&context, request, out);
  }

  int64_t StoredVersion() {
    v1::CompanyPolicy policy;
    EXPECT_TRUE(GetPolicy(&policy).ok());
    return policy.version();
  }

  template <typename R>
  std::string Create(const R& record) {
    absl::StatusOr<R> created = records()->Create(OfficerOf("m1"), record);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? created->id() : "";
  }

  v1::Run Run(v1::AssignMode mode) {
    v1::AssignRequest request;
    request.set_mode(mode);
    request.set_seed(3);
    AssignResult result = Assign(request);
    EXPECT_TRUE(result.status.ok()) << result.status.error_message();
    return result.run.value_or(v1::Run());
  }

  static std::map<std::string, std::string> PairsOf(const v1::Run& run) {
    std::map<std::string, std::string> pairs;
    for (const v1::RunPlacement& p : run.placements()) pairs[p.candidate_id()] = p.offer_id();
    return pairs;
  }
};

TEST_F(CompanyPolicyAssignTest, PolicyIsStoredVersionedAndCleared) {
  v1::CompanyPolicy policy;
  ASSERT_TRUE(GetPolicy(&policy).ok());
  EXPECT_EQ(policy.version(), 0);  // none: the pair score
  EXPECT_FALSE(policy.has_weights());
  EXPECT_EQ(policy.member_id(), "m1");

  ASSERT_TRUE(SetPolicy(CommuteOnly(), &policy).ok());
  EXPECT_EQ(policy.version(), 1);
  EXPECT_EQ(policy.member_id(), "m1");
  EXPECT_TRUE(policy.has_created_at());
  ASSERT_TRUE(GetPolicy(&policy).ok());
  EXPECT_EQ(policy.weights().commute(), 1.0);
  EXPECT_EQ(policy.weights().occupation(), 0.0);

  v1::ComponentWeights weights = CommuteOnly();
  weights.set_language(0.5);
  grpc::Status stale = SetPolicy(weights, nullptr, "m1", "officer", "", /*version=*/7);
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(stale.error_message(), HasSubstr("version"));
  ASSERT_TRUE(SetPolicy(weights, &policy, "m1", "portal", "m1", /*version=*/1).ok());
  EXPECT_EQ(policy.version(), 2);

  v1::ClearCompanyPolicyResponse cleared;
  EXPECT_EQ(ClearPolicy(&cleared, /*version=*/1).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  ASSERT_TRUE(ClearPolicy(&cleared, /*version=*/2).ok());
  EXPECT_TRUE(cleared.cleared());
  EXPECT_EQ(StoredVersion(), 0);
  ASSERT_TRUE(ClearPolicy(&cleared).ok());
  EXPECT_FALSE(cleared.cleared());
}

TEST_F(CompanyPolicyAssignTest, BadWeightsAreRefusedNamingTheFieldWithNothingWritten) {
  const auto refused = [&](const v1::ComponentWeights& weights, const std::string& field) {
    grpc::Status status = SetPolicy(weights);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << field;
    EXPECT_THAT(status.error_message(), HasSubstr(field));
    EXPECT_EQ(StoredVersion(), 0) << field;
  };
  v1::ComponentWeights weights = CommuteOnly();
  weights.set_language(1.5);
  refused(weights, "weights.language");
  weights = CommuteOnly();
  weights.set_start_date(-0.1);
  refused(weights, "weights.start_date");
  weights = CommuteOnly();
  weights.set_occupation(std::nan(""));
  refused(weights, "weights.occupation");
  refused(v1::ComponentWeights(), "weights");  // none positive
  {
    grpc::ClientContext context;
    As(&context, "m1");
    v1::SetCompanyPolicyRequest request;  // no weights at all
    v1::CompanyPolicy response;
    grpc::Status status = preferences_->SetCompanyPolicy(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr("weights"));
  }
  EXPECT_EQ(SetPolicy(CommuteOnly(), nullptr, "m1", "officer", "", -1).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(StoredVersion(), 0);
}

TEST_F(CompanyPolicyAssignTest, OwnMemberReadsAndWritesAdminsAnyAnalystsNone) {
  v1::CompanyPolicy policy;
  grpc::Status other = SetPolicy(CommuteOnly(), nullptr, "m2", "officer", "m1");
  EXPECT_EQ(other.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(other.error_message(), HasSubstr("member_id"));
  EXPECT_EQ(GetPolicy(&policy, "m2", "portal", "m1").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(SetPolicy(CommuteOnly(), nullptr, "m1", "analyst").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(GetPolicy(&policy, "m1", "analyst").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(StoredVersion(), 0);

  // Admins name an existing member.
  absl::StatusOr<v1::Member> member = server_->access()->members().Create("Netzwerk Ulm");
  ASSERT_TRUE(member.ok()) << member.status();
  ASSERT_TRUE(SetPolicy(CommuteOnly(), &policy, "", "admin", member->id()).ok());
  EXPECT_EQ(policy.member_id(), member->id());
  ASSERT_TRUE(GetPolicy(&policy, "", "admin", member->id()).ok());
  EXPECT_EQ(policy.version(), 1);
  grpc::Status unknown = SetPolicy(CommuteOnly(), nullptr, "", "admin", "nosuchmember0000");
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(unknown.error_message(), HasSubstr("member_id"));
  EXPECT_EQ(SetPolicy(CommuteOnly(), nullptr, "", "admin", "").error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(CompanyPolicyAssignTest, ACommuteOnlyPolicySeparatesTheStableModes) {
  // o0 (occupation A) at S, o1 (occupation B) 5 km north at N. c0 lives at N and wishes
  // A then B; c1 lives at S and wishes B then A. By the pair score each candidate
  // prefers its first wish (the wish outweighs the 10 minutes) and each offer the
  // candidate wishing it first: one stable matching {c0-o0, c1-o1}. A commute-only
  // company prefers the neighbour instead (o0: c1, o1: c0), which adds the
  // offer-optimal stable matching {c0-o1, c1-o0}.
  const v1::Location south = TestLocation(48.7758, 9.1829, "Stuttgart");
  const v1::Location north = TestLocation(48.8208, 9.1829, "Stuttgart");
  const std::string company = Create(TestCompany());
  const std::string o0 = Create(TestOffer(company, "62102", 1, south));
  const std::string o1 = Create(TestOffer(company, "62112", 1, north));
  const std::string c0 = Create(TestCandidate({"62102", "62112"}, north));
  const std::string c1 = Create(TestCandidate({"62112", "62102"}, south));
  const std::map<std::string, std::string> first_wishes = {{c0, o0}, {c1, o1}};
  const std::map<std::string, std::string> neighbours = {{c0, o1}, {c1, o0}};

  for (v1::AssignMode mode : {v1::ASSIGN_MODE_STABLE, v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING,
                              v1::ASSIGN_MODE_BEST_STABLE, v1::ASSIGN_MODE_GREEDY}) {
    const v1::Run run = Run(mode);
    EXPECT_EQ(PairsOf(run), first_wishes) << v1::AssignMode_Name(mode);
    EXPECT_EQ(run.metrics().company_policy_offers(), 0);
  }

  ASSERT_TRUE(SetPolicy(CommuteOnly()).ok());
  const v1::Run stable = Run(v1::ASSIGN_MODE_STABLE);
  const v1::Run offers = Run(v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING);
  EXPECT_EQ(PairsOf(stable), first_wishes);
  EXPECT_EQ(PairsOf(offers), neighbours);
  for (const v1::Run* run : {&stable, &offers}) {
    EXPECT_EQ(run->metrics().company_policy_offers(), 2);
    EXPECT_EQ(run->metrics().ranked_blocking_pairs(), 0);
  }
  EXPECT_EQ(stable.metrics().candidate_mean_rank(), 1.0);
  EXPECT_EQ(offers.metrics().offer_mean_rank(), 1.0);

  // An explicit ranking wins over the policy for its offer.
  v1::SetRankingRequest rank;
  rank.set_side(v1::RANKING_SIDE_OFFER);
  rank.set_owner_id(o0);
  rank.add_ranked_ids(c0);
  rank.add_ranked_ids(c1);
  {
    grpc::ClientContext context;
    As(&context, "m1");
    v1::Ranking ranking;
    ASSERT_TRUE(preferences_->SetRanking(&context, rank, &ranking).ok());
  }
  const v1::Run ranked = Run(v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING);
  EXPECT_EQ(ranked.metrics().company_policy_offers(), 1);
  EXPECT_EQ(ranked.metrics().offer_rankings_used(), 1);

  // Cleared: as before.
  v1::ClearCompanyPolicyResponse cleared;
  ASSERT_TRUE(ClearPolicy(&cleared).ok());
  {
    grpc::ClientContext context;
    As(&context, "m1");
    v1::ClearRankingRequest clear;
    clear.set_side(v1::RANKING_SIDE_OFFER);
    clear.set_owner_id(o0);
    v1::ClearRankingResponse response;
    ASSERT_TRUE(preferences_->ClearRanking(&context, clear, &response).ok());
  }
  EXPECT_EQ(PairsOf(Run(v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING)), first_wishes);
}

}  // namespace
}  // namespace azubimatch::service

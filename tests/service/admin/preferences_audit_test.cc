// Rankings and company policies on matchd as it runs (API keys, access control, audit
// interceptor): every SetRanking, ClearRanking, SetCompanyPolicy and ClearCompanyPolicy
// is an audit entry of a write naming who (member) and which record (the ranking's
// candidate, or its offer and the candidates it names; the member's policy).
#include <string>
#include <vector>

#include "azubimatch/v1/preferences.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/service/admin/authenticated_server.h"

namespace azubimatch::service {
namespace {

// The RPCs (short names) and codes of the write entries about a subject.
std::vector<std::string> Writes(AuthenticatedServer& server, const std::string& kind,
                                const std::string& id, const std::string& member) {
  auto entries = server.access().audit().FindBySubject(kind, id);
  EXPECT_TRUE(entries.ok()) << entries.status();
  std::vector<std::string> writes;
  if (!entries.ok()) return writes;
  for (const v1::AuditEntry& entry : *entries) {
    EXPECT_EQ(entry.action(), "write") << entry.ShortDebugString();
    EXPECT_EQ(entry.member_id(), member) << entry.ShortDebugString();
    writes.push_back(entry.rpc().substr(entry.rpc().rfind('/') + 1) + " " + entry.code());
  }
  return writes;
}

TEST(PreferencesAuditTest, RankingAndPolicyWritesAreAuditedWithTheirRecords) {
  AuthenticatedServer server;
  ASSERT_TRUE(server.ok());
  const auto records = server.OfficerWithRecords("Netzwerk Ulm");
  ASSERT_FALSE(records.candidate_id.empty() || records.offer_id.empty());
  const std::string& member = records.member_id;
  auto preferences = v1::Preferences::NewStub(server.channel());
  const auto call = [&](auto method, const auto& request, auto* response) {
    return CallWithKey(records.key, *preferences, method, request, response);
  };

  v1::SetRankingRequest candidate_ranking;
  candidate_ranking.set_side(v1::RANKING_SIDE_CANDIDATE);
  candidate_ranking.set_owner_id(records.candidate_id);
  candidate_ranking.add_ranked_ids(records.offer_id);
  v1::Ranking ranking;
  ASSERT_TRUE(call(&v1::Preferences::Stub::SetRanking, candidate_ranking, &ranking).ok());
  v1::SetRankingRequest offer_ranking;
  offer_ranking.set_side(v1::RANKING_SIDE_OFFER);
  offer_ranking.set_owner_id(records.offer_id);
  offer_ranking.add_ranked_ids(records.candidate_id);
  ASSERT_TRUE(call(&v1::Preferences::Stub::SetRanking, offer_ranking, &ranking).ok());
  v1::ClearRankingRequest clear_ranking;
  clear_ranking.set_side(v1::RANKING_SIDE_OFFER);
  clear_ranking.set_owner_id(records.offer_id);
  v1::ClearRankingResponse cleared;
  ASSERT_TRUE(call(&v1::Preferences::Stub::ClearRanking, clear_ranking, &cleared).ok());
  EXPECT_TRUE(cleared.cleared());

  v1::SetCompanyPolicyRequest policy;  // member_id empty: the caller's member
  policy.mutable_weights()->set_commute(1.0);
  v1::CompanyPolicy stored;
  ASSERT_TRUE(call(&v1::Preferences::Stub::SetCompanyPolicy, policy, &stored).ok());
  v1::SetCompanyPolicyRequest bad = policy;
  bad.mutable_weights()->set_commute(2.0);  // refused: still recorded, with its code
  EXPECT_EQ(call(&v1::Preferences::Stub::SetCompanyPolicy, bad, &stored).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  v1::ClearCompanyPolicyRequest clear_policy;
  clear_policy.set_member_id(member);
  v1::ClearCompanyPolicyResponse policy_cleared;
  ASSERT_TRUE(
      call(&v1::Preferences::Stub::ClearCompanyPolicy, clear_policy, &policy_cleared)
          .ok());

  EXPECT_EQ(Writes(server, "candidate", records.candidate_id, member),
            (std::vector<std::string>{"SetRanking OK", "SetRanking OK"}));
  EXPECT_EQ(Writes(server, "offer", records.offer_id, member),
            (std::vector<std::string>{"SetRanking OK", "ClearRanking OK"}));
  EXPECT_EQ(Writes(server, "company_policy", member, member),
            (std::vector<std::string>{"SetCompanyPolicy OK",
                                      "SetCompanyPolicy INVALID_ARGUMENT",
                                      "ClearCompanyPolicy OK"}));
}

}  // namespace
}  // namespace azubimatch::service

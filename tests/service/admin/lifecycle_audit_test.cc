// AdvancePlacement on matchd as it runs (API keys, access control, audit interceptor):
// every step, taken or refused, is an audit entry of a write of the placement's
// candidate, like the other placement calls.
#include <string>
#include <vector>

#include "azubimatch/v1/matching.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/service/admin/authenticated_server.h"

namespace azubimatch::service {
namespace {

TEST(LifecycleAuditTest, EachStepIsAuditedAsAWriteOfThePlacementsCandidate) {
  AuthenticatedServer server;
  ASSERT_TRUE(server.ok());
  const AuthenticatedServer::OfficerRecords officer =
      server.OfficerWithRecords("Netzwerk Ulm");
  ASSERT_FALSE(officer.candidate_id.empty() || officer.offer_id.empty());
  const std::string& member = officer.member_id;
  const auto stub = v1::Matching::NewStub(server.channel());
  const auto call = [&](auto method, const auto& request, auto* response) {
    return CallWithKey(officer.key, *stub, method, request, response);
  };
  v1::AcceptPlacementRequest accept;
  accept.set_candidate_id(officer.candidate_id);
  accept.set_offer_id(officer.offer_id);
  v1::Placement placement;
  ASSERT_TRUE(call(&v1::Matching::Stub::AcceptPlacement, accept, &placement).ok());

  v1::AdvancePlacementRequest advance;
  advance.set_id(placement.id());
  advance.set_status(v1::PLACEMENT_STATUS_CONTRACT_SIGNED);
  advance.mutable_date()->set_year(2024);
  advance.mutable_date()->set_month(5);
  advance.mutable_date()->set_day(2);
  ASSERT_TRUE(call(&v1::Matching::Stub::AdvancePlacement, advance, &placement).ok());
  advance.set_status(v1::PLACEMENT_STATUS_COMPLETED);  // skips two steps: refused
  EXPECT_EQ(call(&v1::Matching::Stub::AdvancePlacement, advance, &placement).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  auto entries = server.access().audit().FindBySubject("candidate", officer.candidate_id);
  ASSERT_TRUE(entries.ok()) << entries.status();
  std::vector<std::string> advances;
  for (const v1::AuditEntry& entry : *entries) {
    if (entry.rpc() != "/azubimatch.v1.Matching/AdvancePlacement") continue;
    EXPECT_EQ(entry.action(), "write");
    EXPECT_EQ(entry.member_id(), member);
    advances.push_back(entry.code());
  }
  // The refused step returns no placement, so its entry names no candidate.
  EXPECT_EQ(advances, std::vector<std::string>{"OK"});
}

}  // namespace
}  // namespace azubimatch::service

// AdvancePlacement on matchd as it runs (API keys, access control, audit interceptor):
// every step, taken or refused, is an audit entry of a write of the placement's
// candidate, like the other placement calls.
#include <string>
#include <vector>

#include "azubimatch/v1/matching.grpc.pb.h"
#include "gtest/gtest.h"
#include "service/auth/caller.h"
#include "tests/service/admin/authenticated_server.h"
#include "tests/service/registry/sample_records.h"

namespace azubimatch::service {
namespace {

TEST(LifecycleAuditTest, EachStepIsAuditedAsAWriteOfThePlacementsCandidate) {
  AuthenticatedServer server;
  ASSERT_TRUE(server.ok());
  const std::string member = server.NewMember("Netzwerk Ulm");
  const std::string key = server.NewKey(member, "officer").key;
  Caller officer;
  officer.member_id = member;
  officer.role = Role::kOfficer;
  auto company = server.records().Create(officer, SampleCompany());
  ASSERT_TRUE(company.ok()) << company.status();
  auto offer = server.records().Create(officer, SampleOffer(company->id()));
  auto candidate = server.records().Create(officer, SampleCandidate());
  ASSERT_TRUE(offer.ok() && candidate.ok()) << offer.status() << candidate.status();
  const auto stub = v1::Matching::NewStub(server.channel());
  const auto call = [&](auto method, const auto& request, v1::Placement* placement) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + key);
    return ((*stub).*method)(&context, request, placement);
  };
  v1::AcceptPlacementRequest accept;
  accept.set_candidate_id(candidate->id());
  accept.set_offer_id(offer->id());
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

  auto entries = server.access().audit().FindBySubject("candidate", candidate->id());
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

// The access matrix: every Registry and Admin RPC called by every kind of caller (no
// key, a revoked key, another member's officer, the owning member's officer, portal
// and analyst, an admin), each on fresh records of the owning member, asserting the
// exact status code. One test per RPC.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/service/admin/authenticated_server.h"
#include "tests/service/registry/sample_records.h"

namespace azubimatch::service {
namespace {

using grpc::StatusCode;

enum Who {
  kNoKey,
  kRevoked,
  kOtherOfficer,
  kOfficer,
  kPortal,
  kAnalyst,
  kAdmin,
  kWhoCount
};
constexpr const char* kWhoNames[] = {
    "no key",      "revoked key", "other member's officer", "own officer", "own portal",
    "own analyst", "admin"};

// Records of the owning member, made fresh for every call.
struct Fixture {
  std::string member_id;
  v1::Company company;        // has `offer`
  v1::Company spare_company;  // has no offers (deletable)
  v1::TrainingOffer offer;
  v1::Candidate candidate;
  std::string throwaway_key_id;
};

struct Stubs {
  std::unique_ptr<v1::Registry::Stub> registry;
  std::unique_ptr<v1::Admin::Stub> admin;
};

using Call = std::function<grpc::Status(Stubs&, grpc::ClientContext*, const Fixture&)>;

// Expected codes, in Who order, for the callers that hold a valid key.
struct Expectation {
  StatusCode other_officer, officer, portal, analyst, admin;
};

struct MatrixRow {
  std::string rpc;
  Call call;
  Expectation expected;
};

constexpr StatusCode OK = StatusCode::OK;
constexpr StatusCode NOT_FOUND = StatusCode::NOT_FOUND;
constexpr StatusCode DENIED = StatusCode::PERMISSION_DENIED;
constexpr StatusCode UNAUTHENTICATED = StatusCode::UNAUTHENTICATED;

// An admin names the owning member of what it creates.
v1::Company CompanyOf(const std::string& member_id, const std::string& external_id = "") {
  v1::Company company = SampleCompany(external_id);
  company.set_member_id(member_id);
  return company;
}

template <typename Request, typename Response>
using UnaryMethod = grpc::Status (v1::Registry::Stub::*)(grpc::ClientContext*,
                                                         const Request&, Response*);

std::vector<MatrixRow> RegistryRows() {
  // Every writer: officer, portal and admin succeed; the analyst is refused by role.
  const Expectation kOwnerWrites{NOT_FOUND, OK, OK, DENIED, OK};
  const Expectation kAnyoneCreates{OK, OK, OK, DENIED, OK};
  const Expectation kEveryoneReads{OK, OK, OK, OK, OK};
  const Expectation kMemberRecordRead{NOT_FOUND, OK, OK, OK, OK};
  const Expectation kPersonalRead{NOT_FOUND, OK, OK, DENIED, OK};
  return {
      {"CreateCompany",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::CreateCompanyRequest request;
         *request.mutable_company() = CompanyOf(f.member_id);
         v1::Company response;
         return s.registry->CreateCompany(c, request, &response);
       },
       kAnyoneCreates},
      {"UpdateCompany",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::UpdateCompanyRequest request;
         *request.mutable_company() = f.company;
         request.mutable_company()->set_name("Yilmaz Lebensmittel KG");
         v1::Company response;
         return s.registry->UpdateCompany(c, request, &response);
       },
       kOwnerWrites},
      {"UpsertCompany",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::UpsertCompanyRequest request;
         *request.mutable_company() = CompanyOf(f.member_id, "portal-company-1");
         v1::UpsertCompanyResponse response;
         return s.registry->UpsertCompany(c, request, &response);
       },
       kAnyoneCreates},
      {"GetCompany",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::GetRecordRequest request;
         request.set_id(f.company.id());
         v1::Company response;
         return s.registry->GetCompany(c, request, &response);
       },
       kMemberRecordRead},
      {"ListCompanies",
       [](Stubs& s, grpc::ClientContext* c, const Fixture&) {
         v1::ListCompaniesResponse response;
         return s.registry->ListCompanies(c, {}, &response);
       },
       kEveryoneReads},
      {"DeleteCompany",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::DeleteRecordRequest request;
         request.set_id(f.spare_company.id());
         v1::DeleteRecordResponse response;
         return s.registry->DeleteCompany(c, request, &response);
       },
       kOwnerWrites},
      {"CreateOffer",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::CreateOfferRequest request;
         *request.mutable_offer() = SampleOffer(f.company.id());
         request.mutable_offer()->set_member_id(f.member_id);
         v1::TrainingOffer response;
         return s.registry->CreateOffer(c, request, &response);
       },
       // Another member cannot see the company the offer names.
       kOwnerWrites},
      {"UpdateOffer",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::UpdateOfferRequest request;
         *request.mutable_offer() = f.offer;
         request.mutable_offer()->set_seats(3);
         v1::TrainingOffer response;
         return s.registry->UpdateOffer(c, request, &response);
       },
       // Offers are visible network-wide, so another member is refused, not misled.
       Expectation{DENIED, OK, OK, DENIED, OK}},
      {"UpsertOffer",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::UpsertOfferRequest request;
         *request.mutable_offer() = SampleOffer(f.company.id(), "portal-offer-1");
         request.mutable_offer()->set_member_id(f.member_id);
         v1::UpsertOfferResponse response;
         return s.registry->UpsertOffer(c, request, &response);
       },
       kOwnerWrites},
      {"GetOffer",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::GetRecordRequest request;
         request.set_id(f.offer.id());
         v1::TrainingOffer response;
         return s.registry->GetOffer(c, request, &response);
       },
       kEveryoneReads},
      {"ListOffers",
       [](Stubs& s, grpc::ClientContext* c, const Fixture&) {
         v1::ListOffersResponse response;
         return s.registry->ListOffers(c, {}, &response);
       },
       kEveryoneReads},
      {"DeleteOffer",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::DeleteRecordRequest request;
         request.set_id(f.offer.id());
         v1::DeleteRecordResponse response;
         return s.registry->DeleteOffer(c, request, &response);
       },
       Expectation{DENIED, OK, OK, DENIED, OK}},
      {"CreateCandidate",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::CreateCandidateRequest request;
         *request.mutable_candidate() = SampleCandidate();
         request.mutable_candidate()->set_member_id(f.member_id);
         v1::Candidate response;
         return s.registry->CreateCandidate(c, request, &response);
       },
       kAnyoneCreates},
      {"UpdateCandidate",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::UpdateCandidateRequest request;
         *request.mutable_candidate() = f.candidate;
         request.mutable_candidate()->set_travel_limit_minutes(45);
         v1::Candidate response;
         return s.registry->UpdateCandidate(c, request, &response);
       },
       kOwnerWrites},
      {"UpsertCandidate",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::UpsertCandidateRequest request;
         *request.mutable_candidate() = SampleCandidate("portal-candidate-1");
         request.mutable_candidate()->set_member_id(f.member_id);
         v1::UpsertCandidateResponse response;
         return s.registry->UpsertCandidate(c, request, &response);
       },
       kAnyoneCreates},
      {"GetCandidate",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::GetRecordRequest request;
         request.set_id(f.candidate.id());
         v1::Candidate response;
         return s.registry->GetCandidate(c, request, &response);
       },
       kPersonalRead},
      {"ListCandidates",
       [](Stubs& s, grpc::ClientContext* c, const Fixture&) {
         v1::ListCandidatesResponse response;
         return s.registry->ListCandidates(c, {}, &response);
       },
       // Another member lists its own (none): OK, and nothing of the owner's.
       Expectation{OK, OK, OK, DENIED, OK}},
      {"DeleteCandidate",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::DeleteRecordRequest request;
         request.set_id(f.candidate.id());
         v1::DeleteRecordResponse response;
         return s.registry->DeleteCandidate(c, request, &response);
       },
       kOwnerWrites},
      {"Import",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::ImportResponse response;
         auto writer = s.registry->Import(c, &response);
         v1::ImportRequest request;
         *request.mutable_company() = CompanyOf(f.member_id);
         writer->Write(request);
         writer->WritesDone();
         return writer->Finish();
       },
       kAnyoneCreates},
  };
}

std::vector<MatrixRow> AdminRows() {
  const Expectation kAdminOnly{DENIED, DENIED, DENIED, DENIED, OK};
  return {
      {"CreateMember",
       [](Stubs& s, grpc::ClientContext* c, const Fixture&) {
         v1::CreateMemberRequest request;
         request.set_name("Netzwerk Tübingen");
         v1::Member response;
         return s.admin->CreateMember(c, request, &response);
       },
       kAdminOnly},
      {"ListMembers",
       [](Stubs& s, grpc::ClientContext* c, const Fixture&) {
         v1::ListMembersResponse response;
         return s.admin->ListMembers(c, {}, &response);
       },
       kAdminOnly},
      {"CreateApiKey",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::CreateApiKeyRequest request;
         request.set_member_id(f.member_id);
         request.set_role("officer");
         v1::CreateApiKeyResponse response;
         return s.admin->CreateApiKey(c, request, &response);
       },
       kAdminOnly},
      {"ListApiKeys",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::ListApiKeysRequest request;
         request.set_member_id(f.member_id);
         v1::ListApiKeysResponse response;
         return s.admin->ListApiKeys(c, request, &response);
       },
       kAdminOnly},
      {"RevokeApiKey",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::RevokeApiKeyRequest request;
         request.set_id(f.throwaway_key_id);
         v1::ApiKeyInfo response;
         return s.admin->RevokeApiKey(c, request, &response);
       },
       kAdminOnly},
      {"ReadAudit",
       [](Stubs& s, grpc::ClientContext* c, const Fixture&) {
         v1::ReadAuditResponse response;
         return s.admin->ReadAudit(c, {}, &response);
       },
       kAdminOnly},
      {"CreateBackup",
       [](Stubs& s, grpc::ClientContext* c, const Fixture&) {
         v1::CreateBackupResponse response;
         return s.admin->CreateBackup(c, {}, &response);
       },
       kAdminOnly},
  };
}

std::vector<MatrixRow> AllRows() {
  std::vector<MatrixRow> rows = RegistryRows();
  for (MatrixRow& row : AdminRows()) rows.push_back(std::move(row));
  return rows;
}

const MatrixRow& Row(const std::string& name) {
  static const auto* rows = new std::vector<MatrixRow>(AllRows());
  for (const MatrixRow& row : *rows) {
    if (row.rpc == name) return row;
  }
  std::abort();
}

class AccessMatrixTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.ok());
    owner_ = server_.NewMember("Netzwerk Stuttgart");
    other_ = server_.NewMember("Netzwerk Karlsruhe");
    owner_officer_ = Caller{owner_, "", Role::kOfficer};
    CreatedApiKey revoked = server_.NewKey(owner_, "officer");
    ASSERT_TRUE(server_.access().keys().Revoke(revoked.info.id()).ok());
    keys_[kRevoked] = revoked.key;
    keys_[kOtherOfficer] = server_.NewKey(other_, "officer").key;
    keys_[kOfficer] = server_.NewKey(owner_, "officer").key;
    keys_[kPortal] = server_.NewKey(owner_, "portal").key;
    keys_[kAnalyst] = server_.NewKey(owner_, "analyst").key;
    keys_[kAdmin] = server_.admin_key();
    stubs_.registry = v1::Registry::NewStub(server_.channel());
    stubs_.admin = v1::Admin::NewStub(server_.channel());
  }

  Fixture FreshFixture() {
    Fixture f;
    f.member_id = owner_;
    RecordStore& records = server_.records();
    auto company = records.Create(owner_officer_, SampleCompany());
    auto spare = records.Create(owner_officer_, SampleCompany());
    EXPECT_TRUE(company.ok() && spare.ok()) << company.status() << spare.status();
    if (!company.ok() || !spare.ok()) return f;
    auto offer = records.Create(owner_officer_, SampleOffer(company->id()));
    auto candidate = records.Create(owner_officer_, SampleCandidate());
    EXPECT_TRUE(offer.ok() && candidate.ok()) << offer.status() << candidate.status();
    f.company = *company;
    f.spare_company = *spare;
    if (offer.ok()) f.offer = *offer;
    if (candidate.ok()) f.candidate = *candidate;
    f.throwaway_key_id = server_.NewKey(owner_, "portal").info.id();
    return f;
  }

  StatusCode CallAs(Who who, const MatrixRow& row) {
    Fixture fixture = FreshFixture();
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    if (who != kNoKey) context.AddMetadata("authorization", "Bearer " + keys_[who]);
    return row.call(stubs_, &context, fixture).error_code();
  }

  AuthenticatedServer server_;
  std::string owner_, other_;
  Caller owner_officer_;
  std::map<Who, std::string> keys_;
  Stubs stubs_;
};

TEST_P(AccessMatrixTest, EveryCallerGetsTheExactCode) {
  const MatrixRow& row = Row(GetParam());
  const StatusCode expected[kWhoCount] = {
      UNAUTHENTICATED,      UNAUTHENTICATED,     row.expected.other_officer,
      row.expected.officer, row.expected.portal, row.expected.analyst,
      row.expected.admin};
  for (int who = 0; who < kWhoCount; ++who) {
    EXPECT_EQ(CallAs(static_cast<Who>(who), row), expected[who])
        << row.rpc << " called by " << kWhoNames[who];
  }
}

std::vector<std::string> RowNames() {
  std::vector<std::string> names;
  for (const MatrixRow& row : AllRows()) names.push_back(row.rpc);
  return names;
}

INSTANTIATE_TEST_SUITE_P(RegistryAndAdmin, AccessMatrixTest,
                         ::testing::ValuesIn(RowNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

TEST(AccessMatrixCoverageTest, EveryRegistryAndAdminRpcHasARow) {
  std::vector<std::string> names = RowNames();
  for (const google::protobuf::ServiceDescriptor* service :
       {v1::GetRecordRequest::descriptor()->file()->FindServiceByName("Registry"),
        v1::CreateMemberRequest::descriptor()->file()->FindServiceByName("Admin")}) {
    ASSERT_NE(service, nullptr);
    for (int i = 0; i < service->method_count(); ++i) {
      EXPECT_NE(std::find(names.begin(), names.end(), service->method(i)->name()),
                names.end())
          << service->method(i)->full_name() << " has no row in the access matrix";
    }
  }
}

}  // namespace
}  // namespace azubimatch::service

// The access matrix: every RPC of the Registry, Admin, Matching, Reports, DataProtection
// and Preferences services called by every kind of caller (no key, a revoked key, another
// member's officer, the owning member's officer, portal and analyst, an admin), each on
// fresh records of the owning member, against matchd's own wiring (Server plus every
// installed service), asserting the exact status code. One test per RPC.
#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "azubimatch/v1/preferences.grpc.pb.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "azubimatch/v1/reports.grpc.pb.h"
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
  v1::TrainingOffer offer;    // open, with free seats
  v1::Candidate candidate;    // active, eligible for `offer`, holds no placement
  std::string throwaway_key_id;
  // Only for rows with `matching_data`: a stored run of the owning member's officer,
  // and an accepted placement of another candidate at another offer of `company`.
  std::string run_id;
  std::string placement_id;
};

struct Stubs {
  std::unique_ptr<v1::Registry::Stub> registry;
  std::unique_ptr<v1::Admin::Stub> admin;
  std::unique_ptr<v1::Matching::Stub> matching;
  std::unique_ptr<v1::DataProtection::Stub> data_protection;
  std::unique_ptr<v1::Reports::Stub> reports;
  std::unique_ptr<v1::Preferences::Stub> preferences;
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
  // The fixture also needs a stored run and a placement (Fixture::run_id,
  // placement_id).
  bool matching_data = false;
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

// Matching: officers and portals act on their own member's candidates and runs, offers
// are open network-wide, another member's candidate or run is NOT_FOUND; analysts get
// runs and their aggregates but no suggestions, explanations or placements.
std::vector<MatrixRow> MatchingRows() {
  const Expectation kOwnCandidate{NOT_FOUND, OK, OK, DENIED, OK};
  const Expectation kOwnRun{NOT_FOUND, OK, OK, OK, OK};
  return {
      {"SuggestOffers",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::SuggestOffersRequest request;
         request.set_candidate_id(f.candidate.id());
         v1::SuggestionsResponse response;
         return s.matching->SuggestOffers(c, request, &response);
       },
       kOwnCandidate},
      {"SuggestCandidates",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::SuggestCandidatesRequest request;
         request.set_offer_id(f.offer.id());
         v1::SuggestionsResponse response;
         return s.matching->SuggestCandidates(c, request, &response);
       },
       // Every open offer is readable network-wide; each member gets its own candidates.
       Expectation{OK, OK, OK, DENIED, OK}},
      {"Explain",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::ExplainRequest request;
         request.set_candidate_id(f.candidate.id());
         request.set_offer_id(f.offer.id());
         v1::Explanation response;
         return s.matching->Explain(c, request, &response);
       },
       kOwnCandidate},
      {"Assign",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::AssignRequest request;
         request.set_mode(v1::ASSIGN_MODE_OPTIMAL);
         v1::CandidateOfferPair* locked = request.add_locked();
         locked->set_candidate_id(f.candidate.id());
         locked->set_offer_id(f.offer.id());
         auto reader = s.matching->Assign(c, request);
         v1::AssignEvent event;
         while (reader->Read(&event)) {
         }
         return reader->Finish();
       },
       // The locked pair names the owner's candidate: unknown to another member, and
       // an analyst may not name candidates at all.
       Expectation{NOT_FOUND, OK, OK, DENIED, OK}},
      {"GetRun",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::GetRunRequest request;
         request.set_id(f.run_id);
         v1::Run response;
         return s.matching->GetRun(c, request, &response);
       },
       kOwnRun, /*matching_data=*/true},
      {"ListRuns",
       [](Stubs& s, grpc::ClientContext* c, const Fixture&) {
         v1::ListRunsResponse response;
         return s.matching->ListRuns(c, {}, &response);
       },
       // Another member lists its own runs (none).
       Expectation{OK, OK, OK, OK, OK}, /*matching_data=*/true},
      {"AcceptPlacement",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::AcceptPlacementRequest request;
         request.set_candidate_id(f.candidate.id());
         request.set_offer_id(f.offer.id());
         request.set_run_id(f.run_id);
         v1::Placement response;
         return s.matching->AcceptPlacement(c, request, &response);
       },
       kOwnCandidate, /*matching_data=*/true},
      {"RejectPlacement",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::RejectPlacementRequest request;
         request.set_candidate_id(f.candidate.id());
         request.set_offer_id(f.offer.id());
         request.set_reason(v1::REJECT_REASON_CANDIDATE_DECLINED);
         v1::Placement response;
         return s.matching->RejectPlacement(c, request, &response);
       },
       kOwnCandidate},
      {"WithdrawPlacement",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::WithdrawPlacementRequest request;
         request.set_id(f.placement_id);
         v1::Placement response;
         return s.matching->WithdrawPlacement(c, request, &response);
       },
       kOwnCandidate, /*matching_data=*/true},
      {"AdvancePlacement",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::AdvancePlacementRequest request;
         request.set_id(f.placement_id);
         request.set_status(v1::PLACEMENT_STATUS_CONTRACT_SIGNED);
         request.mutable_date()->set_year(2024);
         request.mutable_date()->set_month(5);
         request.mutable_date()->set_day(2);
         v1::Placement response;
         return s.matching->AdvancePlacement(c, request, &response);
       },
       kOwnCandidate, /*matching_data=*/true},
      {"ListPlacements",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::ListPlacementsRequest request;
         request.set_candidate_id(f.candidate.id());
         v1::ListPlacementsResponse response;
         return s.matching->ListPlacements(c, request, &response);
       },
       // Another member lists its own placements (none of the owner's).
       Expectation{OK, OK, OK, DENIED, OK}, /*matching_data=*/true},
  };
}

// Reports: aggregates only, so the network's analysts read every member's run; another
// member's officer gets NOT_FOUND, as for the run itself.
std::vector<MatrixRow> ReportsRows() {
  return {
      {"GetRunReport",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::GetRunReportRequest request;
         request.set_run_id(f.run_id);
         v1::RunReport response;
         return s.reports->GetRunReport(c, request, &response);
       },
       Expectation{NOT_FOUND, OK, OK, OK, OK}, /*matching_data=*/true},
      // Retention is over the placements the caller may see: every caller with a key
      // gets an answer (another member's officer over its own placements only).
      {"GetRetention",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::GetRetentionRequest request;
         request.set_by(v1::RETENTION_DIMENSION_MEMBER);
         v1::RetentionReport response;
         return s.reports->GetRetention(c, request, &response);
       },
       Expectation{OK, OK, OK, OK, OK}, /*matching_data=*/true},
  };
}

std::vector<MatrixRow> DataProtectionRows() {
  const Expectation kOwnCandidate{NOT_FOUND, OK, OK, DENIED, OK};
  return {
      {"EraseCandidate",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::EraseCandidateRequest request;
         request.set_id(f.candidate.id());
         v1::EraseCandidateResponse response;
         return s.data_protection->EraseCandidate(c, request, &response);
       },
       kOwnCandidate},
      {"ExportCandidate",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::ExportCandidateRequest request;
         request.set_id(f.candidate.id());
         v1::CandidateExport response;
         return s.data_protection->ExportCandidate(c, request, &response);
       },
       kOwnCandidate},
  };
}

// Rankings are the owning member's: another member's officer finds no candidate
// (NOT_FOUND, as the Registry answers) and may not rank for the offer
// (PERMISSION_DENIED, as the Registry answers a change of it); analysts see none.
// Company policies likewise: the member's own, any member's for admins.
std::vector<MatrixRow> PreferencesRows() {
  return {
      {"SetRanking",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::SetRankingRequest request;
         request.set_side(v1::RANKING_SIDE_CANDIDATE);
         request.set_owner_id(f.candidate.id());
         request.add_ranked_ids(f.offer.id());
         v1::Ranking response;
         return s.preferences->SetRanking(c, request, &response);
       },
       Expectation{NOT_FOUND, OK, OK, DENIED, OK}},
      {"GetRanking",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::GetRankingRequest request;
         request.set_side(v1::RANKING_SIDE_OFFER);
         request.set_owner_id(f.offer.id());
         v1::Ranking response;
         return s.preferences->GetRanking(c, request, &response);
       },
       Expectation{DENIED, OK, OK, DENIED, OK}},
      {"ClearRanking",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::ClearRankingRequest request;
         request.set_side(v1::RANKING_SIDE_CANDIDATE);
         request.set_owner_id(f.candidate.id());
         v1::ClearRankingResponse response;
         return s.preferences->ClearRanking(c, request, &response);
       },
       Expectation{NOT_FOUND, OK, OK, DENIED, OK}},
      // A company policy is the member's: another member's officer is refused.
      {"SetCompanyPolicy",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::SetCompanyPolicyRequest request;
         request.set_member_id(f.member_id);
         request.mutable_weights()->set_commute(1.0);
         v1::CompanyPolicy response;
         return s.preferences->SetCompanyPolicy(c, request, &response);
       },
       Expectation{DENIED, OK, OK, DENIED, OK}},
      {"GetCompanyPolicy",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::GetCompanyPolicyRequest request;
         request.set_member_id(f.member_id);
         v1::CompanyPolicy response;
         return s.preferences->GetCompanyPolicy(c, request, &response);
       },
       Expectation{DENIED, OK, OK, DENIED, OK}},
      {"ClearCompanyPolicy",
       [](Stubs& s, grpc::ClientContext* c, const Fixture& f) {
         v1::ClearCompanyPolicyRequest request;
         request.set_member_id(f.member_id);
         v1::ClearCompanyPolicyResponse response;
         return s.preferences->ClearCompanyPolicy(c, request, &response);
       },
       Expectation{DENIED, OK, OK, DENIED, OK}},
  };
}

std::vector<MatrixRow> AllRows() {
  std::vector<MatrixRow> rows;
  for (auto* service_rows : {&RegistryRows, &AdminRows, &MatchingRows, &ReportsRows,
                             &DataProtectionRows, &PreferencesRows}) {
    for (MatrixRow& row : (*service_rows)()) rows.push_back(std::move(row));
  }
  return rows;
}

const MatrixRow& Row(const std::string& name) {
  static const auto* rows = new std::vector<MatrixRow>(AllRows());
  for (const MatrixRow& row : *rows) {
    if (row.rpc == name) return row;
  }
  std::abort();
}

// A server with two members (the owner and another) and a key of every kind.
class AccessFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.ok());
    owner_ = server_.NewMember("Netzwerk Stuttgart");
    other_ = server_.NewMember("Netzwerk Karlsruhe");
    owner_officer_.member_id = owner_;
    owner_officer_.role = Role::kOfficer;
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
    stubs_.matching = v1::Matching::NewStub(server_.channel());
    stubs_.data_protection = v1::DataProtection::NewStub(server_.channel());
    stubs_.reports = v1::Reports::NewStub(server_.channel());
    stubs_.preferences = v1::Preferences::NewStub(server_.channel());
  }

  // Metadata of a call by `who`.
  void Authorize(Who who, grpc::ClientContext* context) {
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    if (who != kNoKey) context->AddMetadata("authorization", "Bearer " + keys_[who]);
  }

  // A run stored by the owning member's officer, through the API.
  std::string StoredRun() {
    grpc::ClientContext context;
    Authorize(kOfficer, &context);
    v1::AssignRequest request;
    request.set_mode(v1::ASSIGN_MODE_OPTIMAL);
    auto reader = stubs_.matching->Assign(&context, request);
    std::string run_id;
    for (v1::AssignEvent event; reader->Read(&event);) {
      if (event.has_run()) run_id = event.run().id();
    }
    const grpc::Status status = reader->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_FALSE(run_id.empty());
    return run_id;
  }

  // An accepted placement of a new candidate of the owning member at a new offer of
  // `company_id`, through the API.
  std::string AcceptedPlacement(const std::string& company_id) {
    RecordStore& records = server_.records();
    auto offer = records.Create(owner_officer_, SampleOffer(company_id));
    auto candidate = records.Create(owner_officer_, SampleCandidate());
    EXPECT_TRUE(offer.ok() && candidate.ok()) << offer.status() << candidate.status();
    if (!offer.ok() || !candidate.ok()) return "";
    grpc::ClientContext context;
    Authorize(kOfficer, &context);
    v1::AcceptPlacementRequest request;
    request.set_candidate_id(candidate->id());
    request.set_offer_id(offer->id());
    v1::Placement placement;
    const grpc::Status status =
        stubs_.matching->AcceptPlacement(&context, request, &placement);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return placement.id();
  }

  Fixture FreshFixture(bool matching_data) {
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
    if (matching_data) {
      f.run_id = StoredRun();
      f.placement_id = AcceptedPlacement(f.company.id());
    }
    return f;
  }

  StatusCode CallAs(Who who, const MatrixRow& row) {
    Fixture fixture = FreshFixture(row.matching_data);
    grpc::ClientContext context;
    Authorize(who, &context);
    return row.call(stubs_, &context, fixture).error_code();
  }

  AuthenticatedServer server_;
  std::string owner_, other_;
  Caller owner_officer_;
  std::map<Who, std::string> keys_;
  Stubs stubs_;
};

class AccessMatrixTest : public AccessFixture,
                         public ::testing::WithParamInterface<std::string> {};

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

INSTANTIATE_TEST_SUITE_P(EveryService, AccessMatrixTest, ::testing::ValuesIn(RowNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

using AccessListingTest = AccessFixture;

TEST_F(AccessListingTest, AnotherMemberListsNothingOfTheOwner) {
  const Fixture f = FreshFixture(/*matching_data=*/true);
  ASSERT_FALSE(f.run_id.empty());
  ASSERT_FALSE(f.placement_id.empty());
  {
    grpc::ClientContext context;
    Authorize(kOtherOfficer, &context);
    v1::ListRunsResponse runs;
    ASSERT_TRUE(stubs_.matching->ListRuns(&context, {}, &runs).ok());
    EXPECT_EQ(runs.runs_size(), 0);
  }
  {
    grpc::ClientContext context;
    Authorize(kOtherOfficer, &context);
    v1::ListPlacementsResponse placements;
    ASSERT_TRUE(stubs_.matching->ListPlacements(&context, {}, &placements).ok());
    EXPECT_EQ(placements.placements_size(), 0);
  }
  {
    grpc::ClientContext context;
    Authorize(kOtherOfficer, &context);
    v1::SuggestCandidatesRequest request;
    request.set_offer_id(f.offer.id());
    v1::SuggestionsResponse suggestions;
    ASSERT_TRUE(stubs_.matching->SuggestCandidates(&context, request, &suggestions).ok());
    EXPECT_EQ(suggestions.suggestions_size(), 0);
  }
  // The owner's officer sees both, so the empty answers above are not vacuous.
  grpc::ClientContext context;
  Authorize(kOfficer, &context);
  v1::ListPlacementsResponse placements;
  ASSERT_TRUE(stubs_.matching->ListPlacements(&context, {}, &placements).ok());
  ASSERT_EQ(placements.placements_size(), 1);
  EXPECT_EQ(placements.placements(0).id(), f.placement_id);
}

TEST_F(AccessListingTest, AnalystListsRunSummariesWithoutCandidates) {
  const Fixture f = FreshFixture(/*matching_data=*/true);
  ASSERT_FALSE(f.run_id.empty());
  grpc::ClientContext context;
  Authorize(kAnalyst, &context);
  v1::ListRunsResponse runs;
  ASSERT_TRUE(stubs_.matching->ListRuns(&context, {}, &runs).ok());
  ASSERT_EQ(runs.runs_size(), 1);
  EXPECT_EQ(runs.runs(0).id(), f.run_id);
  EXPECT_EQ(runs.runs(0).metrics().candidates(), 1);
  EXPECT_EQ(runs.runs(0).placements_size(), 0);
  EXPECT_EQ(runs.runs(0).unmatched_size(), 0);
  EXPECT_EQ(runs.runs(0).request().locked_size(), 0);
}

TEST_F(AccessListingTest, ReadingARunIsAuditedForEveryCandidateItNames) {
  const Fixture f = FreshFixture(/*matching_data=*/true);
  ASSERT_FALSE(f.run_id.empty());
  auto reads_of_run = [&] {
    auto entries = server_.access().audit().FindBySubject("candidate", f.candidate.id());
    EXPECT_TRUE(entries.ok()) << entries.status();
    int reads = 0;
    for (const v1::AuditEntry& entry : entries.value_or(std::vector<v1::AuditEntry>{})) {
      if (entry.rpc() == "/azubimatch.v1.Matching/GetRun") ++reads;
    }
    return reads;
  };
  const int before = reads_of_run();
  v1::GetRunRequest request;
  request.set_id(f.run_id);
  grpc::ClientContext context;
  Authorize(kOfficer, &context);
  v1::Run run;
  ASSERT_TRUE(stubs_.matching->GetRun(&context, request, &run).ok());
  ASSERT_GT(run.placements_size() + run.unmatched_size(), 0);
  EXPECT_EQ(reads_of_run(), before + 1);
}

TEST_F(AccessListingTest, AnalystGetsRunsWithAggregatesOnly) {
  const Fixture f = FreshFixture(/*matching_data=*/true);
  ASSERT_FALSE(f.run_id.empty());
  v1::GetRunRequest request;
  request.set_id(f.run_id);
  // The owner's officer sees the run's candidates (so the analyst's view can differ).
  grpc::ClientContext officer_context;
  Authorize(kOfficer, &officer_context);
  v1::Run full;
  ASSERT_TRUE(stubs_.matching->GetRun(&officer_context, request, &full).ok());
  ASSERT_GT(full.placements_size() + full.unmatched_size(), 0);

  grpc::ClientContext context;
  Authorize(kAnalyst, &context);
  v1::Run run;
  ASSERT_TRUE(stubs_.matching->GetRun(&context, request, &run).ok());
  EXPECT_EQ(run.id(), f.run_id);
  EXPECT_EQ(run.metrics().candidates(), full.metrics().candidates());
  EXPECT_EQ(run.placements_size(), 0);
  EXPECT_EQ(run.unmatched_size(), 0);
  EXPECT_EQ(run.request().locked_size(), 0);
  EXPECT_EQ(run.request().banned_size(), 0);

  // A fresh analyst run streams its result the same way.
  grpc::ClientContext assign_context;
  Authorize(kAnalyst, &assign_context);
  v1::AssignRequest assign;
  assign.set_mode(v1::ASSIGN_MODE_GREEDY);
  auto reader = stubs_.matching->Assign(&assign_context, assign);
  v1::AssignEvent event;
  std::optional<v1::Run> streamed;
  while (reader->Read(&event)) {
    if (event.has_run()) streamed = event.run();
  }
  ASSERT_TRUE(reader->Finish().ok());
  ASSERT_TRUE(streamed.has_value());
  EXPECT_GT(streamed->metrics().candidates(), 0);
  EXPECT_EQ(streamed->placements_size() + streamed->unmatched_size(), 0);
}

TEST(AccessMatrixCoverageTest, EveryRpcOfEveryServiceHasARow) {
  const std::vector<std::string> names = RowNames();
  const google::protobuf::FileDescriptor* admin_file =
      v1::CreateMemberRequest::descriptor()->file();
  const google::protobuf::ServiceDescriptor* services[] = {
      v1::GetRecordRequest::descriptor()->file()->FindServiceByName("Registry"),
      admin_file->FindServiceByName("Admin"),
      v1::AssignRequest::descriptor()->file()->FindServiceByName("Matching"),
      admin_file->FindServiceByName("DataProtection"),
      v1::SetRankingRequest::descriptor()->file()->FindServiceByName("Preferences"),
      v1::GetRunReportRequest::descriptor()->file()->FindServiceByName("Reports")};
  for (const google::protobuf::ServiceDescriptor* service : services) {
    ASSERT_NE(service, nullptr);
    for (int i = 0; i < service->method_count(); ++i) {
      EXPECT_EQ(std::count(names.begin(), names.end(), service->method(i)->name()), 1)
          << service->method(i)->full_name()
          << " needs exactly one row in the access matrix";
    }
  }
  int methods = 0;
  for (const google::protobuf::ServiceDescriptor* service : services) {
    methods += service->method_count();
  }
  EXPECT_EQ(static_cast<int>(names.size()), methods) << "a row names no RPC of the six";
}

}  // namespace
}  // namespace azubimatch::service

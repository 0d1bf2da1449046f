#include "service/auth/method_access.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "azubimatch/v1/preferences.grpc.pb.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"

namespace azubimatch::service {
namespace {

constexpr Role kRoles[] = {Role::kAdmin, Role::kOfficer, Role::kPortal, Role::kAnalyst};

bool Allowed(Role role, const std::string& method) {
  absl::Status status = CheckMethodAccess(role, method);
  EXPECT_TRUE(status.ok() || status.code() == absl::StatusCode::kPermissionDenied)
      << status;
  return status.ok();
}

TEST(MethodAccessTest, EveryRpcOfEveryApiServiceIsListed) {
  const std::vector<std::string> listed = ListedMethods();
  // Through a message of each file, so that the file is linked in.
  const google::protobuf::FileDescriptor* registry =
      v1::GetRecordRequest::descriptor()->file();
  const google::protobuf::FileDescriptor* matching =
      v1::ExplainRequest::descriptor()->file();
  const google::protobuf::FileDescriptor* admin =
      v1::CreateMemberRequest::descriptor()->file();
  const google::protobuf::FileDescriptor* preferences =
      v1::SetRankingRequest::descriptor()->file();
  int methods = 0;
  for (const google::protobuf::ServiceDescriptor* service :
       {registry->FindServiceByName("Registry"), matching->FindServiceByName("Matching"),
        admin->FindServiceByName("Admin"), admin->FindServiceByName("DataProtection"),
        preferences->FindServiceByName("Preferences")}) {
    ASSERT_NE(service, nullptr);
    const std::string& name = service->full_name();
    methods += service->method_count();
    for (int i = 0; i < service->method_count(); ++i) {
      std::string method = absl::StrCat("/", name, "/", service->method(i)->name());
      EXPECT_TRUE(std::binary_search(listed.begin(), listed.end(), method))
          << method << " has no entry in the method table";
    }
  }
  EXPECT_GT(methods, 30);
}

TEST(MethodAccessTest, RankingsAndCompanyPoliciesAreForMemberRolesNotAnalysts) {
  for (const char* method : {"SetRanking", "GetRanking", "ClearRanking", "SetCompanyPolicy",
                             "GetCompanyPolicy", "ClearCompanyPolicy"}) {
    const std::string full = absl::StrCat("/azubimatch.v1.Preferences/", method);
    for (Role role : {Role::kAdmin, Role::kOfficer, Role::kPortal}) {
      EXPECT_TRUE(Allowed(role, full)) << RoleName(role) << " " << method;
    }
    EXPECT_FALSE(Allowed(Role::kAnalyst, full)) << method;
  }
}

TEST(MethodAccessTest, AdminMayCallEverythingIncludingUnlistedMethods) {
  for (const std::string& method : ListedMethods())
    EXPECT_TRUE(Allowed(Role::kAdmin, method));
  EXPECT_TRUE(Allowed(Role::kAdmin, "/azubimatch.v1.Future/Thing"));
}

TEST(MethodAccessTest, OnlyAdminMayCallTheAdminService) {
  for (Role role : {Role::kOfficer, Role::kPortal, Role::kAnalyst}) {
    for (const char* method :
         {"CreateMember", "ListMembers", "CreateApiKey", "ListApiKeys", "RevokeApiKey",
          "ReadAudit", "CreateBackup"}) {
      EXPECT_FALSE(Allowed(role, absl::StrCat("/azubimatch.v1.Admin/", method)))
          << RoleName(role) << " " << method;
    }
  }
}

TEST(MethodAccessTest, OfficerAndPortalMayUseRegistryMatchingAndDataProtection) {
  for (Role role : {Role::kOfficer, Role::kPortal}) {
    for (const std::string& method : ListedMethods()) {
      bool admin_service = method.rfind("/azubimatch.v1.Admin/", 0) == 0;
      EXPECT_EQ(Allowed(role, method), !admin_service) << RoleName(role) << " " << method;
    }
  }
}

TEST(MethodAccessTest, AnalystGetsRunsAndNetworkRecordsButNoPersonalData) {
  for (const char* method :
       {"/azubimatch.v1.Registry/GetCandidate", "/azubimatch.v1.Registry/ListCandidates",
        "/azubimatch.v1.Registry/CreateCandidate", "/azubimatch.v1.Registry/Import",
        "/azubimatch.v1.Registry/CreateCompany", "/azubimatch.v1.Matching/Explain",
        "/azubimatch.v1.Matching/SuggestOffers",
        "/azubimatch.v1.Matching/SuggestCandidates",
        "/azubimatch.v1.Matching/ListPlacements",
        "/azubimatch.v1.DataProtection/ExportCandidate",
        "/azubimatch.v1.DataProtection/EraseCandidate"}) {
    absl::Status status = CheckMethodAccess(Role::kAnalyst, method);
    EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << method;
    EXPECT_EQ(status.message(), absl::StrCat("the analyst role may not call ", method));
  }
  for (const char* method :
       {"/azubimatch.v1.Matching/Assign", "/azubimatch.v1.Matching/GetRun",
        "/azubimatch.v1.Matching/ListRuns", "/azubimatch.v1.Registry/ListOffers",
        "/azubimatch.v1.Registry/GetOffer", "/azubimatch.v1.Registry/ListCompanies",
        "/azubimatch.v1.Registry/GetCompany"}) {
    EXPECT_TRUE(Allowed(Role::kAnalyst, method)) << method;
  }
}

TEST(MethodAccessTest, UnlistedMethodsAreClosedToNonAdminsAndHealthIsOpen) {
  for (Role role : {Role::kOfficer, Role::kPortal, Role::kAnalyst}) {
    EXPECT_FALSE(Allowed(role, "/azubimatch.v1.Registry/NewThing"));
    EXPECT_FALSE(Allowed(role, ""));
  }
  EXPECT_TRUE(IsOpenMethod("/grpc.health.v1.Health/Check"));
  EXPECT_TRUE(IsOpenMethod("/grpc.health.v1.Health/Watch"));
  EXPECT_FALSE(IsOpenMethod("/grpc.health.v1.HealthX/Check"));
  EXPECT_FALSE(IsOpenMethod("/azubimatch.v1.Registry/GetOffer"));
  for (Role role : kRoles) {
    EXPECT_TRUE(
        Allowed(role, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"));
  }
}

}  // namespace
}  // namespace azubimatch::service

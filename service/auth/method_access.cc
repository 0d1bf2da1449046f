#include "service/auth/method_access.h"

#include <algorithm>
#include <initializer_list>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

namespace azubimatch::service {
namespace {

// A set of roles as a bit mask.
using RoleMask = unsigned;
constexpr RoleMask Bit(Role role) { return 1u << static_cast<int>(role); }
constexpr RoleMask kAdmin = Bit(Role::kAdmin);
// Roles that act for a member and see its personal data.
constexpr RoleMask kMemberRoles = kAdmin | Bit(Role::kOfficer) | Bit(Role::kPortal);
constexpr RoleMask kEveryRole = kMemberRoles | Bit(Role::kAnalyst);

struct ServiceMethods {
  std::string_view service;
  RoleMask roles;
  std::initializer_list<std::string_view> methods;
};

const auto& Table() {
  static const auto* table = [] {
    auto* t = new absl::flat_hash_map<std::string, RoleMask>();
    const ServiceMethods entries[] = {
        {"azubimatch.v1.Registry",
         kMemberRoles,
         {"CreateCompany", "UpdateCompany", "UpsertCompany", "DeleteCompany",
          "CreateOffer", "UpdateOffer", "UpsertOffer", "DeleteOffer", "CreateCandidate",
          "UpdateCandidate", "UpsertCandidate", "GetCandidate", "ListCandidates",
          "DeleteCandidate", "Import"}},
        {"azubimatch.v1.Registry",
         kEveryRole,
         {"GetCompany", "ListCompanies", "GetOffer", "ListOffers"}},
        {"azubimatch.v1.Matching",
         kMemberRoles,
         {"SuggestOffers", "SuggestCandidates", "Explain", "AcceptPlacement",
          "RejectPlacement", "WithdrawPlacement", "AdvancePlacement", "ListPlacements"}},
        {"azubimatch.v1.Matching", kEveryRole, {"Assign", "GetRun", "ListRuns"}},
        {"azubimatch.v1.Reports", kEveryRole, {"GetRunReport", "GetRetention"}},
        {"azubimatch.v1.Preferences",
         kMemberRoles,
         {"SetRanking", "GetRanking", "ClearRanking", "SetCompanyPolicy", "GetCompanyPolicy",
          "ClearCompanyPolicy"}},
        {"azubimatch.v1.DataProtection",
         kMemberRoles,
         {"EraseCandidate", "ExportCandidate"}},
        {"azubimatch.v1.Admin",
         kAdmin,
         {"CreateMember", "ListMembers", "CreateApiKey", "ListApiKeys", "RevokeApiKey",
          "ReadAudit", "CreateBackup"}},
        {"grpc.reflection.v1alpha.ServerReflection",
         kEveryRole,
         {"ServerReflectionInfo"}},
    };
    for (const ServiceMethods& entry : entries) {
      for (std::string_view method : entry.methods) {
        (*t)[absl::StrCat("/", std::string(entry.service), "/", std::string(method))] =
            entry.roles;
      }
    }
    return t;
  }();
  return *table;
}

}  // namespace

bool IsOpenMethod(std::string_view method) {
  return method.starts_with("/grpc.health.v1.Health/");
}

absl::Status CheckMethodAccess(Role role, std::string_view method) {
  auto it = Table().find(std::string(method));
  RoleMask allowed = it == Table().end() ? kAdmin : it->second;
  if (allowed & Bit(role)) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat(
      "the ", std::string(RoleName(role)), " role may not call ", std::string(method)));
}

std::vector<std::string> ListedMethods() {
  std::vector<std::string> methods;
  for (const auto& [method, roles] : Table()) methods.push_back(method);
  std::sort(methods.begin(), methods.end());
  return methods;
}

}  // namespace azubimatch::service

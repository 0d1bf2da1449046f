// Caller: who is making a request, as established by authentication.
//
// Every gRPC handler resolves the Caller first and passes it down; ownership checks
// (a member sees only its own candidates and companies) and role checks use it.
// Plain value type; thread-compatible.
#ifndef AZUBIMATCH_SERVICE_AUTH_CALLER_H_
#define AZUBIMATCH_SERVICE_AUTH_CALLER_H_

#include <string>
#include <string_view>

namespace azubimatch::service {

enum class Role {
  kAdmin,    // manages members and keys; sees everything
  kOfficer,  // a member's placement officer: own companies, offers, candidates, runs
  kPortal,   // a member's system integration: the rights of an officer
  kAnalyst,  // aggregates and runs; no personal fields
};

// Lower-case name as used on the command line and in logs ("admin", "officer", ...).
inline std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kOfficer:
      return "officer";
    case Role::kPortal:
      return "portal";
    case Role::kAnalyst:
      return "analyst";
  }
  return "unknown";
}

// Parses a lower-case role name; returns false if unknown.
inline bool ParseRole(std::string_view name, Role* role) {
  for (Role r : {Role::kAdmin, Role::kOfficer, Role::kPortal, Role::kAnalyst}) {
    if (RoleName(r) == name) {
      *role = r;
      return true;
    }
  }
  return false;
}

struct Caller {
  std::string member_id;  // owning member; empty only for an admin without member
  std::string key_id;     // id of the API key used (never the key itself)
  Role role = Role::kOfficer;
  // Full method name of the call being served, e.g.
  // "/azubimatch.v1.Registry/GetCandidate"; empty outside a call. Set by the resolver;
  // recorded in the audit log.
  std::string rpc;

  bool is_admin() const { return role == Role::kAdmin; }
  // True when the caller may read personal fields of records owned by `owner_member_id`.
  bool CanSeePersonalDataOf(std::string_view owner_member_id) const {
    return role == Role::kAdmin || ((role == Role::kOfficer || role == Role::kPortal) &&
                                    owner_member_id == member_id);
  }
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_CALLER_H_

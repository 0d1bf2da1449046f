// Method access: which roles may call which RPC. The coarse, per-method half of access
// control, checked for every call before any handler runs (server_auth.h); the
// per-record half (a member sees only its own candidates and companies; NOT_FOUND for
// another member's record) is the handlers' own (service/registry/access_policy.h).
//
//   open (no key needed)   /grpc.health.v1.Health/*
//   admin                  every method, including the Admin service and unknown ones
//   officer, portal        Registry (all), Matching (all), Reports (all),
//                          DataProtection (all), server reflection
//   analyst                Registry GetCompany/ListCompanies/GetOffer/ListOffers;
//                          Matching Assign/GetRun/ListRuns (runs and their aggregates);
//                          Reports GetRunReport (aggregates of any member's run);
//                          server reflection. No candidate records, suggestions,
//                          explanations, placements, imports, writes or data protection.
// A method missing from the table is admin-only: new RPCs are closed until listed.
// Refusals are PERMISSION_DENIED naming the role and the method.
//
// Thread safety: pure functions over a constant table. Complexity: O(1) expected (one
// hash lookup).
#ifndef AZUBIMATCH_SERVICE_AUTH_METHOD_ACCESS_H_
#define AZUBIMATCH_SERVICE_AUTH_METHOD_ACCESS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "service/auth/caller.h"

namespace azubimatch::service {

// True for methods anyone may call without a key (the health check).
bool IsOpenMethod(std::string_view method);

// OK when `role` may call `method` (a full name, "/package.Service/Method");
// PERMISSION_DENIED otherwise.
absl::Status CheckMethodAccess(Role role, std::string_view method);

// Every method the table lists, sorted (for tests and documentation).
std::vector<std::string> ListedMethods();

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_METHOD_ACCESS_H_

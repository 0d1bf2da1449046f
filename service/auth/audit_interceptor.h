// AuditInterceptor: records every call that reads or writes candidate data, rankings or
// company policies in the audit log, in one place for every service, without the
// handlers' help.
//
// A gRPC server interceptor sees each call's method, its request and response messages
// (before serialization) and its final status. For the methods below it collects the
// records the call touched and, just before the status is sent, appends one audit
// entry per record (subject "candidate:#<keyed hash>", "offer:<id>" or
// "company_policy:<member id>"), or one candidate entry without id when there is none
// (a failed call, an empty listing), all in one commit:
//
//   read    Registry GetCandidate (request id), ListCandidates (returned ids);
//           Matching SuggestOffers, Explain (request candidate_id), SuggestCandidates
//           (suggested candidates), ListPlacements (returned placements' candidates),
//           GetRun and Assign (every candidate the returned run places or leaves
//           unmatched; a run as analysts get it names none)
//   write   Registry CreateCandidate, UpsertCandidate (returned id), UpdateCandidate
//           (request id), DeleteCandidate (request id), Import (ids of the candidate
//           records stored); Matching AcceptPlacement, RejectPlacement (request
//           candidate_id), WithdrawPlacement, AdvancePlacement (returned candidate_id);
//           Preferences SetRanking, ClearRanking (the request's owner: the candidate, or
//           the offer and, for SetRanking, every candidate its ranking names; rankings
//           imported by `matchctl rank import` are set one by one), SetCompanyPolicy,
//           ClearCompanyPolicy (the request's member_id, or the caller's member when
//           it is empty)
//   erase   DataProtection EraseCandidate (request id)
//   export  DataProtection ExportCandidate (request id)
//
// Entries name the caller's member and key (resolved from the call's API key), the
// method and the status code. If the audit log cannot record, the call fails with
// UNAVAILABLE and its response message is emptied: no access goes unrecorded. (Assign
// streams its run before the status, so a failed recording there ends the call with
// UNAVAILABLE after the run was sent; the failure is in matchd's request log.)
// Calls refused by the auth step never reach a handler and are not recorded.
// Every other method passes without an interceptor (no cost).
//
// Wiring: ServerBuilder::experimental().SetInterceptorCreators({..., factory}), e.g.
// matchd's Server::AddInterceptor(std::make_unique<AuditInterceptorFactory>(...)).
//
// Thread safety: the factory is shared by all calls; each call gets its own
// interceptor. Complexity: O(candidates in the response) plus one audit commit.
#ifndef AZUBIMATCH_SERVICE_AUTH_AUDIT_INTERCEPTOR_H_
#define AZUBIMATCH_SERVICE_AUTH_AUDIT_INTERCEPTOR_H_

#include <string>
#include <vector>

#include "grpcpp/support/server_interceptor.h"
#include "service/auth/audit_log.h"
#include "service/registry/caller_resolver.h"

namespace azubimatch::service {

class AuditInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // Neither argument is owned; both must outlive the server.
  AuditInterceptorFactory(AuditLog* audit, CallerResolver* resolver)
      : audit_(audit), resolver_(resolver) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  AuditLog* const audit_;
  CallerResolver* const resolver_;
};

// The methods the interceptor records, sorted (for tests and documentation).
std::vector<std::string> AuditedMethods();

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_AUDIT_INTERCEPTOR_H_

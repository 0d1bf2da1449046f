#include "service/data_protection/data_protection_service.h"

#include <utility>

#include "engine/base/status_macros.h"
#include "service/auth/method_access.h"
#include "service/data_protection/candidate_export.h"
#include "service/registry/field_violations.h"
#include "service/registry/grpc_status.h"
#include "service/rpc/answer_unary.h"

namespace azubimatch::service {
namespace {

constexpr char kEraseCandidate[] = "/azubimatch.v1.DataProtection/EraseCandidate";
constexpr char kExportCandidate[] = "/azubimatch.v1.DataProtection/ExportCandidate";

absl::Status RequireId(const std::string& id) {
  if (id.empty()) return InvalidField("id", "required");
  return absl::OkStatus();
}

}  // namespace

DataProtectionService::DataProtectionService(KvStore* store, RecordStore* records,
                                             CallerResolver* resolver,
                                             const AuditLog* audit, KeyedHasher hasher,
                                             DataProtectionServiceOptions options)
    : store_(store),
      records_(records),
      resolver_(resolver),
      audit_(audit),
      ledger_(options.data_dir),
      eraser_(store, records, std::move(hasher), &ledger_, std::move(options.eraser)) {}

grpc::ServerUnaryReactor* DataProtectionService::Run(
    grpc::CallbackServerContext* context, const char* method, const std::string& id,
    const std::function<absl::Status(const Caller&)>& body) {
  return AnswerUnary(context, *resolver_, [&](const Caller& caller) -> absl::Status {
    AZM_RETURN_IF_ERROR(CheckMethodAccess(caller.role, method));
    AZM_RETURN_IF_ERROR(RequireId(id));
    return body(caller);
  });
}

grpc::ServerUnaryReactor* DataProtectionService::EraseCandidate(
    grpc::CallbackServerContext* context, const v1::EraseCandidateRequest* request,
    v1::EraseCandidateResponse* response) {
  return Run(
      context, kEraseCandidate, request->id(), [&](const Caller& caller) -> absl::Status {
        AZM_ASSIGN_OR_RETURN(ErasureOutcome outcome,
                             eraser_.Erase(caller, request->id(), request->version()));
        response->set_pseudonym(outcome.pseudonym);
        response->set_runs_rewritten(outcome.runs_rewritten);
        response->set_placements_removed(outcome.placements_removed);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* DataProtectionService::ExportCandidate(
    grpc::CallbackServerContext* context, const v1::ExportCandidateRequest* request,
    v1::CandidateExport* response) {
  return Run(context, kExportCandidate, request->id(),
             [&](const Caller& caller) -> absl::Status {
               AZM_ASSIGN_OR_RETURN(
                   *response, service::ExportCandidate(caller, request->id(), *records_,
                                                       *store_, audit_));
               return absl::OkStatus();
             });
}

}  // namespace azubimatch::service

// DataProtectionService: the azubimatch.v1.DataProtection gRPC service (callback API):
// the rights of the persons whose data the service holds.
//
//   EraseCandidate   GDPR Art. 17, through CandidateEraser (candidate_eraser.h): the
//                    record, its index entries and placements go, stored runs show a
//                    pseudonym, the ledger remembers the keyed hash, and the data is
//                    forced out of the store's files. Answers the pseudonym, the number
//                    of runs rewritten and of placements removed.
//   ExportCandidate  GDPR Art. 15/20, through ExportCandidate (candidate_export.h).
//
// Access: officer and portal keys of the candidate's member, and admin keys; another
// member's candidate is NOT_FOUND (existence is not leaked), analysts are
// PERMISSION_DENIED. The transport's auth step refuses wrong roles before a handler
// runs; each handler checks the method table again (method_access.h) so that a server
// wired without the auth step fails closed.
// Status codes: INVALID_ARGUMENT naming "id" (missing or malformed) or "version"
// (negative); NOT_FOUND; FAILED_PRECONDITION naming "version" (not current);
// UNAUTHENTICATED / PERMISSION_DENIED; the store's codes (e.g. RESOURCE_EXHAUSTED on a
// full disk; the erasure can then be called again and completes).
// Audit: every call is recorded by the server's audit interceptor
// (service/auth/audit_interceptor.h: action "erase" or "export", subject the keyed
// hash of the candidate id, the outcome's code), not by the handlers; the audit log
// given here is read for the export's list of accesses.
//
// Thread safety: handlers run concurrently on gRPC's threads; erasures are serialized.
// Cost: see CandidateEraser and ExportCandidate (O(size of runs and placements)).
#ifndef AZUBIMATCH_SERVICE_DATA_PROTECTION_DATA_PROTECTION_SERVICE_H_
#define AZUBIMATCH_SERVICE_DATA_PROTECTION_DATA_PROTECTION_SERVICE_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "service/auth/audit_log.h"
#include "service/auth/keyed_hasher.h"
#include "service/data_protection/candidate_eraser.h"
#include "service/data_protection/erasure_ledger.h"
#include "service/registry/caller_resolver.h"
#include "service/registry/record_store.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

struct DataProtectionServiceOptions {
  // The data folder of the store: the erasure ledger file lives there
  // (erasure_ledger.h). Required.
  // Default: "".
  std::string data_dir;

  // Options of the erasure (sweeps, clock).
  // Default: CandidateEraserOptions{}.
  CandidateEraserOptions eraser;
};

class DataProtectionService final : public v1::DataProtection::CallbackService {
 public:
  // None of the pointers is owned; all must outlive the service. `hasher` must be the
  // store's (AccessControl::hasher()), the one the audit log uses; `audit` may be null
  // (exports then list no accesses).
  DataProtectionService(KvStore* store, RecordStore* records, CallerResolver* resolver,
                        const AuditLog* audit, KeyedHasher hasher,
                        DataProtectionServiceOptions options);

  grpc::ServerUnaryReactor* EraseCandidate(grpc::CallbackServerContext* context,
                                           const v1::EraseCandidateRequest* request,
                                           v1::EraseCandidateResponse* response) override;
  grpc::ServerUnaryReactor* ExportCandidate(grpc::CallbackServerContext* context,
                                            const v1::ExportCandidateRequest* request,
                                            v1::CandidateExport* response) override;

 private:
  // Resolves and checks the caller for `method`, checks that candidate `id` is given,
  // runs `body`, and finishes the call.
  grpc::ServerUnaryReactor* Run(grpc::CallbackServerContext* context, const char* method,
                                const std::string& id,
                                const std::function<absl::Status(const Caller&)>& body);

  KvStore* const store_;
  RecordStore* const records_;
  CallerResolver* const resolver_;
  const AuditLog* const audit_;
  ErasureLedger ledger_;
  CandidateEraser eraser_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_DATA_PROTECTION_DATA_PROTECTION_SERVICE_H_

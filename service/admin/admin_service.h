// AdminService: the azubimatch.v1.Admin gRPC service (callback API): members, API keys,
// the audit log and backups.
//
// Access: admin keys only. The auth step of the transport (service/auth/server_auth.h)
// refuses other callers before a handler runs; each handler also resolves its caller
// and checks it against the same method table (method_access.h), so that a server
// wired without the auth step fails closed instead of open.
//
// Answers:
//   CreateMember   INVALID_ARGUMENT "name: ..." for an empty, too long (> 200) or
//                  non-UTF-8 name; the new Member otherwise.
//   ListMembers    members in id order, paged (page_size 0 = 100, at most 1000).
//   CreateApiKey   INVALID_ARGUMENT "role: ..." / "member_id: ..." / "label: ...";
//                  NOT_FOUND "member_id: ..." for an unknown member; the key is in the
//                  response only, once.
//   ListApiKeys    keys of member_id (every key when empty), revoked ones included.
//   RevokeApiKey   NOT_FOUND for an unknown id; FAILED_PRECONDITION for the last active
//                  admin key; revoking a revoked key returns it unchanged.
//   ReadAudit      entries after after_sequence (limit 0 = 100, at most 1000) and
//                  chain_intact / chain_problem from a full verification of the chain.
//   CreateBackup   writes a backup of the store into the configured backup folder;
//                  FAILED_PRECONDITION when none is configured; UNIMPLEMENTED when the
//                  store cannot back up (MemoryStore).
// Member and key administration is recorded in the audit log (action "admin").
//
// Thread safety: handlers run concurrently on gRPC's threads. Cost: O(1) store
// operations per call except ListApiKeys/RevokeApiKey (O(keys)), ReadAudit (O(log
// size): the verification) and CreateBackup (O(store size)).
#ifndef AZUBIMATCH_SERVICE_ADMIN_ADMIN_SERVICE_H_
#define AZUBIMATCH_SERVICE_ADMIN_ADMIN_SERVICE_H_

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "service/auth/access_control.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

struct AdminServiceOptions {
  // Folder CreateBackup writes into (created when missing; must lie outside the data
  // folder). Backups there share unchanged table files.
  // Default: "" (CreateBackup answers FAILED_PRECONDITION).
  std::string backup_dir;
};

class AdminService final : public v1::Admin::CallbackService {
 public:
  // `access` and `store` must outlive the service.
  AdminService(AccessControl* access, KvStore* store, AdminServiceOptions options = {});

  grpc::ServerUnaryReactor* CreateMember(grpc::CallbackServerContext* context,
                                         const v1::CreateMemberRequest* request,
                                         v1::Member* response) override;
  grpc::ServerUnaryReactor* ListMembers(grpc::CallbackServerContext* context,
                                        const v1::ListMembersRequest* request,
                                        v1::ListMembersResponse* response) override;
  grpc::ServerUnaryReactor* CreateApiKey(grpc::CallbackServerContext* context,
                                         const v1::CreateApiKeyRequest* request,
                                         v1::CreateApiKeyResponse* response) override;
  grpc::ServerUnaryReactor* ListApiKeys(grpc::CallbackServerContext* context,
                                        const v1::ListApiKeysRequest* request,
                                        v1::ListApiKeysResponse* response) override;
  grpc::ServerUnaryReactor* RevokeApiKey(grpc::CallbackServerContext* context,
                                         const v1::RevokeApiKeyRequest* request,
                                         v1::ApiKeyInfo* response) override;
  grpc::ServerUnaryReactor* ReadAudit(grpc::CallbackServerContext* context,
                                      const v1::ReadAuditRequest* request,
                                      v1::ReadAuditResponse* response) override;
  grpc::ServerUnaryReactor* CreateBackup(grpc::CallbackServerContext* context,
                                         const v1::CreateBackupRequest* request,
                                         v1::CreateBackupResponse* response) override;

 private:
  // Resolves and checks the caller for `method`, runs `body`, finishes the call.
  grpc::ServerUnaryReactor* Run(grpc::CallbackServerContext* context, const char* method,
                                const std::function<absl::Status(const Caller&)>& body);
  // Records an administrative change by `method` (subject `kind`:`id`) with its
  // outcome; returns `outcome`, or the audit log's error when it cannot record.
  absl::Status Audit(const Caller& caller, const char* method, const char* kind,
                     const std::string& id, const absl::Status& outcome);

  AccessControl* const access_;
  KvStore* const store_;
  const AdminServiceOptions options_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_ADMIN_ADMIN_SERVICE_H_

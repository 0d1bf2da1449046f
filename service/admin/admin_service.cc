#include "service/admin/admin_service.h"

#include <filesystem>
#include <system_error>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"
#include "service/auth/method_access.h"
#include "service/registry/grpc_status.h"
#include "service/rpc/answer_unary.h"

namespace azubimatch::service {
namespace {

constexpr char kCreateMember[] = "/azubimatch.v1.Admin/CreateMember";
constexpr char kListMembers[] = "/azubimatch.v1.Admin/ListMembers";
constexpr char kCreateApiKey[] = "/azubimatch.v1.Admin/CreateApiKey";
constexpr char kListApiKeys[] = "/azubimatch.v1.Admin/ListApiKeys";
constexpr char kRevokeApiKey[] = "/azubimatch.v1.Admin/RevokeApiKey";
constexpr char kReadAudit[] = "/azubimatch.v1.Admin/ReadAudit";
constexpr char kCreateBackup[] = "/azubimatch.v1.Admin/CreateBackup";

// The newest backup id in a BackupEngine folder (its meta/<id> files) and the bytes the
// folder holds. Zero when they cannot be determined.
void DescribeBackupFolder(const std::string& dir, v1::CreateBackupResponse* response) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/meta", error)) {
    uint32_t id = 0;
    if (absl::SimpleAtoi(entry.path().filename().string(), &id) &&
        id > response->backup_id()) {
      response->set_backup_id(id);
    }
  }
  int64_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, error)) {
    if (entry.is_regular_file(error))
      bytes += static_cast<int64_t>(entry.file_size(error));
  }
  response->set_size_bytes(bytes);
}

}  // namespace

AdminService::AdminService(AccessControl* access, KvStore* store,
                           AdminServiceOptions options)
    : access_(access), store_(store), options_(std::move(options)) {}

grpc::ServerUnaryReactor* AdminService::Run(
    grpc::CallbackServerContext* context, const char* method,
    const std::function<absl::Status(const Caller&)>& body) {
  return AnswerUnary(context, access_->resolver(), [&](const Caller& caller) -> absl::Status {
    AZM_RETURN_IF_ERROR(CheckMethodAccess(caller.role, method));
    return body(caller);
  });
}

absl::Status AdminService::Audit(const Caller& caller, const char* method,
                                 const char* kind, const std::string& id,
                                 const absl::Status& outcome) {
  AuditEvent event;
  event.action = AuditAction::kAdmin;
  event.rpc = method;
  event.subject_kind = kind;
  event.subject_id = id;
  event.code = outcome.code();
  AZM_RETURN_IF_ERROR(access_->audit().Append(caller, event));
  return outcome;
}

grpc::ServerUnaryReactor* AdminService::CreateMember(
    grpc::CallbackServerContext* context, const v1::CreateMemberRequest* request,
    v1::Member* response) {
  return Run(context, kCreateMember, [&](const Caller& caller) {
    absl::StatusOr<v1::Member> member = access_->members().Create(request->name());
    if (member.ok()) *response = *member;
    return Audit(caller, kCreateMember, "member", member.ok() ? member->id() : "",
                 member.status());
  });
}

grpc::ServerUnaryReactor* AdminService::ListMembers(grpc::CallbackServerContext* context,
                                                    const v1::ListMembersRequest* request,
                                                    v1::ListMembersResponse* response) {
  return Run(context, kListMembers, [&](const Caller&) -> absl::Status {
    AZM_ASSIGN_OR_RETURN(MemberPage page, access_->members().List(request->page_size(),
                                                                  request->page_token()));
    for (v1::Member& member : page.members) *response->add_members() = std::move(member);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::CreateApiKey(
    grpc::CallbackServerContext* context, const v1::CreateApiKeyRequest* request,
    v1::CreateApiKeyResponse* response) {
  return Run(context, kCreateApiKey, [&](const Caller& caller) {
    absl::StatusOr<CreatedApiKey> created = access_->keys().Create(*request);
    if (created.ok()) {
      *response->mutable_info() = created->info;
      response->set_key(created->key);
    }
    absl::Status audited =
        Audit(caller, kCreateApiKey, "api_key", created.ok() ? created->info.id() : "",
              created.status());
    // A key whose creation cannot be audited is not handed out.
    if (!audited.ok()) response->Clear();
    return audited;
  });
}

grpc::ServerUnaryReactor* AdminService::ListApiKeys(grpc::CallbackServerContext* context,
                                                    const v1::ListApiKeysRequest* request,
                                                    v1::ListApiKeysResponse* response) {
  return Run(context, kListApiKeys, [&](const Caller&) -> absl::Status {
    AZM_ASSIGN_OR_RETURN(std::vector<v1::ApiKeyInfo> keys,
                         access_->keys().List(request->member_id()));
    for (v1::ApiKeyInfo& key : keys) *response->add_keys() = std::move(key);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::RevokeApiKey(
    grpc::CallbackServerContext* context, const v1::RevokeApiKeyRequest* request,
    v1::ApiKeyInfo* response) {
  return Run(context, kRevokeApiKey, [&](const Caller& caller) {
    absl::StatusOr<v1::ApiKeyInfo> revoked = access_->keys().Revoke(request->id());
    if (revoked.ok()) *response = *revoked;
    return Audit(caller, kRevokeApiKey, "api_key", request->id(), revoked.status());
  });
}

grpc::ServerUnaryReactor* AdminService::ReadAudit(grpc::CallbackServerContext* context,
                                                  const v1::ReadAuditRequest* request,
                                                  v1::ReadAuditResponse* response) {
  return Run(context, kReadAudit, [&](const Caller&) -> absl::Status {
    AZM_ASSIGN_OR_RETURN(
        std::vector<v1::AuditEntry> entries,
        access_->audit().Read(request->after_sequence(), request->limit()));
    for (v1::AuditEntry& entry : entries) *response->add_entries() = std::move(entry);
    absl::Status verified = access_->audit().Verify();
    if (!verified.ok() && !absl::IsDataLoss(verified)) return verified;
    response->set_chain_intact(verified.ok());
    response->set_chain_problem(std::string(verified.message()));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::CreateBackup(grpc::CallbackServerContext* context,
                                                     const v1::CreateBackupRequest*,
                                                     v1::CreateBackupResponse* response) {
  return Run(context, kCreateBackup, [&](const Caller& caller) -> absl::Status {
    if (options_.backup_dir.empty()) {
      return absl::FailedPreconditionError(
          "backup_dir: the server has no backup folder configured");
    }
    absl::Status status = store_->CreateBackup(options_.backup_dir);
    if (status.ok()) {
      response->set_backup_dir(options_.backup_dir);
      DescribeBackupFolder(options_.backup_dir, response);
    }
    return Audit(caller, kCreateBackup, "backup",
                 status.ok() ? absl::StrCat(response->backup_id()) : "", status);
  });
}

}  // namespace azubimatch::service

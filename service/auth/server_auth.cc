#include "service/auth/server_auth.h"

#include <grpc/grpc.h>
#include <grpc/grpc_security.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"

namespace azubimatch::service {
namespace {

std::string_view SliceView(const grpc_slice& slice) {
  return std::string_view(reinterpret_cast<const char*>(GRPC_SLICE_START_PTR(slice)),
                          GRPC_SLICE_LENGTH(slice));
}

// The processor's state: shares ownership of the authenticator with nobody else once
// the credentials are built; gRPC destroys it with the credentials.
struct ProcessorState {
  std::shared_ptr<const RequestAuthenticator> authenticator;
};

void ProcessCall(void* state, grpc_auth_context* /*connection_context*/,
                 const grpc_metadata* md, size_t num_md,
                 grpc_process_auth_metadata_done_cb done, void* user_data) {
  const auto* processor = static_cast<const ProcessorState*>(state);
  std::string_view method;
  std::vector<std::string_view> authorization;
  for (size_t i = 0; i < num_md; ++i) {
    std::string_view key = SliceView(md[i].key);
    if (key == ":path") method = SliceView(md[i].value);
    if (key == "authorization") {
      authorization.push_back(SliceView(md[i].value));
    }
  }
  absl::StatusOr<std::optional<Caller>> caller =
      processor->authenticator->Authenticate(method, authorization);
  if (!caller.ok()) {
    std::string message(caller.status().message());
    done(user_data, nullptr, 0, nullptr, 0,
         static_cast<grpc_status_code>(caller.status().code()), message.c_str());
    return;
  }
  done(user_data, nullptr, 0, nullptr, 0, GRPC_STATUS_OK, nullptr);
}

void DestroyProcessor(void* state) { delete static_cast<ProcessorState*>(state); }

// grpc::ServerCredentials over core credentials. gRPC's C++ plaintext credentials do
// not take an auth metadata processor; core ones of every kind do.
class CoreServerCredentials final : public grpc::ServerCredentials {
 public:
  explicit CoreServerCredentials(grpc_server_credentials* credentials)
      : credentials_(credentials) {}
  ~CoreServerCredentials() override { grpc_server_credentials_release(credentials_); }

  // The processor is attached at construction; a C++ one is not supported.
  void SetAuthMetadataProcessor(
      const std::shared_ptr<grpc::AuthMetadataProcessor>&) override {}

 private:
  int AddPortToServer(const std::string& address, grpc_server* server) override {
    return grpc_server_add_http2_port(server, address.c_str(), credentials_);
  }

  grpc_server_credentials* const credentials_;
};

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>>
MakeAuthenticatedServerCredentials(
    const TlsServerOptions& tls,
    std::shared_ptr<const RequestAuthenticator> authenticator) {
  grpc_server_credentials* credentials = nullptr;
  if (tls.enabled()) {
    AZM_ASSIGN_OR_RETURN(TlsServerMaterial material, LoadTlsServerMaterial(tls));
    grpc_ssl_pem_key_cert_pair pair = {material.private_key_pem.c_str(),
                                       material.cert_chain_pem.c_str()};
    const bool mutual = !material.client_ca_pem.empty();
    credentials = grpc_ssl_server_credentials_create_ex(
        mutual ? material.client_ca_pem.c_str() : nullptr, &pair, 1,
        mutual ? GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY
               : GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE,
        nullptr);
  } else {
    credentials = grpc_insecure_server_credentials_create();
  }
  if (credentials == nullptr)
    return absl::InternalError("gRPC refused the server credentials");
  grpc_server_credentials_set_auth_metadata_processor(
      credentials,
      {&ProcessCall, &DestroyProcessor, new ProcessorState{std::move(authenticator)}});
  return std::make_shared<CoreServerCredentials>(credentials);
}

absl::StatusOr<Caller> ApiKeyCallerResolver::Resolve(
    const grpc::ServerContextBase& context) {
  std::vector<std::string_view> authorization;
  auto [begin, end] = context.client_metadata().equal_range("authorization");
  for (auto it = begin; it != end; ++it) {
    authorization.emplace_back(it->second.data(), it->second.size());
  }
  if (authorization.size() != 1) {
    return absl::UnauthenticatedError(authorization.empty()
                                          ? "authorization: missing"
                                          : "authorization: given more than once");
  }
  AZM_ASSIGN_OR_RETURN(std::string_view key, BearerToken(authorization.front()));
  return keys_->Authenticate(key);
}

}  // namespace azubimatch::service

#include "tests/service/server/authorized_channel.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/admin.pb.h"
#include "grpcpp/support/client_interceptor.h"
#include "gtest/gtest.h"

namespace azubimatch::service {
namespace {

// Adds `authorization: Bearer <key>` to the initial metadata of each call.
class BearerInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit BearerInterceptor(const std::string* header) : header_(header) {}
  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      methods->GetSendInitialMetadata()->emplace("authorization", *header_);
    }
    methods->Proceed();
  }

 private:
  const std::string* const header_;
};

class BearerInterceptorFactory final
    : public grpc::experimental::ClientInterceptorFactoryInterface {
 public:
  explicit BearerInterceptorFactory(const std::string& key)
      : header_(absl::StrCat("Bearer ", key)) {}
  grpc::experimental::Interceptor* CreateClientInterceptor(
      grpc::experimental::ClientRpcInfo*) override {
    return new BearerInterceptor(&header_);
  }

 private:
  const std::string header_;
};

}  // namespace

MemberKey NewMemberKey(Server& server, const std::string& member_name,
                       const std::string& role) {
  MemberKey result;
  absl::StatusOr<v1::Member> member = server.access()->members().Create(member_name);
  EXPECT_TRUE(member.ok()) << member.status();
  if (!member.ok()) return result;
  v1::CreateApiKeyRequest request;
  request.set_member_id(member->id());
  request.set_role(role);
  absl::StatusOr<CreatedApiKey> key = server.access()->keys().Create(request);
  EXPECT_TRUE(key.ok()) << key.status();
  if (!key.ok()) return result;
  result.member_id = member->id();
  result.key_id = key->info.id();
  result.key = key->key;
  return result;
}

std::shared_ptr<grpc::Channel> AuthorizedChannel(const std::string& address,
                                                 const std::string& key) {
  std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(std::make_unique<BearerInterceptorFactory>(key));
  return grpc::experimental::CreateCustomChannelWithInterceptors(
      address, grpc::InsecureChannelCredentials(), grpc::ChannelArguments(),
      std::move(interceptors));
}

}  // namespace azubimatch::service

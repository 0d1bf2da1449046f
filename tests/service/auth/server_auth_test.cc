#include "service/auth/server_auth.h"

#include <memory>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "service/auth/access_control.h"
#include "service/auth/api_key_format.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/auth/caller_echo_server.h"
#include "tests/service/auth/temp_store.h"

namespace azubimatch::service {
namespace {

constexpr char kGetCandidate[] = "/azubimatch.v1.Registry/GetCandidate";
constexpr char kListOffers[] = "/azubimatch.v1.Registry/ListOffers";

class ServerAuthTest : public ::testing::Test {
 protected:
  void Start(AccessControlOptions options = {}) {
    store_ = OpenTempStore(dir_);
    ASSERT_NE(store_, nullptr);
    auto access = AccessControl::Open(store_.get(), options, [this] { return now_; });
    ASSERT_TRUE(access.ok()) << access.status();
    access_ = *std::move(access);
    auto member = access_->members().Create("Netzwerk Freiburg");
    ASSERT_TRUE(member.ok());
    member_id_ = member->id();
    auto credentials = access_->ServerCredentials(TlsServerOptions{});
    ASSERT_TRUE(credentials.ok()) << credentials.status();
    server_ = std::make_unique<CallerEchoServer>(*credentials, &access_->resolver());
    ASSERT_TRUE(server_->started());
    channel_ =
        grpc::CreateChannel(server_->address(), grpc::InsecureChannelCredentials());
  }

  CreatedApiKey NewKey(const std::string& role) {
    v1::CreateApiKeyRequest request;
    request.set_role(role);
    if (role != "admin") request.set_member_id(member_id_);
    auto created = access_->keys().Create(request);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : CreatedApiKey{};
  }

  ScopedTempDir dir_;
  absl::Time now_ = absl::FromUnixSeconds(1700000000);
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<AccessControl> access_;
  std::string member_id_;
  std::unique_ptr<CallerEchoServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

TEST_F(ServerAuthTest, CallWithoutKeyIsUnauthenticated) {
  Start();
  EchoReply reply = CallMethod(channel_, kListOffers, {});
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_TRUE(absl::StrContains(reply.status.error_message(), "authorization"))
      << reply.status.error_message();
}

TEST_F(ServerAuthTest, MalformedAuthorizationIsUnauthenticated) {
  Start();
  CreatedApiKey key = NewKey("officer");
  for (const std::string& value :
       {std::string("Basic ") + key.key, std::string("Bearer"), std::string("Bearer "),
        std::string("Bearer") + key.key, key.key, std::string("Bearer azm_garbage")}) {
    EchoReply reply = CallMethod(channel_, kListOffers, {{"authorization", value}});
    EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << value;
  }
  EchoReply twice = CallMethod(
      channel_, kListOffers,
      {{"authorization", "Bearer " + key.key}, {"authorization", "Bearer " + key.key}});
  EXPECT_EQ(twice.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(ServerAuthTest, UnknownKeyIsUnauthenticated) {
  Start();
  auto unknown = GenerateApiKey();
  ASSERT_TRUE(unknown.ok());
  EchoReply reply = CallMethod(channel_, kListOffers, Bearer(unknown->key));
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(ServerAuthTest, RevokedKeyIsRefusedOnTheVeryNextCall) {
  Start();
  NewKey("admin");
  CreatedApiKey key = NewKey("officer");
  ASSERT_TRUE(CallMethod(channel_, kListOffers, Bearer(key.key)).status.ok());
  ASSERT_TRUE(access_->keys().Revoke(key.info.id()).ok());
  EchoReply reply = CallMethod(channel_, kListOffers, Bearer(key.key));
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(ServerAuthTest, RoleWithoutTheRightIsPermissionDenied) {
  Start();
  CreatedApiKey analyst = NewKey("analyst");
  EchoReply denied = CallMethod(channel_, kGetCandidate, Bearer(analyst.key));
  EXPECT_EQ(denied.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(denied.status.error_message(),
            "the analyst role may not call /azubimatch.v1.Registry/GetCandidate");
  EXPECT_TRUE(CallMethod(channel_, kListOffers, Bearer(analyst.key)).status.ok());
}

TEST_F(ServerAuthTest, AcceptedCallResolvesToTheKeysMemberAndRole) {
  Start();
  CreatedApiKey key = NewKey("portal");
  // The scheme is case-insensitive.
  EchoReply reply =
      CallMethod(channel_, kGetCandidate, {{"authorization", "bearer " + key.key}});
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.body, absl::StrCat(member_id_, "|", key.info.id(), "|portal"));
}

TEST_F(ServerAuthTest, TwoKeysOnOneChannelResolveToTheirOwnCallers) {
  Start();
  CreatedApiKey officer = NewKey("officer");
  CreatedApiKey admin = NewKey("admin");
  for (int i = 0; i < 3; ++i) {
    EchoReply a = CallMethod(channel_, kListOffers, Bearer(officer.key));
    EchoReply b = CallMethod(channel_, kListOffers, Bearer(admin.key));
    ASSERT_TRUE(a.status.ok() && b.status.ok())
        << a.status.error_code() << a.status.error_message() << " / "
        << b.status.error_code() << b.status.error_message();
    EXPECT_EQ(a.body, absl::StrCat(member_id_, "|", officer.info.id(), "|officer"));
    EXPECT_EQ(b.body, absl::StrCat("|", admin.info.id(), "|admin"));
  }
}

TEST_F(ServerAuthTest, HealthCheckNeedsNoKey) {
  Start();
  // grpc.health.v1.HealthCheckRequest{} serializes to zero bytes.
  EchoReply reply = CallMethod(channel_, "/grpc.health.v1.Health/Check", {});
  EXPECT_TRUE(reply.status.ok()) << reply.status.error_message();
}

TEST_F(ServerAuthTest, KeyOverItsRateIsResourceExhaustedOthersAreNot) {
  Start({.rate_limit = {.requests_per_second = 1, .burst = 2}});
  CreatedApiKey busy = NewKey("officer");
  CreatedApiKey quiet = NewKey("officer");
  for (int i = 0; i < 2; ++i) {
    grpc::Status status = CallMethod(channel_, kListOffers, Bearer(busy.key)).status;
    EXPECT_TRUE(status.ok()) << i << ": " << status.error_code() << " "
                             << status.error_message();
  }
  EXPECT_EQ(CallMethod(channel_, kListOffers, Bearer(busy.key)).status.error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_TRUE(CallMethod(channel_, kListOffers, Bearer(quiet.key)).status.ok());
  now_ += absl::Seconds(1);
  EXPECT_TRUE(CallMethod(channel_, kListOffers, Bearer(busy.key)).status.ok());
}

TEST_F(ServerAuthTest, ResolverAloneStillRefusesCallsWithoutAValidKey) {
  Start();
  CreatedApiKey key = NewKey("officer");
  // A server wired without the auth step: only the resolver stands guard.
  CallerEchoServer bare(grpc::InsecureServerCredentials(), &access_->resolver());
  ASSERT_TRUE(bare.started());
  auto channel = grpc::CreateChannel(bare.address(), grpc::InsecureChannelCredentials());
  EXPECT_EQ(CallMethod(channel, kListOffers, {}).status.error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(CallMethod(channel, kListOffers, Bearer("azm_anything")).status.error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_TRUE(CallMethod(channel, kListOffers, Bearer(key.key)).status.ok());
}

}  // namespace
}  // namespace azubimatch::service

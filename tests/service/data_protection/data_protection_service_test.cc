// DataProtectionService through a real gRPC server on 127.0.0.1:0 and a real RocksDB
// store: answers, status codes per caller, and the audit entries every call leaves
// (through the audit interceptor, as in matchd).
#include "service/data_protection/data_protection_service.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/auth/audit_interceptor.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/data_protection/erasure_fixture.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

// Test authentication: the caller named by "x-role" and "x-member" metadata;
// UNAUTHENTICATED without a role.
class MetadataCallerResolver final : public CallerResolver {
 public:
  absl::StatusOr<Caller> Resolve(const grpc::ServerContextBase& context) override {
    const auto& metadata = context.client_metadata();
    auto role = metadata.find("x-role");
    if (role == metadata.end()) return absl::UnauthenticatedError("no key");
    Caller caller;
    if (!ParseRole(std::string(role->second.data(), role->second.size()), &caller.role)) {
      return absl::UnauthenticatedError("bad key");
    }
    auto member = metadata.find("x-member");
    if (member != metadata.end()) {
      caller.member_id = std::string(member->second.data(), member->second.size());
    }
    caller.key_id = "key-1";
    return caller;
  }
};

class DataProtectionServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.path = dir_.Sub("data");
    store_ = RocksDbStore::Open(options).value();
    records_ = std::make_unique<RecordStore>(store_.get());
    audit_ = AuditLog::Open(store_.get(), KeyedHasher(kTestSecret)).value();
    seeded_ = SeedCandidate(*store_, *records_);
    DataProtectionServiceOptions service_options;
    service_options.data_dir = options.path;
    service_ = std::make_unique<DataProtectionService>(
        store_.get(), records_.get(), &resolver_, audit_.get(), KeyedHasher(kTestSecret),
        service_options);
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(service_.get());
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
        interceptors;
    interceptors.push_back(
        std::make_unique<AuditInterceptorFactory>(audit_.get(), &resolver_));
    builder.experimental().SetInterceptorCreators(std::move(interceptors));
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    stub_ = v1::DataProtection::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
  }

  void TearDown() override {
    server_->Shutdown();
    server_.reset();
  }

  // A client context calling as `role` of `member` (no metadata for role "none").
  static void As(grpc::ClientContext* context, const std::string& role,
                 const std::string& member) {
    if (role != "none") context->AddMetadata("x-role", role);
    if (!member.empty()) context->AddMetadata("x-member", member);
  }

  grpc::Status Erase(const std::string& role, const std::string& member,
                     const std::string& id, v1::EraseCandidateResponse* response) {
    grpc::ClientContext context;
    As(&context, role, member);
    v1::EraseCandidateRequest request;
    request.set_id(id);
    return stub_->EraseCandidate(&context, request, response);
  }

  grpc::Status Export(const std::string& role, const std::string& member,
                      const std::string& id, v1::CandidateExport* response) {
    grpc::ClientContext context;
    As(&context, role, member);
    v1::ExportCandidateRequest request;
    request.set_id(id);
    return stub_->ExportCandidate(&context, request, response);
  }

  ScopedTempDir dir_;
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<RecordStore> records_;
  std::unique_ptr<AuditLog> audit_;
  MetadataCallerResolver resolver_;
  std::unique_ptr<DataProtectionService> service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::DataProtection::Stub> stub_;
  SeededCandidate seeded_;
};

TEST_F(DataProtectionServiceTest, EraseAnswersPseudonymAndCounts) {
  v1::EraseCandidateResponse response;
  grpc::Status status = Erase("officer", kMemberA, seeded_.candidate_id, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.pseudonym(),
            Pseudonym(KeyedHasher(kTestSecret).Hash(seeded_.candidate_id)));
  EXPECT_EQ(response.runs_rewritten(), 1);
  EXPECT_EQ(response.placements_removed(), 2);
  v1::CandidateExport exported;
  EXPECT_EQ(Export("officer", kMemberA, seeded_.candidate_id, &exported).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(DataProtectionServiceTest, ExportAnswersEverythingHeld) {
  v1::CandidateExport exported;
  grpc::Status status = Export("portal", kMemberA, seeded_.candidate_id, &exported);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(exported.candidate().display_name(), "Name " + seeded_.marker);
  EXPECT_THAT(exported.placements(), SizeIs(2));
  EXPECT_THAT(exported.proposals(), SizeIs(1));
}

TEST_F(DataProtectionServiceTest, StatusCodePerCaller) {
  struct Case {
    std::string role;
    std::string member;
    grpc::StatusCode expected;
  };
  const Case cases[] = {
      {"none", "", grpc::StatusCode::UNAUTHENTICATED},
      {"analyst", kMemberA, grpc::StatusCode::PERMISSION_DENIED},
      {"officer", kMemberB, grpc::StatusCode::NOT_FOUND},
      {"portal", kMemberB, grpc::StatusCode::NOT_FOUND},
  };
  for (const Case& c : cases) {
    v1::CandidateExport exported;
    EXPECT_EQ(Export(c.role, c.member, seeded_.candidate_id, &exported).error_code(),
              c.expected)
        << "export as " << c.role;
    v1::EraseCandidateResponse erased;
    EXPECT_EQ(Erase(c.role, c.member, seeded_.candidate_id, &erased).error_code(),
              c.expected)
        << "erase as " << c.role;
  }
  EXPECT_TRUE(store_->Get(Family::kCandidates, seeded_.candidate_id).ok());
  v1::EraseCandidateResponse erased;
  EXPECT_TRUE(Erase("admin", "", seeded_.candidate_id, &erased).ok());
}

TEST_F(DataProtectionServiceTest, MissingIdIsInvalidArgument) {
  v1::EraseCandidateResponse erased;
  grpc::Status status = Erase("officer", kMemberA, "", &erased);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("id"));
}

TEST_F(DataProtectionServiceTest, CallsAreAuditedUnderTheKeyedHash) {
  v1::CandidateExport exported;
  ASSERT_TRUE(Export("officer", kMemberA, seeded_.candidate_id, &exported).ok());
  ASSERT_EQ(Export("officer", kMemberB, seeded_.candidate_id, &exported).error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::EraseCandidateResponse erased;
  ASSERT_TRUE(Erase("officer", kMemberA, seeded_.candidate_id, &erased).ok());
  auto entries = audit_->Read(0, 100);
  ASSERT_TRUE(entries.ok());
  ASSERT_THAT(*entries, SizeIs(3));
  const std::string subject =
      "candidate:#" + KeyedHasher(kTestSecret).Hash(seeded_.candidate_id);
  EXPECT_EQ((*entries)[0].action(), "export");
  EXPECT_EQ((*entries)[0].code(), "OK");
  EXPECT_EQ((*entries)[1].member_id(), kMemberB);
  EXPECT_EQ((*entries)[1].code(), "NOT_FOUND");
  EXPECT_EQ((*entries)[2].action(), "erase");
  EXPECT_EQ((*entries)[2].rpc(), "/azubimatch.v1.DataProtection/EraseCandidate");
  for (const v1::AuditEntry& entry : *entries) {
    EXPECT_EQ(entry.subject(), subject);
    EXPECT_THAT(entry.SerializeAsString(), Not(HasSubstr(seeded_.candidate_id)));
  }
  EXPECT_TRUE(audit_->Verify().ok());
}

}  // namespace
}  // namespace azubimatch::service

#include "service/auth/audit_interceptor.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/auth/access_control.h"
#include "service/store/memory_store.h"

namespace azubimatch::service {
namespace {

// Forwards to a MemoryStore; fails writes that touch the audit log while `fail_audit`.
class FlakyAuditStore final : public KvStore {
 public:
  absl::StatusOr<std::string> Get(Family family, std::string_view key) const override {
    return inner_.Get(family, key);
  }
  absl::Status Write(const WriteBatch& batch) override {
    for (const WriteBatch::Op& op : batch.ops()) {
      if (fail_audit && op.family == Family::kAudit)
        return absl::UnavailableError("disk gone");
    }
    return inner_.Write(batch);
  }
  absl::Status Scan(Family family, std::string_view start, std::string_view end,
                    const Visitor& visitor) const override {
    return inner_.Scan(family, start, end, visitor);
  }
  bool fail_audit = false;

 private:
  MemoryStore inner_;
};

// Answers a few Registry calls with fixed records; the audit sees only messages.
class FakeRegistry final : public v1::Registry::CallbackService {
 public:
  grpc::ServerUnaryReactor* GetCandidate(grpc::CallbackServerContext* context,
                                         const v1::GetRecordRequest* request,
                                         v1::Candidate* response) override {
    auto* reactor = context->DefaultReactor();
    if (request->id() == "missing000000000") {
      reactor->Finish(grpc::Status(grpc::StatusCode::NOT_FOUND, "id: no candidate"));
    } else {
      response->set_id(request->id());
      response->set_external_id("personal-marker");
      reactor->Finish(grpc::Status::OK);
    }
    return reactor;
  }
  grpc::ServerUnaryReactor* ListCandidates(
      grpc::CallbackServerContext* context, const v1::ListRecordsRequest*,
      v1::ListCandidatesResponse* response) override {
    for (const char* id : {"cand000000000003", "cand000000000001", "cand000000000002"}) {
      response->add_candidates()->set_id(id);
    }
    auto* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  grpc::ServerUnaryReactor* ListOffers(grpc::CallbackServerContext* context,
                                       const v1::ListRecordsRequest*,
                                       v1::ListOffersResponse* response) override {
    response->add_offers()->set_id("offer00000000001");
    auto* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  grpc::ServerReadReactor<v1::ImportRequest>* Import(
      grpc::CallbackServerContext*, v1::ImportResponse* response) override {
    class Reader final : public grpc::ServerReadReactor<v1::ImportRequest> {
     public:
      explicit Reader(v1::ImportResponse* response) : response_(response) {
        StartRead(&request_);
      }
      void OnReadDone(bool ok) override {
        if (!ok) {
          Finish(grpc::Status::OK);
          return;
        }
        const int n = response_->ids_size();
        response_->add_ids(request_.has_candidate() ? absl::StrCat("candimp00000000", n)
                                                    : absl::StrCat("compimp00000000", n));
        StartRead(&request_);
      }
      void OnDone() override { delete this; }

     private:
      v1::ImportResponse* const response_;
      v1::ImportRequest request_;
    };
    return new Reader(response);
  }
};

class AuditInterceptorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto access = AccessControl::Open(&store_, {});
    ASSERT_TRUE(access.ok()) << access.status();
    access_ = *std::move(access);
    auto member = access_->members().Create("Netzwerk Ulm");
    ASSERT_TRUE(member.ok());
    member_id_ = member->id();
    v1::CreateApiKeyRequest request;
    request.set_role("officer");
    request.set_member_id(member_id_);
    auto key = access_->keys().Create(request);
    ASSERT_TRUE(key.ok());
    key_ = *key;

    auto credentials = access_->ServerCredentials(TlsServerOptions{});
    ASSERT_TRUE(credentials.ok());
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", *credentials, &port_);
    builder.RegisterService(&registry_);
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
        creators;
    creators.push_back(std::make_unique<AuditInterceptorFactory>(&access_->audit(),
                                                                 &access_->resolver()));
    builder.experimental().SetInterceptorCreators(std::move(creators));
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    stub_ = v1::Registry::NewStub(grpc::CreateChannel(
        absl::StrCat("127.0.0.1:", port_), grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  std::unique_ptr<grpc::ClientContext> Context() {
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("authorization", "Bearer " + key_.key);
    return context;
  }

  std::vector<v1::AuditEntry> Entries() {
    auto entries = access_->audit().Read(0, 1000);
    EXPECT_TRUE(entries.ok()) << entries.status();
    return entries.ok() ? *entries : std::vector<v1::AuditEntry>{};
  }

  std::string Subject(const std::string& id) {
    return access_->audit().SubjectOf("candidate", id);
  }

  FlakyAuditStore store_;
  std::unique_ptr<AccessControl> access_;
  std::string member_id_;
  CreatedApiKey key_;
  FakeRegistry registry_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::Registry::Stub> stub_;
};

TEST_F(AuditInterceptorTest, CandidateReadIsRecordedWithCallerMethodAndKeyedSubject) {
  v1::GetRecordRequest request;
  request.set_id("cand000000000007");
  v1::Candidate candidate;
  ASSERT_TRUE(stub_->GetCandidate(Context().get(), request, &candidate).ok());
  std::vector<v1::AuditEntry> entries = Entries();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].member_id(), member_id_);
  EXPECT_EQ(entries[0].key_id(), key_.info.id());
  EXPECT_EQ(entries[0].action(), "read");
  EXPECT_EQ(entries[0].rpc(), "/azubimatch.v1.Registry/GetCandidate");
  EXPECT_EQ(entries[0].subject(), Subject("cand000000000007"));
  EXPECT_EQ(entries[0].code(), "OK");
  EXPECT_EQ(entries[0].SerializeAsString().find("personal-marker"), std::string::npos);
  EXPECT_EQ(entries[0].SerializeAsString().find("cand000000000007"), std::string::npos);
}

TEST_F(AuditInterceptorTest, RefusedReadIsRecordedWithItsCode) {
  v1::GetRecordRequest request;
  request.set_id("missing000000000");
  v1::Candidate candidate;
  EXPECT_EQ(stub_->GetCandidate(Context().get(), request, &candidate).error_code(),
            grpc::StatusCode::NOT_FOUND);
  std::vector<v1::AuditEntry> entries = Entries();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].code(), "NOT_FOUND");
  EXPECT_EQ(entries[0].subject(), Subject("missing000000000"));
}

TEST_F(AuditInterceptorTest, ListingRecordsEveryReturnedCandidateInOrderOfId) {
  v1::ListCandidatesResponse response;
  ASSERT_TRUE(stub_->ListCandidates(Context().get(), {}, &response).ok());
  std::vector<v1::AuditEntry> entries = Entries();
  ASSERT_EQ(entries.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(entries[i].sequence(), static_cast<uint64_t>(i + 1));
    EXPECT_EQ(entries[i].subject(), Subject(absl::StrCat("cand00000000000", i + 1)));
  }
  EXPECT_TRUE(access_->audit().Verify().ok());
}

TEST_F(AuditInterceptorTest, ImportRecordsOnlyTheCandidateRecords) {
  v1::ImportResponse response;
  auto context = Context();
  auto writer = stub_->Import(context.get(), &response);
  v1::ImportRequest company, candidate;
  company.mutable_company()->set_name("Bäckerei");
  candidate.mutable_candidate()->set_external_id("x");
  ASSERT_TRUE(writer->Write(company));
  ASSERT_TRUE(writer->Write(candidate));
  ASSERT_TRUE(writer->Write(company));
  ASSERT_TRUE(writer->Write(candidate));
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());
  std::vector<v1::AuditEntry> entries = Entries();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action(), "write");
  EXPECT_EQ(entries[0].subject(), Subject("candimp000000001"));
  EXPECT_EQ(entries[1].subject(), Subject("candimp000000003"));
}

TEST_F(AuditInterceptorTest, MethodsWithoutPersonalDataAreNotRecorded) {
  v1::ListOffersResponse response;
  ASSERT_TRUE(stub_->ListOffers(Context().get(), {}, &response).ok());
  EXPECT_EQ(response.offers_size(), 1);
  EXPECT_TRUE(Entries().empty());
  // Of the Registry, only candidate methods and Import are recorded.
  for (const std::string& method : AuditedMethods()) {
    bool registry = method.rfind("/azubimatch.v1.Registry/", 0) == 0;
    bool candidate_data = method.find("Candidate") != std::string::npos ||
                          method == "/azubimatch.v1.Registry/Import";
    EXPECT_TRUE(!registry || candidate_data) << method;
  }
}

TEST_F(AuditInterceptorTest, ReadThatCannotBeRecordedFailsAndReturnsNothing) {
  store_.fail_audit = true;
  v1::GetRecordRequest request;
  request.set_id("cand000000000007");
  v1::Candidate candidate;
  grpc::Status status = stub_->GetCandidate(Context().get(), request, &candidate);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_TRUE(candidate.id().empty());
  store_.fail_audit = false;
  EXPECT_TRUE(Entries().empty());
  EXPECT_TRUE(access_->audit().Verify().ok());
}

}  // namespace
}  // namespace azubimatch::service

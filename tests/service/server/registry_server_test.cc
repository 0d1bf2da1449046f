// An in-process matchd server on 127.0.0.1:0 over a real RocksDB folder, called by real
// gRPC clients: CRUD, paging, Import, status codes for empty requests, BadRequest
// details, health and reflection, request logs, restart, concurrency and draining.
#include <atomic>
#include <functional>
#include <memory>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/registry/grpc_status.h"
#include "service/server/server.h"
#include "tests/service/server/authorized_channel.h"
#include "tests/service/registry/sample_records.h"
#include "tests/service/store/scoped_temp_dir.h"
#include "tests/support/raw_unary_call.h"

namespace azubimatch::service {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

class RegistryServerTest : public testing::Test {
 protected:
  void SetUp() override { StartServer(); }
  void TearDown() override { server_.reset(); }

  void StartServer() {
    ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.data_dir = dir_.Sub("data");
    options.import_batch_size = 100;
    options.log_sink = [this](std::string_view line) {
      absl::MutexLock lock(&log_mu_);
      log_.emplace_back(line);
    };
    auto server = Server::Open(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    if (before_start_) before_start_(*server_);
    ASSERT_TRUE(server_->Start().ok());
    ASSERT_GT(server_->port(), 0);
    // One officer for the whole test; its key is stored, so it outlives restarts.
    if (officer_.key.empty()) officer_ = NewMemberKey(*server_, "Registry test", "officer");
    channel_ = AuthorizedChannel(server_->bound_address(), officer_.key);
    stub_ = v1::Registry::NewStub(channel_);
  }

  void RestartServer() {
    stub_.reset();
    channel_.reset();
    server_->Shutdown(absl::Seconds(5));
    server_.reset();
    StartServer();
  }

  std::vector<std::string> LogLines() {
    absl::MutexLock lock(&log_mu_);
    return log_;
  }

  v1::Company CreateCompany(const std::string& external_id = "") {
    grpc::ClientContext context;
    v1::CreateCompanyRequest request;
    *request.mutable_company() = SampleCompany(external_id);
    v1::Company company;
    const grpc::Status status = stub_->CreateCompany(&context, request, &company);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return company;
  }

  ScopedTempDir dir_;
  // Called between Open() and Start() by StartServer(), e.g. to add an interceptor.
  std::function<void(Server&)> before_start_;
  std::unique_ptr<Server> server_;
  MemberKey officer_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::Registry::Stub> stub_;
  absl::Mutex log_mu_;
  std::vector<std::string> log_ ABSL_GUARDED_BY(log_mu_);
};

TEST_F(RegistryServerTest, CompanyOfferCandidateRoundTrip) {
  const v1::Company company = CreateCompany("firma-1");
  EXPECT_EQ(company.member_id(), officer_.member_id);
  EXPECT_EQ(company.version(), 1);

  // Offer by upsert, then read back.
  v1::UpsertOfferRequest upsert;
  *upsert.mutable_offer() = SampleOffer(company.id(), "platz-1");
  v1::UpsertOfferResponse upserted;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->UpsertOffer(&context, upsert, &upserted).ok());
  }
  EXPECT_TRUE(upserted.created());
  v1::GetRecordRequest get;
  get.set_id(upserted.offer().id());
  v1::TrainingOffer offer;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->GetOffer(&context, get, &offer).ok());
  }
  EXPECT_EQ(offer.SerializeAsString(), upserted.offer().SerializeAsString());

  // Update with the current version.
  v1::UpdateOfferRequest update;
  *update.mutable_offer() = offer;
  update.mutable_offer()->set_seats(4);
  v1::TrainingOffer updated;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->UpdateOffer(&context, update, &updated).ok());
  }
  EXPECT_EQ(updated.seats(), 4);
  EXPECT_EQ(updated.version(), 2);
  {
    grpc::ClientContext context;  // the same request again is now stale
    EXPECT_EQ(stub_->UpdateOffer(&context, update, &updated).error_code(),
              grpc::StatusCode::FAILED_PRECONDITION);
  }

  // Candidate create, list, delete.
  v1::CreateCandidateRequest create_candidate;
  *create_candidate.mutable_candidate() = SampleCandidate("k-1");
  v1::Candidate candidate;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->CreateCandidate(&context, create_candidate, &candidate).ok());
  }
  v1::ListCandidatesResponse listed;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->ListCandidates(&context, v1::ListRecordsRequest(), &listed).ok());
  }
  ASSERT_THAT(listed.candidates(), SizeIs(1));
  EXPECT_EQ(listed.candidates(0).id(), candidate.id());

  v1::DeleteRecordRequest remove;
  remove.set_id(company.id());
  v1::DeleteRecordResponse removed;
  {
    grpc::ClientContext context;
    EXPECT_EQ(stub_->DeleteCompany(&context, remove, &removed).error_code(),
              grpc::StatusCode::FAILED_PRECONDITION);  // it still has an offer
  }
  remove.set_id(offer.id());
  {
    grpc::ClientContext context;
    EXPECT_TRUE(stub_->DeleteOffer(&context, remove, &removed).ok());
  }
  {
    grpc::ClientContext context;
    EXPECT_EQ(stub_->GetOffer(&context, get, &offer).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
}

TEST_F(RegistryServerTest, ListingPagesThroughEveryRecord) {
  std::set<std::string> created;
  for (int i = 0; i < 230; ++i) created.insert(CreateCompany().id());

  std::vector<std::string> listed;
  int pages = 0;
  v1::ListRecordsRequest request;
  request.set_page_size(50);
  do {
    grpc::ClientContext context;
    v1::ListCompaniesResponse page;
    ASSERT_TRUE(stub_->ListCompanies(&context, request, &page).ok());
    ++pages;
    for (const v1::Company& c : page.companies()) listed.push_back(c.id());
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  EXPECT_EQ(pages, 5);
  EXPECT_EQ(listed, std::vector<std::string>(created.begin(), created.end()));
}

TEST_F(RegistryServerTest, ImportReportsBadRecordsAndWritesTheRest) {
  const v1::Company company = CreateCompany("firma-1");
  constexpr int kRecords = 350;  // 4 batches of 100 on this server
  grpc::ClientContext context;
  v1::ImportResponse response;
  std::unique_ptr<grpc::ClientWriter<v1::ImportRequest>> writer =
      stub_->Import(&context, &response);
  std::vector<int> bad;
  int offers_written = 0;
  for (int i = 0; i < kRecords; ++i) {
    v1::ImportRequest request;
    if (i % 10 == 3) {
      v1::Candidate candidate = SampleCandidate("k-" + std::to_string(i));
      candidate.set_travel_limit_minutes(0);  // invalid
      *request.mutable_candidate() = candidate;
      bad.push_back(i);
    } else if (i % 10 == 7) {
      *request.mutable_offer() = SampleOffer("0000000000000000");  // unknown company
      bad.push_back(i);
    } else if (i % 2 == 0) {
      *request.mutable_candidate() = SampleCandidate("k-" + std::to_string(i % 50));
    } else {
      *request.mutable_offer() = SampleOffer(company.id());
      ++offers_written;
    }
    ASSERT_TRUE(writer->Write(request));
  }
  ASSERT_TRUE(writer->WritesDone());
  const grpc::Status status = writer->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();

  EXPECT_EQ(response.received(), kRecords);
  EXPECT_EQ(response.failed(), static_cast<int64_t>(bad.size()));
  EXPECT_EQ(response.created() + response.updated() + response.failed(), kRecords);
  ASSERT_THAT(response.ids(), SizeIs(kRecords));
  ASSERT_THAT(response.errors(), SizeIs(bad.size()));
  for (size_t e = 0; e < bad.size(); ++e) {
    const v1::ImportError& error = response.errors(static_cast<int>(e));
    EXPECT_EQ(error.index(), bad[e]);
    EXPECT_TRUE(response.ids(bad[e]).empty());
    if (bad[e] % 10 == 3) {
      EXPECT_EQ(error.code(), "INVALID_ARGUMENT");
      EXPECT_EQ(error.field(), "candidate.travel_limit_minutes");
      EXPECT_EQ(error.external_id(), "k-" + std::to_string(bad[e]));
    } else {
      EXPECT_EQ(error.code(), "NOT_FOUND");
      EXPECT_EQ(error.field(), "offer.company_id");
    }
  }
  // Even candidates reuse 25 external ids (k-0, k-2, ..., k-48): 25 created, the rest
  // updated in place.
  std::set<std::string> candidate_ids;
  for (int i = 0; i < kRecords; i += 2) {
    if (i % 10 != 3 && i % 10 != 7) candidate_ids.insert(response.ids(i));
  }
  EXPECT_THAT(candidate_ids, SizeIs(25));

  v1::ListRecordsRequest all;
  all.set_page_size(1000);
  grpc::ClientContext list_context;
  v1::ListOffersResponse offers;
  ASSERT_TRUE(stub_->ListOffers(&list_context, all, &offers).ok());
  EXPECT_THAT(offers.offers(), SizeIs(offers_written));
}

// Batches are written while the next ones are read; they are still written one at a
// time in stream order, so an offer may name a company sent in the batch before it.
TEST_F(RegistryServerTest, PipelinedBatchesAreWrittenInStreamOrder) {
  constexpr int kPairs = 1000;  // 2,000 records: 20 batches of 100 on this server
  grpc::ClientContext context;
  v1::ImportResponse response;
  auto writer = stub_->Import(&context, &response);
  for (int i = 0; i < kPairs; ++i) {
    v1::ImportRequest company;
    *company.mutable_company() = SampleCompany("pipe-" + std::to_string(i));
    ASSERT_TRUE(writer->Write(company));
    v1::ImportRequest offer;
    *offer.mutable_offer() = SampleOffer("", "pipe-offer-" + std::to_string(i));
    // The company of the record before: in the same batch or in the previous one.
    offer.mutable_offer()->set_company_external_id("pipe-" + std::to_string(i));
    ASSERT_TRUE(writer->Write(offer));
  }
  ASSERT_TRUE(writer->WritesDone());
  const grpc::Status status = writer->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.received(), 2 * kPairs);
  EXPECT_EQ(response.failed(), 0) << (response.errors().empty()
                                          ? ""
                                          : response.errors(0).message());
  EXPECT_EQ(response.created(), 2 * kPairs);
  ASSERT_THAT(response.ids(), SizeIs(2 * kPairs));
  // Each offer belongs to the company sent just before it.
  for (int i : {0, 99, 100, 501, kPairs - 1}) {
    v1::GetRecordRequest get;
    get.set_id(response.ids(2 * i + 1));
    grpc::ClientContext get_context;
    v1::TrainingOffer offer;
    ASSERT_TRUE(stub_->GetOffer(&get_context, get, &offer).ok());
    EXPECT_EQ(offer.company_id(), response.ids(2 * i)) << i;
  }
}

TEST_F(RegistryServerTest, EmptyImportIsOk) {
  grpc::ClientContext context;
  v1::ImportResponse response;
  auto writer = stub_->Import(&context, &response);
  ASSERT_TRUE(writer->WritesDone());
  EXPECT_TRUE(writer->Finish().ok());
  EXPECT_EQ(response.received(), 0);
  EXPECT_THAT(response.ids(), IsEmpty());
}

// Calls `method` with an empty request and returns the status.
template <typename Request, typename Response, typename Method>
grpc::Status CallEmpty(v1::Registry::Stub* stub, Method method) {
  grpc::ClientContext context;
  Request request;
  Response response;
  return (stub->*method)(&context, request, &response);
}

TEST_F(RegistryServerTest, EmptyRequestsGetDocumentedStatusCodes) {
  using S = v1::Registry::Stub;
  struct Expectation {
    std::string rpc;
    grpc::Status status;
    grpc::StatusCode code;
    std::string field;
  };
  auto* s = stub_.get();
  const std::vector<Expectation> expectations = {
      {"CreateCompany", CallEmpty<v1::CreateCompanyRequest, v1::Company>(s, &S::CreateCompany),
       grpc::StatusCode::INVALID_ARGUMENT, "company"},
      {"UpdateCompany", CallEmpty<v1::UpdateCompanyRequest, v1::Company>(s, &S::UpdateCompany),
       grpc::StatusCode::INVALID_ARGUMENT, "company"},
      {"UpsertCompany",
       CallEmpty<v1::UpsertCompanyRequest, v1::UpsertCompanyResponse>(s, &S::UpsertCompany),
       grpc::StatusCode::INVALID_ARGUMENT, "company"},
      {"GetCompany", CallEmpty<v1::GetRecordRequest, v1::Company>(s, &S::GetCompany),
       grpc::StatusCode::INVALID_ARGUMENT, "id"},
      {"ListCompanies",
       CallEmpty<v1::ListRecordsRequest, v1::ListCompaniesResponse>(s, &S::ListCompanies),
       grpc::StatusCode::OK, ""},
      {"DeleteCompany",
       CallEmpty<v1::DeleteRecordRequest, v1::DeleteRecordResponse>(s, &S::DeleteCompany),
       grpc::StatusCode::INVALID_ARGUMENT, "id"},
      {"CreateOffer", CallEmpty<v1::CreateOfferRequest, v1::TrainingOffer>(s, &S::CreateOffer),
       grpc::StatusCode::INVALID_ARGUMENT, "offer"},
      {"UpdateOffer", CallEmpty<v1::UpdateOfferRequest, v1::TrainingOffer>(s, &S::UpdateOffer),
       grpc::StatusCode::INVALID_ARGUMENT, "offer"},
      {"UpsertOffer",
       CallEmpty<v1::UpsertOfferRequest, v1::UpsertOfferResponse>(s, &S::UpsertOffer),
       grpc::StatusCode::INVALID_ARGUMENT, "offer"},
      {"GetOffer", CallEmpty<v1::GetRecordRequest, v1::TrainingOffer>(s, &S::GetOffer),
       grpc::StatusCode::INVALID_ARGUMENT, "id"},
      {"ListOffers",
       CallEmpty<v1::ListRecordsRequest, v1::ListOffersResponse>(s, &S::ListOffers),
       grpc::StatusCode::OK, ""},
      {"DeleteOffer",
       CallEmpty<v1::DeleteRecordRequest, v1::DeleteRecordResponse>(s, &S::DeleteOffer),
       grpc::StatusCode::INVALID_ARGUMENT, "id"},
      {"CreateCandidate",
       CallEmpty<v1::CreateCandidateRequest, v1::Candidate>(s, &S::CreateCandidate),
       grpc::StatusCode::INVALID_ARGUMENT, "candidate"},
      {"UpdateCandidate",
       CallEmpty<v1::UpdateCandidateRequest, v1::Candidate>(s, &S::UpdateCandidate),
       grpc::StatusCode::INVALID_ARGUMENT, "candidate"},
      {"UpsertCandidate",
       CallEmpty<v1::UpsertCandidateRequest, v1::UpsertCandidateResponse>(
           s, &S::UpsertCandidate),
       grpc::StatusCode::INVALID_ARGUMENT, "candidate"},
      {"GetCandidate", CallEmpty<v1::GetRecordRequest, v1::Candidate>(s, &S::GetCandidate),
       grpc::StatusCode::INVALID_ARGUMENT, "id"},
      {"ListCandidates",
       CallEmpty<v1::ListRecordsRequest, v1::ListCandidatesResponse>(s, &S::ListCandidates),
       grpc::StatusCode::OK, ""},
      {"DeleteCandidate",
       CallEmpty<v1::DeleteRecordRequest, v1::DeleteRecordResponse>(s, &S::DeleteCandidate),
       grpc::StatusCode::INVALID_ARGUMENT, "id"},
  };
  for (const Expectation& e : expectations) {
    EXPECT_EQ(e.status.error_code(), e.code) << e.rpc << ": " << e.status.error_message();
    if (e.field.empty()) continue;
    const std::vector<FieldViolation> violations = ViolationsOf(e.status);
    ASSERT_FALSE(violations.empty()) << e.rpc;
    EXPECT_EQ(violations[0].field, e.field) << e.rpc;
    EXPECT_THAT(e.status.error_message(), testing::StartsWith(e.field + ": ")) << e.rpc;
  }

  // Well-formed ids that name nothing are NOT_FOUND.
  grpc::ClientContext context;
  v1::GetRecordRequest unknown;
  unknown.set_id("0000000000000000");
  v1::Candidate candidate;
  EXPECT_EQ(stub_->GetCandidate(&context, unknown, &candidate).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(RegistryServerTest, ClientDecodesBadRequestDetails) {
  v1::CreateOfferRequest request;
  *request.mutable_offer() = SampleOffer("0123456789abcdef");
  request.mutable_offer()->set_seats(0);
  request.mutable_offer()->mutable_occupation()->set_kldb_code("62-02");
  grpc::ClientContext context;
  v1::TrainingOffer offer;
  const grpc::Status status = stub_->CreateOffer(&context, request, &offer);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), testing::StartsWith("offer.occupation.kldb_code: "));

  // Decoded with nothing but the published google.rpc messages.
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(status.error_details()));
  EXPECT_EQ(details.code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  ASSERT_EQ(details.details_size(), 1);
  ASSERT_TRUE(details.details(0).Is<google::rpc::BadRequest>());
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(details.details(0).UnpackTo(&bad_request));
  std::vector<std::string> fields;
  for (const auto& v : bad_request.field_violations()) fields.push_back(v.field());
  EXPECT_THAT(fields, ElementsAre("offer.occupation.kldb_code", "offer.seats"));
}

TEST_F(RegistryServerTest, RecordsSurviveAServerRestartOnTheSameFolder) {
  const v1::Company company = CreateCompany("firma-restart");
  v1::CreateOfferRequest create;
  *create.mutable_offer() = SampleOffer(company.id());
  v1::TrainingOffer offer;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->CreateOffer(&context, create, &offer).ok());
  }
  RestartServer();

  v1::GetRecordRequest get;
  get.set_id(offer.id());
  v1::TrainingOffer again;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->GetOffer(&context, get, &again).ok());
  EXPECT_EQ(again.SerializeAsString(), offer.SerializeAsString());
  // The external-id index came back too.
  v1::CreateCompanyRequest duplicate;
  *duplicate.mutable_company() = SampleCompany("firma-restart");
  v1::Company ignored;
  grpc::ClientContext dup_context;
  EXPECT_EQ(stub_->CreateCompany(&dup_context, duplicate, &ignored).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
}

TEST_F(RegistryServerTest, ConcurrentClientsFromSeveralThreads) {
  const v1::Company company = CreateCompany();
  constexpr int kThreads = 4;
  constexpr int kPerThread = 30;
  std::vector<std::thread> threads;
  absl::Mutex mu;
  std::set<std::string> ids;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread has its own channel, as separate clients would.
      auto stub =
          v1::Registry::NewStub(AuthorizedChannel(server_->bound_address(), officer_.key));
      for (int i = 0; i < kPerThread; ++i) {
        v1::UpsertOfferRequest request;
        *request.mutable_offer() =
            SampleOffer(company.id(), "t" + std::to_string(t) + "-" + std::to_string(i));
        v1::UpsertOfferResponse response;
        grpc::ClientContext context;
        if (!stub->UpsertOffer(&context, request, &response).ok()) {
          ++failures;
          continue;
        }
        absl::MutexLock lock(&mu);
        ids.insert(response.offer().id());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_THAT(ids, SizeIs(kThreads * kPerThread));

  v1::ListRecordsRequest all;
  all.set_page_size(1000);
  v1::ListOffersResponse offers;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->ListOffers(&context, all, &offers).ok());
  EXPECT_THAT(offers.offers(), SizeIs(kThreads * kPerThread));
}

TEST_F(RegistryServerTest, OneStructuredLogLinePerRequest) {
  v1::GetRecordRequest get;
  get.set_id("0000000000000000");
  v1::TrainingOffer offer;
  grpc::ClientContext context;
  ASSERT_EQ(stub_->GetOffer(&context, get, &offer).error_code(),
            grpc::StatusCode::NOT_FOUND);

  const std::regex line(
      R"(ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z rpc=/azubimatch\.v1\.Registry/GetOffer )"
      R"(code=NOT_FOUND ms=\d+\.\d{3} peer=ipv4:127\.0\.0\.1:\d+ member=\w+ )"
      R"(request_id=[0-9a-z]{32})");
  // The line is written before the status is sent (request_log.h), so the client
  // never has its answer before the line exists.
  std::vector<std::string> lines;
  for (const std::string& l : LogLines()) {
    if (l.find("GetOffer") != std::string::npos) lines.push_back(l);
  }
  ASSERT_THAT(lines, SizeIs(1));
  EXPECT_TRUE(std::regex_match(lines[0], line)) << lines[0];
}

TEST_F(RegistryServerTest, AddressInUseIsUnavailableAtStart) {
  ScopedTempDir other_dir;
  ServerOptions options;
  options.listen_address = server_->bound_address();  // taken by the fixture's server
  options.data_dir = other_dir.Sub("data");
  auto second = Server::Open(options);
  ASSERT_TRUE(second.ok()) << second.status();
  const absl::Status status = (*second)->Start();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(status.message()), HasSubstr(server_->bound_address()));
  EXPECT_EQ((*second)->port(), 0);
}

using testing_support::RawUnaryCall;

TEST_F(RegistryServerTest, GarbageAndMangledRequestsNeverBringTheServerDown) {
  const std::vector<std::string> methods = {
      "CreateCompany", "UpdateCompany", "UpsertCompany", "GetCompany", "ListCompanies",
      "DeleteCompany", "CreateOffer", "UpdateOffer", "UpsertOffer", "GetOffer",
      "ListOffers", "DeleteOffer", "CreateCandidate", "UpdateCandidate",
      "UpsertCandidate", "GetCandidate", "ListCandidates", "DeleteCandidate"};
  // Valid requests of every shape, then mangled byte by byte.
  v1::CreateOfferRequest offer_request;
  *offer_request.mutable_offer() = SampleOffer("0123456789abcdef", "o-1");
  v1::CreateCandidateRequest candidate_request;
  *candidate_request.mutable_candidate() = SampleCandidate("k-1");
  v1::CreateCompanyRequest company_request;
  *company_request.mutable_company() = SampleCompany("c-1");
  const std::vector<std::string> seeds = {offer_request.SerializeAsString(),
                                          candidate_request.SerializeAsString(),
                                          company_request.SerializeAsString(), ""};
  std::mt19937 random(20250101);
  std::set<grpc::StatusCode> codes;
  for (int round = 0; round < 20; ++round) {
    for (const std::string& method : methods) {
      std::string bytes = seeds[random() % seeds.size()];
      if (round % 4 == 0) {
        bytes.resize(random() % 64);
        for (char& c : bytes) c = static_cast<char>(random());
      } else {
        for (int flips = 0; flips < 1 + round % 5 && !bytes.empty(); ++flips) {
          bytes[random() % bytes.size()] = static_cast<char>(random());
        }
      }
      std::string response;
      const grpc::Status status = RawUnaryCall(
          channel_, "/azubimatch.v1.Registry/" + method, bytes, &response);
      codes.insert(status.error_code());
      ASSERT_NE(status.error_code(), grpc::StatusCode::UNAVAILABLE)
          << method << " round " << round;
      ASSERT_NE(status.error_code(), grpc::StatusCode::UNKNOWN) << method;
    }
  }
  EXPECT_TRUE(codes.count(grpc::StatusCode::INVALID_ARGUMENT));
  // Still serving.
  EXPECT_FALSE(CreateCompany("after-garbage").id().empty());
}

TEST(RegistryServerLimitsTest, OversizedRequestsAreRefused) {
  ScopedTempDir dir;
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.data_dir = dir.Sub("data");
  options.max_receive_message_bytes = 64 << 10;
  options.log_requests = false;
  auto server = Server::Open(options);
  ASSERT_TRUE(server.ok());
  ASSERT_TRUE((*server)->Start().ok());
  const MemberKey officer = NewMemberKey(**server, "Limits test", "officer");
  auto stub = v1::Registry::NewStub(AuthorizedChannel((*server)->bound_address(), officer.key));
  v1::CreateCompanyRequest request;
  *request.mutable_company() = SampleCompany();
  request.mutable_company()->set_name(std::string(100 << 10, 'x'));
  v1::Company company;
  grpc::ClientContext context;
  EXPECT_EQ(stub->CreateCompany(&context, request, &company).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
}

TEST_F(RegistryServerTest, HealthServiceReportsServing) {
  // grpc.health.v1.HealthCheckRequest{service = 1}; response HealthCheckResponse{status
  // = 1}, SERVING = 1 -> bytes 08 01.
  std::string response;
  ASSERT_TRUE(RawUnaryCall(channel_, "/grpc.health.v1.Health/Check", "", &response).ok());
  EXPECT_EQ(response, std::string("\x08\x01", 2));
  const std::string service = "azubimatch.v1.Registry";
  response.clear();
  ASSERT_TRUE(RawUnaryCall(channel_, "/grpc.health.v1.Health/Check",
                           std::string("\x0a") + static_cast<char>(service.size()) + service,
                           &response)
                  .ok());
  EXPECT_EQ(response, std::string("\x08\x01", 2));
}

TEST_F(RegistryServerTest, ReflectionListsTheRegistry) {
  grpc::GenericStub stub(channel_);
  grpc::CompletionQueue cq;
  grpc::ClientContext context;
  auto call = stub.PrepareCall(
      &context, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  void* tag = nullptr;
  bool ok = false;
  auto step = [&](intptr_t expected) {
    ASSERT_TRUE(cq.Next(&tag, &ok));
    EXPECT_EQ(reinterpret_cast<intptr_t>(tag), expected);
    EXPECT_TRUE(ok);
  };
  call->StartCall(reinterpret_cast<void*>(1));
  step(1);
  // ServerReflectionRequest{list_services = 7: ""}.
  grpc::Slice slice(std::string("\x3a\x00", 2));
  grpc::ByteBuffer request(&slice, 1);
  call->Write(request, reinterpret_cast<void*>(2));
  step(2);
  grpc::ByteBuffer response;
  call->Read(&response, reinterpret_cast<void*>(3));
  step(3);
  call->WritesDone(reinterpret_cast<void*>(4));
  step(4);
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(5));
  step(5);
  EXPECT_TRUE(status.ok()) << status.error_message();
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(response.Dump(&slices).ok());
  std::string bytes;
  for (const grpc::Slice& s : slices) {
    bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  EXPECT_THAT(bytes, HasSubstr("azubimatch.v1.Registry"));
  EXPECT_THAT(bytes, HasSubstr("grpc.health.v1.Health"));
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
}

// Notifies once the server has received `expected` messages of Registry.Import.
class ImportArrivals final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit ImportArrivals(int expected) : expected_(expected) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    if (std::string(info->method()) != "/azubimatch.v1.Registry/Import") return nullptr;
    return new Counter(this);
  }

  absl::Notification& arrived() { return arrived_; }

 private:
  class Counter final : public grpc::experimental::Interceptor {
   public:
    explicit Counter(ImportArrivals* owner) : owner_(owner) {}
    void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
      if (methods->QueryInterceptionHookPoint(
              grpc::experimental::InterceptionHookPoints::POST_RECV_MESSAGE) &&
          methods->GetRecvMessage() != nullptr &&
          owner_->received_.fetch_add(1) + 1 == owner_->expected_) {
        owner_->arrived_.Notify();
      }
      methods->Proceed();
    }

   private:
    ImportArrivals* const owner_;
  };

  const int expected_;
  std::atomic<int> received_{0};
  absl::Notification arrived_;
};

TEST_F(RegistryServerTest, ShutdownDrainsAnImportInFlight) {
  constexpr int kRecords = 10;
  ImportArrivals* arrivals = nullptr;
  before_start_ = [&](Server& server) {
    auto factory = std::make_unique<ImportArrivals>(kRecords);
    arrivals = factory.get();
    server.AddInterceptor(std::move(factory));
  };
  RestartServer();
  ASSERT_NE(arrivals, nullptr);

  grpc::ClientContext context;
  v1::ImportResponse response;
  auto writer = stub_->Import(&context, &response);
  for (int i = 0; i < kRecords; ++i) {
    v1::ImportRequest request;
    *request.mutable_candidate() = SampleCandidate("drain-" + std::to_string(i));
    ASSERT_TRUE(writer->Write(request));
  }
  // The server is reading the import's stream...
  arrivals->arrived().WaitForNotification();
  // ... when shutdown begins; it must wait for the call.
  std::thread shutdown([this] { server_->Shutdown(absl::Seconds(60)); });
  // Shutdown has begun once the server refuses new calls (it answers on the open
  // connection that it takes no more).
  for (;;) {
    std::string ignored;
    grpc::Status probe = RawUnaryCall(channel_, "/grpc.health.v1.Health/Check", "", &ignored);
    if (!probe.ok()) break;
  }
  ASSERT_TRUE(writer->WritesDone());
  const grpc::Status status = writer->Finish();
  shutdown.join();
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.received(), kRecords);
  EXPECT_EQ(response.created(), kRecords);

  // New calls are refused once the server is down.
  grpc::ClientContext late;
  late.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  v1::ListCandidatesResponse listed;
  EXPECT_FALSE(stub_->ListCandidates(&late, v1::ListRecordsRequest(), &listed).ok());
}

}  // namespace
}  // namespace azubimatch::service

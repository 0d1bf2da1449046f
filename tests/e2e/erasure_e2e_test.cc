// Erasure leaves no trace, end to end: a real server (matchd's Server: RocksDB store,
// Registry, gRPC on 127.0.0.1:0) with the Matching and DataProtection services. A
// candidate with a unique marker in its display name and external id is created
// through the Registry, an Assign run places it and the placement is accepted (so a
// stored run, its listing summary, a placement and its indexes name it), it is
// exported, then erased through the API. Before the
// erasure the marker and the id are found in the data folder (so the test can fail);
// afterwards neither is in any file's bytes (plain or hex) nor in anything `ldb` and
// `sst_dump` decode.
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "clients/matchctl/run_matchctl.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/server/installed_services.h"
#include "service/server/server.h"
#include "tests/service/data_protection/data_folder_scan.h"
#include "tests/service/data_protection/erasure_fixture.h"
#include "tests/service/registry/sample_records.h"
#include "tests/service/server/authorized_channel.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::IsEmpty;
using ::testing::Not;

class ErasureEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.data_dir = data_dir_;
    options.log_requests = false;
    auto server = Server::Open(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    // matchd's own wiring: Matching and DataProtection beside Registry and Admin.
    for (const ServiceInstaller& install : InstalledServices()) {
      ASSERT_TRUE(install(*server_).ok());
    }
    ASSERT_TRUE(server_->Start().ok());
    officer_ = NewMemberKey(*server_, "Erasure test", "officer");
    auto channel = AuthorizedChannel(server_->bound_address(), officer_.key);
    registry_ = v1::Registry::NewStub(channel);
    matching_ = v1::Matching::NewStub(channel);
    data_protection_ = v1::DataProtection::NewStub(channel);
  }

  // Runs matchctl against the server; its exit code, with its standard output in *out.
  int Matchctl(std::vector<std::string> args, std::string* out) {
    args.insert(args.begin(),
                {"--server", server_->bound_address(), "--api-key", officer_.key});
    std::istringstream in;
    std::ostringstream output;
    std::ostringstream errors;
    matchctl::MatchctlIo io;
    io.in = &in;
    io.out = &output;
    io.err = &errors;
    const int code = matchctl::RunMatchctl(args, io);
    *out = output.str() + errors.str();
    return code;
  }

  void StopServer() {
    server_->Shutdown(absl::Seconds(5));
    server_->Wait();
    server_.reset();
  }

  ScopedTempDir dir_;
  const std::string data_dir_ = dir_.Sub("data");
  std::unique_ptr<Server> server_;
  MemberKey officer_;
  std::unique_ptr<v1::Registry::Stub> registry_;
  std::unique_ptr<v1::Matching::Stub> matching_;
  std::unique_ptr<v1::DataProtection::Stub> data_protection_;
};

TEST_F(ErasureEndToEndTest, ErasedCandidateIsInNoFileOfTheDataFolder) {
  const std::string marker = UniqueMarker("e2e-marker-");
  // Records through the API.
  grpc::ClientContext company_call;
  v1::CreateCompanyRequest company_request;
  *company_request.mutable_company() = SampleCompany();
  v1::Company company;
  ASSERT_TRUE(registry_->CreateCompany(&company_call, company_request, &company).ok());
  grpc::ClientContext offer_call;
  v1::CreateOfferRequest offer_request;
  *offer_request.mutable_offer() = SampleOffer(company.id());
  v1::TrainingOffer offer;
  ASSERT_TRUE(registry_->CreateOffer(&offer_call, offer_request, &offer).ok());
  grpc::ClientContext candidate_call;
  v1::CreateCandidateRequest candidate_request;
  *candidate_request.mutable_candidate() = SampleCandidate(marker);
  candidate_request.mutable_candidate()->set_display_name("Name " + marker);
  v1::Candidate candidate;
  ASSERT_TRUE(
      registry_->CreateCandidate(&candidate_call, candidate_request, &candidate).ok());

  // An assignment run that places the candidate, and the placement accepted.
  grpc::ClientContext assign_call;
  v1::AssignRequest assign_request;
  assign_request.set_mode(v1::ASSIGN_MODE_OPTIMAL);
  std::unique_ptr<grpc::ClientReader<v1::AssignEvent>> events =
      matching_->Assign(&assign_call, assign_request);
  v1::AssignEvent event;
  v1::Run run;
  while (events->Read(&event)) {
    if (event.has_run()) run = event.run();
  }
  const grpc::Status assign_status = events->Finish();
  ASSERT_TRUE(assign_status.ok()) << assign_status.error_message();
  ASSERT_EQ(run.placements_size(), 1);
  ASSERT_EQ(run.placements(0).candidate_id(), candidate.id());
  grpc::ClientContext accept_call;
  v1::AcceptPlacementRequest accept_request;
  accept_request.set_candidate_id(candidate.id());
  accept_request.set_offer_id(offer.id());
  accept_request.set_run_id(run.id());
  v1::Placement placement;
  const grpc::Status accept_status =
      matching_->AcceptPlacement(&accept_call, accept_request, &placement);
  ASSERT_TRUE(accept_status.ok()) << accept_status.error_message();

  grpc::ClientContext export_call;
  v1::ExportCandidateRequest export_request;
  export_request.set_id(candidate.id());
  v1::CandidateExport exported;
  const grpc::Status export_status =
      data_protection_->ExportCandidate(&export_call, export_request, &exported);
  ASSERT_TRUE(export_status.ok()) << export_status.error_message();
  EXPECT_EQ(exported.candidate().external_id(), marker);
  ASSERT_EQ(exported.proposals_size(), 1);
  EXPECT_EQ(exported.proposals(0).offer_id(), offer.id());
  ASSERT_EQ(exported.placements_size(), 1);
  EXPECT_EQ(exported.placements(0).id(), placement.id());

  ASSERT_THAT(FilesContaining(data_dir_, marker), Not(IsEmpty()));
  ASSERT_THAT(FilesContaining(data_dir_, candidate.id()), Not(IsEmpty()));

  grpc::ClientContext erase_call;
  v1::EraseCandidateRequest erase_request;
  erase_request.set_id(candidate.id());
  v1::EraseCandidateResponse erased;
  const grpc::Status erase_status =
      data_protection_->EraseCandidate(&erase_call, erase_request, &erased);
  ASSERT_TRUE(erase_status.ok()) << erase_status.error_message();
  EXPECT_EQ(erased.runs_rewritten(), 1);
  EXPECT_EQ(erased.placements_removed(), 1);

  // The run still lists its placement, under the pseudonym; the seat is free again.
  grpc::ClientContext run_call;
  v1::GetRunRequest run_request;
  run_request.set_id(run.id());
  v1::Run rewritten;
  const grpc::Status run_status = matching_->GetRun(&run_call, run_request, &rewritten);
  ASSERT_TRUE(run_status.ok()) << run_status.error_message();
  ASSERT_EQ(rewritten.placements_size(), 1);
  EXPECT_EQ(rewritten.placements(0).candidate_id(), erased.pseudonym());
  grpc::ClientContext offer_get_call;
  v1::GetRecordRequest offer_get_request;
  offer_get_request.set_id(offer.id());
  v1::TrainingOffer offer_after;
  ASSERT_TRUE(registry_->GetOffer(&offer_get_call, offer_get_request, &offer_after).ok());
  EXPECT_EQ(offer_after.seats_taken(), 0);

  grpc::ClientContext get_call;
  v1::GetRecordRequest get_request;
  get_request.set_id(candidate.id());
  v1::Candidate gone;
  EXPECT_EQ(registry_->GetCandidate(&get_call, get_request, &gone).error_code(),
            grpc::StatusCode::NOT_FOUND);

  StopServer();
  EXPECT_THAT(FilesContaining(data_dir_, marker), IsEmpty());
  EXPECT_THAT(FilesContaining(data_dir_, candidate.id()), IsEmpty());
  const std::string decoded = DecodedByRocksDbTools(data_dir_);
  EXPECT_THAT(FormsIn(decoded, marker), IsEmpty());
  EXPECT_THAT(FormsIn(decoded, candidate.id()), IsEmpty());
  if (RocksDbToolsInstalled()) {
    // The tools did decode the store: the offer and the pseudonymized run are there.
    EXPECT_THAT(FormsIn(decoded, offer.id()), Not(IsEmpty()));
    EXPECT_THAT(FormsIn(decoded, erased.pseudonym()), Not(IsEmpty()));
  }
}

TEST_F(ErasureEndToEndTest, MatchctlExportsAndErasesACandidate) {
  const std::string marker = UniqueMarker("ctl-marker-");
  grpc::ClientContext candidate_call;
  v1::CreateCandidateRequest candidate_request;
  *candidate_request.mutable_candidate() = SampleCandidate(marker);
  v1::Candidate candidate;
  ASSERT_TRUE(
      registry_->CreateCandidate(&candidate_call, candidate_request, &candidate).ok());

  std::string out;
  ASSERT_EQ(Matchctl({"export", "candidate", candidate.id(), "--json"}, &out), 0) << out;
  EXPECT_THAT(out,
              ::testing::HasSubstr(absl::StrCat("\"external_id\":\"", marker, "\"")));
  EXPECT_THAT(out, ::testing::HasSubstr("\"placements\":[]"));

  ASSERT_EQ(Matchctl({"erase", "candidate", candidate.id(), "--json"}, &out), 0) << out;
  EXPECT_THAT(out, ::testing::HasSubstr(
                       absl::StrCat("{\"id\":\"", candidate.id(),
                                    "\",\"erased\":true,\"pseudonym\":\"erased-")));
  EXPECT_EQ(Matchctl({"get", "candidate", candidate.id()}, &out), 1) << out;
  EXPECT_EQ(Matchctl({"export", "candidate", candidate.id()}, &out), 1) << out;
  EXPECT_THAT(out, ::testing::HasSubstr("NOT_FOUND"));
  EXPECT_EQ(Matchctl({"erase", "company", candidate.id()}, &out), 2) << out;
}

}  // namespace
}  // namespace azubimatch::service

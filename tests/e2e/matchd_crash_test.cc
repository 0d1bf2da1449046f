// Durability of acknowledged writes across kill -9: the real matchd binary runs on a
// temporary data folder while client threads create candidates (unary
// CreateCandidate) and import them (streaming Import); at a random moment matchd gets
// SIGKILL. After every restart the store must open (matchd listens again) and every
// write the server acknowledged before the kill must be there, with the content that
// was sent. 100 rounds.
//
// The figures (rounds, acknowledged writes, time) are printed at the end. When matchd
// requires API keys (it then writes <data>/admin.key before listening), the test
// creates a member and an officer key with the admin key and writes as that officer.
#include <atomic>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/support/test_seed.h"
#include "tests/e2e/matchd_process.h"
#include "tests/service/registry/sample_records.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

constexpr int kRounds = 100;
constexpr int kImportChunk = 20;
// Kill delay after matchd listens and the writers start, uniform in this range.
constexpr int kMinKillDelayMs = 0;
constexpr int kMaxKillDelayMs = 60;

// Every acknowledged write: record id -> display name sent.
class AckedWrites {
 public:
  void Add(const std::string& id, const std::string& display_name) {
    absl::MutexLock lock(&mu_);
    acked_[id] = display_name;
  }
  std::map<std::string, std::string> Snapshot() const {
    absl::MutexLock lock(&mu_);
    return acked_;
  }

 private:
  mutable absl::Mutex mu_;
  std::map<std::string, std::string> acked_;
};

class Client {
 public:
  Client(std::shared_ptr<grpc::Channel> channel, std::string key)
      : registry_(v1::Registry::NewStub(channel)),
        admin_(v1::Admin::NewStub(channel)),
        key_(std::move(key)) {}

  void Prepare(grpc::ClientContext* context,
               absl::Duration timeout = absl::Seconds(5)) const {
    context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
    if (!key_.empty()) context->AddMetadata("authorization", "Bearer " + key_);
  }

  v1::Registry::Stub& registry() { return *registry_; }
  v1::Admin::Stub& admin() { return *admin_; }

 private:
  std::unique_ptr<v1::Registry::Stub> registry_;
  std::unique_ptr<v1::Admin::Stub> admin_;
  const std::string key_;
};

// Creates candidates one by one until a call fails.
void CreateUntilFailure(Client& client, const std::string& tag, AckedWrites* acked) {
  for (int n = 0;; ++n) {
    v1::CreateCandidateRequest request;
    *request.mutable_candidate() = SampleCandidate();
    const std::string name = absl::StrCat("create ", tag, " ", n);
    request.mutable_candidate()->set_display_name(name);
    grpc::ClientContext context;
    client.Prepare(&context);
    v1::Candidate created;
    if (!client.registry().CreateCandidate(&context, request, &created).ok()) return;
    acked->Add(created.id(), name);
  }
}

// Imports chunks of candidates until a stream fails.
void ImportUntilFailure(Client& client, const std::string& tag, AckedWrites* acked) {
  for (int chunk = 0;; ++chunk) {
    grpc::ClientContext context;
    client.Prepare(&context);
    v1::ImportResponse response;
    std::unique_ptr<grpc::ClientWriter<v1::ImportRequest>> writer =
        client.registry().Import(&context, &response);
    std::vector<std::string> names;
    for (int i = 0; i < kImportChunk; ++i) {
      v1::ImportRequest request;
      const std::string external_id = absl::StrCat("imp-", tag, "-", chunk, "-", i);
      *request.mutable_candidate() = SampleCandidate(external_id);
      names.push_back("import " + external_id);
      request.mutable_candidate()->set_display_name(names.back());
      if (!writer->Write(request)) break;
    }
    writer->WritesDone();
    if (!writer->Finish().ok()) return;
    for (int i = 0; i < response.ids_size() && i < static_cast<int>(names.size()); ++i) {
      if (!response.ids(i).empty()) acked->Add(response.ids(i), names[i]);
    }
  }
}

// Every stored candidate: id -> display name. Fails the test when listing fails.
std::map<std::string, std::string> StoredCandidates(Client& client) {
  std::map<std::string, std::string> stored;
  std::string token;
  do {
    v1::ListRecordsRequest request;
    request.set_page_size(1000);
    request.set_page_token(token);
    grpc::ClientContext context;
    client.Prepare(&context, absl::Seconds(30));
    v1::ListCandidatesResponse response;
    const grpc::Status status =
        client.registry().ListCandidates(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (!status.ok()) break;
    for (const v1::Candidate& candidate : response.candidates()) {
      stored[candidate.id()] = candidate.display_name();
    }
    token = response.next_page_token();
  } while (!token.empty());
  return stored;
}

// The acknowledged writes missing from (or changed in) `stored`, as text.
std::vector<std::string> Lost(const std::map<std::string, std::string>& acked,
                              const std::map<std::string, std::string>& stored) {
  std::vector<std::string> lost;
  for (const auto& [id, name] : acked) {
    auto it = stored.find(id);
    if (it == stored.end()) {
      lost.push_back(absl::StrCat(id, " (", name, ") missing"));
    } else if (it->second != name) {
      lost.push_back(
          absl::StrCat(id, " holds \"", it->second, "\" instead of \"", name, "\""));
    }
  }
  return lost;
}

TEST(MatchdCrashTest, AcknowledgedWritesSurviveSigkillAtRandomMoments) {
  ScopedTempDir dir;
  const std::string data_dir = dir.Sub("data");
  MatchdProcess matchd(AZM_MATCHD_PATH, data_dir, dir.Sub("matchd.log"));
  const uint32_t seed = testing_support::TestSeed();
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> kill_delay(kMinKillDelayMs, kMaxKillDelayMs);
  AckedWrites acked;
  std::string writer_key;
  const absl::Time start = absl::Now();
  size_t checked = 0;

  for (int round = 0; round <= kRounds; ++round) {
    const absl::Status started = matchd.Start();
    ASSERT_TRUE(started.ok()) << "round " << round << " (seed " << seed
                              << "): the store did not open again: " << started;
    if (round == 0 && !matchd.AdminKey().empty()) {
      absl::StatusOr<std::string> key =
          CreateOfficerKey(matchd.Channel(), matchd.AdminKey(), "Crash test member");
      ASSERT_TRUE(key.ok()) << key.status();
      writer_key = *std::move(key);
    }
    Client client(matchd.Channel(), writer_key);
    const std::map<std::string, std::string> expected = acked.Snapshot();
    const std::vector<std::string> lost = Lost(expected, StoredCandidates(client));
    ASSERT_TRUE(lost.empty()) << "round " << round << " (seed " << seed
                              << "): " << lost.size()
                              << " acknowledged writes lost, first: " << lost.front();
    checked = expected.size();
    if (round == kRounds) break;

    const std::string tag = absl::StrCat(round);
    std::thread creator([&] {
      Client own(matchd.Channel(), writer_key);
      CreateUntilFailure(own, tag, &acked);
    });
    std::thread importer([&] {
      Client own(matchd.Channel(), writer_key);
      ImportUntilFailure(own, tag, &acked);
    });
    absl::SleepFor(absl::Milliseconds(kill_delay(random)));
    matchd.Kill();
    creator.join();
    importer.join();
  }
  matchd.Stop();
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::cout << "matchd crash test: " << kRounds << " SIGKILL rounds, " << checked
            << " acknowledged writes checked after every restart, " << seconds
            << " s, seed " << seed << std::endl;
  RecordProperty("rounds", kRounds);
  RecordProperty("acknowledged_writes", static_cast<int>(checked));
  // With no acknowledged write at all the test would prove nothing.
  EXPECT_GT(checked, 0u);
}

}  // namespace
}  // namespace azubimatch::service

// suggest_load's flags (--rpc and its shorthand) and a short load run of every call
// against an in-process matchd, so that each call path of the load generator is known
// to work before anyone reads its figures.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "bench/matching_load/cohort_import.h"
#include "bench/matching_load/in_process_server.h"
#include "bench/matching_load/load_channel.h"
#include "bench/matching_load/suggest_load_flags.h"
#include "bench/matching_load/suggest_load_run.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::bench {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

absl::StatusOr<SuggestLoadFlags> Parse(std::vector<std::string> args) {
  return ParseSuggestLoadFlags(args);
}

TEST(SuggestLoadFlagsTest, LoadsSuggestOffersUnlessToldOtherwise) {
  absl::StatusOr<SuggestLoadFlags> flags = Parse({});
  ASSERT_TRUE(flags.ok()) << flags.status();
  EXPECT_THAT(flags->rpcs, ElementsAre(LoadRpc::kSuggestOffers));
}

TEST(SuggestLoadFlagsTest, RpcListKeepsItsOrderAndByOfferIsItsShorthand) {
  absl::StatusOr<SuggestLoadFlags> flags =
      Parse({"--rpc", "health,get-candidate,suggest-offers,suggest-candidates"});
  ASSERT_TRUE(flags.ok()) << flags.status();
  EXPECT_THAT(flags->rpcs, ElementsAre(LoadRpc::kHealth, LoadRpc::kGetCandidate,
                                       LoadRpc::kSuggestOffers, LoadRpc::kSuggestCandidates));
  flags = Parse({"--by_offer"});
  ASSERT_TRUE(flags.ok()) << flags.status();
  EXPECT_THAT(flags->rpcs, ElementsAre(LoadRpc::kSuggestCandidates));
}

TEST(SuggestLoadFlagsTest, RefusalsNameTheFlag) {
  absl::StatusOr<SuggestLoadFlags> flags = Parse({"--rpc=health,suggest"});
  ASSERT_FALSE(flags.ok());
  EXPECT_THAT(flags.status().message(), HasSubstr("--rpc: unknown call \"suggest\""));
  flags = Parse({"--rpc", "health", "--by-offer"});
  ASSERT_FALSE(flags.ok());
  EXPECT_THAT(flags.status().message(), HasSubstr("--by-offer: not with --rpc"));
  flags = Parse({"--rpc", "health", "--assign"});
  ASSERT_FALSE(flags.ok());
  EXPECT_THAT(flags.status().message(), HasSubstr("--rpc: not with --assign"));
}

TEST(SuggestLoadFlagsTest, NamesRoundTrip) {
  for (LoadRpc rpc : {LoadRpc::kHealth, LoadRpc::kGetCandidate, LoadRpc::kSuggestOffers,
                      LoadRpc::kSuggestCandidates}) {
    EXPECT_EQ(ParseLoadRpc(LoadRpcName(rpc)), rpc) << LoadRpcName(rpc);
  }
  EXPECT_EQ(ParseLoadRpc("Health"), std::nullopt);
}

// Every call against a real server: calls are made and none fails. (No figure is
// asserted: speed is measured by running suggest_load, not here.)
TEST(SuggestLoadRunTest, EveryCallRunsWithoutErrorsAgainstAnInProcessServer) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("suggest_load_test." + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  absl::StatusOr<InProcessServer> server = StartInProcessServer(dir.string());
  ASSERT_TRUE(server.ok()) << server.status();
  CohortImportOptions import;
  import.cohort.offers = 40;
  import.cohort.candidates = 40;
  import.cohort.seed = 7;
  absl::StatusOr<ImportedCohort> cohort =
      ImportDemoCohort(NewLoadChannel(server->address), server->api_key, import);
  ASSERT_TRUE(cohort.ok()) << cohort.status();
  ASSERT_FALSE(cohort->candidate_ids.empty());
  ASSERT_FALSE(cohort->offer_ids.empty());

  for (LoadRpc rpc : {LoadRpc::kHealth, LoadRpc::kGetCandidate, LoadRpc::kSuggestOffers,
                      LoadRpc::kSuggestCandidates}) {
    SuggestLoadOptions options;
    options.address = server->address;
    options.api_key = server->api_key;
    options.clients = 2;
    options.warmup = absl::ZeroDuration();
    options.duration = absl::Milliseconds(200);
    options.rpc = rpc;
    const SuggestLoadResult result = RunSuggestLoad(
        options, TakesOfferIds(rpc) ? cohort->offer_ids : cohort->candidate_ids);
    EXPECT_GT(result.requests, 0) << LoadRpcName(rpc);
    EXPECT_EQ(result.errors, 0) << LoadRpcName(rpc);
  }
  server->server->Shutdown(absl::Seconds(5));
  server->server.reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace azubimatch::bench

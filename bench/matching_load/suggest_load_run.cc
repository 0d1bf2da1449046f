#include "bench/matching_load/suggest_load_run.h"

#include <random>
#include <thread>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "bench/matching_load/load_channel.h"
#include "bench/matching_load/process_cpu_time.h"

namespace azubimatch::bench {
namespace {

struct ClientTally {
  std::vector<int64_t> latencies_us;
  std::map<std::string, int64_t> errors_by_code;
  int64_t ok = 0;
  int64_t suggestions = 0;
  int64_t considered = 0;
};

void RunClient(const SuggestLoadOptions& options, const std::vector<std::string>& ids,
               int index, absl::Time measure_from, absl::Time measure_to,
               ClientTally* tally) {
  std::unique_ptr<v1::Matching::Stub> stub =
      v1::Matching::NewStub(NewLoadChannel(options.address));
  std::mt19937_64 random(options.seed + static_cast<uint64_t>(index));
  std::uniform_int_distribution<size_t> pick(0, ids.size() - 1);
  v1::SuggestOffersRequest by_candidate;
  by_candidate.set_k(options.k);
  v1::SuggestCandidatesRequest by_offer;
  by_offer.set_k(options.k);
  // Reused: parsing into it reuses the messages and strings of the previous answer, so
  // that the client threads, which share the cores with the server, take less of them.
  v1::SuggestionsResponse response;
  for (;;) {
    const std::string& id = ids[pick(random)];
    grpc::ClientContext context;
    AddBearer(options.api_key, &context);
    const absl::Time start = absl::Now();
    if (start >= measure_to) return;
    grpc::Status status;
    if (options.by_offer) {
      by_offer.set_offer_id(id);
      status = stub->SuggestCandidates(&context, by_offer, &response);
    } else {
      by_candidate.set_candidate_id(id);
      status = stub->SuggestOffers(&context, by_candidate, &response);
    }
    const absl::Time end = absl::Now();
    if (start < measure_from) continue;
    tally->latencies_us.push_back(absl::ToInt64Microseconds(end - start));
    if (status.ok()) {
      ++tally->ok;
      tally->suggestions += response.suggestions_size();
      tally->considered += response.considered();
    } else {
      ++tally->errors_by_code[absl::StatusCodeToString(
          static_cast<absl::StatusCode>(status.error_code()))];
    }
  }
}

}  // namespace

SuggestLoadResult RunSuggestLoad(const SuggestLoadOptions& options,
                                 const std::vector<std::string>& ids) {
  std::vector<ClientTally> tallies(options.clients);
  const absl::Time measure_from = absl::Now() + options.warmup;
  const absl::Time measure_to = measure_from + options.duration;
  std::vector<std::thread> threads;
  threads.reserve(options.clients);
  for (int i = 0; i < options.clients; ++i) {
    threads.emplace_back(RunClient, std::cref(options), std::cref(ids), i,
                         measure_from, measure_to, &tallies[i]);
  }
  // The CPU time of the window, read from the main thread as it opens and closes.
  absl::SleepFor(measure_from - absl::Now());
  const double cpu_from = ProcessCpuSeconds();
  absl::SleepFor(measure_to - absl::Now());
  const double cpu_to = ProcessCpuSeconds();
  for (std::thread& thread : threads) thread.join();

  SuggestLoadResult result;
  result.cpu_seconds = cpu_to - cpu_from;
  result.seconds = absl::ToDoubleSeconds(options.duration);
  std::vector<int64_t> latencies;
  int64_t ok = 0, suggestions = 0, considered = 0;
  for (const ClientTally& tally : tallies) {
    latencies.insert(latencies.end(), tally.latencies_us.begin(),
                     tally.latencies_us.end());
    for (const auto& [code, count] : tally.errors_by_code) {
      result.errors_by_code[code] += count;
      result.errors += count;
    }
    ok += tally.ok;
    suggestions += tally.suggestions;
    considered += tally.considered;
  }
  result.requests = static_cast<int64_t>(latencies.size());
  if (ok > 0) {
    result.mean_suggestions = static_cast<double>(suggestions) / static_cast<double>(ok);
    result.mean_considered = static_cast<double>(considered) / static_cast<double>(ok);
  }
  result.latency = SummarizeLatencies(std::move(latencies));
  return result;
}

}  // namespace azubimatch::bench

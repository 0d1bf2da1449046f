#include "bench/matching_load/suggest_load_run.h"

#include <random>
#include <thread>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "grpcpp/impl/codegen/client_unary_call.h"
#include "grpcpp/impl/codegen/rpc_method.h"
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

// The health check as generated stubs make their calls (blocking unary call, no key),
// with the request and answer as bytes: grpc.health.v1 has no generated code here.
class HealthCall {
 public:
  explicit HealthCall(std::shared_ptr<grpc::Channel> channel)
      : channel_(std::move(channel)),
        method_("/grpc.health.v1.Health/Check", grpc::internal::RpcMethod::NORMAL_RPC,
                channel_) {
    grpc::Slice empty("");
    empty_request_ = grpc::ByteBuffer(&empty, 1);  // a buffer without slices is no message
  }

  grpc::Status Check(grpc::ClientContext* context) {
    grpc::ByteBuffer response;
    return grpc::internal::BlockingUnaryCall<grpc::ByteBuffer, grpc::ByteBuffer,
                                             grpc::ByteBuffer, grpc::ByteBuffer>(
        channel_.get(), method_, context, empty_request_, &response);
  }

 private:
  std::shared_ptr<grpc::Channel> channel_;
  grpc::internal::RpcMethod method_;
  grpc::ByteBuffer empty_request_;  // HealthCheckRequest{} is zero bytes
};

void RunClient(const SuggestLoadOptions& options, const std::vector<std::string>& ids,
               int index, absl::Time measure_from, absl::Time measure_to,
               ClientTally* tally) {
  const std::shared_ptr<grpc::Channel> channel = NewLoadChannel(options.address);
  std::unique_ptr<v1::Matching::Stub> matching = v1::Matching::NewStub(channel);
  std::unique_ptr<v1::Registry::Stub> registry = v1::Registry::NewStub(channel);
  HealthCall health(channel);
  std::mt19937_64 random(options.seed + static_cast<uint64_t>(index));
  std::uniform_int_distribution<size_t> pick(0, ids.size() - 1);
  v1::SuggestOffersRequest by_candidate;
  by_candidate.set_k(options.k);
  v1::SuggestCandidatesRequest by_offer;
  by_offer.set_k(options.k);
  v1::GetRecordRequest get_candidate;
  // Reused: parsing into them reuses the messages and strings of the previous answer,
  // so that the client threads, which share the cores with the server, take less of them.
  v1::SuggestionsResponse response;
  v1::Candidate candidate;
  for (;;) {
    const std::string& id = ids[pick(random)];
    grpc::ClientContext context;
    if (options.rpc != LoadRpc::kHealth) AddBearer(options.api_key, &context);
    const absl::Time start = absl::Now();
    if (start >= measure_to) return;
    grpc::Status status;
    bool suggested = false;
    switch (options.rpc) {
      case LoadRpc::kHealth:
        status = health.Check(&context);
        break;
      case LoadRpc::kGetCandidate:
        get_candidate.set_id(id);
        status = registry->GetCandidate(&context, get_candidate, &candidate);
        break;
      case LoadRpc::kSuggestOffers:
        by_candidate.set_candidate_id(id);
        status = matching->SuggestOffers(&context, by_candidate, &response);
        suggested = true;
        break;
      case LoadRpc::kSuggestCandidates:
        by_offer.set_offer_id(id);
        status = matching->SuggestCandidates(&context, by_offer, &response);
        suggested = true;
        break;
    }
    const absl::Time end = absl::Now();
    if (start < measure_from) continue;
    tally->latencies_us.push_back(absl::ToInt64Microseconds(end - start));
    if (status.ok()) {
      ++tally->ok;
      if (suggested) {
        tally->suggestions += response.suggestions_size();
        tally->considered += response.considered();
      }
    } else {
      ++tally->errors_by_code[absl::StatusCodeToString(
          static_cast<absl::StatusCode>(status.error_code()))];
    }
  }
}

constexpr std::pair<LoadRpc, std::string_view> kLoadRpcNames[] = {
    {LoadRpc::kHealth, "health"},
    {LoadRpc::kGetCandidate, "get-candidate"},
    {LoadRpc::kSuggestOffers, "suggest-offers"},
    {LoadRpc::kSuggestCandidates, "suggest-candidates"},
};

}  // namespace

std::string_view LoadRpcName(LoadRpc rpc) {
  for (const auto& [value, name] : kLoadRpcNames) {
    if (value == rpc) return name;
  }
  return "unknown";
}

std::optional<LoadRpc> ParseLoadRpc(std::string_view name) {
  for (const auto& [value, known] : kLoadRpcNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

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

// overload_load: drives an in-process matchd far beyond what the machine can do and
// reports how it sheds. Loads a demo cohort through Registry.Import, then --clients
// threads (each with its own connection) call back to back for --seconds: most call
// SuggestOffers for a random candidate, --assign-clients run Assign (optimal) over the
// whole cohort; every 10th call of each client is a health check. Every call has a
// --deadline-seconds deadline. Afterwards one SuggestOffers and one health check show
// whether the server serves at once.
//
// Printed: calls by method and outcome (OK, shed = RESOURCE_EXHAUSTED with RetryInfo,
// RESOURCE_EXHAUSTED without it, anything else by code), latency p50/p99/max of the
// served and of the shed calls, health answers, the server's shed counter, and the
// call after the load. Exit status 1 when a call ended otherwise than OK or shed with
// RetryInfo, or a health check was not SERVING. Bounded: loopback only, stops after
// --seconds (plus the calls in flight, each bounded by its deadline).
//
//   overload_load [--clients 80] [--assign-clients 8] [--max-in-flight 8]
//                 [--seconds 5] [--candidates 3000] [--offers 1000]
//                 [--deadline-seconds 30] [--help]
//
// Flags as every benchmark's (bench/flags/bench_flags.h: CLI11, '-' and '_' alike).
#include <stdlib.h>  // mkdtemp

#include <atomic>
#include <climits>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "azubimatch/v1/admin.pb.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "bench/flags/bench_flags.h"
#include "bench/matching_load/cohort_import.h"
#include "bench/matching_load/latency_summary.h"
#include "bench/matching_load/load_channel.h"
#include "grpcpp/grpcpp.h"
#include "service/http/generic_call.h"
#include "service/registry/retry_info.h"
#include "service/server/installed_services.h"
#include "service/server/server.h"

namespace azubimatch::bench {
namespace {

struct Flags {
  int clients = 80;
  int assign_clients = 8;
  int max_in_flight = 8;
  int seconds = 5;
  int candidates = 3000;
  int offers = 1000;
  int deadline_seconds = 30;
};

constexpr char kAbout[] =
    "Drives an in-process matchd far beyond what the machine can do and reports how it\n"
    "sheds (calls served and shed by method, p50/p99/max, health answers). Exit status 1\n"
    "when a call ended otherwise than OK or shed with RetryInfo.";

// The flags (bench/flags/bench_flags.h), bound to `flags`.
void DefineFlags(CLI::App& app, Flags& flags) {
  PrepareFlagApp(app);
  const struct {
    const char* name;
    int* value;
    const char* help;
  } ints[] = {
      {"--clients", &flags.clients, "client threads, one connection each (default 80)"},
      {"--assign-clients", &flags.assign_clients,
       "of them, clients that call Assign (optimal) (default 8)"},
      {"--max-in-flight", &flags.max_in_flight, "the server's bound on calls in flight (default 8)"},
      {"--seconds", &flags.seconds, "seconds of load (default 5)"},
      {"--candidates", &flags.candidates, "candidates to load (default 3000)"},
      {"--offers", &flags.offers, "training offers to load (default 1000)"},
      {"--deadline-seconds", &flags.deadline_seconds, "deadline of every call (default 30)"}};
  for (const auto& [name, value, help] : ints) {
    app.add_option(name, *value, help)->type_name("N")->check(IntIn(0, INT_MAX));
  }
}

// What happened to the calls of one method.
struct Outcomes {
  std::vector<int64_t> served_us;
  std::vector<int64_t> shed_us;
  int64_t exhausted_without_retry_info = 0;
  std::map<int, int64_t> other_codes;
  void Merge(const Outcomes& o) {
    served_us.insert(served_us.end(), o.served_us.begin(), o.served_us.end());
    shed_us.insert(shed_us.end(), o.shed_us.begin(), o.shed_us.end());
    exhausted_without_retry_info += o.exhausted_without_retry_info;
    for (const auto& [code, n] : o.other_codes) other_codes[code] += n;
  }
  void Note(const grpc::Status& status, int64_t us) {
    if (status.ok()) {
      served_us.push_back(us);
    } else if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
      if (service::RetryDelayOf(status).has_value()) {
        shed_us.push_back(us);
      } else {
        ++exhausted_without_retry_info;
      }
    } else {
      ++other_codes[status.error_code()];
    }
  }
};

struct ClientResult {
  Outcomes suggest, assign, health;
  int64_t health_not_serving = 0;
};

void Print(const std::string& method, const Outcomes& o, double seconds) {
  const LatencySummary served = SummarizeLatencies(o.served_us);
  const LatencySummary shed = SummarizeLatencies(o.shed_us);
  std::printf("%-14s served %7lld (%7.1f/s)  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms\n",
              method.c_str(), static_cast<long long>(served.count),
              served.count / seconds, served.p50_us / 1e3, served.p99_us / 1e3,
              served.max_us / 1e3);
  std::printf("%-14s shed   %7lld (%7.1f/s)  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms\n",
              "", static_cast<long long>(shed.count), shed.count / seconds,
              shed.p50_us / 1e3, shed.p99_us / 1e3, shed.max_us / 1e3);
  if (o.exhausted_without_retry_info > 0) {
    std::printf("%-14s RESOURCE_EXHAUSTED without RetryInfo: %lld\n", "",
                static_cast<long long>(o.exhausted_without_retry_info));
  }
  for (const auto& [code, n] : o.other_codes) {
    std::printf("%-14s code %d: %lld\n", "", code, static_cast<long long>(n));
  }
}

// grpc.health.v1.Health/Check for "" (no key); true when SERVING (answer bytes 08 01).
grpc::Status HealthCheck(const std::shared_ptr<grpc::Channel>& channel,
                         absl::Duration deadline, bool* serving) {
  std::string response;
  const grpc::Status status = service::http::UnaryGenericCall(
      channel, "/grpc.health.v1.Health/Check", {}, "", deadline, &response);
  *serving = status.ok() && response == std::string("\x08\x01", 2);
  return status;
}

int Run(const Flags& flags) {
  std::string folder =
      (std::filesystem::temp_directory_path() / "overload_load.XXXXXX").string();
  if (mkdtemp(folder.data()) == nullptr) return 2;
  struct Cleanup {
    std::string path;
    ~Cleanup() { std::filesystem::remove_all(path); }
  } cleanup{folder};

  service::ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.data_dir = folder + "/data";
  options.sync_writes = false;
  options.log_requests = false;
  options.access.rate_limit.requests_per_second = 0;  // one key carries the whole load
  options.in_flight.max_in_flight = flags.max_in_flight;
  auto server = service::Server::Open(options);
  if (!server.ok()) {
    std::fprintf(stderr, "overload_load: %s\n", server.status().ToString().c_str());
    return 2;
  }
  for (const service::ServiceInstaller& install : service::InstalledServices()) {
    if (absl::Status s = install(**server); !s.ok()) return 2;
  }
  if (absl::Status s = (*server)->Start(); !s.ok()) {
    std::fprintf(stderr, "overload_load: %s\n", s.ToString().c_str());
    return 2;
  }
  auto member = (*server)->access()->members().Create("overload-load");
  v1::CreateApiKeyRequest key_request;
  key_request.set_member_id(member->id());
  key_request.set_role("officer");
  auto key = (*server)->access()->keys().Create(key_request);
  if (!member.ok() || !key.ok()) return 2;
  const std::string address = (*server)->bound_address();

  CohortImportOptions import;
  import.cohort.candidates = flags.candidates;
  import.cohort.offers = flags.offers;
  auto cohort = ImportDemoCohort(NewLoadChannel(address), key->key, import);
  if (!cohort.ok() || cohort->candidate_ids.empty()) {
    std::fprintf(stderr, "overload_load: import failed\n");
    return 2;
  }
  const std::vector<std::string>& candidates = cohort->candidate_ids;

  const absl::Duration deadline = absl::Seconds(flags.deadline_seconds);
  const absl::Time stop = absl::Now() + absl::Seconds(flags.seconds);
  std::vector<ClientResult> results(flags.clients);
  std::vector<std::thread> threads;
  for (int c = 0; c < flags.clients; ++c) {
    threads.emplace_back([&, c] {
      ClientResult& result = results[c];
      std::shared_ptr<grpc::Channel> channel = NewLoadChannel(address);
      auto matching = v1::Matching::NewStub(channel);
      std::mt19937_64 random(c + 1);
      const bool assigner = c < flags.assign_clients;
      for (int i = 0; absl::Now() < stop; ++i) {
        const absl::Time start = absl::Now();
        auto micros = [&] { return absl::ToInt64Microseconds(absl::Now() - start); };
        if (i % 10 == 9) {
          bool serving = false;
          const grpc::Status status = HealthCheck(channel, deadline, &serving);
          result.health.Note(status, micros());
          if (status.ok() && !serving) ++result.health_not_serving;
          continue;
        }
        grpc::ClientContext context;
        AddBearer(key->key, &context);
        context.set_deadline(absl::ToChronoTime(start + deadline));
        if (assigner) {
          v1::AssignRequest request;
          request.set_mode(v1::ASSIGN_MODE_OPTIMAL);
          auto reader = matching->Assign(&context, request);
          v1::AssignEvent event;
          while (reader->Read(&event)) {
          }
          const grpc::Status status = reader->Finish();
          result.assign.Note(status, micros());
        } else {
          v1::SuggestOffersRequest request;
          request.set_candidate_id(candidates[random() % candidates.size()]);
          request.set_k(10);
          v1::SuggestionsResponse response;
          const grpc::Status status =
              matching->SuggestOffers(&context, request, &response);
          result.suggest.Note(status, micros());
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const double seconds = flags.seconds;

  ClientResult total;
  for (const ClientResult& r : results) {
    total.suggest.Merge(r.suggest);
    total.assign.Merge(r.assign);
    total.health.Merge(r.health);
    total.health_not_serving += r.health_not_serving;
  }
  std::printf(
      "overload_load: %d clients (%d Assign), --max-in-flight %d, %d s, %d candidates x "
      "%d offers, %u cores\n",
      flags.clients, flags.assign_clients, flags.max_in_flight, flags.seconds,
      flags.candidates, flags.offers, std::thread::hardware_concurrency());
  Print("SuggestOffers", total.suggest, seconds);
  Print("Assign", total.assign, seconds);
  Print("Health", total.health, seconds);
  std::printf("health not SERVING: %lld; server's shed counter: %lld\n",
              static_cast<long long>(total.health_not_serving),
              static_cast<long long>((*server)->in_flight()->shed()));

  // Right after the load.
  auto matching = v1::Matching::NewStub(NewLoadChannel(address));
  grpc::ClientContext context;
  AddBearer(key->key, &context);
  v1::SuggestOffersRequest request;
  request.set_candidate_id(candidates.front());
  v1::SuggestionsResponse response;
  const absl::Time start = absl::Now();
  const grpc::Status after = matching->SuggestOffers(&context, request, &response);
  std::printf("after the load: SuggestOffers %s in %.2f ms\n",
              after.ok() ? "OK" : after.error_message().c_str(),
              absl::ToDoubleMilliseconds(absl::Now() - start));

  const bool clean = total.health_not_serving == 0 && total.suggest.other_codes.empty() &&
                     total.assign.other_codes.empty() &&
                     total.health.other_codes.empty() &&
                     total.suggest.exhausted_without_retry_info == 0 &&
                     total.assign.exhausted_without_retry_info == 0 && after.ok();
  (*server)->Shutdown(absl::Seconds(5));
  return clean ? 0 : 1;
}

}  // namespace
}  // namespace azubimatch::bench

int main(int argc, char** argv) {
  using azubimatch::bench::Flags;
  return azubimatch::bench::RunProgram<Flags>("overload_load", azubimatch::bench::kAbout, argc, argv,
                                              azubimatch::bench::DefineFlags,
                                              azubimatch::bench::Run);
}

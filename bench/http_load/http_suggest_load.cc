// http_suggest_load: HTTP/JSON SuggestOffers against gRPC SuggestOffers on the same
// cohort, server and machine. Starts matchd's Server in this process with HTTP on
// (every installed service, 127.0.0.1:0, sync writes off, no request log, no rate
// limit, API keys and audit on), loads a demo cohort through gRPC Import, then runs
// closed-loop load for `--rounds` rounds, each first over gRPC (suggest_load's
// RunSuggestLoad: one channel per client) and then over HTTP/JSON (one keep-alive
// httplib connection per client, POST /v1/candidates/{id}:suggestOffers {"k": K}).
// Each call is checked: gRPC OK, or HTTP 200 with a "suggestions" member.
//
//   http_suggest_load [--offers N] [--candidates N] [--clients C] [--seconds S]
//                     [--warmup S] [--k K] [--rounds R] [--seed N] [--json] [--help]
//
// Flags as every benchmark's (bench/flags/bench_flags.h: CLI11, '-' and '_' alike).
//
// Clients and server share the machine's cores: the figures are those of one machine
// doing both, and HTTP clients (text parsing) cost more client CPU than gRPC ones.
// Exit status 1 when a call failed, 2 on bad flags.
#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <atomic>
#include <climits>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "azubimatch/v1/admin.pb.h"
#include "bench/flags/bench_flags.h"
#include "bench/matching_load/cohort_import.h"
#include "bench/matching_load/latency_summary.h"
#include "bench/matching_load/load_average.h"
#include "bench/matching_load/load_channel.h"
#include "bench/matching_load/process_cpu_time.h"
#include "bench/matching_load/suggest_load_run.h"
#include "httplib.h"
#include "service/server/installed_services.h"
#include "service/server/server.h"

namespace azubimatch::bench {
namespace {

struct Flags {
  int offers = 20000;
  int candidates = 20000;
  int clients = 8;
  double seconds = 5;
  double warmup = 1;
  int k = 10;
  int rounds = 2;
  uint64_t seed = 1;
  bool json = false;
};

constexpr char kAbout[] =
    "HTTP/JSON SuggestOffers against gRPC SuggestOffers on the same cohort, in-process\n"
    "server and machine; --rounds rounds, each first over gRPC, then over HTTP/JSON.\n"
    "Exit status 1 when a call failed, 2 on bad flags.";

// The flags (bench/flags/bench_flags.h), bound to `flags`.
void DefineFlags(CLI::App& app, Flags& flags) {
  PrepareFlagApp(app);
  app.add_option("--offers", flags.offers, "training offers to load (default 20000)")
      ->type_name("N")
      ->check(IntIn(1, INT_MAX));
  app.add_option("--candidates", flags.candidates, "candidates to load (default 20000)")
      ->type_name("N")
      ->check(IntIn(1, INT_MAX));
  app.add_option("--clients", flags.clients, "client threads, one connection each (default 8)")
      ->type_name("C")
      ->check(IntIn(1, INT_MAX));
  app.add_option("--seconds", flags.seconds, "measured seconds per round and face (default 5)")
      ->type_name("S")
      ->check(NumberWhere([](double s) { return s > 0; }, "seconds > 0"));
  app.add_option("--warmup", flags.warmup, "unmeasured seconds before them (default 1)")
      ->type_name("S")
      ->check(NumberWhere([](double s) { return s >= 0; }, "seconds >= 0"));
  app.add_option("--k", flags.k, "suggestions per call (default 10)")
      ->type_name("K")
      ->check(IntIn(1, INT_MAX));
  app.add_option("--rounds", flags.rounds, "rounds of gRPC then HTTP/JSON (default 2)")
      ->type_name("R")
      ->check(IntIn(1, INT_MAX));
  app.add_option("--seed", flags.seed, "cohort seed and candidate choice (default 1)")
      ->type_name("N")
      ->check(Unsigned64());
  app.add_flag("--json", flags.json, "print a one-line JSON summary at the end");
}

struct HttpLoadResult {
  double seconds = 0;
  double cpu_seconds = 0;
  int64_t requests = 0;
  int64_t errors = 0;
  LatencySummary latency;
};

// Closed loop over HTTP/JSON, as RunSuggestLoad does over gRPC.
HttpLoadResult RunHttpSuggestLoad(int port, const std::string& key, const Flags& flags,
                                  const std::vector<std::string>& ids) {
  const absl::Time start = absl::Now();
  const absl::Time measure_from = start + absl::Seconds(flags.warmup);
  const absl::Time end = measure_from + absl::Seconds(flags.seconds);
  std::vector<std::vector<int64_t>> samples(flags.clients);
  std::vector<int64_t> errors(flags.clients, 0);
  double cpu_at_start = 0;
  std::atomic<bool> cpu_taken{false};
  std::vector<std::thread> threads;
  const std::string body = absl::StrCat("{\"k\": ", flags.k, "}");
  for (int c = 0; c < flags.clients; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      const httplib::Headers headers = {{"Authorization", "Bearer " + key}};
      std::mt19937_64 random(flags.seed + c);
      std::uniform_int_distribution<size_t> pick(0, ids.size() - 1);
      for (absl::Time now = absl::Now(); now < end; now = absl::Now()) {
        if (now >= measure_from && !cpu_taken.exchange(true))
          cpu_at_start = ProcessCpuSeconds();
        const std::string path =
            absl::StrCat("/v1/candidates/", ids[pick(random)], ":suggestOffers");
        const absl::Time sent = absl::Now();
        httplib::Result result = client.Post(path, headers, body, "application/json");
        const bool ok = result && result->status == 200 &&
                        result->body.find("\"suggestions\"") != std::string::npos;
        if (sent >= measure_from) {
          samples[c].push_back(absl::ToInt64Microseconds(absl::Now() - sent));
          if (!ok) ++errors[c];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  HttpLoadResult result;
  result.seconds = absl::ToDoubleSeconds(absl::Now() - measure_from);
  result.cpu_seconds = ProcessCpuSeconds() - cpu_at_start;
  std::vector<int64_t> all;
  for (int c = 0; c < flags.clients; ++c) {
    all.insert(all.end(), samples[c].begin(), samples[c].end());
    result.errors += errors[c];
  }
  result.requests = static_cast<int64_t>(all.size());
  result.latency = SummarizeLatencies(std::move(all));
  return result;
}

int Run(const Flags& flags) {
  char folder[] = "/tmp/http_suggest_load.XXXXXX";
  if (mkdtemp(folder) == nullptr) {
    std::cerr << "http_suggest_load: cannot make a temporary folder\n";
    return 1;
  }
  service::ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.http.listen_address = "127.0.0.1:0";
  options.http.threads = flags.clients + 4;
  options.data_dir = std::string(folder) + "/data";
  options.sync_writes = false;
  options.log_requests = false;
  options.access.rate_limit.requests_per_second = 0;  // off
  absl::StatusOr<std::unique_ptr<service::Server>> server =
      service::Server::Open(options);
  if (!server.ok()) {
    std::cerr << "http_suggest_load: " << server.status() << "\n";
    return 1;
  }
  for (const service::ServiceInstaller& install : service::InstalledServices()) {
    if (absl::Status s = install(**server); !s.ok()) {
      std::cerr << "http_suggest_load: " << s << "\n";
      return 1;
    }
  }
  if (absl::Status s = (*server)->Start(); !s.ok()) {
    std::cerr << "http_suggest_load: " << s << "\n";
    return 1;
  }
  absl::StatusOr<v1::Member> member = (*server)->access()->members().Create("http-load");
  v1::CreateApiKeyRequest key_request;
  key_request.set_member_id(member.ok() ? member->id() : "");
  key_request.set_role("officer");
  absl::StatusOr<service::CreatedApiKey> key =
      (*server)->access()->keys().Create(key_request);
  if (!member.ok() || !key.ok()) {
    std::cerr << "http_suggest_load: cannot create the load's member and key\n";
    return 1;
  }

  CohortImportOptions import;
  import.cohort.offers = flags.offers;
  import.cohort.candidates = flags.candidates;
  import.cohort.seed = flags.seed;
  std::cerr << "loading " << flags.candidates << " candidates and " << flags.offers
            << " offers\n";
  absl::StatusOr<ImportedCohort> cohort =
      ImportDemoCohort(NewLoadChannel((*server)->bound_address()), key->key, import);
  if (!cohort.ok() || cohort->candidate_ids.empty()) {
    std::cerr << "http_suggest_load: import: "
              << (cohort.ok() ? "no candidates" : cohort.status().ToString()) << "\n";
    return 1;
  }
  std::cout << "load average before: " << LoadAverage() << "\n";
  int failed = 0;
  double grpc_sum = 0, http_sum = 0;
  std::string json = absl::StrFormat(
      "{\"benchmark\":\"http_suggest_load\",\"candidates\":%d,\"offers\":%d,\"clients\":%"
      "d,"
      "\"k\":%d,\"seconds\":%.1f,\"rounds\":[",
      flags.candidates, flags.offers, flags.clients, flags.k, flags.seconds);
  for (int round = 0; round < flags.rounds; ++round) {
    SuggestLoadOptions grpc_options;
    grpc_options.address = (*server)->bound_address();
    grpc_options.api_key = key->key;
    grpc_options.clients = flags.clients;
    grpc_options.warmup = absl::Seconds(flags.warmup);
    grpc_options.duration = absl::Seconds(flags.seconds);
    grpc_options.k = flags.k;
    grpc_options.seed = flags.seed + round;
    const SuggestLoadResult grpc = RunSuggestLoad(grpc_options, cohort->candidate_ids);
    const HttpLoadResult http = RunHttpSuggestLoad((*server)->http_port(), key->key,
                                                   flags, cohort->candidate_ids);
    failed += grpc.errors + http.errors;
    const double grpc_rps = grpc.requests / grpc.seconds;
    const double http_rps = http.requests / http.seconds;
    grpc_sum += grpc_rps;
    http_sum += http_rps;
    for (const auto& [name, rps, l, errors, cpu, requests] :
         {std::tuple("gRPC     ", grpc_rps, grpc.latency, grpc.errors, grpc.cpu_seconds,
                     grpc.requests),
          std::tuple("HTTP/JSON", http_rps, http.latency, http.errors, http.cpu_seconds,
                     http.requests)}) {
      std::cout << absl::StrFormat(
          "round %d %s SuggestOffers k=%d, %d clients: %7.0f requests/s, p50 %d us, p99 "
          "%d us, %d errors, %.0f us CPU per request\n",
          round + 1, name, flags.k, flags.clients, rps, l.p50_us, l.p99_us, errors,
          requests > 0 ? cpu * 1e6 / requests : 0.0);
    }
    absl::StrAppendFormat(&json,
                          "%s{\"grpc_rps\":%.0f,\"grpc_p50_us\":%d,\"grpc_p99_us\":%d,"
                          "\"http_rps\":%.0f,\"http_p50_us\":%d,\"http_p99_us\":%d}",
                          round == 0 ? "" : ",", grpc_rps, grpc.latency.p50_us,
                          grpc.latency.p99_us, http_rps, http.latency.p50_us,
                          http.latency.p99_us);
  }
  const double ratio = grpc_sum > 0 ? http_sum / grpc_sum : 0;
  std::cout << absl::StrFormat(
      "HTTP/JSON throughput = %.0f%% of gRPC's (mean of %d rounds)\n", 100 * ratio,
      flags.rounds);
  std::cout << "load average after: " << LoadAverage() << "\n";
  absl::StrAppendFormat(&json, "],\"http_over_grpc\":%.3f,\"loadavg_after\":\"%s\"}",
                        ratio, LoadAverage());
  if (flags.json) std::cout << json << "\n";
  (*server)->Shutdown(absl::Seconds(5));
  server->reset();
  std::filesystem::remove_all(folder);
  return failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace azubimatch::bench

int main(int argc, char** argv) {
  using azubimatch::bench::Flags;
  return azubimatch::bench::RunProgram<Flags>("http_suggest_load", azubimatch::bench::kAbout, argc, argv,
                                              azubimatch::bench::DefineFlags,
                                              azubimatch::bench::Run);
}

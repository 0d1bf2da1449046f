// suggest_load: a load generator for matchd's Matching service. Loads a demo cohort
// through Registry.Import, then measures one call after another under concurrent
// clients (--rpc: the health check, GetCandidate, SuggestOffers, SuggestCandidates;
// requests/s, latency percentiles, errors by code, the ratio to the health check) or
// times one optimal Assign end to end (--assign). See README.md in this folder and suggest_load_flags.h.
#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "azubimatch/v1/matching.pb.h"
#include "bench/matching_load/assign_timing.h"
#include "bench/matching_load/cohort_import.h"
#include "bench/matching_load/in_process_server.h"
#include "bench/matching_load/load_average.h"
#include "bench/matching_load/load_channel.h"
#include "bench/matching_load/suggest_load_flags.h"
#include "bench/matching_load/suggest_load_run.h"

namespace azubimatch::bench {
namespace {

// "load": the records/s of each kind, as text and as JSON members.
void PrintImport(const ImportedCohort& cohort, std::string* json) {
  for (const KindImport& kind : cohort.kinds) {
    const double rate = static_cast<double>(kind.records) / std::max(kind.seconds, 1e-9);
    std::cout << absl::StrFormat("load %-10s %7d records in %6.1f s = %7.0f records/s",
                                 kind.kind, kind.records, kind.seconds, rate);
    if (kind.failed > 0) {
      std::cout << absl::StrFormat(" (%d refused, first: %s)", kind.failed,
                                   kind.first_error);
    }
    std::cout << "\n";
    absl::StrAppendFormat(json, ",\"load_%s_per_s\":%.0f,\"load_%s_failed\":%d",
                          kind.kind, rate, kind.kind, kind.failed);
  }
}

// The figures of one load run.
struct RpcOutcome {
  LoadRpc rpc = LoadRpc::kSuggestOffers;
  double requests_per_s = 0;
  LatencySummary latency;
  int64_t errors = 0;
  std::string json;  // its JSON members, without braces
};

// Runs the load of `rpc` and prints its block.
RpcOutcome RunOne(const SuggestLoadFlags& flags, const std::string& address,
                  const std::string& key, const ImportedCohort& cohort, LoadRpc rpc) {
  SuggestLoadOptions options;
  options.address = address;
  options.api_key = key;
  options.clients = flags.clients;
  options.warmup = absl::Seconds(flags.warmup);
  options.duration = absl::Seconds(flags.seconds);
  options.k = flags.k;
  options.seed = flags.seed;
  options.rpc = rpc;
  std::cerr << absl::StrFormat("running %d clients of %s: %.1f s warm-up, %.1f s measured\n",
                               flags.clients, LoadRpcName(rpc), flags.warmup, flags.seconds);
  const SuggestLoadResult result =
      RunSuggestLoad(options, TakesOfferIds(rpc) ? cohort.offer_ids : cohort.candidate_ids);
  RpcOutcome outcome;
  outcome.rpc = rpc;
  outcome.requests_per_s = static_cast<double>(result.requests) / result.seconds;
  outcome.latency = result.latency;
  outcome.errors = result.errors;
  const LatencySummary& l = result.latency;
  const bool suggests = rpc == LoadRpc::kSuggestOffers || rpc == LoadRpc::kSuggestCandidates;
  std::cout << absl::StrFormat("%s%s, %d clients: %d requests in %.1f s = %.0f requests/s\n",
                               LoadRpcName(rpc),
                               suggests ? absl::StrCat(" k=", flags.k) : std::string(),
                               flags.clients, result.requests, result.seconds,
                               outcome.requests_per_s);
  std::cout << absl::StrFormat("latency us: p50 %d  p90 %d  p99 %d  max %d  mean %.0f\n",
                               l.p50_us, l.p90_us, l.p99_us, l.max_us, l.mean_us);
  std::vector<std::string> errors, json_errors;
  for (const auto& [code, count] : result.errors_by_code) {
    errors.push_back(absl::StrCat(code, "=", count));
    json_errors.push_back(absl::StrFormat("\"%s\":%d", code, count));
  }
  std::cout << "errors: " << result.errors
            << (errors.empty() ? ""
                               : absl::StrCat(" (", absl::StrJoin(errors, ", "), ")"))
            << "\n";
  if (suggests) {
    std::cout << absl::StrFormat(
        "per successful call: %.2f suggestions, %.0f pairs considered\n",
        result.mean_suggestions, result.mean_considered);
  }
  const double cpu_us_per_request =
      result.requests > 0
          ? result.cpu_seconds * 1e6 / static_cast<double>(result.requests)
          : 0;
  std::cout << absl::StrFormat(
      "process CPU in the window: %.1f s of %.1f s (%.2f cores), %.0f us per request\n",
      result.cpu_seconds, result.seconds, result.cpu_seconds / result.seconds,
      cpu_us_per_request);
  outcome.json = absl::StrFormat(
      "\"rpc\":\"%s\",\"clients\":%d,\"k\":%d,\"seconds\":%.1f,\"requests\":%d,"
      "\"requests_per_s\":%.0f,\"p50_us\":%d,\"p90_us\":%d,\"p99_us\":%d,\"max_us\":%d,"
      "\"mean_us\":%.0f,\"errors\":%d,\"errors_by_code\":{%s},\"mean_suggestions\":%.2f,"
      "\"mean_pairs_scored\":%.0f,\"cpu_s\":%.2f,\"cpu_us_per_request\":%.0f",
      LoadRpcName(rpc), flags.clients, flags.k, result.seconds, result.requests,
      outcome.requests_per_s, l.p50_us, l.p90_us, l.p99_us, l.max_us, l.mean_us,
      result.errors, absl::StrJoin(json_errors, ","), result.mean_suggestions,
      result.mean_considered, result.cpu_seconds, cpu_us_per_request);
  return outcome;
}

// Every call of --rpc in turn; with more than one, a table of the ratios to the first
// health run (or to the first run when there is none).
int RunSuggest(const SuggestLoadFlags& flags, const std::string& address,
               const std::string& key, const ImportedCohort& cohort, std::string json) {
  std::vector<RpcOutcome> outcomes;
  for (LoadRpc rpc : flags.rpcs) {
    outcomes.push_back(RunOne(flags, address, key, cohort, rpc));
  }
  const RpcOutcome* base = &outcomes.front();
  for (const RpcOutcome& outcome : outcomes) {
    if (outcome.rpc == LoadRpc::kHealth) {
      base = &outcome;
      break;
    }
  }
  if (outcomes.size() > 1) {
    std::cout << absl::StrFormat("\n%-20s %12s %9s %9s   ratio to %s\n", "call",
                                 "requests/s", "p50 us", "p99 us", LoadRpcName(base->rpc));
    for (const RpcOutcome& o : outcomes) {
      std::cout << absl::StrFormat("%-20s %12.0f %9d %9d   %.2fx\n", LoadRpcName(o.rpc),
                                   o.requests_per_s, o.latency.p50_us, o.latency.p99_us,
                                   o.requests_per_s / std::max(base->requests_per_s, 1e-9));
    }
  }
  std::cout << "load average after: " << LoadAverage() << "\n";
  if (outcomes.size() == 1) {
    absl::StrAppend(&json, ",", outcomes.front().json);
  } else {
    std::vector<std::string> runs;
    for (const RpcOutcome& o : outcomes) {
      runs.push_back(absl::StrFormat(
          "{%s,\"ratio_to_%s\":%.3f}", o.json, LoadRpcName(base->rpc),
          o.requests_per_s / std::max(base->requests_per_s, 1e-9)));
    }
    absl::StrAppend(&json, ",\"runs\":[", absl::StrJoin(runs, ","), "]");
  }
  absl::StrAppendFormat(&json, ",\"loadavg_after\":\"%s\"}", LoadAverage());
  if (flags.json) std::cout << json << "\n";
  int64_t errors = 0;
  for (const RpcOutcome& o : outcomes) errors += o.errors;
  return errors == 0 ? 0 : 1;
}

// The "mode" of the JSON summary: assign, suggest (SuggestOffers), suggest_candidates,
// the call's name for another single call, or compare for several.
std::string ModeName(const SuggestLoadFlags& flags) {
  if (flags.assign) return "assign";
  if (flags.rpcs.size() > 1) return "compare";
  switch (flags.rpcs.front()) {
    case LoadRpc::kSuggestOffers:
      return "suggest";
    case LoadRpc::kSuggestCandidates:
      return "suggest_candidates";
    default:
      return std::string(LoadRpcName(flags.rpcs.front()));
  }
}

int RunAssign(const SuggestLoadFlags& flags, const std::string& address,
              const std::string& key, std::string json) {
  v1::AssignRequest request;
  request.set_mode(v1::ASSIGN_MODE_OPTIMAL);
  request.set_label("suggest_load --assign");
  std::cerr << "running Assign (optimal, no filters)\n";
  absl::StatusOr<AssignTiming> timing = TimeAssign(NewLoadChannel(address), key, request);
  if (!timing.ok()) {
    std::cerr << "suggest_load: " << timing.status() << "\n";
    return 1;
  }
  const v1::RunMetrics& metrics = timing->run.metrics();
  std::cout << absl::StrFormat(
      "Assign optimal: %d candidates, %d seats, %d eligible pairs, %d placed; "
      "%.2f s end to end, process CPU %.2f s (run event at %.2f s, server solve_seconds "
      "%.2f, run %d bytes, %d progress events)\n",
      metrics.candidates(), metrics.seats(), timing->run.eligible_pairs(),
      metrics.placed(), timing->total_s, timing->cpu_s, timing->run_event_s,
      timing->run.solve_seconds(), timing->run_bytes, timing->progress_events);
  std::vector<std::string> json_phases;
  for (const AssignPhase& phase : timing->phases) {
    std::cout << absl::StrFormat("  phase %-8s at %6.2f s, %6.2f s  (%d/%d)\n",
                                 phase.name, phase.start_s, phase.seconds, phase.done,
                                 phase.total);
    json_phases.push_back(
        absl::StrFormat("{\"phase\":\"%s\",\"start_s\":%.3f,\"seconds\":%.3f}",
                        phase.name, phase.start_s, phase.seconds));
  }
  std::cout << "load average after: " << LoadAverage() << "\n";
  absl::StrAppendFormat(
      &json,
      ",\"assign_candidates\":%d,\"assign_seats\":%d,\"eligible_pairs\":%d,\"placed\":%d,"
      "\"total_s\":%.3f,\"cpu_s\":%.3f,\"run_event_s\":%.3f,\"solve_seconds\":%.3f,\"run_"
      "bytes\":%d,"
      "\"phases\":[%s],\"loadavg_after\":\"%s\"}",
      metrics.candidates(), metrics.seats(), timing->run.eligible_pairs(),
      metrics.placed(), timing->total_s, timing->cpu_s, timing->run_event_s,
      timing->run.solve_seconds(), timing->run_bytes, absl::StrJoin(json_phases, ","),
      LoadAverage());
  if (flags.json) std::cout << json << "\n";
  return 0;
}

int Main(const SuggestLoadFlags& flags) {
  const std::string load_before = LoadAverage();
  std::string address = flags.server;
  std::string key = flags.api_key;
  InProcessServer in_process;
  std::string data_dir = flags.data_dir;
  bool remove_data_dir = false;
  if (address.empty()) {
    if (data_dir.empty()) {
      std::string pattern =
          (std::filesystem::temp_directory_path() / "suggest_load.XXXXXX").string();
      if (mkdtemp(pattern.data()) == nullptr) {
        std::cerr << "suggest_load: cannot create a temporary folder\n";
        return 1;
      }
      data_dir = pattern;
      remove_data_dir = true;
    }
    absl::StatusOr<InProcessServer> started = StartInProcessServer(data_dir, flags.sync_writes);
    if (!started.ok()) {
      std::cerr << "suggest_load: " << started.status() << "\n";
      return 1;
    }
    in_process = *std::move(started);
    address = in_process.address;
    key = in_process.api_key;
  }

  CohortImportOptions import;
  import.cohort.offers = flags.offers;
  import.cohort.candidates = flags.candidates;
  import.cohort.seed = flags.seed;
  import.cohort.vocational_schools = !flags.no_schools;
  import.cohort.external_id_prefix = flags.prefix;
  import.batch_size = flags.batch;
  int exit_code = 1;
  absl::StatusOr<ImportedCohort> cohort =
      ImportDemoCohort(NewLoadChannel(address), key, import);
  if (!cohort.ok()) {
    std::cerr << "suggest_load: " << cohort.status() << "\n";
  } else if (cohort->candidate_ids.empty()) {
    std::cerr << "suggest_load: no candidate was imported\n";
  } else if (!flags.assign &&
             std::any_of(flags.rpcs.begin(), flags.rpcs.end(), TakesOfferIds) &&
             cohort->offer_ids.empty()) {
    std::cerr << "suggest_load: no offer was imported\n";
  } else {
    std::cout << absl::StrFormat(
        "suggest_load: %d offers, %d candidates (seed %d) on %s server %s; "
        "load average before: %s\n",
        cohort->offer_ids.size(), cohort->candidate_ids.size(), flags.seed,
        flags.server.empty() ? "an in-process" : "the", address, load_before);
    std::string json = absl::StrFormat(
        "{\"mode\":\"%s\",\"server\":\"%s\",\"offers\":%d,\"candidates\":%d,\"seed\":%d,"
        "\"loadavg_before\":\"%s\"",
        ModeName(flags),
        flags.server.empty() ? "in_process" : "remote", cohort->offer_ids.size(),
        cohort->candidate_ids.size(), flags.seed, load_before);
    PrintImport(*cohort, &json);
    exit_code = flags.assign ? RunAssign(flags, address, key, std::move(json))
                             : RunSuggest(flags, address, key, *cohort, std::move(json));
  }
  if (in_process.server != nullptr) {
    in_process.server->Shutdown(absl::Seconds(5));
    in_process.server.reset();
  }
  if (remove_data_dir) {
    std::error_code ignored;
    std::filesystem::remove_all(data_dir, ignored);
  }
  return exit_code;
}

}  // namespace
}  // namespace azubimatch::bench

int main(int argc, char** argv) {
  using azubimatch::bench::ParseSuggestLoadFlags;
  using azubimatch::bench::SuggestLoadUsage;
  absl::StatusOr<azubimatch::bench::SuggestLoadFlags> flags =
      ParseSuggestLoadFlags(std::vector<std::string>(argv + 1, argv + argc));
  if (!flags.ok()) {
    std::cerr << "suggest_load: " << flags.status().message() << "\n\n"
              << SuggestLoadUsage();
    return 2;
  }
  if (flags->show_help) {
    std::cout << SuggestLoadUsage();
    return 0;
  }
  return azubimatch::bench::Main(*flags);
}

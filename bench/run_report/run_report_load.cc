// run_report_load: the time of Reports.GetRunReport for a large run, end to end through
// gRPC on an in-process matchd (every installed service, sync writes off): loads a demo
// cohort through Registry.Import, stores one Assign run, then calls GetRunReport
// --rounds times and prints each call's wall time and the median. Checks the known
// answer in every round (the report counts every candidate of the run).
//
//   run_report_load [--candidates 50000] [--offers 20000] [--seed 1]
//                   [--mode optimal|stable|greedy] [--rounds 5] [--help]
//
// Flags as every benchmark's (bench/flags/bench_flags.h: CLI11, '-' and '_' alike).
#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "azubimatch/v1/reports.grpc.pb.h"
#include "bench/flags/bench_flags.h"
#include "bench/matching_load/assign_timing.h"
#include "bench/matching_load/cohort_import.h"
#include "bench/matching_load/in_process_server.h"
#include "bench/matching_load/load_average.h"
#include "bench/matching_load/load_channel.h"
#include "engine/matching/assignment_run.h"
#include "service/matching/proto_conversion.h"

namespace azubimatch::bench {
namespace {

constexpr char kAbout[] =
    "The time of Reports.GetRunReport for a large run, end to end through gRPC on an\n"
    "in-process matchd: loads a demo cohort, stores one Assign run, then calls\n"
    "GetRunReport --rounds times and prints each call's wall time and the median.";

struct Flags {
  int candidates = 50000;
  int offers = 20000;
  int rounds = 5;
  uint64_t seed = 1;
  v1::AssignMode mode = v1::ASSIGN_MODE_OPTIMAL;
};

// The flags (bench/flags/bench_flags.h), bound to `flags`.
void DefineFlags(CLI::App& app, Flags& flags) {
  PrepareFlagApp(app);
  app.add_option("--candidates", flags.candidates, "candidates to load (default 50000)")
      ->type_name("N")
      ->check(IntIn(0, INT_MAX));
  app.add_option("--offers", flags.offers, "training offers to load (default 20000)")
      ->type_name("N")
      ->check(IntIn(0, INT_MAX));
  app.add_option("--seed", flags.seed, "cohort seed (default 1)")
      ->type_name("S")
      ->check(Unsigned64());
  app.add_option_function<std::string>(
         "--mode",
         [&flags](const std::string& name) {
           flags.mode = service::ToProtoMode(*engine::ParseAssignMode(name));
         },
         "the run's assignment mode (default optimal)")
      ->type_name("optimal|stable|greedy")
      ->check(CLI::Validator(
          [](std::string& name) -> std::string {
            const absl::StatusOr<engine::AssignMode> mode = engine::ParseAssignMode(name);
            return mode.ok() ? "" : std::string(mode.status().message());
          },
          ""));
  app.add_option("--rounds", flags.rounds, "GetRunReport calls (default 5)")
      ->type_name("R")
      ->check(IntIn(0, INT_MAX));
}

int Run(const Flags& flags) {
  const int candidates = flags.candidates, offers = flags.offers, rounds = flags.rounds;
  const uint64_t seed = flags.seed;
  const v1::AssignMode mode = flags.mode;
  std::string dir = (std::filesystem::temp_directory_path() / "run_report_load.XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) {
    std::cerr << "run_report_load: cannot create a temporary folder\n";
    return 1;
  }
  int exit_code = 1;
  {
    absl::StatusOr<InProcessServer> server = StartInProcessServer(dir);
    if (!server.ok()) {
      std::cerr << "run_report_load: " << server.status() << "\n";
      return 1;
    }
    auto channel = NewLoadChannel(server->address);
    CohortImportOptions import;
    import.cohort.candidates = candidates;
    import.cohort.offers = offers;
    import.cohort.seed = seed;
    absl::StatusOr<ImportedCohort> cohort = ImportDemoCohort(channel, server->api_key, import);
    v1::AssignRequest request;
    request.set_mode(mode);
    absl::StatusOr<AssignTiming> assign =
        cohort.ok() ? TimeAssign(channel, server->api_key, request)
                    : absl::StatusOr<AssignTiming>(cohort.status());
    if (!assign.ok()) {
      std::cerr << "run_report_load: " << assign.status() << "\n";
    } else {
      const v1::Run& run = assign->run;
      std::cout << absl::StrFormat(
          "run %s (%s): %d candidates, %d placed, %d bytes stored, assign %.1f s; "
          "load average %s\n",
          run.id(), v1::AssignMode_Name(mode), run.metrics().candidates(),
          run.metrics().placed(), assign->run_bytes, assign->total_s, LoadAverage());
      auto stub = v1::Reports::NewStub(channel);
      std::vector<double> seconds;
      exit_code = 0;
      for (int r = 0; r < rounds; ++r) {
        grpc::ClientContext context;
        context.AddMetadata("authorization", "Bearer " + server->api_key);
        v1::GetRunReportRequest report_request;
        report_request.set_run_id(run.id());
        v1::RunReport report;
        const auto start = std::chrono::steady_clock::now();
        const grpc::Status status = stub->GetRunReport(&context, report_request, &report);
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        int32_t covered = report.breakdowns_size() > 0 ? report.breakdowns(0).candidates_covered() : -1;
        if (!status.ok() || covered != run.metrics().candidates()) {
          std::cerr << "run_report_load: round " << r << ": " << status.error_message()
                    << " (covered " << covered << ")\n";
          exit_code = 1;
          break;
        }
        std::cout << absl::StrFormat("GetRunReport round %d: %.3f s, %d bytes\n", r + 1,
                                     seconds.back(), report.ByteSizeLong());
      }
      if (exit_code == 0 && !seconds.empty()) {
        std::sort(seconds.begin(), seconds.end());
        std::cout << absl::StrFormat("GetRunReport median %.3f s, min %.3f s, max %.3f s\n",
                                     seconds[seconds.size() / 2], seconds.front(),
                                     seconds.back());
      }
    }
    server->server->Shutdown(absl::Seconds(5));
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return exit_code;
}

}  // namespace
}  // namespace azubimatch::bench

int main(int argc, char** argv) {
  using azubimatch::bench::Flags;
  return azubimatch::bench::RunProgram<Flags>("run_report_load", azubimatch::bench::kAbout, argc, argv,
                                              azubimatch::bench::DefineFlags,
                                              azubimatch::bench::Run);
}

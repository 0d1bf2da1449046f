// run_report_load: the time of Reports.GetRunReport for a large run, end to end through
// gRPC on an in-process matchd (every installed service, sync writes off): loads a demo
// cohort through Registry.Import, stores one Assign run, then calls GetRunReport
// --rounds times and prints each call's wall time and the median. Checks the known
// answer in every round (the report counts every candidate of the run).
//
//   run_report_load [--candidates 50000] [--offers 20000] [--seed 1]
//                   [--mode optimal|stable|greedy] [--rounds 5]
#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "azubimatch/v1/reports.grpc.pb.h"
#include "bench/matching_load/assign_timing.h"
#include "bench/matching_load/cohort_import.h"
#include "bench/matching_load/in_process_server.h"
#include "bench/matching_load/load_channel.h"

namespace azubimatch::bench {
namespace {

std::string LoadAverage() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  if (!(file >> one >> five >> fifteen)) return "unknown";
  return one + " " + five + " " + fifteen;
}

int Main(int argc, char** argv) {
  int candidates = 50000, offers = 20000, rounds = 5;
  uint64_t seed = 1;
  v1::AssignMode mode = v1::ASSIGN_MODE_OPTIMAL;
  for (int k = 1; k + 1 < argc; k += 2) {
    const std::string flag = argv[k], value = argv[k + 1];
    bool ok = true;
    if (flag == "--candidates") ok = absl::SimpleAtoi(value, &candidates);
    else if (flag == "--offers") ok = absl::SimpleAtoi(value, &offers);
    else if (flag == "--seed") ok = absl::SimpleAtoi(value, &seed);
    else if (flag == "--rounds") ok = absl::SimpleAtoi(value, &rounds);
    else if (flag == "--mode") ok = v1::AssignMode_Parse("ASSIGN_MODE_" + std::string(
        value == "stable" ? "STABLE" : value == "greedy" ? "GREEDY" : "OPTIMAL"), &mode);
    else ok = false;
    if (!ok) {
      std::cerr << "usage: run_report_load [--candidates N] [--offers N] [--seed S] "
                   "[--mode optimal|stable|greedy] [--rounds R]\n";
      return 2;
    }
  }
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

int main(int argc, char** argv) { return azubimatch::bench::Main(argc, argv); }

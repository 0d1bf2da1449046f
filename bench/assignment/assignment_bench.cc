// Google Benchmark of SolveAssignment on the timing instances of
// benchmark_instances.h. Each benchmark solves once outside the timed loop, proves
// that answer optimal with the certificate, and then checks inside the loop that
// every timed solve reaches the same optimum.
//
//   assignment_bench              dense 500..4000, sparse 20k x 20k, capacitated
//   assignment_bench --national   also the 500k x 300k national instance (about
//                                 10 s and 2 GB; registered only with the flag)
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "absl/status/status.h"
#include "bench/assignment/benchmark_instances.h"
#include "benchmark/benchmark.h"
#include "engine/assignment/optimality_certificate.h"
#include "engine/assignment/sparse_assignment.h"

namespace azubimatch::bench {
namespace {

void Fail(const char* what, const absl::Status& status) {
  std::fprintf(stderr, "%s: %s\n", what, status.ToString().c_str());
  std::abort();
}

// The proven optimum of `problem`.
int64_t ProvenOptimum(const engine::AssignmentProblem& problem) {
  absl::StatusOr<engine::AssignmentResult> result = engine::SolveAssignment(problem);
  if (!result.ok()) Fail("solve", result.status());
  const absl::Status proof = engine::CheckOptimalityCertificate(problem, {}, *result);
  if (!proof.ok()) Fail("certificate", proof);
  return result->objective;
}

void SolveLoop(benchmark::State& state, const engine::AssignmentProblem& problem) {
  const int64_t optimum = ProvenOptimum(problem);
  for (auto _ : state) {
    absl::StatusOr<engine::AssignmentResult> result = engine::SolveAssignment(problem);
    if (!result.ok()) Fail("solve", result.status());
    if (result->objective != optimum) {
      std::fprintf(stderr, "objective %lld != proven optimum %lld\n",
                   static_cast<long long>(result->objective),
                   static_cast<long long>(optimum));
      std::abort();
    }
  }
  state.counters["cost"] = static_cast<double>(optimum);
  state.counters["edges"] = static_cast<double>(problem.edges.size());
}

void BM_Dense(benchmark::State& state) {
  SolveLoop(state, DenseInstance(static_cast<int32_t>(state.range(0)), 1));
}
BENCHMARK(BM_Dense)->Arg(500)->Arg(1000)->Arg(2000)->Arg(4000)->Unit(
    benchmark::kMillisecond);

void BM_Sparse(benchmark::State& state) {
  SolveLoop(state, SparseInstance(20000, static_cast<int32_t>(state.range(0)), 2));
}
BENCHMARK(BM_Sparse)->Arg(50)->Unit(benchmark::kMillisecond);

void BM_Capacitated(benchmark::State& state) {
  SolveLoop(state, CapacitatedInstance(20000, 2500, 20, 3));
}
BENCHMARK(BM_Capacitated)->Unit(benchmark::kMillisecond);

void BM_National(benchmark::State& state) {
  SolveLoop(state, NationalInstance(500000, 300000, 600000, 100, 4));
}

}  // namespace
}  // namespace azubimatch::bench

int main(int argc, char** argv) {
  // `--national` is ours; the other flags belong to Google Benchmark.
  int kept = 1;
  bool national = false;
  for (int k = 1; k < argc; ++k) {
    if (std::string_view(argv[k]) == "--national") {
      national = true;
    } else {
      argv[kept++] = argv[k];
    }
  }
  argc = kept;
  if (national) {
    benchmark::RegisterBenchmark("BM_National", azubimatch::bench::BM_National)
        ->Unit(benchmark::kSecond)
        ->Iterations(1);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

// ProcessCpuSeconds: user + system CPU time this process has used so far
// (getrusage(RUSAGE_SELF)). On a shared machine the CPU time of a phase, next to its
// wall time, tells how much of the machine the phase actually got; with the in-process
// server it covers both the clients and the server.
//
// Thread safety: safe from any thread. Cost: one system call.
#ifndef AZUBIMATCH_BENCH_MATCHING_LOAD_PROCESS_CPU_TIME_H_
#define AZUBIMATCH_BENCH_MATCHING_LOAD_PROCESS_CPU_TIME_H_

namespace azubimatch::bench {

// Seconds of CPU time, 0 when the system call fails.
double ProcessCpuSeconds();

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_MATCHING_LOAD_PROCESS_CPU_TIME_H_

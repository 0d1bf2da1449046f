// The machine's 1-, 5- and 15-minute load averages ("0.52 0.61 0.70", from
// /proc/loadavg), printed by the load programs to note how busy the shared machine was;
// "unknown" when the file cannot be read.
//
// Thread safety: safe from any thread. Complexity: one small file read.
#ifndef AZUBIMATCH_BENCH_MATCHING_LOAD_LOAD_AVERAGE_H_
#define AZUBIMATCH_BENCH_MATCHING_LOAD_LOAD_AVERAGE_H_

#include <string>

namespace azubimatch::bench {

std::string LoadAverage();

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_MATCHING_LOAD_LOAD_AVERAGE_H_

#include "bench/matching_load/load_average.h"

#include <fstream>

#include "absl/strings/str_cat.h"

namespace azubimatch::bench {

std::string LoadAverage() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  if (!(file >> one >> five >> fifteen)) return "unknown";
  return absl::StrCat(one, " ", five, " ", fifteen);
}

}  // namespace azubimatch::bench

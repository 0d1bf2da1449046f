// libFuzzer target: the assignment problem readers of `matchctl solve`
// (clients/solve/problem_formats.h). The first byte picks the format (orlib,
// orlib-sparse, edges); the rest is the file. Reading must never crash or hang and
// must answer OK or INVALID_ARGUMENT; an accepted problem must be consistent (every
// edge inside the declared rows and columns).
//
// Inputs whose header declares a size above kMaxDeclaredSize are skipped: the readers
// allocate what the header declares before reading any data (orlib: n capacities and
// n*n edges; edges: C capacities and up to 2^26 edges), so a 12-byte file such as
// "555555555\n1 " exhausts memory, and n = 2147483647 throws std::length_error out of
// vector::reserve. Remove the guard once the readers bound those allocations.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <system_error>

#include "clients/solve/problem_formats.h"

namespace {

constexpr int64_t kMaxDeclaredSize = 4096;

// True when the first line that is neither blank nor a comment holds a number above
// kMaxDeclaredSize (the header: n, or R C E).
bool DeclaresHugeSizes(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream tokens(line);
    std::string token;
    if (!(tokens >> token) || token[0] == '#') continue;
    do {
      const char* begin = token.data();
      while (*begin == '+' || *begin == '-') ++begin;
      int64_t value = 0;
      const auto [end, error] =
          std::from_chars(begin, token.data() + token.size(), value);
      if (error == std::errc::result_out_of_range ||
          (error == std::errc() && value > kMaxDeclaredSize)) {
        return true;
      }
    } while (tokens >> token);
    return false;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace solve = ::azubimatch::solve;
  if (size < 1) return 0;
  const auto format = static_cast<solve::ProblemFormat>(data[0] % 3);
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (DeclaresHugeSizes(text)) return 0;
  std::istringstream in(text);
  const auto problem = solve::ReadProblem(in, format);
  if (!problem.ok()) {
    if (!absl::IsInvalidArgument(problem.status())) std::abort();
    return 0;
  }
  const int64_t columns = static_cast<int64_t>(problem->capacities.size());
  for (const auto& edge : problem->edges) {
    if (edge.row < 0 || edge.row >= problem->num_rows) std::abort();
    if (edge.col < 0 || edge.col >= columns) std::abort();
  }
  return 0;
}

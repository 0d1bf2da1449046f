// Readers for the assignment problem files of `matchctl solve`:
//   orlib         n, then the n x n cost matrix row by row (lines may wrap);
//                 OR-Library assignN. Every pair is allowed, capacities 1.
//   orlib-sparse  n, then one `i j c` triple per line, 1-based; OR-Library
//                 assignpN. Pairs not listed are forbidden.
//   edges         a header line `R C E`, optional lines `cap <col> <capacity>`
//                 (0-based, default capacity 1), then E lines `<row> <col> <cost>`
//                 (0-based).
// In every format, blank lines and lines whose first non-blank character is `#`
// are ignored. Numbers are decimal 64-bit integers (32-bit for sizes and indices).
//
// Errors: InvalidArgument whose message starts with "line N: " (1-based line of the
// input) and says what was expected. Reading is O(size of the input).
// Thread safety: pure functions over the given stream.
#ifndef AZUBIMATCH_CLIENTS_SOLVE_PROBLEM_FORMATS_H_
#define AZUBIMATCH_CLIENTS_SOLVE_PROBLEM_FORMATS_H_

#include <istream>
#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "engine/assignment/assignment_problem.h"

namespace azubimatch::solve {

enum class ProblemFormat { kOrlib, kOrlibSparse, kEdges };

// "orlib", "orlib-sparse" or "edges"; nullopt for anything else.
std::optional<ProblemFormat> ProblemFormatFromName(std::string_view name);

absl::StatusOr<engine::AssignmentProblem> ReadProblem(std::istream& in,
                                                      ProblemFormat format);

absl::StatusOr<engine::AssignmentProblem> ReadOrlib(std::istream& in);
absl::StatusOr<engine::AssignmentProblem> ReadOrlibSparse(std::istream& in);
absl::StatusOr<engine::AssignmentProblem> ReadEdges(std::istream& in);

}  // namespace azubimatch::solve

#endif  // AZUBIMATCH_CLIENTS_SOLVE_PROBLEM_FORMATS_H_

#include "clients/solve/solve_command.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "clients/solve/problem_formats.h"
#include "engine/assignment/sparse_assignment.h"

namespace azubimatch::solve {
namespace {

struct SolveFlags {
  ProblemFormat format = ProblemFormat::kEdges;
  bool maximize = false;
  bool json = false;
  bool no_assignment = false;
  bool help = false;
  std::string file;
};

// Parses the arguments; on error writes to `err` and returns nullopt.
std::optional<SolveFlags> ParseFlags(const std::vector<std::string>& args,
                                     std::ostream& err) {
  SolveFlags flags;
  bool have_file = false;
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string_view arg = args[k];
    if (arg == "--help" || arg == "-h") {
      flags.help = true;
    } else if (arg == "--maximize") {
      flags.maximize = true;
    } else if (arg == "--json") {
      flags.json = true;
    } else if (arg == "--no-assignment") {
      flags.no_assignment = true;
    } else if (arg == "--format" || arg.starts_with("--format=")) {
      std::string_view name;
      if (arg == "--format") {
        if (k + 1 == args.size()) {
          err << "matchctl solve: --format needs a value: orlib, orlib-sparse or edges\n";
          return std::nullopt;
        }
        name = args[++k];
      } else {
        name = arg.substr(std::string_view("--format=").size());
      }
      std::optional<ProblemFormat> format = ProblemFormatFromName(name);
      if (!format) {
        err << "matchctl solve: unknown --format '" << name
            << "': expected orlib, orlib-sparse or edges\n";
        return std::nullopt;
      }
      flags.format = *format;
    } else if (arg.size() > 1 && arg[0] == '-') {
      err << "matchctl solve: unknown flag '" << arg << "' (see matchctl solve --help)\n";
      return std::nullopt;
    } else if (have_file) {
      err << "matchctl solve: more than one FILE given ('" << flags.file << "', '" << arg
          << "')\n";
      return std::nullopt;
    } else {
      flags.file = std::string(arg);
      have_file = true;
    }
  }
  if (!have_file && !flags.help) {
    err << "matchctl solve: missing FILE (see matchctl solve --help)\n";
    return std::nullopt;
  }
  return flags;
}

// Wall-clock seconds spent reading the file and solving it.
struct SolveTimes {
  double read_seconds = 0.0;
  double solve_seconds = 0.0;
};

void PrintJson(const engine::AssignmentProblem& problem,
               const engine::AssignmentResult& result, const SolveTimes& times,
               bool with_assignment, std::ostream& out) {
  out << absl::StrFormat(
      "{\"status\":\"OPTIMAL\",\"rows\":%d,\"cols\":%d,\"assigned\":%d,\"cost\":%d,"
      "\"read_seconds\":%.6f,\"solve_seconds\":%.6f",
      problem.num_rows, problem.num_cols(), result.assigned, result.objective,
      times.read_seconds, times.solve_seconds);
  if (with_assignment) {
    out << ",\"assignment\":[";
    for (size_t row = 0; row < result.row_to_col.size(); ++row) {
      if (row > 0) out << ',';
      out << result.row_to_col[row];
    }
    out << ']';
  }
  out << "}\n";
}

void PrintText(const engine::AssignmentProblem& problem,
               const engine::AssignmentResult& result, const SolveTimes& times,
               bool maximize, bool with_assignment, std::ostream& out) {
  out << "status         OPTIMAL\n";
  out << absl::StrFormat("rows           %d\ncolumns        %d\n", problem.num_rows,
                         problem.num_cols());
  out << absl::StrFormat("assigned       %d\n", result.assigned);
  out << absl::StrFormat("%s %d\n", maximize ? "total weight  " : "total cost    ",
                         result.objective);
  out << absl::StrFormat("read seconds   %.6f\n", times.read_seconds);
  out << absl::StrFormat("solve seconds  %.6f\n", times.solve_seconds);
  if (!with_assignment) return;
  out << "row column\n";
  for (size_t row = 0; row < result.row_to_col.size(); ++row) {
    out << row << ' ' << result.row_to_col[row] << '\n';
  }
}

}  // namespace

const char* SolveUsage() {
  return "usage: matchctl solve [--format orlib|orlib-sparse|edges] [--maximize] "
         "[--json]\n"
         "                      [--no-assignment] FILE\n"
         "\n"
         "Solves an assignment problem file locally: assigns as many rows as possible,\n"
         "then minimises the total cost (maximises it with --maximize).\n"
         "\n"
         "  --format F        orlib: n, then the n x n cost matrix row by row;\n"
         "                    orlib-sparse: n, then 'i j c' lines, 1-based;\n"
         "                    edges (default): 'R C E', optional 'cap <col> <capacity>'\n"
         "                    lines (0-based, default 1), then E '<row> <col> <cost>' "
         "lines.\n"
         "                    Lines starting with '#' are comments.\n"
         "  --maximize        maximise the total instead of minimising it\n"
         "  --json            print one JSON line: status, rows, cols, assigned, cost,\n"
         "                    read_seconds (reading the file), solve_seconds (after\n"
         "                    reading it), assignment\n"
         "  --no-assignment   leave out the column of every row\n"
         "  FILE              the problem file, '-' for standard input\n"
         "\n"
         "Exit codes: 0 solved, 1 file unreadable or solver error, 2 usage error or\n"
         "malformed file (the message gives the line number).\n";
}

int RunSolveCommand(const std::vector<std::string>& args, std::ostream& out,
                    std::ostream& err) {
  std::optional<SolveFlags> flags = ParseFlags(args, err);
  if (!flags) return kSolveExitUsage;
  if (flags->help) {
    out << SolveUsage();
    return kSolveExitOk;
  }
  using Clock = std::chrono::steady_clock;
  SolveTimes times;
  const Clock::time_point read_start = Clock::now();
  absl::StatusOr<engine::AssignmentProblem> problem;
  if (flags->file == "-") {
    problem = ReadProblem(std::cin, flags->format);
  } else {
    std::ifstream file(flags->file);
    if (!file) {
      err << "matchctl solve: cannot open '" << flags->file << "'\n";
      return kSolveExitFailure;
    }
    problem = ReadProblem(file, flags->format);
  }
  if (!problem.ok()) {
    err << "matchctl solve: " << flags->file << ": " << problem.status().message()
        << "\n";
    return kSolveExitUsage;
  }
  times.read_seconds = std::chrono::duration<double>(Clock::now() - read_start).count();
  engine::SolverOptions options;
  options.maximize = flags->maximize;
  const Clock::time_point start = Clock::now();
  absl::StatusOr<engine::AssignmentResult> result =
      engine::SolveAssignment(*problem, options);
  times.solve_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!result.ok()) {
    err << "matchctl solve: " << result.status() << "\n";
    return kSolveExitFailure;
  }
  if (flags->json) {
    PrintJson(*problem, *result, times, !flags->no_assignment, out);
  } else {
    PrintText(*problem, *result, times, flags->maximize, !flags->no_assignment, out);
  }
  return kSolveExitOk;
}

}  // namespace azubimatch::solve

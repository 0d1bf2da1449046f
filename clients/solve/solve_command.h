// `matchctl solve`: reads an assignment problem file and solves it locally with
// the engine (engine/assignment/sparse_assignment.h), without a server.
//
//   matchctl solve [--format orlib|orlib-sparse|edges] [--maximize] [--json]
//                  [--no-assignment] FILE
//
// FILE may be `-` for standard input; the formats are those of
// problem_formats.h (default: edges). --maximize maximises the total instead of
// minimising it. --json prints one line
//   {"status":"OPTIMAL","rows":R,"cols":C,"assigned":K,"cost":X,"solve_seconds":T,
//    "assignment":[column per row, -1 if none]}
// where solve_seconds covers everything after the file has been read into the
// problem structure (building the solver's graphs included); --no-assignment
// leaves out the array (and the per-row lines of the text output).
//
// Exit codes: 0 solved; 1 the file cannot be opened or the solver failed (e.g.
// costs too large); 2 usage error or malformed file (with its line number).
//
// Thread safety: reentrant; writes only to the given streams.
#ifndef AZUBIMATCH_CLIENTS_SOLVE_SOLVE_COMMAND_H_
#define AZUBIMATCH_CLIENTS_SOLVE_SOLVE_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace azubimatch::solve {

inline constexpr int kSolveExitOk = 0;
inline constexpr int kSolveExitFailure = 1;
inline constexpr int kSolveExitUsage = 2;

// The usage text printed by --help.
const char* SolveUsage();

// Runs `matchctl solve` with `args`, the arguments after `solve`. Results go to
// `out`, diagnostics to `err`. Returns the exit code.
int RunSolveCommand(const std::vector<std::string>& args, std::ostream& out,
                    std::ostream& err);

}  // namespace azubimatch::solve

#endif  // AZUBIMATCH_CLIENTS_SOLVE_SOLVE_COMMAND_H_

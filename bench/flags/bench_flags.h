// Flags of the benchmark programs, parsed with CLI11 as matchd's and matchctl's are.
// A program declares its options on a CLI::App (after PrepareFlagApp) and parses with
// ParseFlagWords, or from main() with ParseProgramFlags:
//
//   CLI::App app{"", "overload_load"};
//   PrepareFlagApp(app);
//   app.add_option("--clients", flags.clients, "client threads")->type_name("N")
//       ->check(IntIn(0, INT_MAX));
//   if (std::optional<int> exit = ParseProgramFlags(app, argc, argv, kAbout)) return *exit;
//
// or, when the options fill one Flags struct, with RunProgram below.
// The rules: '-' and '_' are alike in flag names (--offers_per_region); a value is the
// next argument or follows '=' (--offers=5000); the last of repeated flags wins.
// Errors are INVALID_ARGUMENT naming the flag: "unknown flag --x", "--json: takes no
// value", "--offers: missing value", "--offers: expected an integer in [1, 1000000],
// got \"x\"", "unexpected argument \"x\"".
//
// Thread safety: none needed (main() only). Complexity: linear in the arguments.
#ifndef AZUBIMATCH_BENCH_FLAGS_BENCH_FLAGS_H_
#define AZUBIMATCH_BENCH_FLAGS_BENCH_FLAGS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace azubimatch::bench {

// Before any option is added: no built-in help flag (programs add "-h,--help" or let
// ParseProgramFlags do it), extras kept for the "unexpected argument" error, the last
// of repeated options wins.
void PrepareFlagApp(CLI::App& app);

// Validators whose message says what was expected and what was given.
// An integer in [min, max].
CLI::Validator IntIn(int64_t min, int64_t max);
// An unsigned 64-bit integer.
CLI::Validator Unsigned64();
// A number for which `ok` holds; "expected <expected>, got ..." otherwise.
CLI::Validator NumberWhere(std::function<bool(double)> ok, std::string expected);
// Seconds in [min, 86400].
CLI::Validator SecondsAtLeast(double min);

// Parses `args` (without the program name) into the options of `app` (see the rules
// above). OK, or INVALID_ARGUMENT naming the flag.
absl::Status ParseFlagWords(CLI::App& app, const std::vector<std::string>& args);

// One line per option, "  --name TYPE       description\n", in declaration order; a
// line break in a description, or a name too long for its column, continues in the
// description column (20 spaces).
std::string FlagTable(const CLI::App& app);

// For main(): adds "-h,--help", then parses argv[1..argc). With --help prints
// "usage: NAME [flags]\n\n<about>\n\n<FlagTable>" to stdout and returns 0; on an error
// prints "NAME: <error>\n" and the same usage to stderr and returns 2; nullopt when the
// program should go on.
std::optional<int> ParseProgramFlags(CLI::App& app, int argc, char** argv,
                                     absl::string_view about);

// A whole main(): `define` declares the options of a default Flags, ParseProgramFlags
// parses argv; the exit status is its answer, or else run(flags).
//
//   int main(int argc, char** argv) {
//     return RunProgram<Flags>("overload_load", kAbout, argc, argv, DefineFlags, Run);
//   }
template <typename Flags>
int RunProgram(const char* name, absl::string_view about, int argc, char** argv,
               void (*define)(CLI::App& app, Flags& flags), int (*run)(const Flags& flags)) {
  Flags flags;
  CLI::App app{"", name};
  define(app, flags);
  if (std::optional<int> exit = ParseProgramFlags(app, argc, argv, about)) return *exit;
  return run(flags);
}

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_FLAGS_BENCH_FLAGS_H_

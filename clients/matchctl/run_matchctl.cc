#include "clients/matchctl/run_matchctl.h"

#include <istream>
#include <ostream>

#include "absl/strings/str_format.h"
#include "clients/matchctl/command.h"
#include "clients/matchctl/command_list.h"
#include "clients/matchctl/global_flags.h"

namespace azubimatch::matchctl {
namespace {

void PrintMainHelp(std::ostream& out) {
  out << "matchctl: command-line client of the azubimatch service\n"
         "\n"
         "usage: matchctl [global flags] COMMAND [arguments] [flags]\n"
         "\n"
         "commands:\n";
  for (const Command& command : AllCommands()) {
    if (!command.replaced_by.empty()) continue;
    out << absl::StrFormat("  %-10s %s\n", command.name, command.summary);
  }
  out << "\nold spellings, still accepted until the next release:\n";
  for (const Command& command : AllCommands()) {
    if (command.replaced_by.empty()) continue;
    out << absl::StrFormat("  %-10s now: %s\n", command.name, command.replaced_by);
  }
  out << "\nglobal flags (before or after the command):\n"
      << GlobalFlagsHelp()
      << "\nexit codes: 0 done, 1 the server refused (code, message and field "
         "violations\n"
         "on stderr), 2 usage or input error (nothing sent).\n"
         "'matchctl COMMAND --help' shows a command's arguments.\n";
}

}  // namespace

int RunMatchctl(const std::vector<std::string>& args, const MatchctlIo& io) {
  std::ostream& out = *io.out;
  std::ostream& err = *io.err;
  absl::StatusOr<GlobalFlagsResult> flags = ExtractGlobalFlags(args, io.environment);
  if (!flags.ok()) {
    err << "matchctl: " << flags.status().message() << "\n(matchctl --help for more)\n";
    return kExitUsage;
  }
  std::vector<std::string> rest = std::move(flags->rest);
  GlobalOptions options = std::move(flags->options);

  // `matchctl help [COMMAND]` is `matchctl [COMMAND] --help`.
  if (!rest.empty() && rest[0] == "help") {
    rest.erase(rest.begin());
    options.help = true;
  }
  if (rest.empty() || rest[0] == "--") {
    if (options.help) {
      PrintMainHelp(out);
      return kExitOk;
    }
    err << "matchctl: no command given\n\n";
    PrintMainHelp(err);
    return kExitUsage;
  }
  if (rest[0].size() > 1 && rest[0][0] == '-') {
    err << "matchctl: unknown global flag " << rest[0]
        << "\n(matchctl --help for more)\n";
    return kExitUsage;
  }
  const Command* command = FindCommand(rest[0]);
  if (command == nullptr) {
    err << "matchctl: unknown command \"" << rest[0]
        << "\"\n(matchctl --help lists them)\n";
    return kExitUsage;
  }
  std::vector<std::string> command_args(rest.begin() + 1, rest.end());
  if (command->passes_global_flags) {
    // Ahead of the other words, so that a "--" among them does not swallow them.
    if (options.help) command_args.insert(command_args.begin(), "--help");
    if (options.json) command_args.insert(command_args.begin(), "--json");
  } else if (options.help) {
    PrintCommandHelp(*command, out);
    return kExitOk;
  }
  Context context(std::move(options), *io.in, out, err, io.err_is_terminal);
  context.set_command(command);
  return command->run(context, command_args);
}

}  // namespace azubimatch::matchctl

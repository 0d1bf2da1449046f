// `matchctl demo` when this build has no demo cohort generator (clients/demo, target
// azm_demo_cohort): the command exists and says so.
#include <ostream>

#include "clients/matchctl/command_list.h"

namespace azubimatch::matchctl {

void AddDemoCommand(std::vector<Command>& commands) {
  Command command;
  command.name = "demo";
  command.summary = "generate and import a demo cohort (not built in this binary)";
  command.usage =
      "matchctl demo [--candidates N] [--offers M] [--seed S]\n"
      "\n"
      "Not available: this matchctl was built without clients/demo (azm_demo_cohort).";
  command.run = [](Context& context, const std::vector<std::string>&) {
    context.err() << "matchctl demo: not built: this matchctl was built without "
                     "clients/demo (target azm_demo_cohort)\n";
    return kExitUsage;
  };
  commands.push_back(std::move(command));
}

}  // namespace azubimatch::matchctl

#include "clients/matchctl/record_noun_commands.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/matchctl/command_list.h"
#include "clients/matchctl/record_kind.h"

namespace azubimatch::matchctl {
namespace {

const Command* FindVerb(const std::vector<Command>& verbs, const std::string& word) {
  for (const Command& verb : verbs) {
    if (verb.name == word) return &verb;
  }
  return nullptr;
}

std::string NounUsage(const std::string& noun, const std::vector<Command>& verbs) {
  std::vector<std::string> names;
  for (const Command& verb : verbs) names.push_back(verb.name);
  std::string usage = absl::StrCat("matchctl ", noun, " {", absl::StrJoin(names, "|"),
                                   "} ...\n\n");
  for (const Command& verb : verbs) {
    const std::string spelled = NounFirstUsage(verb.usage, verb.name, noun);
    absl::StrAppend(&usage, "  ", spelled.substr(0, spelled.find('\n')), "\n");
  }
  absl::StrAppend(&usage, "\n'matchctl ", noun,
                  " VERB --help' explains one of them. The old spellings 'matchctl VERB ",
                  noun, " ...' still work until the next release.");
  return usage;
}

}  // namespace

std::string NounFirstUsage(const std::string& usage, const std::string& verb,
                           const std::string& noun) {
  const std::string head = absl::StrCat("matchctl ", verb, " {");
  const size_t start = usage.find(head);
  if (start == std::string::npos) return usage;
  const size_t close = usage.find('}', start + head.size());
  if (close == std::string::npos) return usage;
  return absl::StrCat(usage.substr(0, start), "matchctl ", noun, " ", verb,
                      usage.substr(close + 1));
}

Command RecordNounCommand(const std::string& noun, const std::vector<Command>* verbs) {
  const std::string plural(KindPlural(*ParseRecordKind(noun)));
  Command command;
  command.name = noun;
  command.aliases = {plural};
  command.summary = absl::StrCat("list, get, add, delete or import ", plural);
  command.usage = NounUsage(noun, *verbs);
  command.passes_global_flags = true;  // so that `offer get --help` explains `get`
  command.run = [noun, verbs](Context& context, const std::vector<std::string>& args) {
    bool help = false;
    std::vector<std::string> rest;
    for (const std::string& word : args) {
      if (word == "--help" && rest.empty()) {
        help = true;
      } else if (word == "--json" && rest.empty()) {
        // Already in context.options(); the verb reads it there.
      } else {
        rest.push_back(word);
      }
    }
    const Command* self = context.command();
    if (rest.empty()) {
      if (help) {
        PrintCommandHelp(*self, context.out());
        return kExitOk;
      }
      return context.UsageError(absl::StrCat("which of list, get, add, delete, import? (",
                                              "matchctl ", noun, " --help)"));
    }
    const Command* verb = FindVerb(*verbs, rest[0]);
    if (verb == nullptr) {
      return context.UsageError(absl::StrCat("unknown ", noun, " command \"", rest[0],
                                              "\"; expected list, get, add, delete or import"));
    }
    if (help) {
      Command spelled = *verb;
      spelled.usage = NounFirstUsage(verb->usage, verb->name, noun);
      PrintCommandHelp(spelled, context.out());
      return kExitOk;
    }
    rest[0] = noun;  // `offer get ID` is `get offer ID`
    context.set_command(verb);
    return verb->run(context, rest);
  };
  return command;
}

}  // namespace azubimatch::matchctl

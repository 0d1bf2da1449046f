// The registry command group: list, get, add, delete and import of companies, training
// offers and candidates, spelled noun first (`matchctl offer list`, see
// record_noun_commands.h). Each verb is built in its own file; AddRegistryCommands
// appends the three nouns and, as old spellings kept for one release, the verbs
// (`matchctl list offers`).
//
// Thread-compatible (see command.h).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_REGISTRY_COMMANDS_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_REGISTRY_COMMANDS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/matchctl/command.h"
#include "clients/matchctl/command_args.h"
#include "clients/matchctl/record_kind.h"
#include "google/protobuf/message.h"

namespace azubimatch::matchctl {

void AddRegistryCommands(std::vector<Command>& commands);

Command ListCommand();    // list_command.cc
Command GetCommand();     // get_command.cc
Command AddCommand();     // add_command.cc
Command DeleteCommand();  // delete_command.cc
Command ImportCommand();  // import_command.cc

struct KindArgs {
  RecordKind kind;
  ParsedArgs args;  // positional[0] is the kind word
};

// Parses a registry command's arguments: `specs` flags and exactly `positional`
// words, the first of them a record kind. InvalidArgument ending in `expected`
// (e.g. "KIND ID") when the count is wrong.
absl::StatusOr<KindArgs> ParseKindArgs(const std::vector<std::string>& args,
                                       const std::vector<FlagSpec>& specs,
                                       size_t positional, absl::string_view expected);

// Prints one record: its JSON object with --json, else field by field.
void PrintRecord(Context& context, const google::protobuf::Message& record);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_REGISTRY_COMMANDS_H_

#include "clients/matchctl/registry_commands.h"

#include <ostream>

#include "absl/strings/str_cat.h"
#include "clients/matchctl/proto_json.h"
#include "clients/matchctl/record_noun_commands.h"
#include "clients/matchctl/record_table.h"

namespace azubimatch::matchctl {

void AddRegistryCommands(std::vector<Command>& commands) {
  static const auto* const kVerbs = new std::vector<Command>{
      ListCommand(), GetCommand(), AddCommand(), DeleteCommand(), ImportCommand()};
  for (const char* noun : {"company", "offer", "candidate"}) {
    commands.push_back(RecordNounCommand(noun, kVerbs));
  }
  for (Command verb : *kVerbs) {
    verb.replaced_by = absl::StrCat("{company|offer|candidate} ", verb.name);
    commands.push_back(std::move(verb));
  }
}

absl::StatusOr<KindArgs> ParseKindArgs(const std::vector<std::string>& args,
                                       const std::vector<FlagSpec>& specs,
                                       size_t positional, absl::string_view expected) {
  absl::StatusOr<ParsedArgs> parsed = ParseCommandArgs(args, specs);
  if (!parsed.ok()) return parsed.status();
  if (parsed->positional.size() != positional) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expected ", expected, " (", positional, positional == 1 ? " word" : " words",
        "), got ", parsed->positional.size()));
  }
  absl::StatusOr<RecordKind> kind = ParseRecordKind(parsed->positional[0]);
  if (!kind.ok()) return kind.status();
  return KindArgs{*kind, *std::move(parsed)};
}

void PrintRecord(Context& context, const google::protobuf::Message& record) {
  if (context.json()) {
    context.out() << ProtoToJson(record) << "\n";
  } else {
    PrintRecordFields(record, context.out());
  }
}

}  // namespace azubimatch::matchctl

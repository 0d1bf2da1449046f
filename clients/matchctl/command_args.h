// ParseCommandArgs: reads a command's own arguments (after the global flags are taken
// out) into positional words and flag values, rejecting flags the command does not
// know. Flags are "--name value", "--name=value", or "--name" for a switch; '-' and
// '_' are the same in names ("--company-id" = "--company_id"); a flag may repeat
// (all values kept, Value() gives the last); "--" ends the flags.
//
// Thread-safe (pure function). O(arguments x flags).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_COMMAND_ARGS_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_COMMAND_ARGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace azubimatch::matchctl {

struct FlagSpec {
  std::string name;  // snake_case, without dashes, e.g. "page_size"
  bool takes_value = true;
};

class ParsedArgs {
 public:
  std::vector<std::string> positional;
  // Every flag given, in order: (spec name, value); switches have value "true".
  std::vector<std::pair<std::string, std::string>> flags;

  bool Has(absl::string_view name) const;
  // The last value of the flag, or `fallback`.
  std::string Value(absl::string_view name, absl::string_view fallback = "") const;
  // The last value as a whole number; nullopt when absent. InvalidArgument naming
  // the flag when it is not a number or below `min`.
  absl::StatusOr<std::optional<int64_t>> IntValue(absl::string_view name,
                                                  int64_t min = INT64_MIN) const;
};

// One command-line word that starts with '-', split: "--name=value" gives
// {"name", "value", true}; "--name" and "-name" give {"name", "", false}.
struct FlagWord {
  absl::string_view name;
  absl::string_view value;
  bool has_value = false;
};
FlagWord SplitFlagWord(absl::string_view word);

// InvalidArgument naming the flag for an unknown flag or a missing value.
absl::StatusOr<ParsedArgs> ParseCommandArgs(const std::vector<std::string>& args,
                                            const std::vector<FlagSpec>& specs);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_COMMAND_ARGS_H_

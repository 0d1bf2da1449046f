#include "clients/matchctl/command_args.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace azubimatch::matchctl {
namespace {

std::string Underscored(absl::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

std::string Dashed(absl::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c == '_') c = '-';
  }
  return out;
}

// A word that starts with '-' but is a value, e.g. "-3" or "-" (stdin).
bool LooksLikeValue(absl::string_view word) {
  if (word == "-") return true;
  double number = 0;
  return absl::SimpleAtod(word, &number);
}

}  // namespace

FlagWord SplitFlagWord(absl::string_view word) {
  FlagWord result;
  absl::ConsumePrefix(&word, "-");
  absl::ConsumePrefix(&word, "-");
  const size_t equals = word.find('=');
  result.has_value = equals != absl::string_view::npos;
  result.name = word.substr(0, equals);
  if (result.has_value) result.value = word.substr(equals + 1);
  return result;
}

bool ParsedArgs::Has(absl::string_view name) const {
  for (const auto& [flag, value] : flags) {
    if (flag == name) return true;
  }
  return false;
}

std::string ParsedArgs::Value(absl::string_view name, absl::string_view fallback) const {
  std::string result(fallback);
  for (const auto& [flag, value] : flags) {
    if (flag == name) result = value;
  }
  return result;
}

absl::StatusOr<std::optional<int64_t>> ParsedArgs::IntValue(absl::string_view name,
                                                            int64_t min) const {
  if (!Has(name)) return std::optional<int64_t>();
  const std::string text = Value(name);
  int64_t value = 0;
  if (!absl::SimpleAtoi(text, &value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", Dashed(name), ": \"", text, "\" is not a whole number"));
  }
  if (value < min) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", Dashed(name), ": must be at least ", min));
  }
  return std::optional<int64_t>(value);
}

absl::StatusOr<ParsedArgs> ParseCommandArgs(const std::vector<std::string>& args,
                                            const std::vector<FlagSpec>& specs) {
  ParsedArgs parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      parsed.positional.insert(parsed.positional.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (!absl::StartsWith(arg, "-") || LooksLikeValue(arg)) {
      parsed.positional.push_back(arg);
      continue;
    }
    const FlagWord word = SplitFlagWord(arg);
    absl::string_view value = word.value;
    const std::string name = Underscored(word.name);
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& candidate : specs) {
      if (candidate.name == name) spec = &candidate;
    }
    if (spec == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag ", arg));
    }
    if (!word.has_value) {
      if (!spec->takes_value) {
        value = "true";
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat("--", Dashed(name), " needs a value"));
      }
    }
    parsed.flags.emplace_back(name, std::string(value));
  }
  return parsed;
}

}  // namespace azubimatch::matchctl

#include "bench/flags/bench_flags.h"

#include <cstdio>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"

namespace azubimatch::bench {
namespace {

// A line break in the flag table: the next line starts in the description column.
constexpr char kContinuation[] = "\n                    ";

}  // namespace

void PrepareFlagApp(CLI::App& app) {
  app.set_help_flag();
  app.allow_extras();  // reported as unexpected arguments
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

CLI::Validator IntIn(int64_t min, int64_t max) {
  return CLI::Validator(
      [min, max](std::string& value) -> std::string {
        int64_t parsed = 0;
        if (!absl::SimpleAtoi(value, &parsed) || parsed < min || parsed > max) {
          return absl::StrCat("expected an integer in [", min, ", ", max, "], got \"", value,
                              "\"");
        }
        return "";
      },
      "");
}

CLI::Validator Unsigned64() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        uint64_t parsed = 0;
        return absl::SimpleAtoi(value, &parsed)
                   ? ""
                   : absl::StrCat("expected an unsigned integer, got \"", value, "\"");
      },
      "");
}

CLI::Validator NumberWhere(std::function<bool(double)> ok, std::string expected) {
  return CLI::Validator(
      [ok = std::move(ok), expected = std::move(expected)](std::string& value) -> std::string {
        double parsed = 0;
        if (!absl::SimpleAtod(value, &parsed) || !ok(parsed)) {
          return absl::StrCat("expected ", expected, ", got \"", value, "\"");
        }
        return "";
      },
      "");
}

CLI::Validator SecondsAtLeast(double min) {
  return NumberWhere([min](double s) { return s >= min && s <= 86400; },
                     absl::StrCat("seconds in [", min, ", 86400]"));
}

absl::Status ParseFlagWords(CLI::App& app, const std::vector<std::string>& args) {
  // '-' and '_' are alike in flag names; a switch takes no value.
  std::vector<std::string> words;
  for (const std::string& arg : args) {
    if (!absl::StartsWith(arg, "--")) {  // a value, -h, or reported below
      words.push_back(arg);
      continue;
    }
    const size_t eq = arg.find('=');
    const std::string name = absl::StrReplaceAll(arg.substr(0, eq), {{"_", "-"}});
    const CLI::Option* option = app.get_option_no_throw(name);
    if (option == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag ", arg.substr(0, eq)));
    }
    if (eq != std::string::npos && option->get_expected_max() == 0) {
      return absl::InvalidArgumentError(absl::StrCat(name, ": takes no value"));
    }
    words.push_back(eq == std::string::npos ? name : name + arg.substr(eq));
  }
  std::vector<std::string> reversed(words.rbegin(), words.rend());  // as CLI11 takes them
  try {
    app.parse(reversed);
  } catch (const CLI::ArgumentMismatch& e) {
    const std::string message = e.what();
    return absl::InvalidArgumentError(
        absl::StrCat(message.substr(0, message.find(':')), ": missing value"));
  } catch (const CLI::ParseError& e) {
    return absl::InvalidArgumentError(e.what());
  }
  if (!app.remaining().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("unexpected argument \"", app.remaining().front(), "\""));
  }
  return absl::OkStatus();
}

std::string FlagTable(const CLI::App& app) {
  std::string table;
  for (const CLI::Option* option : app.get_options()) {
    std::string left = option->get_name(false, false);
    if (option->get_expected_max() != 0) absl::StrAppend(&left, " ", option->get_type_name());
    // Continuation lines of the description, and a description after a long name,
    // start in the description column.
    const std::string description =
        absl::StrReplaceAll(option->get_description(), {{"\n", kContinuation}});
    if (left.size() > 17) {
      absl::StrAppend(&table, "  ", left, kContinuation, description, "\n");
    } else {
      absl::StrAppendFormat(&table, "  %-17s %s\n", left, description);
    }
  }
  return table;
}

std::optional<int> ParseProgramFlags(CLI::App& app, int argc, char** argv,
                                     absl::string_view about) {
  bool help = false;
  app.add_flag("-h,--help", help, "this text");
  const absl::Status parsed = ParseFlagWords(app, std::vector<std::string>(argv + 1, argv + argc));
  const std::string usage =
      absl::StrCat("usage: ", app.get_name(), " [flags]\n\n", about, "\n\n", FlagTable(app));
  if (!parsed.ok()) {
    std::fprintf(stderr, "%s: %s\n%s", app.get_name().c_str(),
                 std::string(parsed.message()).c_str(), usage.c_str());
    return 2;
  }
  if (help) {
    std::fputs(usage.c_str(), stdout);
    return 0;
  }
  return std::nullopt;
}

}  // namespace azubimatch::bench

#include "clients/matchctl/global_flags.h"

#include <algorithm>
#include <cmath>

#include "CLI/CLI.hpp"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "clients/matchctl/command_args.h"

namespace azubimatch::matchctl {
namespace {

// A CLI11 validator from a check that returns "" or what is wrong with the value.
CLI::Validator Check(std::string (*check)(const std::string& value)) {
  return CLI::Validator([check](std::string& value) { return check(value); }, "");
}

// The global flags, parsed by CLI11 into `options`; one definition per flag with its
// help text beside it. Switches (--json, --help) take no value or "=true|false|1|0".
class GlobalFlagsApp {
 public:
  explicit GlobalFlagsApp(GlobalOptions* options) {
    app_.set_help_flag();  // --help is an ordinary switch below
    app_.allow_extras();   // the command and its own flags stay in order in remaining()
    app_.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    GlobalOptions& o = *options;
    app_.add_option("--server", o.server,
                    "address of matchd (default 127.0.0.1:50051; environment AZUBIMATCH_SERVER)")
        ->type_name("HOST:PORT")
        ->check(Check([](const std::string& v) -> std::string {
          return v.empty() ? "empty address" : "";
        }));
    app_.add_option("--api-key", o.api_key,
                    "API key, sent as 'authorization: Bearer KEY' (environment "
                    "AZUBIMATCH_API_KEY)")
        ->type_name("KEY");
    const auto not_empty = Check([](const std::string& v) -> std::string {
      return v.empty() ? "empty" : "";
    });
    app_.add_option("--tls-ca", o.tls.ca_file,
                    "PEM CA certificates matchd's certificate must chain to: use TLS")
        ->type_name("FILE")
        ->check(not_empty);
    app_.add_option("--tls-cert", o.tls.cert_file,
                    "PEM client certificate for mutual TLS (with --tls-key)")
        ->type_name("FILE")
        ->check(not_empty);
    app_.add_option("--tls-key", o.tls.key_file, "PEM private key of --tls-cert")
        ->type_name("FILE")
        ->check(not_empty);
    app_.add_flag("--json", o.json, "print JSON for scripts instead of tables");
    app_.add_option_function<std::string>(
            "--timeout",
            [&o](const std::string& value) {
              double seconds = 0;
              absl::SimpleAtod(value, &seconds);  // checked below
              o.timeout = absl::Seconds(seconds);
            },
            "deadline of each call to the server (default 30)")
        ->type_name("SECONDS")
        ->check(Check([](const std::string& v) -> std::string {
          double seconds = 0;
          if (!absl::SimpleAtod(v, &seconds) || !std::isfinite(seconds) || seconds <= 0) {
            return absl::StrCat("\"", v, "\" is not a positive number of seconds");
          }
          return "";
        }));
    app_.add_flag("-h,--help", o.help,
                  "show help (also -h); 'matchctl COMMAND --help' for a command");
  }

  // The global flag `word` ("--api_key=x", "--json") names, or nullptr.
  CLI::Option* Find(const std::string& word) {
    if (!absl::StartsWith(word, "--")) return nullptr;
    const FlagWord split = SplitFlagWord(word);
    if (split.name.empty()) return nullptr;
    return app_.get_option_no_throw(
        absl::StrCat("--", absl::StrReplaceAll(split.name, {{"_", "-"}})));
  }

  // Parses `args` (no "--" among them); the words that are not global flags go to
  // `rest` in their order.
  absl::Status Parse(const std::vector<std::string>& args, std::vector<std::string>* rest) {
    std::vector<std::string> normalized;
    for (const std::string& arg : args) {
      CLI::Option* option = Find(arg);
      if (option == nullptr) {
        normalized.push_back(arg);
        continue;
      }
      const FlagWord word = SplitFlagWord(arg);
      const std::string name = option->get_name(false, false);
      if (!word.has_value) {
        normalized.push_back(name);
        continue;
      }
      const std::string value(word.value);
      if (option->get_expected_max() == 0) {  // a switch: --json=false
        if (value != "true" && value != "1" && value != "false" && value != "0") {
          return absl::InvalidArgumentError(
              absl::StrCat(name, ": \"", value, "\" is not true or false"));
        }
        if (value == "true" || value == "1") normalized.push_back(name);
        continue;
      }
      if (value.empty()) {  // "--server=": CLI11 would take the next word
        std::string empty;
        const std::string error = (*option->get_validator())(empty);
        if (!error.empty()) return absl::InvalidArgumentError(absl::StrCat(name, ": ", error));
      }
      normalized.push_back(absl::StrCat(name, "=", value));
    }
    std::vector<std::string> reversed(normalized.rbegin(), normalized.rend());
    try {
      app_.parse(reversed);
    } catch (const CLI::ArgumentMismatch& e) {
      // "--server: 1 required HOST:PORT missing"
      const std::string message = e.what();
      const std::string name = message.substr(0, message.find(':'));
      const CLI::Option* option = app_.get_option_no_throw(name);
      return absl::InvalidArgumentError(absl::StrCat(
          name, " needs a value (", option != nullptr ? option->get_type_name() : "", ")"));
    } catch (const CLI::ParseError& e) {
      return absl::InvalidArgumentError(e.what());
    }
    *rest = app_.remaining();
    return absl::OkStatus();
  }

  // "  --server HOST:PORT     address of matchd ..." per flag, in definition order.
  std::string Help() const {
    std::string help;
    for (const CLI::Option* option : app_.get_options()) {
      std::string left = option->get_name(false, false);
      if (option->get_expected_max() != 0) absl::StrAppend(&left, " ", option->get_type_name());
      absl::StrAppendFormat(&help, "  %-20s %s\n", left, option->get_description());
    }
    return help;
  }

 private:
  CLI::App app_{"", "matchctl"};
};

}  // namespace

absl::StatusOr<GlobalFlagsResult> ExtractGlobalFlags(
    const std::vector<std::string>& args,
    const absl::flat_hash_map<std::string, std::string>& environment) {
  GlobalFlagsResult result;
  if (auto it = environment.find("AZUBIMATCH_SERVER");
      it != environment.end() && !it->second.empty()) {
    result.options.server = it->second;
  }
  if (auto it = environment.find("AZUBIMATCH_API_KEY"); it != environment.end()) {
    result.options.api_key = it->second;
  }
  // "--" ends the global flags: it and everything after it belong to the command.
  const auto double_dash = std::find(args.begin(), args.end(), "--");
  GlobalFlagsApp flags(&result.options);
  if (absl::Status status =
          flags.Parse(std::vector<std::string>(args.begin(), double_dash), &result.rest);
      !status.ok()) {
    return status;
  }
  result.rest.insert(result.rest.end(), double_dash, args.end());
  if (result.options.tls.enabled() && !result.options.help) {
    absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
        service::MakeChannelCredentials(result.options.tls);
    if (!credentials.ok()) return credentials.status();
    result.options.channel_credentials = *std::move(credentials);
  }
  return result;
}

std::string GlobalFlagsHelp() {
  GlobalOptions unused;
  return GlobalFlagsApp(&unused).Help();
}

}  // namespace azubimatch::matchctl

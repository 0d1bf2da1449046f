#include "clients/matchctl/global_flags.h"

#include <cmath>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "clients/matchctl/command_args.h"

namespace azubimatch::matchctl {
namespace {

struct GlobalFlag {
  absl::string_view name;        // without the leading "--"
  absl::string_view value_name;  // empty for a switch
  absl::string_view help;
  // Stores `value` ("true" for a switch given without a value).
  absl::Status (*store)(absl::string_view value, GlobalOptions& options);
};

absl::Status StoreSwitch(absl::string_view flag, absl::string_view value, bool* out) {
  if (value == "true" || value == "1") {
    *out = true;
  } else if (value == "false" || value == "0") {
    *out = false;
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, ": \"", value, "\" is not true or false"));
  }
  return absl::OkStatus();
}

absl::Status StoreFileName(absl::string_view flag, absl::string_view value,
                           std::string* out) {
  if (value.empty())
    return absl::InvalidArgumentError(absl::StrCat("--", flag, ": empty"));
  *out = std::string(value);
  return absl::OkStatus();
}

constexpr GlobalFlag kGlobalFlags[] = {
    {"server", "HOST:PORT",
     "address of matchd (default 127.0.0.1:50051; environment AZUBIMATCH_SERVER)",
     [](absl::string_view value, GlobalOptions& options) {
       if (value.empty()) return absl::InvalidArgumentError("--server: empty address");
       options.server = std::string(value);
       return absl::OkStatus();
     }},
    {"api-key", "KEY",
     "API key, sent as 'authorization: Bearer KEY' (environment AZUBIMATCH_API_KEY)",
     [](absl::string_view value, GlobalOptions& options) {
       options.api_key = std::string(value);
       return absl::OkStatus();
     }},
    {"tls-ca", "FILE", "PEM CA certificates matchd's certificate must chain to: use TLS",
     [](absl::string_view value, GlobalOptions& options) {
       return StoreFileName("tls-ca", value, &options.tls.ca_file);
     }},
    {"tls-cert", "FILE", "PEM client certificate for mutual TLS (with --tls-key)",
     [](absl::string_view value, GlobalOptions& options) {
       return StoreFileName("tls-cert", value, &options.tls.cert_file);
     }},
    {"tls-key", "FILE", "PEM private key of --tls-cert",
     [](absl::string_view value, GlobalOptions& options) {
       return StoreFileName("tls-key", value, &options.tls.key_file);
     }},
    {"json", "", "print JSON for scripts instead of tables",
     [](absl::string_view value, GlobalOptions& options) {
       return StoreSwitch("json", value, &options.json);
     }},
    {"timeout", "SECONDS", "deadline of each call to the server (default 30)",
     [](absl::string_view value, GlobalOptions& options) {
       double seconds = 0;
       if (!absl::SimpleAtod(value, &seconds) || !std::isfinite(seconds) ||
           seconds <= 0) {
         return absl::InvalidArgumentError(absl::StrCat(
             "--timeout: \"", value, "\" is not a positive number of seconds"));
       }
       options.timeout = absl::Seconds(seconds);
       return absl::OkStatus();
     }},
    {"help", "", "show help (also -h); 'matchctl COMMAND --help' for a command",
     [](absl::string_view value, GlobalOptions& options) {
       return StoreSwitch("help", value, &options.help);
     }},
};

const GlobalFlag* FindGlobalFlag(absl::string_view name) {
  for (const GlobalFlag& flag : kGlobalFlags) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

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
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      result.rest.insert(result.rest.end(), args.begin() + i, args.end());
      break;
    }
    if (arg == "-h") {
      result.options.help = true;
      continue;
    }
    if (!absl::StartsWith(arg, "--")) {
      result.rest.push_back(arg);
      continue;
    }
    const FlagWord word = SplitFlagWord(arg);
    absl::string_view value = word.value;
    const GlobalFlag* flag = FindGlobalFlag(word.name);
    if (flag == nullptr) {
      result.rest.push_back(arg);  // the command's own flag
      continue;
    }
    if (!word.has_value) {
      if (flag->value_name.empty()) {
        value = "true";
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat("--", flag->name, " needs a value (", flag->value_name, ")"));
      }
    }
    if (absl::Status status = flag->store(value, result.options); !status.ok()) {
      return status;
    }
  }
  if (result.options.tls.enabled() && !result.options.help) {
    absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
        service::MakeChannelCredentials(result.options.tls);
    if (!credentials.ok()) return credentials.status();
    result.options.channel_credentials = *std::move(credentials);
  }
  return result;
}

std::string GlobalFlagsHelp() {
  std::string help;
  for (const GlobalFlag& flag : kGlobalFlags) {
    const std::string left = flag.value_name.empty()
                                 ? absl::StrCat("--", flag.name)
                                 : absl::StrCat("--", flag.name, " ", flag.value_name);
    absl::StrAppendFormat(&help, "  %-20s %s\n", left, flag.help);
  }
  return help;
}

}  // namespace azubimatch::matchctl

#include "service/server/matchd_flags.h"

#include <memory>
#include <optional>
#include <utility>

#include "CLI/CLI.hpp"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "toml++/toml.h"

namespace azubimatch::service {
namespace {

constexpr char kServerGroup[] = "Server";
constexpr char kSecurityGroup[] =
    "Security (every call needs `authorization: Bearer <key>`; see service/auth/ACCESS.md)";
constexpr char kHttpGroup[] =
    "HTTP/JSON (every RPC on its google.api.http route; GET /openapi.json, /metrics, the "
    "web console at /)";
constexpr char kBackupGroup[] = "Backups";

std::string BadValue(const std::string& value, const std::string& expected) {
  return absl::StrCat("bad value \"", value, "\", expected ", expected);
}

// A CLI11 validator: an integer in [min, max].
CLI::Validator IntIn(int min, int max) {
  return CLI::Validator(
      [min, max](std::string& value) -> std::string {
        int n = 0;
        if (!absl::SimpleAtoi(value, &n) || n < min || n > max) {
          return BadValue(value, absl::StrCat("an integer in ", min, "..", max));
        }
        return "";
      },
      "");
}

// A CLI11 validator: a non-empty string, `what` names the expectation.
CLI::Validator NonEmpty(const std::string& what) {
  return CLI::Validator(
      [what](std::string& value) -> std::string {
        return value.empty() ? BadValue(value, what) : "";
      },
      "");
}

// A CLI11 validator: HOST:PORT with a port in 0..65535.
CLI::Validator HostPort() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const size_t colon = value.rfind(':');
        int port = 0;
        if (colon == std::string::npos || colon == 0 ||
            !absl::SimpleAtoi(value.substr(colon + 1), &port) || port < 0 || port > 65535) {
          return BadValue(value, "HOST:PORT with a port in 0..65535");
        }
        return "";
      },
      "");
}

// A flag without a value (--quiet), as opposed to an option taking one.
bool IsFlag(const CLI::Option* option) { return option->get_expected_max() == 0; }

// Shows flags as "--listen HOST:PORT" and "--help, -h"; defaults are in the texts.
class MatchdFormatter final : public CLI::Formatter {
 public:
  MatchdFormatter() { column_width(31); }
  std::string make_option_name(const CLI::Option* option, bool) const override {
    std::string name = option->get_name(false, false);
    for (const std::string& short_name : option->get_snames()) {
      absl::StrAppend(&name, ", -", short_name);
    }
    return name;
  }
  std::string make_option_opts(const CLI::Option* option) const override {
    return IsFlag(option) ? "" : " " + option->get_type_name();
  }
  std::string make_usage(const CLI::App*, std::string) const override {
    return "\nUsage: matchd [flags]\n";
  }
};

// The flags of matchd, bound to `out`. Defaults come from ServerOptions{}.
class MatchdFlags {
 public:
  explicit MatchdFlags(MatchdCommandLine* out) : app_("", "matchd") {
    ServerOptions d;
    app_.description(
        "matchd: the azubimatch server (gRPC API azubimatch.v1: Registry, Matching,\n"
        "Preferences, Reports, Admin, DataProtection; grpc.health.v1 and reflection;\n"
        "the same API as HTTP/JSON with --http-listen)");
    app_.formatter(std::make_shared<MatchdFormatter>());
    app_.set_help_flag();  // --help is an ordinary flag below: no exception for it
    app_.allow_extras();   // unknown flags and positionals are reported by ParseArgs
    app_.option_defaults()->disable_flag_override()->multi_option_policy(
        CLI::MultiOptionPolicy::TakeLast);
    ServerOptions& o = out->options;

    app_.add_option("--config", out->config_file,
                    "TOML file of flags: keys are the flag names with '_'\n"
                    "(listen = \"0.0.0.0:50051\"); flags given here win")
        ->type_name("FILE")
        ->check(NonEmpty("a file"))
        ->group(kServerGroup);
    app_.add_option("--listen", o.listen_address,
                    absl::StrCat("address to serve on; port 0 picks a free port\n(default ",
                                 d.listen_address, ")"))
        ->type_name("HOST:PORT")
        ->check(HostPort())
        ->group(kServerGroup);
    app_.add_option("--data", o.data_dir,
                    absl::StrCat("RocksDB data folder, created when missing\n(default ",
                                 d.data_dir, ")"))
        ->type_name("DIR")
        ->check(NonEmpty("a folder"))
        ->group(kServerGroup);
    app_.add_option_function<int>(
            "--max-message-mb",
            [&o](const int& mb) { o.max_receive_message_bytes = o.max_send_message_bytes = mb << 20; },
            absl::StrCat("largest request and response message in MiB\n(default ",
                         d.max_receive_message_bytes >> 20, ")"))
        ->type_name("N")
        ->check(IntIn(1, 1024))
        ->group(kServerGroup);
    app_.add_flag_callback(
            "--no-sync-writes", [&o] { o.sync_writes = false; },
            "acknowledge writes before they are fsynced (faster\n"
            "bulk loads; the last writes may be lost on power loss)")
        ->group(kServerGroup);
    app_.add_option_function<int>(
            "--shutdown-grace-seconds",
            [&o](const int& seconds) { o.shutdown_grace = absl::Seconds(seconds); },
            absl::StrCat("on SIGTERM/SIGINT, time in-flight calls get to finish\n(default ",
                         absl::ToInt64Seconds(d.shutdown_grace), ")"))
        ->type_name("N")
        ->check(IntIn(0, 3600))
        ->group(kServerGroup);
    app_.add_option("--import-batch-size", o.import_batch_size,
                    absl::StrCat("records per write batch in Import (default ",
                                 d.import_batch_size, ")"))
        ->type_name("N")
        ->check(IntIn(1, 100000))
        ->group(kServerGroup);
    app_.add_flag_callback(
            "--quiet", [&o] { o.log_requests = false; }, "no per-request log lines")
        ->group(kServerGroup);
    app_.add_option_function<std::string>(
            "--log-format",
            [&o](const std::string& name) { o.log_format = *ParseLogFormat(name); },
            "text: messages as they are, requests as key=value pairs;\n"
            "json: one JSON object per line (ts, level, msg; requests add\n"
            "rpc, code, ms, member, request_id, peer) (default text)")
        ->type_name("text|json")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
              return ParseLogFormat(value).has_value() ? "" : BadValue(value, "text or json");
            },
            ""))
        ->group(kServerGroup);

    app_.add_option("--metrics-listen", o.metrics_listen,
                    "serve GET /metrics (Prometheus text) over plain HTTP;\n"
                    "loopback only unless --allow-insecure (default: off)")
        ->type_name("HOST:PORT")
        ->check(HostPort())
        ->group(kServerGroup);
    app_.add_option("--max-in-flight", o.in_flight.max_in_flight,
                    absl::StrCat("calls worked on at once; more are refused at once with\n"
                                 "RESOURCE_EXHAUSTED and RetryInfo, health checks never;\n"
                                 "0 = unbounded (default ",
                                 d.in_flight.max_in_flight, ")"))
        ->type_name("N")
        ->check(IntIn(0, 1000000))
        ->group(kServerGroup);

    app_.add_option("--http-listen", o.http.listen_address,
                    "serve HTTP/JSON there too (default: off); same\n"
                    "loopback rule and TLS as --listen")
        ->type_name("HOST:PORT")
        ->check(HostPort())
        ->group(kHttpGroup);
    app_.add_option("--http-cors-origin", o.http.cors_origins,
                    "let browser pages of ORIGIN call the API (CORS);\n"
                    "repeatable; \"*\" for any (default: no CORS headers)")
        ->type_name("ORIGIN")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
              return value.empty() || (value != "*" && value.find("://") == std::string::npos)
                         ? BadValue(value, "an origin like https://portal.example.org, or *")
                         : "";
            },
            ""))
        ->group(kHttpGroup);

    app_.add_option("--tls-cert", o.tls.cert_file,
                    "PEM certificate chain: serve TLS (with --tls-key)")
        ->type_name("FILE")
        ->check(NonEmpty("a path"))
        ->group(kSecurityGroup);
    app_.add_option("--tls-key", o.tls.key_file, "PEM private key of --tls-cert")
        ->type_name("FILE")
        ->check(NonEmpty("a path"))
        ->group(kSecurityGroup);
    app_.add_option("--tls-client-ca", o.tls.client_ca_file,
                    "PEM CA bundle: require client certificates (mutual TLS)")
        ->type_name("FILE")
        ->check(NonEmpty("a path"))
        ->group(kSecurityGroup);
    app_.add_option("--health-listen", o.health_listen,
                    "also serve grpc.health.v1 alone, plaintext and without a key,\n"
                    "on this address (for Kubernetes gRPC probes; default: none)")
        ->type_name("HOST:PORT")
        ->check(HostPort())
        ->group(kSecurityGroup);
    app_.add_flag("--allow-insecure", o.allow_insecure,
                  "allow plaintext on a non-loopback --listen address")
        ->group(kSecurityGroup);
    app_.add_option_function<int>(
            "--rate-limit",
            [&o](const int& rate) {
              o.access.rate_limit.requests_per_second = rate;
              o.access.rate_limit.burst = 2.0 * rate;
            },
            absl::StrCat("requests per second per API key, 0 = unlimited\n(default ",
                         d.access.rate_limit.requests_per_second, ", bursts of twice that)"))
        ->type_name("N")
        ->check(IntIn(0, 1000000))
        ->group(kSecurityGroup);

    app_.add_option("--backup-dir", o.backup_dir,
                    "where `matchctl backup create` writes backups\n"
                    "(outside --data; default: backups disabled)")
        ->type_name("DIR")
        ->check(NonEmpty("a path"))
        ->group(kBackupGroup);
    app_.add_option("--restore-from", o.restore_from,
                    "before serving, restore the newest backup in DIR into\n"
                    "--data; erasures recorded since are applied again")
        ->type_name("DIR")
        ->check(NonEmpty("a path"))
        ->group(kBackupGroup);
    app_.add_flag("-h,--help", out->show_help, "this text")->group(kBackupGroup);

    app_.footer(
        "On first start with an empty --data folder matchd creates an admin API key and\n"
        "writes it to DIR/admin.key (mode 0600); use it with matchctl --api-key to create\n"
        "members and their keys. When ready, matchd prints \"matchd listening on\n"
        "HOST:PORT\" on standard error (and tells systemd READY=1 under Type=notify), then\n"
        "one line per request:\n"
        "ts=... rpc=... code=... ms=... peer=... member=... request_id=...\n"
        "A request id is taken from the `x-request-id` metadata or made up, and sent back\n"
        "in the trailing metadata. SIGTERM or SIGINT shut it down gracefully (in-flight\n"
        "calls drain, the store is closed).");
  }

  // The option of a flag or config key in either spelling ("max_message_mb",
  // "--max_message_mb", "max-message-mb"), or nullptr.
  CLI::Option* Find(std::string name) {
    if (absl::StartsWith(name, "--")) name = name.substr(2);
    if (name.empty()) return nullptr;
    return app_.get_option_no_throw("--" + absl::StrReplaceAll(name, {{"_", "-"}}));
  }

  // Parses `args`. Errors name the flag as given.
  absl::Status ParseArgs(const std::vector<std::string>& args) {
    // '-' and '_' are alike: flag names are spelt with '-' before CLI11 sees them.
    std::vector<std::string> normalized;
    absl::flat_hash_map<std::string, std::string> given_as;  // "--max-message-mb" -> as given
    // An error of CLI11 that starts with the canonical name, with the name as given.
    auto as_given = [&given_as](std::string message) {
      const std::string name = message.substr(0, message.find(':'));
      if (auto it = given_as.find(name); it != given_as.end()) {
        message.replace(0, name.size(), it->second);
      }
      return absl::InvalidArgumentError(message);
    };
    for (const std::string& arg : args) {
      if (!absl::StartsWith(arg, "--")) {
        normalized.push_back(arg);
        continue;
      }
      const size_t eq = arg.find('=');
      std::string name = arg.substr(0, eq);
      CLI::Option* option = Find(name);
      if (option == nullptr) {
        normalized.push_back(arg);  // reported below as unknown
        continue;
      }
      if (eq != std::string::npos && IsFlag(option)) {
        return absl::InvalidArgumentError(absl::StrCat(name, ": takes no value"));
      }
      if (eq != std::string::npos && eq + 1 == arg.size()) {  // "--data=": CLI11 would take the next argument
        std::string empty;
        CLI::Validator* validator = option->get_validator();
        const std::string error = validator != nullptr ? (*validator)(empty) : "";
        if (!error.empty()) return absl::InvalidArgumentError(absl::StrCat(name, ": ", error));
      }
      const std::string canonical = option->get_name(false, false);
      given_as.emplace(canonical, name);
      normalized.push_back(eq == std::string::npos ? canonical
                                                   : canonical + arg.substr(eq));
    }
    // CLI11 takes arguments in reverse order.
    std::vector<std::string> reversed(normalized.rbegin(), normalized.rend());
    try {
      app_.parse(reversed);
    } catch (const CLI::ArgumentMismatch& e) {
      // "--listen: 1 required TEXT missing"
      const std::string message = e.what();
      return as_given(absl::StrCat(message.substr(0, message.find(':')), ": missing value"));
    } catch (const CLI::ParseError& e) {
      return as_given(e.what());
    }
    for (const std::string& extra : app_.remaining()) {
      if (absl::StartsWith(extra, "-")) {
        return absl::InvalidArgumentError(
            absl::StrCat(extra.substr(0, extra.find('=')), ": unknown flag"));
      }
      return absl::InvalidArgumentError(
          absl::StrCat("unexpected argument \"", extra, "\" (matchd takes only flags)"));
    }
    return absl::OkStatus();
  }

  // Whether the flag was given (in the arguments of ParseArgs).
  bool Given(const CLI::Option* option) const { return option->count() > 0; }

  std::string Help() const { return app_.help(); }

 private:
  CLI::App app_;
};

// The flags that `config_file` sets and `command_line` does not, as arguments.
absl::StatusOr<std::vector<std::string>> ConfigArguments(const std::string& config_file,
                                                         MatchdFlags& command_line) {
  const std::string where = absl::StrCat("config ", config_file);
  toml::table table;
  try {
    table = toml::parse_file(config_file);
  } catch (const toml::parse_error& e) {
    const int line = static_cast<int>(e.source().begin.line);
    return absl::InvalidArgumentError(absl::StrCat(
        where, line > 0 ? absl::StrCat(": line ", line) : "", ": ", std::string(e.description())));
  }
  std::vector<std::string> args;
  absl::flat_hash_set<std::string> seen;
  for (const auto& [key_name, node] : table) {
    const std::string key(key_name.str());
    MatchdCommandLine scratch;
    MatchdFlags check(&scratch);
    const CLI::Option* option = check.Find(key);
    if (option == nullptr || key == "config" || key == "help") {
      return absl::InvalidArgumentError(absl::StrCat(where, ": unknown key \"", key, "\""));
    }
    const std::string flag = option->get_name(false, false);
    if (!seen.insert(flag).second) {  // max_message_mb and max-message-mb
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": key \"", key, "\" is given twice"));
    }
    std::optional<std::string> arg;
    if (IsFlag(option)) {
      const std::optional<bool> on = node.value<bool>();
      if (!node.is_boolean() || !on.has_value()) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": key \"", key, "\": expected true or false"));
      }
      if (*on) arg = flag;
    } else if (const toml::array* values = node.as_array(); values != nullptr) {
      // A repeatable flag (http_cors_origin = ["https://a.example", ...]).
      if (option->get_multi_option_policy() != CLI::MultiOptionPolicy::TakeAll) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": key \"", key, "\": takes one value, not an array"));
      }
      std::vector<std::string> each;
      for (const toml::node& value : *values) {
        if (!value.is_string()) {
          return absl::InvalidArgumentError(
              absl::StrCat(where, ": key \"", key, "\": expected an array of strings"));
        }
        each.push_back(absl::StrCat(flag, "=", *value.value<std::string>()));
      }
      if (absl::Status status = check.ParseArgs(each); !status.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": key \"", key, "\": ", status.message()));
      }
      if (!command_line.Given(command_line.Find(key))) {
        args.insert(args.end(), each.begin(), each.end());
      }
      continue;
    } else if (node.is_string()) {
      arg = absl::StrCat(flag, "=", *node.value<std::string>());
    } else if (node.is_integer()) {
      arg = absl::StrCat(flag, "=", *node.value<int64_t>());
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": key \"", key, "\": expected a string or an integer"));
    }
    if (!arg.has_value()) continue;
    // The value alone, so that an error names the key rather than the flag.
    if (absl::Status status = check.ParseArgs({*arg}); !status.ok()) {
      std::string message(status.message());
      if (absl::StartsWith(message, flag + ": ")) message = message.substr(flag.size() + 2);
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": key \"", key, "\": ", message));
    }
    if (!command_line.Given(command_line.Find(key))) args.push_back(*arg);
  }
  return args;
}

}  // namespace

std::string MatchdUsage() {
  MatchdCommandLine unused;
  return MatchdFlags(&unused).Help();
}

absl::StatusOr<MatchdCommandLine> ParseMatchdFlags(const std::vector<std::string>& args) {
  MatchdCommandLine first;
  MatchdFlags command_line(&first);
  if (absl::Status status = command_line.ParseArgs(args); !status.ok()) return status;
  if (first.show_help || first.config_file.empty()) return first;

  absl::StatusOr<std::vector<std::string>> from_file =
      ConfigArguments(first.config_file, command_line);
  if (!from_file.ok()) return from_file.status();
  // The file's flags first, then the command line's; none is given twice.
  std::vector<std::string> all = *std::move(from_file);
  all.insert(all.end(), args.begin(), args.end());
  MatchdCommandLine result;
  MatchdFlags flags(&result);
  if (absl::Status status = flags.ParseArgs(all); !status.ok()) return status;
  return result;
}

}  // namespace azubimatch::service

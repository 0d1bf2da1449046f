// The command line of matchd: parses flags (CLI11) and an optional TOML config file
// into ServerOptions, and explains them.
//
//   matchd [--config FILE] [--listen HOST:PORT] [--data DIR] [--max-message-mb N]
//          [--no-sync-writes] [--shutdown-grace-seconds N] [--import-batch-size N]
//          [--quiet] [--log-format text|json]
//          [--tls-cert FILE --tls-key FILE [--tls-client-ca FILE]] [--allow-insecure]
//          [--health-listen HOST:PORT] [--rate-limit N] [--max-in-flight N]
//          [--metrics-listen HOST:PORT] [--backup-dir DIR] [--restore-from DIR]
//          [--http-listen HOST:PORT] [--http-cors-origin ORIGIN]... [--help]
//
// Flags take their value as the next argument or after '=' (--data=/srv/azubimatch).
// '-' and '_' are alike in flag names (--max_message_mb is --max-message-mb).
//
// Config file (--config FILE, TOML): top-level keys are the flag names with '_'
// (listen, data, max_message_mb, log_format, tls_cert, ...; '-' is accepted as well,
// but a flag may be set only once); flags without a value
// (no_sync_writes, quiet, allow_insecure) take true or false. A flag given on the
// command line wins over the file. deploy/matchd.toml is a commented example.
//
// Errors are INVALID_ARGUMENT: on the command line (unknown flag, missing or bad value,
// positional argument) naming the flag; in the file (unreadable file, TOML syntax with
// its line, unknown key, value of the wrong type or out of range) naming the file and
// the key. matchd then prints them with the usage and exits 2.
//
// Thread safety: pure functions, apart from reading the config file.
// Complexity: linear in the number of arguments and config keys.
#ifndef AZUBIMATCH_SERVICE_SERVER_MATCHD_FLAGS_H_
#define AZUBIMATCH_SERVICE_SERVER_MATCHD_FLAGS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "service/server/server_options.h"

namespace azubimatch::service {

struct MatchdCommandLine {
  ServerOptions options;
  bool show_help = false;  // --help or -h: print MatchdUsage() and exit 0
  std::string config_file;  // --config, "" when none was given
};

// Parses `args` (without the program name), reading --config FILE when given.
absl::StatusOr<MatchdCommandLine> ParseMatchdFlags(const std::vector<std::string>& args);

// The --help text.
std::string MatchdUsage();

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_MATCHD_FLAGS_H_

// The command line of matchd: parses flags into ServerOptions and explains them.
//
//   matchd [--listen HOST:PORT] [--data DIR] [--max-message-mb N] [--no-sync-writes]
//          [--shutdown-grace-seconds N] [--import-batch-size N] [--quiet]
//          [--tls-cert FILE --tls-key FILE [--tls-client-ca FILE]] [--allow-insecure]
//          [--rate-limit N] [--max-in-flight N] [--metrics-listen HOST:PORT]
//          [--backup-dir DIR] [--restore-from DIR]
//          [--http-listen HOST:PORT] [--http-cors-origin ORIGIN]... [--help]
//
// Flags take their value as the next argument or after '=' (--data=/srv/azubimatch).
// Errors (unknown flag, missing or bad value, positional argument) are
// INVALID_ARGUMENT naming the flag; matchd then prints them with the usage and exits 2.
//
// Thread safety: pure functions.
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
};

// Parses `args` (without the program name).
absl::StatusOr<MatchdCommandLine> ParseMatchdFlags(const std::vector<std::string>& args);

// The --help text.
std::string MatchdUsage();

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_MATCHD_FLAGS_H_

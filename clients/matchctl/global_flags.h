// The global flags of matchctl (--server, --api-key, --tls-ca, --tls-cert, --tls-key,
// --json, --timeout, --help), accepted anywhere on the command line, before or after
// the command, until a "--". Environment variables give defaults that the flags
// override.
//
// TLS: --tls-ca (PEM of the CA that signed matchd's certificate) makes the channel use
// TLS; --tls-cert and --tls-key add a client certificate (mutual TLS). ExtractGlobalFlags
// reads and checks these files once (service/transport/tls_options.h) unless --help is
// given, so that a missing or unusable file is a usage error naming its flag before
// anything is sent.
//
// Parsed with CLI11 (the parser of matchd's flags too); '-' and '_' are alike in flag
// names (--api_key is --api-key). To add a global flag: a field in GlobalOptions and one
// definition in GlobalFlagsApp (global_flags.cc) with its value name and help.
//
// Thread-safe (pure functions over a constant table). O(arguments).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_GLOBAL_FLAGS_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_GLOBAL_FLAGS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/security/credentials.h"
#include "service/transport/tls_options.h"

namespace azubimatch::matchctl {

struct GlobalOptions {
  // Address of matchd. Environment: AZUBIMATCH_SERVER.
  // Default: "127.0.0.1:50051".
  std::string server = "127.0.0.1:50051";

  // API key sent as "authorization: Bearer <key>" on every call; empty sends none.
  // Environment: AZUBIMATCH_API_KEY.
  // Default: "".
  std::string api_key;

  // PEM files of the channel's TLS: ca_file (--tls-ca), cert_file (--tls-cert),
  // key_file (--tls-key). All empty: plaintext.
  // Default: all empty.
  service::TlsClientOptions tls;

  // The channel credentials ExtractGlobalFlags made from `tls` (TLS when tls.enabled());
  // nullptr means plaintext.
  // Default: nullptr.
  std::shared_ptr<grpc::ChannelCredentials> channel_credentials;

  // Print JSON for scripts instead of tables.
  // Default: false.
  bool json = false;

  // Deadline of each RPC; zero means the command's own default (30 s for most calls).
  // Default: zero.
  absl::Duration timeout = absl::ZeroDuration();

  // --help / -h: print help instead of running.
  // Default: false.
  bool help = false;
};

struct GlobalFlagsResult {
  GlobalOptions options;
  // What remains: the command name first (if any), then its arguments.
  std::vector<std::string> rest;
};

// Takes the global flags out of `args` (the words after "matchctl"). Accepts
// "--flag value" and "--flag=value". `environment` supplies AZUBIMATCH_SERVER and
// AZUBIMATCH_API_KEY. InvalidArgument naming the flag when a value is missing or bad;
// for the TLS files also NotFound (missing file) and InvalidArgument (not PEM, a key
// that does not belong to its certificate, --tls-cert without --tls-key).
absl::StatusOr<GlobalFlagsResult> ExtractGlobalFlags(
    const std::vector<std::string>& args,
    const absl::flat_hash_map<std::string, std::string>& environment);

// The help lines of the global flags, for `matchctl --help`.
std::string GlobalFlagsHelp();

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_GLOBAL_FLAGS_H_

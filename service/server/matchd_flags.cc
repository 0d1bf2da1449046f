#include "service/server/matchd_flags.h"

#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace azubimatch::service {
namespace {

absl::Status BadValue(const std::string& flag, const std::string& value,
                      const std::string& expected) {
  return absl::InvalidArgumentError(
      absl::StrCat(flag, ": bad value \"", value, "\", expected ", expected));
}

absl::StatusOr<int> ParseInt(const std::string& flag, const std::string& value, int min,
                             int max) {
  int n = 0;
  if (!absl::SimpleAtoi(value, &n) || n < min || n > max) {
    return BadValue(flag, value, absl::StrCat("an integer in ", min, "..", max));
  }
  return n;
}

}  // namespace

std::string MatchdUsage() {
  ServerOptions d;
  return absl::StrCat(
      "matchd: the azubimatch server (gRPC API azubimatch.v1: Registry, Matching, Admin,\n"
      "DataProtection; grpc.health.v1 and reflection)\n"
      "\n"
      "Usage: matchd [flags]\n"
      "\n"
      "  --listen HOST:PORT           address to serve on; port 0 picks a free port\n"
      "                               (default ", d.listen_address, ")\n",
      "  --data DIR                   RocksDB data folder, created when missing\n"
      "                               (default ", d.data_dir, ")\n",
      "  --max-message-mb N           largest request and response message in MiB\n"
      "                               (default ", d.max_receive_message_bytes >> 20, ")\n",
      "  --no-sync-writes             acknowledge writes before they are fsynced (faster\n"
      "                               bulk loads; the last writes may be lost on power loss)\n"
      "  --shutdown-grace-seconds N   on SIGTERM/SIGINT, time in-flight calls get to finish\n"
      "                               (default ", absl::ToInt64Seconds(d.shutdown_grace), ")\n",
      "  --import-batch-size N        records per write batch in Import (default ",
      d.import_batch_size, ")\n",
      "  --quiet                      no per-request log lines\n"
      "  --metrics-listen HOST:PORT   serve GET /metrics (Prometheus text) over plain HTTP;\n"
      "                               loopback only unless --allow-insecure (default: off)\n"
      "  --max-in-flight N            calls worked on at once; more are refused at once with\n"
      "                               RESOURCE_EXHAUSTED and RetryInfo, health checks never;\n"
      "                               0 = unbounded (default ", d.in_flight.max_in_flight, ")\n",
      "\n"
      "HTTP/JSON (every RPC on its google.api.http route; GET /openapi.json):\n"
      "  --http-listen HOST:PORT      serve HTTP/JSON there too (default: off); same\n"
      "                               loopback rule and TLS as --listen\n"
      "  --http-cors-origin ORIGIN    let browser pages of ORIGIN call the API (CORS);\n"
      "                               repeatable; \"*\" for any (default: no CORS headers)\n"
      "\n"
      "Security (every call needs `authorization: Bearer <key>`; see service/auth/ACCESS.md):\n"
      "  --tls-cert FILE              PEM certificate chain: serve TLS (with --tls-key)\n"
      "  --tls-key FILE               PEM private key of --tls-cert\n"
      "  --tls-client-ca FILE         PEM CA bundle: require client certificates (mutual TLS)\n"
      "  --allow-insecure             allow plaintext on a non-loopback --listen address\n"
      "  --rate-limit N               requests per second per API key, 0 = unlimited\n"
      "                               (default ", d.access.rate_limit.requests_per_second,
      ", bursts of twice that)\n"
      "\n"
      "Backups:\n"
      "  --backup-dir DIR             where `matchctl backup create` writes backups\n"
      "                               (outside --data; default: backups disabled)\n"
      "  --restore-from DIR           before serving, restore the newest backup in DIR into\n"
      "                               --data; erasures recorded since are applied again\n"
      "  --help, -h                   this text\n"
      "\n"
      "On first start with an empty --data folder matchd creates an admin API key and\n"
      "writes it to DIR/admin.key (mode 0600); use it with matchctl --api-key to create\n"
      "members and their keys. When ready, matchd prints \"matchd listening on\n"
      "HOST:PORT\" on standard error, then one line per request:\n"
      "ts=... rpc=... code=... ms=... peer=...\n"
      "SIGTERM or SIGINT shut it down gracefully (in-flight calls drain, the store is\n"
      "closed).\n");
}

absl::StatusOr<MatchdCommandLine> ParseMatchdFlags(const std::vector<std::string>& args) {
  MatchdCommandLine result;
  ServerOptions& o = result.options;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i];
    std::optional<std::string> inline_value;
    if (flag.rfind("--", 0) == 0) {
      if (const size_t eq = flag.find('='); eq != std::string::npos) {
        inline_value = flag.substr(eq + 1);
        flag = flag.substr(0, eq);
      }
    }
    // The value of a flag that takes one.
    auto value = [&]() -> absl::StatusOr<std::string> {
      if (inline_value.has_value()) return *inline_value;
      if (i + 1 >= args.size()) {
        return absl::InvalidArgumentError(absl::StrCat(flag, ": missing value"));
      }
      return args[++i];
    };
    // The value of a flag that takes an integer in [min, max].
    auto int_value = [&](int min, int max) -> absl::StatusOr<int> {
      absl::StatusOr<std::string> v = value();
      if (!v.ok()) return v.status();
      return ParseInt(flag, *v, min, max);
    };
    auto no_value = [&]() -> absl::Status {
      if (inline_value.has_value()) {
        return absl::InvalidArgumentError(absl::StrCat(flag, ": takes no value"));
      }
      return absl::OkStatus();
    };

    if (flag == "--help" || flag == "-h") {
      result.show_help = true;
    } else if (flag == "--listen") {
      absl::StatusOr<std::string> v = value();
      if (!v.ok()) return v.status();
      const size_t colon = v->rfind(':');
      int port = 0;
      if (colon == std::string::npos || colon == 0 ||
          !absl::SimpleAtoi(v->substr(colon + 1), &port) || port < 0 || port > 65535) {
        return BadValue(flag, *v, "HOST:PORT with a port in 0..65535");
      }
      o.listen_address = *v;
    } else if (flag == "--http-listen") {
      absl::StatusOr<std::string> v = value();
      if (!v.ok()) return v.status();
      const size_t colon = v->rfind(':');
      int port = 0;
      if (colon == std::string::npos || colon == 0 ||
          !absl::SimpleAtoi(v->substr(colon + 1), &port) || port < 0 || port > 65535) {
        return BadValue(flag, *v, "HOST:PORT with a port in 0..65535");
      }
      o.http.listen_address = *v;
    } else if (flag == "--http-cors-origin") {
      absl::StatusOr<std::string> v = value();
      if (!v.ok()) return v.status();
      if (v->empty() || (*v != "*" && v->find("://") == std::string::npos)) {
        return BadValue(flag, *v, "an origin like https://portal.example.org, or *");
      }
      o.http.cors_origins.push_back(*v);
    } else if (flag == "--data") {
      absl::StatusOr<std::string> v = value();
      if (!v.ok()) return v.status();
      if (v->empty()) return BadValue(flag, *v, "a folder");
      o.data_dir = *v;
    } else if (flag == "--max-message-mb") {
      absl::StatusOr<int> mb = int_value(1, 1024);
      if (!mb.ok()) return mb.status();
      o.max_receive_message_bytes = o.max_send_message_bytes = *mb << 20;
    } else if (flag == "--no-sync-writes") {
      if (absl::Status s = no_value(); !s.ok()) return s;
      o.sync_writes = false;
    } else if (flag == "--shutdown-grace-seconds") {
      absl::StatusOr<int> seconds = int_value(0, 3600);
      if (!seconds.ok()) return seconds.status();
      o.shutdown_grace = absl::Seconds(*seconds);
    } else if (flag == "--import-batch-size") {
      absl::StatusOr<int> n = int_value(1, 100000);
      if (!n.ok()) return n.status();
      o.import_batch_size = *n;
    } else if (flag == "--tls-cert" || flag == "--tls-key" || flag == "--tls-client-ca" ||
               flag == "--backup-dir" || flag == "--restore-from") {
      absl::StatusOr<std::string> v = value();
      if (!v.ok()) return v.status();
      if (v->empty()) return BadValue(flag, *v, "a path");
      std::string* target = flag == "--tls-cert"        ? &o.tls.cert_file
                            : flag == "--tls-key"       ? &o.tls.key_file
                            : flag == "--tls-client-ca" ? &o.tls.client_ca_file
                            : flag == "--backup-dir"    ? &o.backup_dir
                                                        : &o.restore_from;
      *target = *v;
    } else if (flag == "--allow-insecure") {
      if (absl::Status s = no_value(); !s.ok()) return s;
      o.allow_insecure = true;
    } else if (flag == "--rate-limit") {
      absl::StatusOr<int> rate = int_value(0, 1000000);
      if (!rate.ok()) return rate.status();
      o.access.rate_limit.requests_per_second = *rate;
      o.access.rate_limit.burst = 2.0 * *rate;
    } else if (flag == "--metrics-listen") {
      absl::StatusOr<std::string> v = value();
      if (!v.ok()) return v.status();
      const size_t colon = v->rfind(':');
      int port = 0;
      if (colon == std::string::npos || colon == 0 ||
          !absl::SimpleAtoi(v->substr(colon + 1), &port) || port < 0 || port > 65535) {
        return BadValue(flag, *v, "HOST:PORT with a port in 0..65535");
      }
      o.metrics_listen = *v;
    } else if (flag == "--max-in-flight") {
      absl::StatusOr<int> n = int_value(0, 1000000);
      if (!n.ok()) return n.status();
      o.in_flight.max_in_flight = *n;
    } else if (flag == "--quiet") {
      if (absl::Status s = no_value(); !s.ok()) return s;
      o.log_requests = false;
    } else if (flag.rfind("-", 0) == 0) {
      return absl::InvalidArgumentError(absl::StrCat(flag, ": unknown flag"));
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("unexpected argument \"", flag, "\" (matchd takes only flags)"));
    }
  }
  return result;
}

}  // namespace azubimatch::service

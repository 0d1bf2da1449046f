// ServerOptions: everything matchd needs to know to serve. A plain struct with safe
// defaults; matchd_flags.h fills it from the command line.
#ifndef AZUBIMATCH_SERVICE_SERVER_SERVER_OPTIONS_H_
#define AZUBIMATCH_SERVICE_SERVER_SERVER_OPTIONS_H_

#include <functional>
#include <string>
#include <string_view>

#include "absl/time/time.h"

namespace azubimatch::service {

struct ServerOptions {
  // HOST:PORT to listen on. Port 0 picks a free port (Server::port() tells which).
  // Loopback by default: the service holds personal data and the transport has no TLS
  // yet, so exposing it to a network must be an explicit choice.
  // Default: "127.0.0.1:50051".
  std::string listen_address = "127.0.0.1:50051";

  // The RocksDB data folder; created when missing. One server per folder (RocksDB
  // locks it).
  // Default: "./data".
  std::string data_dir = "./data";

  // fsync every write before it is acknowledged. The registry holds personal data;
  // an acknowledged write must survive a power loss, not only a crash. Only bulk loads
  // that can be repeated should turn it off.
  // Default: true.
  bool sync_writes = true;

  // Largest request message the server accepts (RESOURCE_EXHAUSTED above it). Bounds
  // the memory one message can take; an Import streams many small messages instead.
  // Default: 16 MiB.
  int max_receive_message_bytes = 16 << 20;

  // Largest response message the server sends. A full page of 1000 records stays well
  // below it.
  // Default: 16 MiB.
  int max_send_message_bytes = 16 << 20;

  // On shutdown, how long in-flight calls may run before they are cancelled.
  // Default: 10 seconds.
  absl::Duration shutdown_grace = absl::Seconds(10);

  // Records per WriteBatch in Registry.Import (RegistryServiceOptions).
  // Default: 500.
  int import_batch_size = 500;

  // Largest page a listing may ask for (RecordStoreOptions).
  // Default: 1000.
  int max_page_size = 1000;

  // Write one structured line per request ("ts=... rpc=... code=... ms=... peer=...").
  // Default: true.
  bool log_requests = true;

  // Where log lines go (each without the trailing newline). Tests capture them here.
  // Default: empty, meaning standard error.
  std::function<void(std::string_view line)> log_sink;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_SERVER_OPTIONS_H_

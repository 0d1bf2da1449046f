// StreamImport: sends records through the Registry's client-streaming Import RPC in
// batches (one stream per batch), adding up what the server reports. Batches keep
// each stream's per-record error list complete (the server lists at most 1000 errors
// per stream), let a deadline cover one batch rather than the whole file, and mark
// where a broken connection stopped the import. Records of batches that completed
// stay imported; Import is not atomic across records.
//
// Used by `import` and `demo`. Thread-compatible. One RPC per batch.
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_IMPORT_STREAM_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_IMPORT_STREAM_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "azubimatch/v1/registry.pb.h"
#include "clients/matchctl/command.h"

namespace azubimatch::matchctl {

struct ImportOptions {
  // Records per Import stream.
  // Default: 500.
  int batch_size = 500;

  // Deadline of one batch's stream when --timeout is not given.
  // Default: 300 seconds.
  absl::Duration batch_timeout = absl::Seconds(300);
};

struct ImportOutcome {
  int64_t sent = 0;  // records streamed in batches that completed
  int64_t received = 0;
  int64_t created = 0;
  int64_t updated = 0;
  int64_t failed = 0;
  // The server's errors, with `index` turned into the position in `records`.
  std::vector<v1::ImportError> errors;
  // The id of every record of a completed batch, in order; "" for failed ones.
  std::vector<std::string> ids;
};

// Streams `records` in order. `progress`, when set, is called with the number of
// records written so far. Stops at the first batch whose stream fails and returns its
// status; *outcome then holds the batches before it.
grpc::Status StreamImport(Context& context, const std::vector<v1::ImportRequest>& records,
                          const ImportOptions& options,
                          const std::function<void(int64_t written)>& progress,
                          ImportOutcome* outcome);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_IMPORT_STREAM_H_

// How matchctl reports a refused call: the status code by name, the message, and the
// field violations the server put in the status details (grpc-status-details-bin,
// a google.rpc.Status holding a google.rpc.BadRequest), one per line:
//
//   matchctl: INVALID_ARGUMENT: offer.seats: must be between 1 and 1000
//     offer.seats: must be between 1 and 1000
//     offer.start_date: required
//
// Thread-safe (pure functions). O(size of the details).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_RPC_ERROR_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_RPC_ERROR_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "grpcpp/support/status.h"

namespace azubimatch::matchctl {

// "INVALID_ARGUMENT", "NOT_FOUND", ...; "CODE_<n>" for numbers outside the enum.
std::string StatusCodeName(grpc::StatusCode code);

struct FieldViolation {
  std::string field;
  std::string description;
};

// The google.rpc.BadRequest field violations in the status details; empty when there
// are none or the details cannot be read.
std::vector<FieldViolation> FieldViolations(const grpc::Status& status);

// The lines above (without the "matchctl: " prefix), ending in a newline.
std::string FormatRpcError(const grpc::Status& status);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_RPC_ERROR_H_

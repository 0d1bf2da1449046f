// Reads registry records from JSON Lines: one record per line in the proto3 JSON
// mapping of Company, TrainingOffer or Candidate (field names in snake_case or
// lowerCamelCase, enums by full value name). Unknown fields are errors, not ignored,
// so that a misspelt field name is caught. Empty lines are skipped; a UTF-8 byte order
// mark at the start is skipped.
//
// Thread-safe (pure functions). O(size of the input).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_JSONL_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_JSONL_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "clients/matchctl/parsed_records.h"
#include "clients/matchctl/record_kind.h"
#include "google/protobuf/message.h"

namespace azubimatch::matchctl {

ParsedRecords ParseRecordsJsonl(RecordKind kind, absl::string_view text);

// Parses one JSON object (which may span lines) into `message`, rejecting unknown
// fields. InvalidArgument with the parser's message on failure.
absl::Status ParseJsonRecord(absl::string_view json, google::protobuf::Message* message);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_JSONL_H_

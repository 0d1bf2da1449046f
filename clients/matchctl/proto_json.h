// The one JSON printer of matchctl: writes any protobuf message as JSON for scripts.
//
// Differences from protobuf's own JSON printer (util/json_util.h), on purpose:
// - every field is printed, including zero, false and empty values and unset
//   sub-messages (printed as their all-default object), so that scripts see a stable
//   shape;
// - 64-bit integers (e.g. `version`) are JSON numbers, not strings;
// - field names are the proto names (snake_case).
// Otherwise it follows the proto3 JSON mapping: enums by value name
// ("CEFR_LEVEL_B1"; unknown numbers as numbers), bytes in base64, doubles as numbers
// (NaN/Infinity as strings), google.protobuf.Timestamp as an RFC 3339 string and
// Duration as "1.5s" (each null when unset), wrapper types as their value (null when
// unset), maps as objects (keys in sorted order). Fields with explicit presence (proto3
// `optional`) print null when unset; of a `oneof`, only the member that is set is
// printed.
//
// Thread-safe for distinct writers. O(size of the message).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_PROTO_JSON_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_PROTO_JSON_H_

#include <string>

#include "clients/matchctl/json_writer.h"
#include "google/protobuf/message.h"

namespace azubimatch::matchctl {

// Writes `message` as one JSON value (an object, or a string/null for the
// well-known types above) at the writer's current position.
void WriteProtoJson(const google::protobuf::Message& message, JsonWriter& json);

// `message` as compact JSON text.
std::string ProtoToJson(const google::protobuf::Message& message);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_PROTO_JSON_H_

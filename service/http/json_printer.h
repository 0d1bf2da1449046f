// JsonPrinter: prints a message in the proto3 JSON mapping, as
// google::protobuf::util::MessageToJsonString does with always_print_primitive_fields
// (lowerCamelCase names, enums by name, 64-bit integers as strings, every scalar and
// repeated field printed, unset message fields and unset oneof members left out), but
// directly over reflection. protobuf 3.21's printer converts through a type resolver
// and a default-value tree and takes ~40 times as long; on the HTTP gateway's hot path
// it cost more CPU than the RPC itself.
//
// Well-known types: Timestamp (RFC 3339, 0/3/6/9 fraction digits) and Duration
// ("1.5s") are printed here; any other google.protobuf type is handed to protobuf's
// printer, so the output is the same. Doubles and floats are the shortest text that
// reads back as the same value (std::to_chars; protobuf may print more digits of the
// same value); NaN and infinities are the strings "NaN", "Infinity", "-Infinity".
// Strings are escaped per RFC 8259.
// tests/service/http/json_printer_test.cc checks the output against protobuf's printer.
//
// Thread safety: pure function. Complexity: linear in the message size.
#ifndef AZUBIMATCH_SERVICE_HTTP_JSON_PRINTER_H_
#define AZUBIMATCH_SERVICE_HTTP_JSON_PRINTER_H_

#include <string>

#include "google/protobuf/message.h"

namespace azubimatch::service::http {

// Appends the JSON of `message` to `out`.
void AppendJson(const google::protobuf::Message& message, std::string* out);

}  // namespace azubimatch::service::http

#endif  // AZUBIMATCH_SERVICE_HTTP_JSON_PRINTER_H_

// Request and response transcoding between HTTP/JSON and protobuf messages, after
// Google's HTTP transcoding rules (google/api/http.proto) and the proto3 JSON mapping.
//
// A request message is filled in three steps, each later one winning on a conflict:
//   1. the body (route.body "*": the whole request; a field name: that field; "": none,
//      and a non-empty body is refused);
//   2. query parameters: "page_size=10", "pool.municipalities=a&pool.municipalities=b";
//      names in proto or lowerCamelCase form, dotted paths into singular message fields;
//      scalars, enums (by name or number) and repeated scalars;
//   3. path variables ("{candidate_id}", "{company.id}").
// Refusals are INVALID_ARGUMENT whose message names the body, parameter or variable and
// the field: broken JSON, unknown fields, wrong types, unparsable values.
//
// Output is the proto3 JSON mapping with lowerCamelCase names, enums by name and every
// field printed, zero values included (portals read a stable shape).
//
// Thread safety: pure functions. Complexity: linear in the body and the message size.
#ifndef AZUBIMATCH_SERVICE_HTTP_REQUEST_TRANSCODING_H_
#define AZUBIMATCH_SERVICE_HTTP_REQUEST_TRANSCODING_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "service/http/route_table.h"

namespace azubimatch::service::http {

using NameValues = std::vector<std::pair<std::string, std::string>>;

// A new, empty message of `type` from the generated pool's prototypes.
std::unique_ptr<google::protobuf::Message> NewMessage(
    const google::protobuf::Descriptor* type);

// The request of `route` from its body, query parameters and path variables.
absl::StatusOr<std::unique_ptr<google::protobuf::Message>> BuildRequest(
    const HttpRoute& route, const NameValues& path_variables, const NameValues& query,
    absl::string_view body);

// Parses one JSON object into `message` (proto and lowerCamelCase names, unknown fields
// refused). `where` prefixes error messages ("body", "records[3]").
absl::Status ParseJsonInto(absl::string_view json, google::protobuf::Message* message,
                           absl::string_view where);

// Sets the field at `field_path` of `message` from the text `value` (a query parameter
// or path variable); appends for a repeated field. `where` prefixes errors.
absl::Status SetFieldFromText(google::protobuf::Message* message,
                              absl::string_view field_path, absl::string_view value,
                              absl::string_view where);

// The messages of a client-streamed body: a JSON array of objects, or NDJSON (one object
// per line, blank lines skipped). Errors name the element ("records[3]") or line.
absl::StatusOr<std::vector<std::unique_ptr<google::protobuf::Message>>>
ParseMessageStream(const google::protobuf::Descriptor* type, absl::string_view body);

// The JSON of `message`; with a non-empty `field`, of that (message) field only.
std::string ToJson(const google::protobuf::Message& message,
                   absl::string_view field = "");

}  // namespace azubimatch::service::http

#endif  // AZUBIMATCH_SERVICE_HTTP_REQUEST_TRANSCODING_H_

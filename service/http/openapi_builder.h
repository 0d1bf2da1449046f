// The OpenAPI 3.0 document of the HTTP/JSON API, built from the route table (the
// google.api.http annotations) and the message descriptors; run at build time by
// openapi_gen, never by hand.
//
// One operation per route: operationId "Service_Method" (e.g. Registry_CreateCandidate),
// tag = service, path and query parameters, the request body (the body field's message,
// or the whole request; a JSON array or NDJSON of messages for client streams), the
// 200 response (the response_body field's message, or the whole response; server
// streams also as text/event-stream) and the error responses, each a google.rpc.Status.
// Schemas follow the proto3 JSON mapping: lowerCamelCase properties, 64-bit integers as
// strings, enums by name, Timestamp as date-time, bytes as base64. Every operation but
// GET /openapi.json needs the bearer API key.
//
// Output is deterministic: routes in table order, schemas sorted by full name.
// Thread safety: pure function. Complexity: O(routes + fields of reachable messages).
#ifndef AZUBIMATCH_SERVICE_HTTP_OPENAPI_BUILDER_H_
#define AZUBIMATCH_SERVICE_HTTP_OPENAPI_BUILDER_H_

#include <string>

#include "service/http/route_table.h"

namespace azubimatch::service::http {

// The document as pretty-printed JSON (two-space indent, trailing newline).
std::string BuildOpenApiDocument(const RouteTable& routes, const std::string& version);

}  // namespace azubimatch::service::http

#endif  // AZUBIMATCH_SERVICE_HTTP_OPENAPI_BUILDER_H_

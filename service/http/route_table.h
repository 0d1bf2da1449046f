// RouteTable: the HTTP routes of the API, read from the `google.api.http` annotations
// of the protos (AIP-127) in the generated descriptor pool; no route is written by hand.
//
// Each annotated RPC gives one route per binding (the rule and its additional_bindings):
// an HTTP method, a path template and the request field the body fills. Templates are
// AIP-127's subset azubimatch uses: literal segments, single-segment variables
// "{field}" or "{field=*}" whose field may be a dotted path ("{company.id}"), and an
// optional custom verb after the last segment
// ("/v1/candidates/{candidate_id}:suggestOffers").
//
//   RouteTable table = *RouteTable::ForPackage("azubimatch.v1", files);
//   RouteMatch m = table.Match("POST", "/v1/candidates/0a1b2c3d4e5f6g7h:suggestOffers");
//   if (m.route != nullptr) ... m.route->grpc_method, m.variables ...
//   else if (!m.allowed_methods.empty()) ... 405 with Allow ...
//   else ... 404 ...
//
// Ties: a route with a custom verb is only matched by a path ending in that verb, and a
// variable never takes a last segment holding ':' — so "/v1/candidates/ID:export" cannot
// also match "/v1/candidates/{id}". Should two routes still match, the first in table
// order (file, service, method, binding order) wins, deterministically.
//
// Thread safety: immutable after construction; Match() may be called concurrently.
// Complexity: ForPackage O(methods); Match O(routes x segments).
#ifndef AZUBIMATCH_SERVICE_HTTP_ROUTE_TABLE_H_
#define AZUBIMATCH_SERVICE_HTTP_ROUTE_TABLE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace azubimatch::service::http {

// One path segment of a template: a literal, or a variable naming a request field.
struct TemplateSegment {
  std::string literal;     // for a literal segment
  std::string field_path;  // for a variable: the (dotted) request field; else empty
  bool is_variable() const { return !field_path.empty(); }
};

struct HttpRoute {
  std::string http_method;    // "GET", "POST", "PUT", "PATCH", "DELETE" or a custom kind
  std::string path_template;  // as annotated, e.g. "/v1/candidates/{id}"
  std::vector<TemplateSegment> segments;
  std::string verb;           // custom verb without ':' ("suggestOffers"), or empty
  std::string body;           // "" (no body), "*" (the whole request) or a field name
  std::string response_body;  // "" (the whole response) or a response field name
  const google::protobuf::MethodDescriptor* method = nullptr;
  std::string grpc_method;   // "/azubimatch.v1.Registry/CreateCandidate"
  std::string operation_id;  // "Registry_CreateCandidate"
};

struct RouteMatch {
  const HttpRoute* route = nullptr;  // null when nothing matched method and path
  // Variables bound by the path, in template order: (field path, decoded value).
  std::vector<std::pair<std::string, std::string>> variables;
  // When route is null: the methods the path is served with (-> 405), else empty (->
  // 404).
  std::vector<std::string> allowed_methods;
};

class RouteTable {
 public:
  // The routes of every service of `package` declared in `files` (names like
  // "azubimatch/v1/registry.proto", looked up in the generated pool). Errors:
  // NOT_FOUND for a file not linked into the program; INVALID_ARGUMENT naming the RPC
  // for a template outside the supported subset, a variable or body naming no field of
  // the request, or an RPC of the package without annotation.
  static absl::StatusOr<RouteTable> ForPackage(absl::string_view package,
                                               const std::vector<std::string>& files);

  RouteMatch Match(absl::string_view http_method, absl::string_view path) const;

  const std::vector<HttpRoute>& routes() const { return routes_; }

 private:
  std::vector<HttpRoute> routes_;
};

// Parses one template into `route` (segments and verb). INVALID_ARGUMENT on a template
// outside the subset described above.
absl::Status ParsePathTemplate(absl::string_view path_template, HttpRoute* route);

// The field at `field_path` ("company.id") of `message`, or null. Every segment but the
// last must name a singular message field. Accepts proto and JSON names.
const google::protobuf::FieldDescriptor* FindFieldPath(
    const google::protobuf::Descriptor* message, absl::string_view field_path);

}  // namespace azubimatch::service::http

#endif  // AZUBIMATCH_SERVICE_HTTP_ROUTE_TABLE_H_

#include "service/http/route_table.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/api/annotations.pb.h"

namespace azubimatch::service::http {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::MethodDescriptor;

bool IsIdentifierPath(absl::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'))
      return false;
  }
  return true;
}

// Adds the route for `rule` (no nested bindings) of `method`.
absl::Status AddRoute(const google::api::HttpRule& rule, const MethodDescriptor* method,
                      std::vector<HttpRoute>* routes) {
  HttpRoute route;
  route.method = method;
  route.grpc_method =
      absl::StrCat("/", method->service()->full_name(), "/", method->name());
  route.operation_id = absl::StrCat(method->service()->name(), "_", method->name());
  std::string path;
  switch (rule.pattern_case()) {
    case google::api::HttpRule::kGet:
      route.http_method = "GET";
      path = rule.get();
      break;
    case google::api::HttpRule::kPut:
      route.http_method = "PUT";
      path = rule.put();
      break;
    case google::api::HttpRule::kPost:
      route.http_method = "POST";
      path = rule.post();
      break;
    case google::api::HttpRule::kDelete:
      route.http_method = "DELETE";
      path = rule.delete_();
      break;
    case google::api::HttpRule::kPatch:
      route.http_method = "PATCH";
      path = rule.patch();
      break;
    case google::api::HttpRule::kCustom:
      route.http_method = rule.custom().kind();
      path = rule.custom().path();
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat(method->full_name(), ": google.api.http has no pattern"));
  }
  if (absl::Status s = ParsePathTemplate(path, &route); !s.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(method->full_name(), ": ", s.message()));
  }
  const Descriptor* input = method->input_type();
  for (const TemplateSegment& segment : route.segments) {
    if (!segment.is_variable()) continue;
    const FieldDescriptor* field = FindFieldPath(input, segment.field_path);
    if (field == nullptr || field->is_repeated() ||
        field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      return absl::InvalidArgumentError(
          absl::StrCat(method->full_name(), ": path variable {", segment.field_path,
                       "} is no singular scalar field of ", input->full_name()));
    }
  }
  route.body = rule.body();
  if (!route.body.empty() && route.body != "*") {
    const FieldDescriptor* field = input->FindFieldByName(route.body);
    if (field == nullptr || field->is_repeated() ||
        field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
      return absl::InvalidArgumentError(
          absl::StrCat(method->full_name(), ": body \"", route.body,
                       "\" is no singular message field of ", input->full_name()));
    }
  }
  route.response_body = rule.response_body();
  if (!route.response_body.empty() &&
      method->output_type()->FindFieldByName(route.response_body) == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(method->full_name(), ": response_body \"", route.response_body,
                     "\" is no field of ", method->output_type()->full_name()));
  }
  route.path_template = std::move(path);
  routes->push_back(std::move(route));
  return absl::OkStatus();
}

}  // namespace

absl::Status ParsePathTemplate(absl::string_view path_template, HttpRoute* route) {
  if (path_template.size() < 2 || path_template.front() != '/') {
    return absl::InvalidArgumentError(
        absl::StrCat("path template \"", path_template, "\" must start with '/'"));
  }
  absl::string_view rest = path_template.substr(1);
  // The verb follows the last ':' outside braces.
  const size_t last_close = rest.rfind('}');
  const size_t colon = rest.rfind(':');
  if (colon != absl::string_view::npos &&
      (last_close == absl::string_view::npos || colon > last_close)) {
    route->verb = std::string(rest.substr(colon + 1));
    rest = rest.substr(0, colon);
    if (route->verb.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("path template \"", path_template, "\": empty custom verb"));
    }
  }
  route->segments.clear();
  for (absl::string_view part : absl::StrSplit(rest, '/')) {
    TemplateSegment segment;
    if (!part.empty() && part.front() == '{') {
      if (part.back() != '}') {
        return absl::InvalidArgumentError(
            absl::StrCat("path template \"", path_template, "\": unclosed variable"));
      }
      absl::string_view inner = part.substr(1, part.size() - 2);
      if (const size_t eq = inner.find('='); eq != absl::string_view::npos) {
        if (inner.substr(eq + 1) != "*") {
          return absl::InvalidArgumentError(
              absl::StrCat("path template \"", path_template,
                           "\": only {field} and {field=*} variables are supported"));
        }
        inner = inner.substr(0, eq);
      }
      if (!IsIdentifierPath(inner)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "path template \"", path_template, "\": bad variable \"", part, "\""));
      }
      segment.field_path = std::string(inner);
    } else {
      if (part.empty() || part.find_first_of("{}*:") != absl::string_view::npos) {
        return absl::InvalidArgumentError(absl::StrCat("path template \"", path_template,
                                                       "\": bad segment \"", part, "\""));
      }
      segment.literal = std::string(part);
    }
    route->segments.push_back(std::move(segment));
  }
  return absl::OkStatus();
}

const FieldDescriptor* FindFieldPath(const Descriptor* message,
                                     absl::string_view field_path) {
  const FieldDescriptor* field = nullptr;
  for (absl::string_view name : absl::StrSplit(field_path, '.')) {
    if (message == nullptr) return nullptr;
    field = message->FindFieldByName(std::string(name));
    if (field == nullptr) field = message->FindFieldByLowercaseName(std::string(name));
    if (field == nullptr) field = message->FindFieldByCamelcaseName(std::string(name));
    if (field == nullptr) return nullptr;
    message =
        (!field->is_repeated() && field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE)
            ? field->message_type()
            : nullptr;
  }
  return field;
}

absl::StatusOr<RouteTable> RouteTable::ForPackage(absl::string_view package,
                                                  const std::vector<std::string>& files) {
  const google::protobuf::DescriptorPool* pool =
      google::protobuf::DescriptorPool::generated_pool();
  RouteTable table;
  std::vector<std::string> sorted = files;
  std::sort(sorted.begin(), sorted.end());
  for (const std::string& name : sorted) {
    const google::protobuf::FileDescriptor* file = pool->FindFileByName(name);
    if (file == nullptr) {
      return absl::NotFoundError(
          absl::StrCat(name, ": not in the generated descriptor pool (not linked)"));
    }
    if (file->package() != package) continue;
    for (int s = 0; s < file->service_count(); ++s) {
      const google::protobuf::ServiceDescriptor* service = file->service(s);
      for (int m = 0; m < service->method_count(); ++m) {
        const MethodDescriptor* method = service->method(m);
        if (!method->options().HasExtension(google::api::http)) {
          return absl::InvalidArgumentError(
              absl::StrCat(method->full_name(), ": no google.api.http annotation"));
        }
        const google::api::HttpRule& rule =
            method->options().GetExtension(google::api::http);
        if (absl::Status st = AddRoute(rule, method, &table.routes_); !st.ok()) return st;
        for (const google::api::HttpRule& extra : rule.additional_bindings()) {
          if (absl::Status st = AddRoute(extra, method, &table.routes_); !st.ok())
            return st;
        }
      }
    }
  }
  return table;
}

RouteMatch RouteTable::Match(absl::string_view http_method,
                             absl::string_view path) const {
  RouteMatch result;
  if (path.empty() || path.front() != '/') return result;
  absl::string_view body = path.substr(1);
  // The request's custom verb: after the last ':' of the last segment.
  const size_t last_slash = body.rfind('/');
  const size_t colon = body.rfind(':');
  absl::string_view verb;
  absl::string_view without_verb = body;
  if (colon != absl::string_view::npos &&
      (last_slash == absl::string_view::npos || colon > last_slash)) {
    verb = body.substr(colon + 1);
    without_verb = body.substr(0, colon);
  }
  const std::vector<absl::string_view> with_verb_parts = absl::StrSplit(body, '/');
  const std::vector<absl::string_view> without_verb_parts =
      absl::StrSplit(without_verb, '/');
  for (const HttpRoute& route : routes_) {
    const std::vector<absl::string_view>* parts = &with_verb_parts;
    if (!route.verb.empty()) {
      if (verb != route.verb) continue;
      parts = &without_verb_parts;
    }
    if (parts->size() != route.segments.size()) continue;
    std::vector<std::pair<std::string, std::string>> variables;
    bool matched = true;
    for (size_t i = 0; i < parts->size() && matched; ++i) {
      const TemplateSegment& segment = route.segments[i];
      const absl::string_view part = (*parts)[i];
      if (segment.is_variable()) {
        // A variable takes one non-empty segment; never a custom verb's ':'.
        matched = !part.empty() && part.find(':') == absl::string_view::npos;
        if (matched) variables.emplace_back(segment.field_path, std::string(part));
      } else {
        matched = part == segment.literal;
      }
    }
    if (!matched) continue;
    if (route.http_method != http_method) {
      if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(),
                    route.http_method) == result.allowed_methods.end()) {
        result.allowed_methods.push_back(route.http_method);
      }
      continue;
    }
    result.route = &route;
    result.variables = std::move(variables);
    result.allowed_methods.clear();
    return result;
  }
  std::sort(result.allowed_methods.begin(), result.allowed_methods.end());
  return result;
}

}  // namespace azubimatch::service::http

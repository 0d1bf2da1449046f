#include "service/http/openapi_builder.h"

#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/rpc/status.pb.h"
#include "nlohmann/json.hpp"

namespace azubimatch::service::http {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using Json = nlohmann::ordered_json;

std::string Ref(const std::string& full_name) {
  return absl::StrCat("#/components/schemas/", full_name);
}

// Collects the schemas of messages and enums reachable from the operations.
class SchemaSet {
 public:
  // The schema of a reference to `type` (a $ref, or inline for well-known types).
  Json MessageRef(const Descriptor* type) {
    const std::string& name = type->full_name();
    if (name == "google.protobuf.Timestamp") {
      return Json{{"type", "string"}, {"format", "date-time"}};
    }
    if (name == "google.protobuf.Duration") {
      return Json{{"type", "string"},
                  {"description", "seconds with an 's' suffix, e.g. \"1.5s\""}};
    }
    if (name == "google.protobuf.Any") {
      return Json{{"type", "object"},
                  {"properties", {{"@type", {{"type", "string"}}}}},
                  {"additionalProperties", true}};
    }
    if (!messages_.count(name)) {
      messages_[name] = type;
      for (int i = 0; i < type->field_count(); ++i) FieldSchema(type->field(i));
    }
    return Json{{"$ref", Ref(name)}};
  }

  Json FieldSchema(const FieldDescriptor* field) {
    if (field->is_map()) {
      return Json{
          {"type", "object"},
          {"additionalProperties", FieldSchema(field->message_type()->map_value())}};
    }
    Json item = SingularSchema(field);
    if (field->is_repeated()) return Json{{"type", "array"}, {"items", item}};
    return item;
  }

  Json Schemas() {
    Json schemas = Json::object();
    // Sorted by full name: std::map.
    std::map<std::string, Json> all;
    for (const auto& [name, type] : messages_) all[name] = MessageSchema(type);
    for (const auto& [name, type] : enums_) all[name] = EnumSchema(type);
    for (auto& [name, schema] : all) schemas[name] = std::move(schema);
    return schemas;
  }

 private:
  Json SingularSchema(const FieldDescriptor* field) {
    switch (field->type()) {
      case FieldDescriptor::TYPE_INT32:
      case FieldDescriptor::TYPE_SINT32:
      case FieldDescriptor::TYPE_SFIXED32:
        return Json{{"type", "integer"}, {"format", "int32"}};
      case FieldDescriptor::TYPE_UINT32:
      case FieldDescriptor::TYPE_FIXED32:
        return Json{{"type", "integer"}, {"format", "int64"}, {"minimum", 0}};
      case FieldDescriptor::TYPE_INT64:
      case FieldDescriptor::TYPE_SINT64:
      case FieldDescriptor::TYPE_SFIXED64:
        return Json{{"type", "string"}, {"format", "int64"}};
      case FieldDescriptor::TYPE_UINT64:
      case FieldDescriptor::TYPE_FIXED64:
        return Json{{"type", "string"}, {"format", "uint64"}};
      case FieldDescriptor::TYPE_DOUBLE:
        return Json{{"type", "number"}, {"format", "double"}};
      case FieldDescriptor::TYPE_FLOAT:
        return Json{{"type", "number"}, {"format", "float"}};
      case FieldDescriptor::TYPE_BOOL:
        return Json{{"type", "boolean"}};
      case FieldDescriptor::TYPE_STRING:
        return Json{{"type", "string"}};
      case FieldDescriptor::TYPE_BYTES:
        return Json{{"type", "string"}, {"format", "byte"}};
      case FieldDescriptor::TYPE_ENUM:
        enums_[field->enum_type()->full_name()] = field->enum_type();
        return Json{{"$ref", Ref(field->enum_type()->full_name())}};
      case FieldDescriptor::TYPE_MESSAGE:
      case FieldDescriptor::TYPE_GROUP:
        return MessageRef(field->message_type());
    }
    return Json::object();
  }

  Json MessageSchema(const Descriptor* type) {
    Json properties = Json::object();
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      Json schema = FieldSchema(field);
      if (const google::protobuf::OneofDescriptor* oneof =
              field->real_containing_oneof()) {
        if (schema.contains("$ref")) schema = Json{{"allOf", Json::array({schema})}};
        schema["description"] = absl::StrCat("One of ", oneof->name(),
                                             ": at most one field of the group is set.");
      }
      properties[field->json_name()] = std::move(schema);
    }
    Json schema{{"type", "object"}, {"properties", std::move(properties)}};
    schema["additionalProperties"] = false;
    schema["description"] = absl::StrCat("azubimatch message ", type->full_name(),
                                         " (proto3 JSON mapping; proto field names are "
                                         "accepted on input too)");
    return schema;
  }

  Json EnumSchema(const EnumDescriptor* type) {
    Json values = Json::array();
    for (int i = 0; i < type->value_count(); ++i)
      values.push_back(type->value(i)->name());
    return Json{
        {"type", "string"},
        {"enum", values},
        {"description", absl::StrCat("Enum ", type->full_name(),
                                     "; by name (numbers are accepted on input)")}};
  }

  std::map<std::string, const Descriptor*> messages_;
  std::map<std::string, const EnumDescriptor*> enums_;
};

// Top-level scalar fields of `type` not bound by the path: query parameters.
void AddQueryParameters(const HttpRoute& route, SchemaSet& schemas, Json& parameters) {
  std::set<std::string> bound;
  for (const TemplateSegment& s : route.segments) {
    if (s.is_variable()) bound.insert(s.field_path);
  }
  const Descriptor* type = route.method->input_type();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (bound.count(field->name()) || field->is_map()) continue;
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) continue;
    parameters.push_back(Json{{"name", field->name()},
                              {"in", "query"},
                              {"required", false},
                              {"schema", schemas.FieldSchema(field)}});
  }
}

}  // namespace

std::string BuildOpenApiDocument(const RouteTable& routes, const std::string& version) {
  SchemaSet schemas;
  const Json error_ref = Json{{"$ref", "#/components/responses/Error"}};
  Json paths = Json::object();
  paths["/openapi.json"]["get"] = Json{
      {"operationId", "OpenApi_Get"},
      {"tags", Json::array({"OpenApi"})},
      {"summary", "This document (no API key needed)."},
      {"security", Json::array()},
      {"responses",
       {{"200",
         {{"description", "The OpenAPI document"},
          {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}}}}}};

  for (const HttpRoute& route : routes.routes()) {
    Json operation;
    const std::string service = route.method->service()->name();
    operation["operationId"] = route.operation_id;
    operation["tags"] = Json::array({service});
    operation["summary"] = absl::StrCat("gRPC ", route.method->service()->full_name(),
                                        ".", route.method->name(), " over HTTP/JSON");
    Json parameters = Json::array();
    for (const TemplateSegment& s : route.segments) {
      if (!s.is_variable()) continue;
      const FieldDescriptor* field =
          FindFieldPath(route.method->input_type(), s.field_path);
      parameters.push_back(Json{{"name", s.field_path},
                                {"in", "path"},
                                {"required", true},
                                {"schema", schemas.FieldSchema(field)}});
    }
    if (route.body.empty()) AddQueryParameters(route, schemas, parameters);
    if (!parameters.empty()) operation["parameters"] = std::move(parameters);

    if (route.method->client_streaming()) {
      const Json item = schemas.MessageRef(route.method->input_type());
      operation["requestBody"] =
          Json{{"required", true},
               {"description",
                "The stream's messages: a JSON array, or one JSON object per line"},
               {"content",
                {{"application/json", {{"schema", {{"type", "array"}, {"items", item}}}}},
                 {"application/x-ndjson", {{"schema", item}}}}}};
    } else if (!route.body.empty()) {
      const Descriptor* body_type =
          route.body == "*"
              ? route.method->input_type()
              : route.method->input_type()->FindFieldByName(route.body)->message_type();
      operation["requestBody"] =
          Json{{"required", route.body != "*"},
               {"content",
                {{"application/json", {{"schema", schemas.MessageRef(body_type)}}}}}};
    }

    const Descriptor* output = route.method->output_type();
    if (!route.response_body.empty()) {
      output = output->FindFieldByName(route.response_body)->message_type();
    }
    Json content{{"application/json", {{"schema", schemas.MessageRef(output)}}}};
    if (route.method->server_streaming()) {
      schemas.MessageRef(route.method->output_type());
      content["text/event-stream"] = Json{
          {"schema",
           {{"type", "string"},
            {"description",
             absl::StrCat("With Accept: text/event-stream: server-sent events, one per ",
                          route.method->output_type()->full_name(),
                          " message, named after its set field; \"error\" with a "
                          "google.rpc.Status on failure")}}}};
    }
    Json responses;
    responses["200"] = Json{{"description", "OK"}, {"content", std::move(content)}};
    for (const char* code :
         {"400", "401", "403", "404", "409", "412", "429", "500", "503"}) {
      responses[code] = error_ref;
    }
    responses["default"] = error_ref;
    operation["responses"] = std::move(responses);

    std::string method = absl::AsciiStrToLower(route.http_method);
    std::string path;
    for (const TemplateSegment& s : route.segments) {
      absl::StrAppend(&path, "/",
                      s.is_variable() ? absl::StrCat("{", s.field_path, "}") : s.literal);
    }
    if (!route.verb.empty()) absl::StrAppend(&path, ":", route.verb);
    paths[path][method] = std::move(operation);
  }

  const Json status_ref = schemas.MessageRef(google::rpc::Status::descriptor());
  Json doc;
  doc["openapi"] = "3.0.3";
  doc["info"] =
      Json{{"title", "azubimatch API (HTTP/JSON)"},
           {"version", version},
           {"description",
            "The azubimatch.v1 gRPC services over HTTP/JSON, transcoded by matchd after "
            "google.api.http annotations (AIP-127). Bodies use the proto3 JSON mapping. "
            "Errors "
            "are google.rpc.Status. Generated from the protos at build time."}};
  doc["security"] = Json::array({Json{{"bearerAuth", Json::array()}}});
  doc["paths"] = std::move(paths);
  doc["components"]["securitySchemes"]["bearerAuth"] =
      Json{{"type", "http"},
           {"scheme", "bearer"},
           {"description", "An azubimatch API key: Authorization: Bearer KEY"}};
  doc["components"]["responses"]["Error"] =
      Json{{"description", "The call failed; the body is a google.rpc.Status"},
           {"content", {{"application/json", {{"schema", status_ref}}}}}};
  doc["components"]["schemas"] = schemas.Schemas();
  return doc.dump(2) + "\n";
}

}  // namespace azubimatch::service::http

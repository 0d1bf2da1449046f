#include "service/http/request_transcoding.h"

#include "absl/strings/ascii.h"
#include "absl/strings/cord.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/json_util.h"
#include "google/rpc/error_details.pb.h"
#include "nlohmann/json.hpp"
#include "service/http/json_printer.h"
#include "service/http/reflection_names.h"

namespace azubimatch::service::http {
namespace {

absl::Status BadValue(absl::string_view where, const FieldDescriptor* field,
                      absl::string_view value, absl::string_view expected) {
  return absl::InvalidArgumentError(absl::StrCat(where, ": field ", field->name(), ": \"",
                                                 value, "\" is not ", expected));
}

absl::string_view TrimJson(absl::string_view s) { return absl::StripAsciiWhitespace(s); }

}  // namespace

std::unique_ptr<Message> NewMessage(const Descriptor* type) {
  const Message* prototype =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(type);
  return std::unique_ptr<Message>(prototype->New());
}

absl::Status ParseJsonInto(absl::string_view json, Message* message,
                           absl::string_view where) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), message, options);
  if (status.ok()) return absl::OkStatus();
  const absl::string_view problem(status.message().data(), status.message().size());
  absl::Status refused = absl::InvalidArgumentError(
      absl::StrCat(where, ": not a valid ", message->GetDescriptor()->name(),
                   " (proto3 JSON): ", problem));
  // The offending field, as protobuf's parser names it: "(a.b): ..." for a bad value,
  // "Cannot find field: x in message ..." for an unknown one.
  std::string field;
  if (absl::StartsWith(problem, "(")) {
    field = std::string(problem.substr(1, problem.find(')') - 1));
  } else if (constexpr absl::string_view kUnknown = "Cannot find field: ";
             absl::StartsWith(problem, kUnknown)) {
    absl::string_view rest = problem.substr(kUnknown.size());
    field = std::string(rest.substr(0, rest.find(' ')));
  }
  if (!field.empty()) {
    google::rpc::BadRequest bad_request;
    google::rpc::BadRequest::FieldViolation* violation =
        bad_request.add_field_violations();
    violation->set_field(absl::StrCat(where, ".", field));
    violation->set_description(std::string(problem));
    refused.SetPayload("type.googleapis.com/google.rpc.BadRequest",
                       absl::Cord(bad_request.SerializeAsString()));
  }
  return refused;
}

absl::Status SetFieldFromText(Message* message, absl::string_view field_path,
                              absl::string_view value, absl::string_view where) {
  // Walk to the message holding the last field.
  const std::vector<absl::string_view> names = absl::StrSplit(field_path, '.');
  Message* holder = message;
  const FieldDescriptor* field = nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    const Descriptor* type = holder->GetDescriptor();
    field = FindFieldPath(type, names[i]);
    if (field == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": ", type->full_name(),
                                                     " has no field \"", names[i], "\""));
    }
    if (i + 1 < names.size()) {
      if (field->is_repeated() || field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": field ", field->name(), " is not a message"));
      }
      holder = holder->GetReflection()->MutableMessage(holder, field);
    }
  }
  const Reflection* r = holder->GetReflection();
  const bool repeated = field->is_repeated();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING: {
      std::string text(value);
      if (field->type() == FieldDescriptor::TYPE_BYTES) {
        std::string decoded;
        if (!absl::WebSafeBase64Unescape(value, &decoded) &&
            !absl::Base64Unescape(value, &decoded)) {
          return BadValue(where, field, value, "base64");
        }
        text = std::move(decoded);
      }
      repeated ? r->AddString(holder, field, std::move(text))
               : r->SetString(holder, field, std::move(text));
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_INT32: {
      int32_t v;
      if (!absl::SimpleAtoi(value, &v)) return BadValue(where, field, value, "an int32");
      repeated ? r->AddInt32(holder, field, v) : r->SetInt32(holder, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_INT64: {
      int64_t v;
      if (!absl::SimpleAtoi(value, &v)) return BadValue(where, field, value, "an int64");
      repeated ? r->AddInt64(holder, field, v) : r->SetInt64(holder, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_UINT32: {
      uint32_t v;
      if (!absl::SimpleAtoi(value, &v)) return BadValue(where, field, value, "a uint32");
      repeated ? r->AddUInt32(holder, field, v) : r->SetUInt32(holder, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_UINT64: {
      uint64_t v;
      if (!absl::SimpleAtoi(value, &v)) return BadValue(where, field, value, "a uint64");
      repeated ? r->AddUInt64(holder, field, v) : r->SetUInt64(holder, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_DOUBLE:
    case FieldDescriptor::CPPTYPE_FLOAT: {
      double v;
      if (!absl::SimpleAtod(value, &v)) return BadValue(where, field, value, "a number");
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE) {
        repeated ? r->AddDouble(holder, field, v) : r->SetDouble(holder, field, v);
      } else {
        repeated ? r->AddFloat(holder, field, static_cast<float>(v))
                 : r->SetFloat(holder, field, static_cast<float>(v));
      }
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_BOOL: {
      bool v;
      if (value == "true" || value == "1") {
        v = true;
      } else if (value == "false" || value == "0") {
        v = false;
      } else {
        return BadValue(where, field, value, "true or false");
      }
      repeated ? r->AddBool(holder, field, v) : r->SetBool(holder, field, v);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      const google::protobuf::EnumValueDescriptor* e =
          field->enum_type()->FindValueByName(std::string(value));
      int number = 0;
      if (e == nullptr && absl::SimpleAtoi(value, &number)) {
        e = field->enum_type()->FindValueByNumber(number);
      }
      if (e == nullptr) {
        return BadValue(where, field, value,
                        absl::StrCat("a value of ", field->enum_type()->full_name()));
      }
      repeated ? r->AddEnum(holder, field, e) : r->SetEnum(holder, field, e);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": field ", field->name(), " is a message; set its fields (",
          field->name(), ".FIELD=...) or send it in the body"));
  }
  return absl::InternalError("unhandled field type");
}

absl::StatusOr<std::unique_ptr<Message>> BuildRequest(const HttpRoute& route,
                                                      const NameValues& path_variables,
                                                      const NameValues& query,
                                                      absl::string_view body) {
  std::unique_ptr<Message> request = NewMessage(route.method->input_type());
  const absl::string_view trimmed = TrimJson(body);
  if (route.body.empty()) {
    if (!trimmed.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("body: ", route.http_method, " ", route.path_template,
                       " takes no body; send the fields as query parameters"));
    }
  } else if (!trimmed.empty()) {
    if (route.body == "*") {
      if (absl::Status s = ParseJsonInto(trimmed, request.get(), "body"); !s.ok())
        return s;
    } else {
      const FieldDescriptor* field =
          request->GetDescriptor()->FindFieldByName(route.body);
      Message* target = request->GetReflection()->MutableMessage(request.get(), field);
      if (absl::Status s = ParseJsonInto(trimmed, target, "body"); !s.ok()) return s;
    }
  }
  for (const auto& [name, value] : query) {
    if (absl::Status s = SetFieldFromText(request.get(), name, value,
                                          absl::StrCat("query parameter ", name));
        !s.ok()) {
      return s;
    }
  }
  for (const auto& [field_path, value] : path_variables) {
    const FieldDescriptor* field = FindFieldPath(request->GetDescriptor(), field_path);
    if (field != nullptr && !field->is_repeated()) {
      // The path names the resource: it replaces whatever the body said.
      const std::vector<absl::string_view> names = absl::StrSplit(field_path, '.');
      Message* holder = request.get();
      for (size_t i = 0; i + 1 < names.size(); ++i) {
        holder = holder->GetReflection()->MutableMessage(
            holder, FindFieldPath(holder->GetDescriptor(), names[i]));
      }
      holder->GetReflection()->ClearField(holder, field);
    }
    if (absl::Status s =
            SetFieldFromText(request.get(), field_path, value,
                             absl::StrCat("path variable {", field_path, "}"));
        !s.ok()) {
      return s;
    }
  }
  return request;
}

absl::StatusOr<std::vector<std::unique_ptr<Message>>> ParseMessageStream(
    const Descriptor* type, absl::string_view body) {
  std::vector<std::unique_ptr<Message>> messages;
  const absl::string_view trimmed = TrimJson(body);
  if (!trimmed.empty() && trimmed.front() == '[') {
    nlohmann::json array;
    try {
      array = nlohmann::json::parse(trimmed.begin(), trimmed.end());
    } catch (const nlohmann::json::exception& e) {
      return absl::InvalidArgumentError(absl::StrCat("body: broken JSON: ", e.what()));
    }
    for (size_t i = 0; i < array.size(); ++i) {
      const std::string where = absl::StrCat("records[", i, "]");
      if (!array[i].is_object()) {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": expected a JSON object (", type->name(), ")"));
      }
      std::unique_ptr<Message> message = NewMessage(type);
      if (absl::Status s = ParseJsonInto(array[i].dump(), message.get(), where);
          !s.ok()) {
        return s;
      }
      messages.push_back(std::move(message));
    }
    return messages;
  }
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(trimmed, '\n')) {
    ++line_number;
    line = TrimJson(line);
    if (line.empty()) continue;
    std::unique_ptr<Message> message = NewMessage(type);
    if (absl::Status s =
            ParseJsonInto(line, message.get(), absl::StrCat("line ", line_number));
        !s.ok()) {
      return s;
    }
    messages.push_back(std::move(message));
  }
  return messages;
}

std::string ToJson(const Message& message, absl::string_view field) {
  const Message* printed = &message;
  if (!field.empty()) {
    const FieldDescriptor* f =
        message.GetDescriptor()->FindFieldByName(std::string(field));
    if (f != nullptr && f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
        !f->is_repeated()) {
      printed = &message.GetReflection()->GetMessage(message, f);
    }
  }
  // Our own printer (json_printer.h): protobuf's gives the same text ~40 times slower.
  std::string json;
  AppendJson(*printed, &json);
  return json;
}

}  // namespace azubimatch::service::http

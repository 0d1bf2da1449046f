#include "service/http/json_printer.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "engine/base/json_string.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "service/http/reflection_names.h"

namespace azubimatch::service::http {
namespace {

template <typename Float>
void AppendFloating(Float v, std::string* out) {
  if (std::isnan(v)) {
    out->append("\"NaN\"");
  } else if (std::isinf(v)) {
    out->append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
  } else {
    // Shortest text that reads back as the same value (protobuf's SimpleDtoa gives
    // the same value with up to 17 digits, via two snprintf calls and a strtod).
    char buffer[64];
    const std::to_chars_result end = std::to_chars(buffer, buffer + sizeof(buffer), v);
    out->append(buffer, end.ptr);
  }
}

// The fraction of `nanos` with 0, 3, 6 or 9 digits, as protobuf prints it.
void AppendNanos(int32_t nanos, std::string* out) {
  if (nanos == 0) return;
  char buffer[16];
  if (nanos % 1000000 == 0) {
    std::snprintf(buffer, sizeof(buffer), ".%03d", nanos / 1000000);
  } else if (nanos % 1000 == 0) {
    std::snprintf(buffer, sizeof(buffer), ".%06d", nanos / 1000);
  } else {
    std::snprintf(buffer, sizeof(buffer), ".%09d", nanos);
  }
  out->append(buffer);
}

void AppendMessage(const Message& message, std::string* out);

// Well-known types printed here; false for those left to protobuf's printer.
bool AppendWellKnown(const Message& message, std::string* out) {
  const Descriptor* type = message.GetDescriptor();
  const std::string& name = type->full_name();
  if (name != "google.protobuf.Timestamp" && name != "google.protobuf.Duration")
    return false;
  const Reflection* r = message.GetReflection();
  const int64_t seconds = r->GetInt64(message, type->FindFieldByNumber(1));
  const int32_t nanos = r->GetInt32(message, type->FindFieldByNumber(2));
  if (name == "google.protobuf.Timestamp") {
    if (nanos < 0 || nanos > 999999999) return false;
    out->push_back('"');
    out->append(absl::FormatTime("%Y-%m-%dT%H:%M:%S", absl::FromUnixSeconds(seconds),
                                 absl::UTCTimeZone()));
    AppendNanos(nanos, out);
    out->append("Z\"");
    return true;
  }
  if (nanos < -999999999 || nanos > 999999999 || (seconds < 0 && nanos > 0) ||
      (seconds > 0 && nanos < 0)) {
    return false;
  }
  out->push_back('"');
  if (seconds < 0 || nanos < 0) out->push_back('-');
  absl::StrAppend(out, seconds < 0 ? -seconds : seconds);
  AppendNanos(nanos < 0 ? -nanos : nanos, out);
  out->append("s\"");
  return true;
}

// One value of `field` (element `index` when repeated, else -1).
void AppendValue(const Message& message, const FieldDescriptor* field, int index,
                 std::string* out) {
  const Reflection* r = message.GetReflection();
  const bool rep = index >= 0;
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      absl::StrAppend(out, rep ? r->GetRepeatedInt32(message, field, index)
                               : r->GetInt32(message, field));
      return;
    case FieldDescriptor::CPPTYPE_UINT32:
      absl::StrAppend(out, rep ? r->GetRepeatedUInt32(message, field, index)
                               : r->GetUInt32(message, field));
      return;
    case FieldDescriptor::CPPTYPE_INT64:
      absl::StrAppend(
          out, "\"",
          rep ? r->GetRepeatedInt64(message, field, index) : r->GetInt64(message, field),
          "\"");
      return;
    case FieldDescriptor::CPPTYPE_UINT64:
      absl::StrAppend(out, "\"",
                      rep ? r->GetRepeatedUInt64(message, field, index)
                          : r->GetUInt64(message, field),
                      "\"");
      return;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      AppendFloating(rep ? r->GetRepeatedDouble(message, field, index)
                         : r->GetDouble(message, field),
                     out);
      return;
    case FieldDescriptor::CPPTYPE_FLOAT:
      AppendFloating(
          rep ? r->GetRepeatedFloat(message, field, index) : r->GetFloat(message, field),
          out);
      return;
    case FieldDescriptor::CPPTYPE_BOOL:
      out->append(
          (rep ? r->GetRepeatedBool(message, field, index) : r->GetBool(message, field))
              ? "true"
              : "false");
      return;
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int number = rep ? r->GetRepeatedEnumValue(message, field, index)
                             : r->GetEnumValue(message, field);
      const google::protobuf::EnumValueDescriptor* value =
          field->enum_type()->FindValueByNumber(number);
      if (field->enum_type()->full_name() == "google.protobuf.NullValue") {
        out->append("null");
      } else if (value != nullptr) {
        engine::AppendJsonString(value->name(), out);
      } else {
        absl::StrAppend(out, number);
      }
      return;
    }
    case FieldDescriptor::CPPTYPE_STRING: {
      std::string scratch;
      const std::string& s =
          rep ? r->GetRepeatedStringReference(message, field, index, &scratch)
              : r->GetStringReference(message, field, &scratch);
      if (field->type() == FieldDescriptor::TYPE_BYTES) {
        engine::AppendJsonString(absl::Base64Escape(s), out);
      } else {
        engine::AppendJsonString(s, out);
      }
      return;
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      AppendMessage(rep ? r->GetRepeatedMessage(message, field, index)
                        : r->GetMessage(message, field),
                    out);
      return;
  }
}

// A map entry's key as a JSON object key.
void AppendMapKey(const Message& entry, const FieldDescriptor* key, std::string* out) {
  if (key->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
    AppendValue(entry, key, -1, out);
    return;
  }
  std::string text;
  AppendValue(entry, key, -1, &text);
  if (!text.empty() && text.front() == '"') {
    out->append(text);
  } else {
    engine::AppendJsonString(text, out);
  }
}

void AppendMessage(const Message& message, std::string* out) {
  const Descriptor* type = message.GetDescriptor();
  if (type->file()->package() == "google.protobuf") {
    if (AppendWellKnown(message, out)) return;
    google::protobuf::util::JsonPrintOptions options;
    options.always_print_primitive_fields = true;
    std::string json;
    (void)google::protobuf::util::MessageToJsonString(message, &json, options);
    out->append(json.empty() ? "{}" : json);
    return;
  }
  const Reflection* r = message.GetReflection();
  out->push_back('{');
  bool first = true;
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (field->is_repeated()) {
      // Printed even when empty.
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE ||
               field->has_presence()) {
      // Messages, oneof members and proto3 optional fields only when set.
      if (!r->HasField(message, field)) continue;
    }
    if (!first) out->push_back(',');
    first = false;
    engine::AppendJsonString(field->json_name(), out);
    out->push_back(':');
    if (field->is_map()) {
      const FieldDescriptor* key = field->message_type()->map_key();
      const FieldDescriptor* value = field->message_type()->map_value();
      out->push_back('{');
      const int n = r->FieldSize(message, field);
      for (int j = 0; j < n; ++j) {
        const Message& entry = r->GetRepeatedMessage(message, field, j);
        if (j > 0) out->push_back(',');
        AppendMapKey(entry, key, out);
        out->push_back(':');
        AppendValue(entry, value, -1, out);
      }
      out->push_back('}');
    } else if (field->is_repeated()) {
      out->push_back('[');
      const int n = r->FieldSize(message, field);
      for (int j = 0; j < n; ++j) {
        if (j > 0) out->push_back(',');
        AppendValue(message, field, j, out);
      }
      out->push_back(']');
    } else {
      AppendValue(message, field, -1, out);
    }
  }
  out->push_back('}');
}

}  // namespace

void AppendJson(const Message& message, std::string* out) { AppendMessage(message, out); }

}  // namespace azubimatch::service::http

#include "clients/matchctl/proto_json.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/protobuf/util/time_util.h"

namespace azubimatch::matchctl {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

bool IsWrapperType(const Descriptor* type) {
  return type->well_known_type() >= Descriptor::WELLKNOWNTYPE_DOUBLEVALUE &&
         type->well_known_type() <= Descriptor::WELLKNOWNTYPE_BOOLVALUE;
}

// Unset fields of these types print as null: their JSON form is not an object.
bool PrintsNullWhenUnset(const Descriptor* type) {
  return IsWrapperType(type) ||
         type->well_known_type() == Descriptor::WELLKNOWNTYPE_TIMESTAMP ||
         type->well_known_type() == Descriptor::WELLKNOWNTYPE_DURATION;
}

// Writes element `index` of repeated field `field`, or the singular field when
// index < 0.
void WriteFieldValue(const Message& message, const FieldDescriptor* field, int index,
                     JsonWriter& json) {
  const Reflection* r = message.GetReflection();
  const bool repeated = index >= 0;
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      return json.Int(repeated ? r->GetRepeatedInt32(message, field, index)
                               : r->GetInt32(message, field));
    case FieldDescriptor::CPPTYPE_INT64:
      return json.Int(repeated ? r->GetRepeatedInt64(message, field, index)
                               : r->GetInt64(message, field));
    case FieldDescriptor::CPPTYPE_UINT32:
      return json.Uint(repeated ? r->GetRepeatedUInt32(message, field, index)
                                : r->GetUInt32(message, field));
    case FieldDescriptor::CPPTYPE_UINT64:
      return json.Uint(repeated ? r->GetRepeatedUInt64(message, field, index)
                                : r->GetUInt64(message, field));
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return json.Double(repeated ? r->GetRepeatedDouble(message, field, index)
                                  : r->GetDouble(message, field));
    case FieldDescriptor::CPPTYPE_FLOAT:
      return json.Float(repeated ? r->GetRepeatedFloat(message, field, index)
                                 : r->GetFloat(message, field));
    case FieldDescriptor::CPPTYPE_BOOL:
      return json.Bool(repeated ? r->GetRepeatedBool(message, field, index)
                                : r->GetBool(message, field));
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int number = repeated ? r->GetRepeatedEnumValue(message, field, index)
                                  : r->GetEnumValue(message, field);
      const google::protobuf::EnumValueDescriptor* value =
          field->enum_type()->FindValueByNumber(number);
      if (value == nullptr) return json.Int(number);
      return json.String(value->name());
    }
    case FieldDescriptor::CPPTYPE_STRING: {
      std::string scratch;
      const std::string& text =
          repeated ? r->GetRepeatedStringReference(message, field, index, &scratch)
                   : r->GetStringReference(message, field, &scratch);
      if (field->type() == FieldDescriptor::TYPE_BYTES) {
        return json.String(absl::Base64Escape(text));
      }
      return json.String(text);
    }
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      if (!repeated && !r->HasField(message, field) &&
          PrintsNullWhenUnset(field->message_type())) {
        return json.Null();
      }
      return WriteProtoJson(repeated ? r->GetRepeatedMessage(message, field, index)
                                     : r->GetMessage(message, field),
                            json);
    }
  }
}

// Map entries are messages with `key` (field 1) and `value` (field 2).
void WriteMap(const Message& message, const FieldDescriptor* field, JsonWriter& json) {
  const Reflection* r = message.GetReflection();
  const FieldDescriptor* key_field = field->message_type()->map_key();
  const FieldDescriptor* value_field = field->message_type()->map_value();
  json.BeginObject();
  for (int i = 0; i < r->FieldSize(message, field); ++i) {
    const Message& entry = r->GetRepeatedMessage(message, field, i);
    const Reflection* er = entry.GetReflection();
    std::string key;
    switch (key_field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING: key = er->GetString(entry, key_field); break;
      case FieldDescriptor::CPPTYPE_INT32: key = absl::StrCat(er->GetInt32(entry, key_field)); break;
      case FieldDescriptor::CPPTYPE_INT64: key = absl::StrCat(er->GetInt64(entry, key_field)); break;
      case FieldDescriptor::CPPTYPE_UINT32: key = absl::StrCat(er->GetUInt32(entry, key_field)); break;
      case FieldDescriptor::CPPTYPE_UINT64: key = absl::StrCat(er->GetUInt64(entry, key_field)); break;
      case FieldDescriptor::CPPTYPE_BOOL: key = er->GetBool(entry, key_field) ? "true" : "false"; break;
      default: break;
    }
    json.Key(key);
    WriteFieldValue(entry, value_field, -1, json);
  }
  json.EndObject();
}

bool WriteWellKnown(const Message& message, JsonWriter& json) {
  const Descriptor* type = message.GetDescriptor();
  switch (type->well_known_type()) {
    case Descriptor::WELLKNOWNTYPE_TIMESTAMP: {
      google::protobuf::Timestamp timestamp;
      timestamp.CopyFrom(message);
      json.String(google::protobuf::util::TimeUtil::ToString(timestamp));
      return true;
    }
    case Descriptor::WELLKNOWNTYPE_DURATION: {
      google::protobuf::Duration duration;
      duration.CopyFrom(message);
      json.String(google::protobuf::util::TimeUtil::ToString(duration));
      return true;
    }
    default:
      break;
  }
  if (IsWrapperType(type)) {
    WriteFieldValue(message, type->FindFieldByNumber(1), -1, json);
    return true;
  }
  return false;
}

}  // namespace

void WriteProtoJson(const Message& message, JsonWriter& json) {
  if (WriteWellKnown(message, json)) return;
  const Descriptor* type = message.GetDescriptor();
  const Reflection* r = message.GetReflection();
  json.BeginObject();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (field->real_containing_oneof() != nullptr && !r->HasField(message, field)) {
      continue;
    }
    json.Key(field->name());
    if (field->is_map()) {
      WriteMap(message, field, json);
    } else if (field->is_repeated()) {
      json.BeginArray();
      for (int j = 0; j < r->FieldSize(message, field); ++j) {
        WriteFieldValue(message, field, j, json);
      }
      json.EndArray();
    } else if (field->has_presence() && field->message_type() == nullptr &&
               !r->HasField(message, field)) {
      json.Null();
    } else {
      WriteFieldValue(message, field, -1, json);
    }
  }
  json.EndObject();
}

std::string ProtoToJson(const Message& message) {
  std::string out;
  JsonWriter json(&out);
  WriteProtoJson(message, json);
  return out;
}

}  // namespace azubimatch::matchctl

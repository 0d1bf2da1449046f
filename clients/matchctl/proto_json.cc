#include "clients/matchctl/proto_json.h"

#include <algorithm>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "clients/matchctl/field_value.h"
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
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && index < 0 &&
      !message.GetReflection()->HasField(message, field) &&
      PrintsNullWhenUnset(field->message_type())) {
    return json.Null();
  }
  VisitFieldValue(message, field, index, [&](const auto& value) {
    using T = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<T, bool>) {
      json.Bool(value);
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      json.Int(value);
    } else if constexpr (std::is_integral_v<T>) {
      json.Uint(value);
    } else if constexpr (std::is_same_v<T, double>) {
      json.Double(value);
    } else if constexpr (std::is_same_v<T, float>) {
      json.Float(value);
    } else if constexpr (std::is_same_v<T, EnumNumber>) {
      const google::protobuf::EnumValueDescriptor* named =
          value.type->FindValueByNumber(value.number);
      if (named == nullptr) {
        json.Int(value.number);
      } else {
        json.String(named->name());
      }
    } else if constexpr (std::is_same_v<T, std::string>) {
      json.String(field->type() == FieldDescriptor::TYPE_BYTES ? absl::Base64Escape(value)
                                                               : value);
    } else {
      WriteProtoJson(value, json);
    }
  });
}

// Map entries are messages with `key` (field 1) and `value` (field 2).
void WriteMap(const Message& message, const FieldDescriptor* field, JsonWriter& json) {
  const Reflection* r = message.GetReflection();
  const FieldDescriptor* key_field = field->message_type()->map_key();
  const FieldDescriptor* value_field = field->message_type()->map_value();
  // Entries in key order, so that the output does not depend on hash order.
  std::vector<std::pair<std::string, const Message*>> entries;
  for (int i = 0; i < r->FieldSize(message, field); ++i) {
    const Message& entry = r->GetRepeatedMessage(message, field, i);
    // Keys are integral, bool or string; JSON keys are strings.
    std::string key =
        VisitFieldValue(entry, key_field, -1, [](const auto& value) -> std::string {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, bool>) {
            return value ? "true" : "false";
          } else if constexpr (std::is_arithmetic_v<T>) {
            return absl::StrCat(value);
          } else if constexpr (std::is_same_v<T, std::string>) {
            return value;
          } else {
            return "";
          }
        });
    entries.emplace_back(std::move(key), &entry);
  }
  std::sort(entries.begin(), entries.end());
  json.BeginObject();
  for (const auto& [key, entry] : entries) {
    json.Key(key);
    WriteFieldValue(*entry, value_field, -1, json);
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

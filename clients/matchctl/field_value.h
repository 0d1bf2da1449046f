// VisitFieldValue: reads one field of a message through reflection and hands its value,
// typed by the field's C++ type, to a visitor. The printers (proto_json.cc for JSON,
// record_table.cc for people) switch over the field types here, once.
//
//   VisitFieldValue(message, field, /*index=*/-1, [&](const auto& value) { ... });
//
// The visitor is called with one of: int32_t, int64_t, uint32_t, uint64_t, double,
// float, bool, EnumNumber (enums), std::string (string and bytes fields), or
// const google::protobuf::Message& (message fields; the default instance when unset).
// Every overload must return the same type, which VisitFieldValue returns.
//
// Thread-safe for const messages. O(1) plus the cost of copying a string value.
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_FIELD_VALUE_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_FIELD_VALUE_H_

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace azubimatch::matchctl {

// The value of an enum field: its number (which may be unknown to `type`).
struct EnumNumber {
  const google::protobuf::EnumDescriptor* type;
  int number;
};

// Visits element `index` of repeated field `field`, or the singular field when
// index < 0. REQUIRES: field belongs to message's type; index < size when repeated.
template <class Visitor>
decltype(auto) VisitFieldValue(const google::protobuf::Message& message,
                               const google::protobuf::FieldDescriptor* field, int index,
                               Visitor&& visit) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Reflection* r = message.GetReflection();
  const bool repeated = index >= 0;
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      return visit(repeated ? r->GetRepeatedInt32(message, field, index)
                            : r->GetInt32(message, field));
    case FieldDescriptor::CPPTYPE_INT64:
      return visit(repeated ? r->GetRepeatedInt64(message, field, index)
                            : r->GetInt64(message, field));
    case FieldDescriptor::CPPTYPE_UINT32:
      return visit(repeated ? r->GetRepeatedUInt32(message, field, index)
                            : r->GetUInt32(message, field));
    case FieldDescriptor::CPPTYPE_UINT64:
      return visit(repeated ? r->GetRepeatedUInt64(message, field, index)
                            : r->GetUInt64(message, field));
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return visit(repeated ? r->GetRepeatedDouble(message, field, index)
                            : r->GetDouble(message, field));
    case FieldDescriptor::CPPTYPE_FLOAT:
      return visit(repeated ? r->GetRepeatedFloat(message, field, index)
                            : r->GetFloat(message, field));
    case FieldDescriptor::CPPTYPE_BOOL:
      return visit(repeated ? r->GetRepeatedBool(message, field, index)
                            : r->GetBool(message, field));
    case FieldDescriptor::CPPTYPE_ENUM:
      return visit(EnumNumber{field->enum_type(),
                              repeated ? r->GetRepeatedEnumValue(message, field, index)
                                       : r->GetEnumValue(message, field)});
    case FieldDescriptor::CPPTYPE_STRING:
      return visit(repeated ? r->GetRepeatedString(message, field, index)
                            : r->GetString(message, field));
    case FieldDescriptor::CPPTYPE_MESSAGE:
    default:
      return visit(repeated ? r->GetRepeatedMessage(message, field, index)
                            : r->GetMessage(message, field));
  }
}

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_FIELD_VALUE_H_

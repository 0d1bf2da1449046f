#include "service/data_protection/string_field_rewriter.h"

#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "google/protobuf/descriptor.h"

namespace azubimatch::service {
namespace {

using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::Reflection;

// `text` with `from` replaced by `to`; false when `text` does not contain `from`.
bool Replaced(const std::string& text, absl::string_view from, absl::string_view to,
              std::string* out) {
  if (absl::string_view(text).find(from) == absl::string_view::npos) return false;
  *out = absl::StrReplaceAll(text, {{from, to}});
  return true;
}

}  // namespace

int64_t ReplaceInStringFields(Message* message, absl::string_view from,
                              absl::string_view to) {
  const Reflection* reflection = message->GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(*message, &fields);
  int64_t changed = 0;
  std::string replaced;
  for (const FieldDescriptor* field : fields) {
    const bool is_string = field->cpp_type() == FieldDescriptor::CPPTYPE_STRING;
    const bool is_message = field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE;
    if (field->is_repeated()) {
      const int size = reflection->FieldSize(*message, field);
      for (int i = 0; i < size; ++i) {
        if (is_message) {
          changed += ReplaceInStringFields(
              reflection->MutableRepeatedMessage(message, field, i), from, to);
        } else if (is_string &&
                   Replaced(reflection->GetRepeatedString(*message, field, i), from, to,
                            &replaced)) {
          reflection->SetRepeatedString(message, field, i, replaced);
          ++changed;
        }
      }
    } else if (is_message) {
      changed +=
          ReplaceInStringFields(reflection->MutableMessage(message, field), from, to);
    } else if (is_string &&
               Replaced(reflection->GetString(*message, field), from, to, &replaced)) {
      reflection->SetString(message, field, replaced);
      ++changed;
    }
  }
  return changed;
}

}  // namespace azubimatch::service

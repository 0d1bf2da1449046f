// The gateway's JSON printer against protobuf's own (MessageToJsonString with
// always_print_primitive_fields): the same JSON value for every message type of the
// API, empty and filled with seeded random values (every field, nested messages,
// repeated fields, maps, oneofs, timestamps, special doubles, escapes).
#include "service/http/json_printer.h"

#include <random>
#include <string>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "service/http/api_files.h"
#include "service/http/reflection_names.h"
#include "service/http/request_transcoding.h"

namespace azubimatch::service::http {
namespace {

std::vector<const Descriptor*> ApiMessages() {
  std::vector<const Descriptor*> types;
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const std::string& name : ApiProtoFiles()) {
    const google::protobuf::FileDescriptor* file = pool->FindFileByName(name);
    for (int i = 0; file != nullptr && i < file->message_type_count(); ++i) {
      types.push_back(file->message_type(i));
    }
  }
  return types;
}

class Filler {
 public:
  explicit Filler(uint64_t seed) : random_(seed) {}

  void Fill(Message* message, int depth) {
    const Descriptor* type = message->GetDescriptor();
    const Reflection* r = message->GetReflection();
    if (type->full_name() == "google.protobuf.Timestamp") {
      r->SetInt64(message, type->FindFieldByNumber(1), Pick(0, 4000000000LL));
      static const int kNanos[] = {0, 500000000, 123456000, 123456789, 1000};
      r->SetInt32(message, type->FindFieldByNumber(2), kNanos[Pick(0, 4)]);
      return;
    }
    for (int i = 0; i < type->field_count(); ++i) {
      const FieldDescriptor* field = type->field(i);
      if (Pick(0, 5) == 0) continue;  // leave some fields unset
      if (field->is_map()) {
        const int n = static_cast<int>(Pick(0, 3));
        for (int j = 0; j < n; ++j) {
          Message* entry = r->AddMessage(message, field);
          const FieldDescriptor* key = entry->GetDescriptor()->map_key();
          if (key->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
            entry->GetReflection()->SetString(entry, key, "key" + std::to_string(j));
          } else {
            SetScalar(entry, key, -1);
          }
          SetOrFill(entry, entry->GetDescriptor()->map_value(), depth);
        }
      } else if (field->is_repeated()) {
        const int n = static_cast<int>(Pick(0, 2));
        for (int j = 0; j < n; ++j) {
          if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
            if (depth < 3) Fill(r->AddMessage(message, field), depth + 1);
          } else {
            SetScalar(message, field, j);
          }
        }
      } else {
        SetOrFill(message, field, depth);
      }
    }
  }

 private:
  int64_t Pick(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(random_);
  }

  void SetOrFill(Message* message, const FieldDescriptor* field, int depth) {
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (depth < 3)
        Fill(message->GetReflection()->MutableMessage(message, field), depth + 1);
    } else {
      SetScalar(message, field, -1);
    }
  }

  // Sets (index -1) or adds a random value.
  void SetScalar(Message* m, const FieldDescriptor* f, int index) {
    const Reflection* r = m->GetReflection();
    const bool add = index >= 0;
    static const char* const kStrings[] = {
        "",      "Bäckerei Yilmaz", "\"quoted\" \\ back", "line\nbreak\ttab\x01",
        "€ 😀 ğ", "<b>&amp;</b>"};
    static const double kDoubles[] = {0.0,      -1.5,      0.80691963614142259,
                                      1e-300,   1e300,     std::nan(""),
                                      INFINITY, -INFINITY, 123456789.125};
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32: {
        const int32_t v = static_cast<int32_t>(Pick(INT32_MIN, INT32_MAX));
        add ? r->AddInt32(m, f, v) : r->SetInt32(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_UINT32: {
        const uint32_t v = static_cast<uint32_t>(Pick(0, UINT32_MAX));
        add ? r->AddUInt32(m, f, v) : r->SetUInt32(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_INT64: {
        const int64_t v = Pick(INT64_MIN, INT64_MAX);
        add ? r->AddInt64(m, f, v) : r->SetInt64(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_UINT64: {
        const uint64_t v = static_cast<uint64_t>(Pick(0, INT64_MAX)) * 2 + 1;
        add ? r->AddUInt64(m, f, v) : r->SetUInt64(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_DOUBLE: {
        const double v = kDoubles[Pick(0, 8)];
        add ? r->AddDouble(m, f, v) : r->SetDouble(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_FLOAT: {
        const float v = static_cast<float>(kDoubles[Pick(0, 8)]);
        add ? r->AddFloat(m, f, v) : r->SetFloat(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        const bool v = Pick(0, 1) == 1;
        add ? r->AddBool(m, f, v) : r->SetBool(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_ENUM: {
        const auto* e = f->enum_type()->value(
            static_cast<int>(Pick(0, f->enum_type()->value_count() - 1)));
        add ? r->AddEnum(m, f, e) : r->SetEnum(m, f, e);
        break;
      }
      case FieldDescriptor::CPPTYPE_STRING: {
        std::string v = kStrings[Pick(0, 5)];
        if (f->type() == FieldDescriptor::TYPE_BYTES)
          v = std::string("\x00\xff\x10 bytes", 9);
        add ? r->AddString(m, f, v) : r->SetString(m, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE:
        break;
    }
  }

  std::mt19937_64 random_;
};

void ExpectSameJson(const Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  std::string expected;
  ASSERT_TRUE(
      google::protobuf::util::MessageToJsonString(message, &expected, options).ok());
  std::string actual;
  AppendJson(message, &actual);
  const nlohmann::json want = nlohmann::json::parse(expected, nullptr, false);
  const nlohmann::json got = nlohmann::json::parse(actual, nullptr, false);
  ASSERT_FALSE(got.is_discarded()) << actual;
  EXPECT_EQ(got, want) << message.GetDescriptor()->full_name() << "\nours:     " << actual
                       << "\nprotobuf: " << expected;
}

TEST(JsonPrinterTest, EmptyMessagesPrintAsProtobufDoes) {
  const std::vector<const Descriptor*> types = ApiMessages();
  ASSERT_GT(types.size(), 50u);
  for (const Descriptor* type : types) ExpectSameJson(*NewMessage(type));
}

TEST(JsonPrinterTest, RandomFilledMessagesPrintAsProtobufDoes) {
  for (const Descriptor* type : ApiMessages()) {
    for (uint64_t seed = 1; seed <= 20; ++seed) {
      std::unique_ptr<Message> message = NewMessage(type);
      Filler(seed * 7919 + type->index()).Fill(message.get(), 0);
      ExpectSameJson(*message);
      if (HasFailure()) return;
    }
  }
}

}  // namespace
}  // namespace azubimatch::service::http

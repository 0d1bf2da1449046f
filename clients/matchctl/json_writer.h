// JsonWriter: writes compact JSON (RFC 8259) into a string, inserting the commas and
// colons itself. Every JSON matchctl prints goes through it, so that escaping and
// number formatting are the same everywhere.
//
//   std::string out;
//   JsonWriter json(&out);
//   json.BeginObject();
//   json.Key("placed"); json.Int(12);
//   json.Key("fill_rate"); json.Double(0.75);
//   json.EndObject();   // out == {"placed":12,"fill_rate":0.75}
//
// Numbers: integers in decimal; doubles in the shortest form that reads back to the
// same value (std::to_chars), NaN and infinities as the strings "NaN", "Infinity",
// "-Infinity" (as protobuf's JSON mapping does). Strings: engine/base/json_string.h
// (style kProto: '"', '\\' and control characters escaped, other bytes copied).
//
// Thread-compatible. Each call is O(length of what it writes). The caller keeps
// the calls balanced (REQUIRES: a Key before every value inside an object).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_JSON_WRITER_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace azubimatch::matchctl {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(absl::string_view key);

  void String(absl::string_view value);
  void Int(int64_t value);
  void Uint(uint64_t value);
  void Double(double value);
  void Float(float value);  // shortest form of the float, not of its double widening
  void Bool(bool value);
  void Null();

 private:
  // Writes the separator a new value needs at this point.
  void BeforeValue();

  std::string* out_;
  // One entry per open object or array: true until its first member is written.
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_JSON_WRITER_H_

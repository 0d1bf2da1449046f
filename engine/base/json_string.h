// JSON string literals (RFC 8259): the one quoting routine behind matchctl's JSON
// output, the HTTP gateway's JSON printer and matchd's JSON log lines.
//
// Two styles, because their outputs are fixed by what reads them:
//   kProto    the escapes of protobuf's JSON printer: '"' and '\\' escaped, \b \f \n \r
//             \t as two-character escapes, other bytes below 0x20 as \u00xx (lowercase
//             hex); every other byte copied unchanged (UTF-8 passes through as is).
//   kLogLine  for log lines that must parse whatever was logged: '"' and '\\' escaped,
//             \n \r \t as two-character escapes, other bytes below 0x20 and DEL (0x7f)
//             as \u00xx; each byte that does not start a valid UTF-8 sequence
//             (engine/base/input_rules.h) becomes \ufffd, valid sequences are copied.
//
//   JsonQuote("a\"b")  == "\"a\\\"b\""
//
// Thread safety: pure functions. Complexity: O(length of the text).
#ifndef AZUBIMATCH_ENGINE_BASE_JSON_STRING_H_
#define AZUBIMATCH_ENGINE_BASE_JSON_STRING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace azubimatch::engine {

enum class JsonStringStyle { kProto, kLogLine };

// Appends `text` as a quoted JSON string to `out`.
void AppendJsonString(absl::string_view text, std::string* out,
                      JsonStringStyle style = JsonStringStyle::kProto);

// `text` as a quoted JSON string.
std::string JsonQuote(absl::string_view text, JsonStringStyle style = JsonStringStyle::kProto);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_BASE_JSON_STRING_H_

#include "engine/base/json_string.h"

#include "absl/strings/str_format.h"
#include "engine/base/input_rules.h"

namespace azubimatch::engine {
namespace {

// The two-character escape of `c` in `style`, or nullptr when it has none.
const char* ShortEscape(unsigned char c, JsonStringStyle style) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    case '\b':
      return style == JsonStringStyle::kProto ? "\\b" : nullptr;
    case '\f':
      return style == JsonStringStyle::kProto ? "\\f" : nullptr;
    default:
      return nullptr;
  }
}

}  // namespace

void AppendJsonString(absl::string_view text, std::string* out, JsonStringStyle style) {
  const bool log_line = style == JsonStringStyle::kLogLine;
  out->push_back('"');
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (log_line && c >= 0x80) {
      const size_t length = Utf8SequenceLength(text, i);
      if (length == 0) {
        out->append("\\ufffd");
        ++i;
      } else {
        out->append(text.data() + i, length);
        i += length;
      }
      continue;
    }
    if (const char* escape = ShortEscape(c, style)) {
      out->append(escape);
    } else if (c < 0x20 || (log_line && c == 0x7f)) {
      absl::StrAppendFormat(out, "\\u%04x", c);
    } else {
      out->push_back(static_cast<char>(c));
    }
    ++i;
  }
  out->push_back('"');
}

std::string JsonQuote(absl::string_view text, JsonStringStyle style) {
  std::string out;
  out.reserve(text.size() + 2);
  AppendJsonString(text, &out, style);
  return out;
}

}  // namespace azubimatch::engine

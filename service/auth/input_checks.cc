#include "service/auth/input_checks.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace azubimatch::service {
namespace {

// Decodes one UTF-8 code point at `text[*pos]`, advancing *pos; false when malformed
// (bad lead byte, truncated, overlong, surrogate or beyond U+10FFFF).
bool NextCodePoint(std::string_view text, size_t* pos, char32_t* code_point) {
  unsigned char lead = text[*pos];
  int length = lead < 0x80           ? 1
               : (lead >> 5) == 0x6  ? 2
               : (lead >> 4) == 0xe  ? 3
               : (lead >> 3) == 0x1e ? 4
                                     : 0;
  if (length == 0 || *pos + length > text.size()) return false;
  char32_t cp = length == 1 ? lead : lead & (0x7f >> length);
  for (int i = 1; i < length; ++i) {
    unsigned char c = text[*pos + i];
    if ((c >> 6) != 0x2) return false;
    cp = (cp << 6) | (c & 0x3f);
  }
  static constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[length] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
    return false;
  }
  *pos += length;
  *code_point = cp;
  return true;
}

}  // namespace

absl::Status CheckDisplayText(std::string_view field, std::string_view text,
                              bool required, int max_chars) {
  int chars = 0;
  bool has_visible = false;
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp = 0;
    if (!NextCodePoint(text, &pos, &cp)) {
      return absl::InvalidArgumentError(
          absl::StrCat(std::string(field), ": not valid UTF-8"));
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      return absl::InvalidArgumentError(
          absl::StrCat(std::string(field), ": contains a control character"));
    }
    if (cp != ' ') has_visible = true;
    if (++chars > max_chars) {
      return absl::InvalidArgumentError(
          absl::StrCat(std::string(field), ": longer than ", max_chars, " characters"));
    }
  }
  if (required && !has_visible)
    return absl::InvalidArgumentError(absl::StrCat(std::string(field), ": required"));
  return absl::OkStatus();
}

absl::StatusOr<int> EffectivePageSize(int page_size, int default_size, int max_size) {
  if (page_size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size: must not be negative, got ", page_size));
  }
  if (page_size == 0) return default_size;
  return std::min(page_size, max_size);
}

}  // namespace azubimatch::service

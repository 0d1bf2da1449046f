#include "engine/base/input_rules.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace azubimatch::engine {
namespace {

// Decodes the code point at text[*pos] and advances *pos past it; false when the bytes
// there are not valid UTF-8 (bad lead byte, truncated, overlong, surrogate or beyond
// U+10FFFF).
bool NextCodePoint(absl::string_view text, size_t* pos, char32_t* code_point) {
  const auto lead = static_cast<unsigned char>(text[*pos]);
  const int length = lead < 0x80           ? 1
                     : (lead >> 5) == 0x6  ? 2
                     : (lead >> 4) == 0xe  ? 3
                     : (lead >> 3) == 0x1e ? 4
                                           : 0;
  if (length == 0 || *pos + length > text.size()) return false;
  char32_t cp = length == 1 ? lead : lead & (0x7f >> length);
  for (int i = 1; i < length; ++i) {
    const auto c = static_cast<unsigned char>(text[*pos + i]);
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

bool IsControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7f && cp < 0xa0); }

}  // namespace

int64_t Utf8Length(absl::string_view text) {
  int64_t count = 0;
  for (size_t pos = 0; pos < text.size(); ++count) {
    char32_t cp = 0;
    if (!NextCodePoint(text, &pos, &cp)) return -1;
  }
  return count;
}

size_t Utf8SequenceLength(absl::string_view text, size_t pos) {
  size_t end = pos;
  char32_t cp = 0;
  return NextCodePoint(text, &end, &cp) ? end - pos : 0;
}

std::optional<std::string> TextProblem(absl::string_view text, bool required, int max_chars) {
  int64_t chars = 0;
  bool blank = true;
  bool control = false;
  for (size_t pos = 0; pos < text.size(); ++chars) {
    char32_t cp = 0;
    if (!NextCodePoint(text, &pos, &cp)) return "must be valid UTF-8";
    if (cp != ' ') blank = false;
    if (IsControl(cp)) control = true;
  }
  if (required && blank) return "must not be empty";
  if (chars > max_chars) {
    return absl::StrCat("must have at most ", max_chars, " characters, has ", chars);
  }
  if (control) return "must not contain control characters";
  return std::nullopt;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::vector<DatePartProblem> DateProblems(int year, int month, int day) {
  std::vector<DatePartProblem> problems;
  if (year < 1900 || year > 2200) problems.push_back({"year", "must be in 1900..2200"});
  if (month < 1 || month > 12) {
    problems.push_back({"month", "must be in 1..12"});
    return problems;
  }
  const int days = DaysInMonth(year, month);
  if (day < 1 || day > days) {
    problems.push_back({"day", absl::StrCat("must be in 1..", days, " for month ", month)});
  }
  return problems;
}

bool IsValidDate(int year, int month, int day) {
  return DateProblems(year, month, day).empty();
}

std::optional<std::string> KldbCodeProblem(absl::string_view code) {
  if (code.empty()) return "required";
  bool digits = code.size() == 5;
  for (char c : code) digits = digits && absl::ascii_isdigit(static_cast<unsigned char>(c));
  if (!digits) return "must be a KldB 2010 code of 5 digits";
  return std::nullopt;
}

std::string FieldPath(absl::string_view parent, absl::string_view field) {
  return parent.empty() ? std::string(field) : absl::StrCat(parent, ".", field);
}

std::string IndexedField(absl::string_view field, int index) {
  return absl::StrCat(field, "[", index, "]");
}

}  // namespace azubimatch::engine

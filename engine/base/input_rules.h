// Input rules: the one rule set for the values every front end of azubimatch accepts
// from people and portals — texts, calendar dates, KldB occupation codes — and the
// dotted field paths that name a value in a request. The registry's record checks,
// the matching and admin requests and matchctl's file readers all ask these functions,
// so a value one of them accepts is accepted by all.
//
// Each check returns nullopt for a good value, else what is wrong in words, without
// the field ("must not be empty"); callers prefix the field path (FieldViolations in
// the service, "line 3, column x:" in matchctl).
//
// The rules:
//   text    valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF); when
//           required, at least one character other than a space; at most `max_chars`
//           code points; no control characters (U+0000..U+001F, U+007F..U+009F).
//   date    year 1900..2200, month 1..12, day valid for the month (leap years counted).
//   KldB    a KldB 2010 occupation code: exactly 5 ASCII digits.
//
// Thread safety: pure functions. Complexity: O(length of the input).
#ifndef AZUBIMATCH_ENGINE_BASE_INPUT_RULES_H_
#define AZUBIMATCH_ENGINE_BASE_INPUT_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace azubimatch::engine {

// Number of code points in `text`, or -1 when it is not valid UTF-8.
int64_t Utf8Length(absl::string_view text);

// Length in bytes (1..4) of the valid UTF-8 sequence starting at text[pos], or 0 when
// the bytes there are not one (bad lead byte, truncated, overlong, surrogate, beyond
// U+10FFFF). REQUIRES: pos < text.size().
size_t Utf8SequenceLength(absl::string_view text, size_t pos);

// What is wrong with `text` under the text rule, in this order: "must be valid UTF-8",
// "must not be empty" (required and blank), "must have at most N characters, has M",
// "must not contain control characters".
std::optional<std::string> TextProblem(absl::string_view text, bool required, int max_chars);

// One problem of a date: the part it is about ("year", "month" or "day") and what is
// wrong with it.
struct DatePartProblem {
  std::string part;
  std::string description;

  bool operator==(const DatePartProblem&) const = default;
};

// Every problem of the date year-month-day under the date rule; empty when valid. A
// month out of range hides the day's check (the day's range depends on the month).
std::vector<DatePartProblem> DateProblems(int year, int month, int day);

// True when year-month-day is a valid date under the date rule.
bool IsValidDate(int year, int month, int day);

// Days in `month` (1..12) of `year`, leap years counted.
int DaysInMonth(int year, int month);

// What is wrong with a KldB 2010 code: "required" when empty, else "must be a KldB 2010
// code of 5 digits".
std::optional<std::string> KldbCodeProblem(absl::string_view code);

// "parent.field", or "field" when `parent` is empty.
std::string FieldPath(absl::string_view parent, absl::string_view field);

// "field[index]".
std::string IndexedField(absl::string_view field, int index);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_BASE_INPUT_RULES_H_

// Checks of the inputs of member and key administration: display texts (names,
// labels) and page sizes. Errors are InvalidArgument and name the field.
//
// Thread safety: pure functions. Complexity: O(length of the text).
#ifndef AZUBIMATCH_SERVICE_AUTH_INPUT_CHECKS_H_
#define AZUBIMATCH_SERVICE_AUTH_INPUT_CHECKS_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace azubimatch::service {

// OK when `text` is valid UTF-8 of at most `max_chars` characters (code points) without
// control characters, and, when `required`, holds at least one non-space character.
absl::Status CheckDisplayText(std::string_view field, std::string_view text,
                              bool required, int max_chars);

// The number of entries to return for a requested `page_size`: `default_size` for 0,
// at most `max_size`; InvalidArgument ("page_size: ...") when negative.
absl::StatusOr<int> EffectivePageSize(int page_size, int default_size, int max_size);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_INPUT_CHECKS_H_

// Checks of the inputs of member, key and audit administration: display texts (names,
// labels) under the text rule of engine/base/input_rules.h, and page sizes. Errors are
// INVALID_ARGUMENT naming the field ("name: must not be empty"), with a
// google.rpc.BadRequest like every other request check (field_violations.h).
//
// Thread safety: pure functions. Complexity: O(length of the text).
#ifndef AZUBIMATCH_SERVICE_AUTH_INPUT_CHECKS_H_
#define AZUBIMATCH_SERVICE_AUTH_INPUT_CHECKS_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace azubimatch::service {

// OK when `text` passes the text rule (valid UTF-8, at most `max_chars` code points, no
// control characters, and, when `required`, a character other than a space).
absl::Status CheckDisplayText(std::string_view field, std::string_view text,
                              bool required, int max_chars);

// The number of entries to return for a requested `page_size`: `default_size` for 0,
// at most `max_size`; InvalidArgument ("page_size: ...") when negative.
absl::StatusOr<int> EffectivePageSize(int page_size, int default_size, int max_size);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_INPUT_CHECKS_H_

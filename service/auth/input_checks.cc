#include "service/auth/input_checks.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/base/input_rules.h"
#include "service/registry/field_violations.h"

namespace azubimatch::service {

absl::Status CheckDisplayText(std::string_view field, std::string_view text,
                              bool required, int max_chars) {
  if (std::optional<std::string> problem = engine::TextProblem(
          absl::string_view(text.data(), text.size()), required, max_chars)) {
    return InvalidField(std::string(field), *std::move(problem));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> EffectivePageSize(int page_size, int default_size, int max_size) {
  if (page_size < 0) {
    return InvalidField("page_size", absl::StrCat("must not be negative, got ", page_size));
  }
  if (page_size == 0) return default_size;
  return std::min(page_size, max_size);
}

}  // namespace azubimatch::service

#include "service/registry/field_checks.h"

#include <optional>
#include <string>
#include <utility>

#include "engine/base/input_rules.h"
#include "service/registry/validation.h"

namespace azubimatch::service {

void CheckTextField(absl::string_view field, absl::string_view text, bool required,
                    int max_chars, FieldViolations* v) {
  if (std::optional<std::string> problem = engine::TextProblem(text, required, max_chars)) {
    v->Add(std::string(field), *std::move(problem));
  }
}

void CheckDateField(absl::string_view field, bool present, const v1::Date& date,
                    bool required, FieldViolations* v) {
  if (!present) {
    if (required) v->Add(std::string(field), "required");
    return;
  }
  for (engine::DatePartProblem& problem :
       engine::DateProblems(date.year(), date.month(), date.day())) {
    v->Add(engine::FieldPath(field, problem.part), std::move(problem.description));
  }
}

void CheckKldbField(absl::string_view field, absl::string_view code, FieldViolations* v) {
  if (std::optional<std::string> problem = engine::KldbCodeProblem(code)) {
    v->Add(std::string(field), *std::move(problem));
  }
}

void CheckRecordIdField(absl::string_view field, absl::string_view id, bool required,
                        FieldViolations* v) {
  if (id.empty()) {
    if (required) v->Add(std::string(field), "required");
    return;
  }
  if (!IsWellFormedRecordId(id)) v->Add(std::string(field), "must be 16 characters [0-9a-z]");
}

}  // namespace azubimatch::service

// Field checks: the input rules of engine/base/input_rules.h applied to one field of a
// request, each problem added to a FieldViolations under the field's path. Every
// service validates texts, dates, KldB codes and record ids through these, so one
// value gets one verdict and one wording wherever it is sent.
//
// Thread safety: pure functions over the given FieldViolations. Complexity: O(size of
// the value).
#ifndef AZUBIMATCH_SERVICE_REGISTRY_FIELD_CHECKS_H_
#define AZUBIMATCH_SERVICE_REGISTRY_FIELD_CHECKS_H_

#include "absl/strings/string_view.h"

#include "azubimatch/v1/common.pb.h"
#include "service/registry/field_violations.h"

namespace azubimatch::service {

// The text rule; `required` texts must hold a character other than a space.
void CheckTextField(absl::string_view field, absl::string_view text, bool required,
                    int max_chars, FieldViolations* v);

// The date rule, for a date message that may be absent: "required" when `required` and
// not `present`; problems are named by part ("offer.start_date.day").
void CheckDateField(absl::string_view field, bool present, const v1::Date& date,
                    bool required, FieldViolations* v);

// The KldB 2010 code rule ("required" when empty).
void CheckKldbField(absl::string_view field, absl::string_view code, FieldViolations* v);

// A server-assigned record id: 16 characters [0-9a-z]; "required" when empty and
// `required`.
void CheckRecordIdField(absl::string_view field, absl::string_view id, bool required,
                        FieldViolations* v);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_FIELD_CHECKS_H_

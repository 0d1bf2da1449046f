// FieldViolations: collects every (field path, description) pair found while checking a
// request, and turns them into one absl::Status.
//
// The status is INVALID_ARGUMENT; its message names the first offending field
// ("company.name: must not be empty (and 2 more violations)"), and it carries all the
// violations as a serialized google.rpc.BadRequest payload under the type URL
// kBadRequestTypeUrl. grpc_status.h turns that payload into the `grpc-status-details-bin`
// trailer, so that clients decode the structured violations with the standard
// google.rpc messages.
//
// Field paths use the proto field names of the request, dotted, with [i] for repeated
// fields: "offer.required_languages[1].level".
//
// Thread safety: thread-compatible value type. Cost: O(number of violations).
// Order: violations stay in the order they were added (the checking order).
#ifndef AZUBIMATCH_SERVICE_REGISTRY_FIELD_VIOLATIONS_H_
#define AZUBIMATCH_SERVICE_REGISTRY_FIELD_VIOLATIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/status/status.h"

namespace azubimatch::service {

// The payload key of the BadRequest in an absl::Status.
inline constexpr absl::string_view kBadRequestTypeUrl =
    "type.googleapis.com/google.rpc.BadRequest";

struct FieldViolation {
  std::string field;        // dotted path, e.g. "candidate.home.latitude"
  std::string description;  // what is wrong, in words

  bool operator==(const FieldViolation&) const = default;
};

class FieldViolations {
 public:
  void Add(std::string field, std::string description) {
    violations_.push_back({std::move(field), std::move(description)});
  }
  bool empty() const { return violations_.empty(); }
  size_t size() const { return violations_.size(); }
  const std::vector<FieldViolation>& violations() const { return violations_; }

  // OK when empty; otherwise INVALID_ARGUMENT as described above.
  absl::Status ToStatus() const;

 private:
  std::vector<FieldViolation> violations_;
};

// A single-violation INVALID_ARGUMENT status, as FieldViolations::ToStatus builds it.
absl::Status InvalidField(std::string field, std::string description);

// The payload key under which a non-INVALID_ARGUMENT status (e.g. NOT_FOUND for an
// offer's company_id) names the field it is about. Not sent on the wire; read by
// FirstViolatedField() (e.g. for the `field` of an import error).
inline constexpr absl::string_view kFieldPayloadUrl = "azubimatch/field";

// `status` naming `field` through kFieldPayloadUrl. OK stays OK.
absl::Status WithField(absl::Status status, absl::string_view field);

// The violations carried by `status` (empty when it carries none).
std::vector<FieldViolation> ViolationsOf(const absl::Status& status);

// The first offending field named by `status` (its first violation, else its
// kFieldPayloadUrl payload), or "" when there is none.
std::string FirstViolatedField(const absl::Status& status);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_FIELD_VIOLATIONS_H_

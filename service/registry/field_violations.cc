#include "service/registry/field_violations.h"

#include <optional>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"

namespace azubimatch::service {

absl::Status FieldViolations::ToStatus() const {
  if (violations_.empty()) return absl::OkStatus();
  const FieldViolation& first = violations_.front();
  std::string message = absl::StrCat(first.field, ": ", first.description);
  if (violations_.size() > 1) {
    absl::StrAppend(&message, " (and ", violations_.size() - 1, " more violation",
                    violations_.size() > 2 ? "s" : "", ")");
  }
  google::rpc::BadRequest bad_request;
  for (const FieldViolation& v : violations_) {
    auto* out = bad_request.add_field_violations();
    out->set_field(v.field);
    out->set_description(v.description);
  }
  absl::Status status = absl::InvalidArgumentError(message);
  status.SetPayload(kBadRequestTypeUrl, absl::Cord(bad_request.SerializeAsString()));
  return status;
}

absl::Status InvalidField(std::string field, std::string description) {
  FieldViolations violations;
  violations.Add(std::move(field), std::move(description));
  return violations.ToStatus();
}

std::vector<FieldViolation> ViolationsOf(const absl::Status& status) {
  std::vector<FieldViolation> result;
  auto payload = status.GetPayload(kBadRequestTypeUrl);
  if (!payload.has_value()) return result;
  google::rpc::BadRequest bad_request;
  if (!bad_request.ParseFromString(std::string(*payload))) return result;
  for (const auto& v : bad_request.field_violations()) {
    result.push_back({v.field(), v.description()});
  }
  return result;
}

absl::Status WithField(absl::Status status, absl::string_view field) {
  if (!status.ok()) status.SetPayload(kFieldPayloadUrl, absl::Cord(field));
  return status;
}

std::string FirstViolatedField(const absl::Status& status) {
  std::vector<FieldViolation> violations = ViolationsOf(status);
  if (!violations.empty()) return violations.front().field;
  auto field = status.GetPayload(kFieldPayloadUrl);
  return field.has_value() ? std::string(*field) : std::string();
}

}  // namespace azubimatch::service

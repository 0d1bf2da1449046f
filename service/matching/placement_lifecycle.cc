#include "service/matching/placement_lifecycle.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "service/matching/proto_conversion.h"
#include "service/registry/field_violations.h"

namespace azubimatch::service {
namespace {

absl::Status StepRefused(absl::string_view field, absl::string_view message) {
  return WithField(absl::FailedPreconditionError(absl::StrCat(field, ": ", message)),
                   field);
}

const absl::TimeZone& ServiceTimeZone() {
  static const absl::TimeZone* const zone = [] {
    auto* tz = new absl::TimeZone;
    if (!absl::LoadTimeZone("Europe/Berlin", tz)) *tz = absl::FixedTimeZone(3600);
    return tz;
  }();
  return *zone;
}

v1::Date ToProtoDate(engine::Date day) {
  const absl::CivilDay civil = absl::CivilDay(1970, 1, 1) + day.days_since_epoch;
  v1::Date out;
  out.set_year(static_cast<int32_t>(civil.year()));
  out.set_month(civil.month());
  out.set_day(civil.day());
  return out;
}

std::string StatusName(v1::PlacementStatus status) {
  return v1::PlacementStatus_Name(status);
}

}  // namespace

engine::Date Today(absl::Time now) {
  const absl::CivilDay day = absl::ToCivilDay(now, ServiceTimeZone());
  return engine::Date::FromYmd(static_cast<int32_t>(day.year()), day.month(), day.day());
}

v1::PlacementStatus NextLifecycleStatus(v1::PlacementStatus current) {
  switch (current) {
    case v1::PLACEMENT_STATUS_ACCEPTED:
      return v1::PLACEMENT_STATUS_CONTRACT_SIGNED;
    case v1::PLACEMENT_STATUS_CONTRACT_SIGNED:
      return v1::PLACEMENT_STATUS_STARTED;
    case v1::PLACEMENT_STATUS_STARTED:
      return v1::PLACEMENT_STATUS_PROBATION_PASSED;
    case v1::PLACEMENT_STATUS_PROBATION_PASSED:
      return v1::PLACEMENT_STATUS_COMPLETED;
    default:
      return v1::PLACEMENT_STATUS_UNSPECIFIED;
  }
}

absl::Status CheckLifecycleStep(const v1::Placement& placement, v1::PlacementStatus next,
                                const v1::Date& date) {
  const v1::PlacementStatus current = placement.status();
  if (current == v1::PLACEMENT_STATUS_REJECTED ||
      current == v1::PLACEMENT_STATUS_WITHDRAWN) {
    return StepRefused("id", absl::StrCat("placement is ", StatusName(current),
                                          "; only accepted placements advance"));
  }
  const v1::PlacementStatus following = NextLifecycleStatus(current);
  const bool may_end_early = current == v1::PLACEMENT_STATUS_CONTRACT_SIGNED ||
                             current == v1::PLACEMENT_STATUS_STARTED ||
                             current == v1::PLACEMENT_STATUS_PROBATION_PASSED;
  const bool allowed =
      next == v1::PLACEMENT_STATUS_ENDED_EARLY
          ? may_end_early
          : next == following && following != v1::PLACEMENT_STATUS_UNSPECIFIED;
  if (!allowed) {
    std::string may;
    if (following != v1::PLACEMENT_STATUS_UNSPECIFIED) may = StatusName(following);
    if (may_end_early) absl::StrAppend(&may, " or PLACEMENT_STATUS_ENDED_EARLY");
    return StepRefused(
        "status",
        absl::StrCat("placement is ", StatusName(current), "; it cannot move to ",
                     StatusName(next),
                     may.empty() ? " (it is final)" : absl::StrCat(", only to ", may)));
  }
  if (placement.history_size() == 0) return absl::OkStatus();
  const v1::PlacementEvent& previous = placement.history(placement.history_size() - 1);
  // The acceptance's date bounds nothing (see the header).
  if (previous.status() == v1::PLACEMENT_STATUS_ACCEPTED) return absl::OkStatus();
  const engine::Date previous_day = ToEngineDate(previous.date());
  if (ToEngineDate(date) < previous_day) {
    return StepRefused("date", absl::StrCat("must not be before the previous step (",
                                            StatusName(previous.status()), " on ",
                                            previous_day.ToString(), ")"));
  }
  return absl::OkStatus();
}

v1::PlacementEvent StepEvent(const v1::AdvancePlacementRequest& request,
                             const google::protobuf::Timestamp& recorded_at) {
  v1::PlacementEvent event;
  event.set_status(request.status());
  *event.mutable_date() = request.date();
  event.set_ended_by(request.ended_by());
  event.set_end_reason(request.end_reason());
  event.set_note(request.note());
  *event.mutable_recorded_at() = recorded_at;
  return event;
}

v1::PlacementEvent AcceptanceEvent(const google::protobuf::Timestamp& recorded_at) {
  const absl::Time at = absl::FromUnixSeconds(recorded_at.seconds()) +
                        absl::Nanoseconds(recorded_at.nanos());
  v1::PlacementEvent event;
  event.set_status(v1::PLACEMENT_STATUS_ACCEPTED);
  *event.mutable_date() = ToProtoDate(Today(at));
  *event.mutable_recorded_at() = recorded_at;
  return event;
}

}  // namespace azubimatch::service

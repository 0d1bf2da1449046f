// The retention report (Reports.GetRetention, proto/azubimatch/v1/reports.proto) from
// stored placements: each placement that reached STARTED becomes an
// engine::TrainingSpell (engine/analytics/retention.h computes the figures), grouped by
// the requested dimension. Aggregates only: the report names no candidate, offer or
// placement.
//
// Which placements count: those whose history holds a STARTED step dated on or before
// as_of, unless the placement is REJECTED or WITHDRAWN (a withdrawn placement is taken
// back as recorded in error). The dates are those of the history's steps (STARTED,
// PROBATION_PASSED, COMPLETED, ENDED_EARLY; the first of each status). Placements
// stored before the lifecycle existed have no history and do not count.
//
// Groups (RetentionDimension): occupation and sector of the placement's offer
// ("unknown" when the offer is gone); commute band ("0-30", "30-60", "60+" minutes of
// the pair's travel time), choice rank ("1".."4", "5+", "sector") and assignment mode
// of the run that proposed the pair (Placement.run_id), or "no run" when none did or
// that run does not hold the pair; member. Groups with fewer than kMinGroupSize started
// placements are suppressed (name only); the log-rank test compares the others.
//
// Thread safety: RetentionCollector is not thread-safe; the free functions are pure.
// Complexity: Add O(history) plus one facts lookup when grouped; Finish O(n log n).
#ifndef AZUBIMATCH_SERVICE_REPORTS_RETENTION_REPORT_H_
#define AZUBIMATCH_SERVICE_REPORTS_RETENTION_REPORT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "azubimatch/v1/matching.pb.h"
#include "azubimatch/v1/reports.pb.h"
#include "engine/analytics/retention.h"

namespace azubimatch::service {

// A GetRetentionRequest checked and completed with its defaults.
struct RetentionQuery {
  absl::CivilDay as_of;
  std::vector<int32_t> at_days;
  v1::RetentionDimension by = v1::RETENTION_DIMENSION_UNSPECIFIED;
};

inline constexpr int32_t kMaxRetentionDay = 3650;
inline constexpr int kMaxRetentionDays = 20;

// INVALID_ARGUMENT naming every bad field: as_of not a calendar day or after `today`,
// an at_days value outside 0..kMaxRetentionDay, more than kMaxRetentionDays of them, an
// unknown `by`. Defaults: as_of = today, at_days = 122, 365, 730.
absl::StatusOr<RetentionQuery> ToRetentionQuery(const v1::GetRetentionRequest& request,
                                                absl::CivilDay today);

// What grouping needs to know of a placement besides the placement itself.
struct PlacementGroupFacts {
  bool offer_known = false;
  std::string occupation;  // KldB code of the offer's occupation
  v1::Sector sector = v1::SECTOR_UNSPECIFIED;
  // The pair in the run that proposed it; unset when no run did (or it is gone).
  struct Proposal {
    v1::AssignMode mode = v1::ASSIGN_MODE_UNSPECIFIED;
    double travel_minutes = 0.0;
    int32_t choice_rank = 0;  // 0 = sector match
  };
  std::optional<Proposal> proposal;
};

// Called only for started placements, and only when the report is grouped.
using PlacementGroupLookup = std::function<PlacementGroupFacts(const v1::Placement&)>;

// The spell of a placement; nullopt when it does not count (see the file comment; the
// as_of cut is made later, by the engine).
std::optional<engine::TrainingSpell> SpellOf(const v1::Placement& placement);

// The group name of a placement in `by` (which must not be UNSPECIFIED).
std::string RetentionGroupOf(v1::RetentionDimension by, const v1::Placement& placement,
                             const PlacementGroupFacts& facts);

// Collects placements one by one and builds the report.
class RetentionCollector {
 public:
  // `lookup` may be empty when query.by is UNSPECIFIED.
  RetentionCollector(RetentionQuery query, PlacementGroupLookup lookup);

  void Add(const v1::Placement& placement);

  v1::RetentionReport Finish() const;

 private:
  RetentionQuery query_;
  PlacementGroupLookup lookup_;
  std::vector<engine::TrainingSpell> spells_;
  std::vector<std::string> groups_;  // parallel to spells_ when grouped
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REPORTS_RETENTION_REPORT_H_

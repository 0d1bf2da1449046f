// ReportsService: the Reports gRPC service (proto/azubimatch/v1/reports.proto), the run
// report of one stored run for analysts, officers and admins (run_report.h computes it),
// and the retention of started placements (retention_report.h).
//
// Access (besides the per-method table, service/auth/method_access.cc): admins and
// analysts see the report of every member's run — it holds aggregates only — officers
// and portals those of their own member's runs; another member's run is NOT_FOUND, as an
// unknown id ("run_id").
//
// Retention: admins and analysts over every member's placements (aggregates only),
// officers and portals over their own member's; "today" is the service's day of the
// clock (Today in service/matching/placement_lifecycle.h: Europe/Berlin), the day
// AdvancePlacement bounds step dates by.
//
// The run is read from the store unredacted (its placements and unmatched give the pool);
// the candidates' facts come from the MatchingIndex, read under one Reader.
//
// Thread safety: thread-safe (the store and the index are). Complexity: one store read
// and parse of the run, then O(P + U) index lookups (BuildRunReport); retention scans
// and parses every stored placement, O(n log n) for n started placements, plus one read
// per distinct proposing run when grouped by a run's figure.
#ifndef AZUBIMATCH_SERVICE_REPORTS_REPORTS_SERVICE_H_
#define AZUBIMATCH_SERVICE_REPORTS_REPORTS_SERVICE_H_

#include <functional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "azubimatch/v1/reports.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "service/auth/caller.h"
#include "service/matching/matching_index.h"
#include "service/registry/caller_resolver.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

class ReportsService final : public v1::Reports::CallbackService {
 public:
  // `store`, `index` and `resolver` must outlive the service. `clock` gives "today".
  ReportsService(const KvStore* store, const MatchingIndex* index, CallerResolver* resolver,
                 std::function<absl::Time()> clock = absl::Now)
      : store_(store), index_(index), resolver_(resolver), clock_(std::move(clock)) {}

  grpc::ServerUnaryReactor* GetRunReport(grpc::CallbackServerContext* context,
                                         const v1::GetRunReportRequest* request,
                                         v1::RunReport* response) override;

  grpc::ServerUnaryReactor* GetRetention(grpc::CallbackServerContext* context,
                                         const v1::GetRetentionRequest* request,
                                         v1::RetentionReport* response) override;

  // The handler's work without gRPC: INVALID_ARGUMENT for a malformed run_id, NOT_FOUND
  // for an unknown run or one the caller may not see.
  absl::StatusOr<v1::RunReport> Report(const Caller& caller, absl::string_view run_id) const;

  // The handler's work without gRPC: INVALID_ARGUMENT naming the field (ToRetentionQuery).
  absl::StatusOr<v1::RetentionReport> Retention(const Caller& caller,
                                                const v1::GetRetentionRequest& request) const;

 private:
  const KvStore* const store_;
  const MatchingIndex* const index_;
  CallerResolver* const resolver_;
  const std::function<absl::Time()> clock_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REPORTS_REPORTS_SERVICE_H_

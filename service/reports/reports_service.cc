#include "service/reports/reports_service.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"
#include "engine/matching/model.h"
#include "service/matching/placement_lifecycle.h"
#include "service/matching/stored_proto.h"
#include "service/registry/field_checks.h"
#include "service/registry/field_violations.h"
#include "service/reports/placement_facts.h"
#include "service/reports/retention_report.h"
#include "service/reports/run_report.h"
#include "service/rpc/answer_unary.h"

namespace azubimatch::service {
namespace {

// Aggregates of every member's records for admins and analysts; of the own member's for
// the rest.
bool MaySeeAggregatesOf(const Caller& caller, absl::string_view member_id) {
  if (caller.is_admin() || caller.role == Role::kAnalyst) return true;
  return !caller.member_id.empty() && member_id == caller.member_id;
}

bool NeedsRuns(v1::RetentionDimension by) {
  return by == v1::RETENTION_DIMENSION_COMMUTE_BAND || by == v1::RETENTION_DIMENSION_CHOICE_RANK ||
         by == v1::RETENTION_DIMENSION_ASSIGN_MODE;
}

absl::Status RunNotFound(absl::string_view id) {
  return WithField(absl::NotFoundError(absl::StrCat("run_id: no run with id \"", id, "\"")),
                   "run_id");
}

// Fills `facts` from an index entry (views into the entry).
void FactsOf(const CandidateEntry& entry, CandidateFacts* facts) {
  const engine::CandidateProfile& p = entry.profile;
  facts->municipality = entry.municipality;
  if (!p.desired_occupations.empty()) {
    facts->occupation = p.desired_occupations.front().kldb_code;
    facts->sector = static_cast<v1::Sector>(p.desired_occupations.front().sector);
  }
  // engine::SchoolCertificate starts at kNone = 0, v1 at NONE = 1.
  facts->school_certificate = static_cast<v1::SchoolCertificate>(static_cast<int>(p.certificate) + 1);
  facts->german_level = static_cast<v1::CefrLevel>(engine::LevelOf(p.languages, "de"));
  facts->member_id = entry.member_id;
  facts->statistics_consent = entry.statistics_consent;
  facts->origin = entry.statistics_origin;
  facts->heritage_language = entry.statistics_heritage_language;
}

}  // namespace

absl::StatusOr<v1::RunReport> ReportsService::Report(const Caller& caller,
                                                     absl::string_view run_id) const {
  FieldViolations v;
  CheckRecordIdField("run_id", run_id, true, &v);
  AZM_RETURN_IF_ERROR(v.ToStatus());
  absl::StatusOr<v1::Run> run = ReadStoredProto<v1::Run>(*store_, Family::kRuns, run_id, "run");
  if (absl::IsNotFound(run.status()) || (run.ok() && !MaySeeAggregatesOf(caller, run->member_id()))) {
    return RunNotFound(run_id);
  }
  if (!run.ok()) return run.status();
  MatchingIndex::Reader reader(*index_);
  return BuildRunReport(*run, [&reader](absl::string_view id, CandidateFacts* facts) {
    const CandidateEntry* entry = reader.FindCandidate(id);
    if (entry == nullptr) return false;
    FactsOf(*entry, facts);
    return true;
  });
}

absl::StatusOr<v1::RetentionReport> ReportsService::Retention(
    const Caller& caller, const v1::GetRetentionRequest& request) const {
  const absl::CivilDay today = absl::CivilDay(1970, 1, 1) + Today(clock_()).days_since_epoch;
  AZM_ASSIGN_OR_RETURN(RetentionQuery query, ToRetentionQuery(request, today));
  PlacementFactsCache facts(store_, index_, NeedsRuns(query.by));
  RetentionCollector collector(std::move(query),
                               [&facts](const v1::Placement& p) { return facts.Of(p); });
  v1::Placement placement;
  absl::Status parsed = absl::OkStatus();
  AZM_RETURN_IF_ERROR(store_->Scan(
      Family::kPlacements, "", "", [&](std::string_view key, std::string_view value) {
        if (!placement.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
          parsed = absl::InternalError(absl::StrCat("placement ", absl::string_view(key.data(), key.size()), ": unreadable"));
          return false;
        }
        if (MaySeeAggregatesOf(caller, placement.member_id())) collector.Add(placement);
        return true;
      }));
  AZM_RETURN_IF_ERROR(parsed);
  return collector.Finish();
}

grpc::ServerUnaryReactor* ReportsService::GetRetention(grpc::CallbackServerContext* context,
                                                       const v1::GetRetentionRequest* request,
                                                       v1::RetentionReport* response) {
  return AnswerUnary(context, *resolver_, [&](const Caller& caller) -> absl::Status {
    AZM_ASSIGN_OR_RETURN(*response, Retention(caller, *request));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportsService::GetRunReport(grpc::CallbackServerContext* context,
                                                       const v1::GetRunReportRequest* request,
                                                       v1::RunReport* response) {
  return AnswerUnary(context, *resolver_, [&](const Caller& caller) -> absl::Status {
    AZM_ASSIGN_OR_RETURN(*response, Report(caller, request->run_id()));
    return absl::OkStatus();
  });
}

}  // namespace azubimatch::service

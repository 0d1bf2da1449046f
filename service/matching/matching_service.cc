#include "service/matching/matching_service.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "engine/base/status_macros.h"
#include "service/matching/analyst_view.h"
#include "service/matching/assignment_runner.h"
#include "service/matching/placement_lifecycle.h"
#include "service/matching/proto_conversion.h"
#include "service/matching/request_validation.h"
#include "service/matching/run_pool.h"
#include "service/registry/grpc_status.h"
#include "service/rpc/answer_unary.h"

namespace azubimatch::service {
namespace {

std::shared_ptr<const engine::TravelTimeModel> TravelOrDefault(
    std::shared_ptr<const engine::TravelTimeModel> travel) {
  if (travel != nullptr) return travel;
  return std::make_shared<engine::GreatCircleTravelTime>();
}

}  // namespace

absl::StatusOr<std::unique_ptr<MatchingService>> MatchingService::Create(
    KvStore* store, RecordStore* records, CallerResolver* resolver,
    MatchingServiceOptions options) {
  if (absl::Status status = engine::ValidateScoringPolicy(options.policy); !status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("MatchingServiceOptions.policy: ", status.message()));
  }
  std::unique_ptr<MatchingService> service(
      new MatchingService(store, records, resolver, std::move(options)));
  AZM_RETURN_IF_ERROR(service->placements_.Load());
  AZM_RETURN_IF_ERROR(records->Subscribe(&service->index_));
  service->subscribed_ = true;
  return service;
}

MatchingService::MatchingService(KvStore* store, RecordStore* records,
                                 CallerResolver* resolver, MatchingServiceOptions options)
    : records_(records),
      resolver_(resolver),
      options_(std::move(options)),
      travel_(TravelOrDefault(options_.travel)),
      index_(travel_.get()),
      runs_(store),
      suggester_(&index_, travel_.get(), options_.policy),
      placements_(store, records, &index_, &runs_, travel_.get(), options_.policy,
                  options_.clock),
      rankings_(store, records, options_.clock),
      company_policies_(store, records, options_.clock) {}

MatchingService::~MatchingService() {
  if (subscribed_) records_->Unsubscribe(&index_);
}

grpc::ServerUnaryReactor* MatchingService::Run(
    grpc::CallbackServerContext* context,
    const std::function<absl::Status(const Caller&)>& body) {
  return AnswerUnary(context, *resolver_, body);
}

template <typename Response, typename Validate, typename Call>
grpc::ServerUnaryReactor* MatchingService::Answer(grpc::CallbackServerContext* context,
                                                  Response* response, const Validate& validate,
                                                  const Call& call) {
  return Run(context, [&](const Caller& caller) -> absl::Status {
    AZM_RETURN_IF_ERROR(validate());
    AZM_ASSIGN_OR_RETURN(*response, call(caller));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* MatchingService::SuggestOffers(
    grpc::CallbackServerContext* context, const v1::SuggestOffersRequest* request,
    v1::SuggestionsResponse* response) {
  return Answer(
      context, response, [&] { return ValidateSuggestOffersRequest(*request, options_.policy); },
      [&](const Caller& caller) { return suggester_.SuggestOffers(caller, *request); });
}

grpc::ServerUnaryReactor* MatchingService::SuggestCandidates(
    grpc::CallbackServerContext* context, const v1::SuggestCandidatesRequest* request,
    v1::SuggestionsResponse* response) {
  return Answer(
      context, response, [&] { return ValidateSuggestCandidatesRequest(*request, options_.policy); },
      [&](const Caller& caller) { return suggester_.SuggestCandidates(caller, *request); });
}

grpc::ServerUnaryReactor* MatchingService::Explain(grpc::CallbackServerContext* context,
                                                   const v1::ExplainRequest* request,
                                                   v1::Explanation* response) {
  return Answer(
      context, response, [&] { return ValidateExplainRequest(*request, options_.policy); },
      [&](const Caller& caller) { return suggester_.Explain(caller, *request); });
}

absl::StatusOr<v1::Run> MatchingService::ComputeAndStore(const Caller& caller,
                                                         const v1::AssignRequest& request,
                                                         RunControl& control) {
  AZM_RETURN_IF_ERROR(CheckAnalystAssignRequest(caller, request));
  AZM_RETURN_IF_ERROR(control.Report("loading", 0, 0));
  const engine::ScoringPolicy policy = ApplyPolicyOverrides(options_.policy, request.policy());
  RunPool pool;
  {
    absl::MutexLock placements_lock(placements_.mutex());
    MatchingIndex::Reader reader(index_);
    AZM_ASSIGN_OR_RETURN(pool, BuildRunPool(reader, caller, request));
  }
  AZM_ASSIGN_OR_RETURN(PoolRankings rankings, rankings_.ForPool(caller, pool));
  AZM_ASSIGN_OR_RETURN(PoolCompanyPolicies company_policies, company_policies_.ForPool(pool));
  rankings.offer_weights = std::move(company_policies.offer_weights);
  const int64_t candidates = static_cast<int64_t>(pool.candidates.size());
  control.StreamProgress(candidates >= options_.progress_min_candidates);
  AZM_RETURN_IF_ERROR(control.Report("loading", candidates, candidates));
  AZM_ASSIGN_OR_RETURN(
      v1::Run run,
      ComputeRun(pool, rankings, request, policy, *travel_,
                 [&control](absl::string_view phase, int64_t done, int64_t total) {
                   return control.Report(phase, done, total);
                 }));
  // The last point at which a cancelled or late call stops without a trace.
  AZM_RETURN_IF_ERROR(control.Report("storing", 0, 1));
  return runs_.Save(caller, std::move(run), options_.clock());
}

grpc::ServerWriteReactor<v1::AssignEvent>* MatchingService::Assign(
    grpc::CallbackServerContext* context, const v1::AssignRequest* request) {
  absl::StatusOr<Caller> caller = resolver_->Resolve(*context);
  if (!caller.ok()) return RefuseAssign(caller.status());
  if (absl::Status status = ValidateAssignRequest(*request, options_.policy); !status.ok()) {
    return RefuseAssign(status);
  }
  if (running_runs_.fetch_add(1) >= options_.max_concurrent_runs) {
    running_runs_.fetch_sub(1);
    return RefuseAssign(absl::ResourceExhaustedError(
        absl::StrCat("Assign: ", options_.max_concurrent_runs,
                     " runs are computing already; try again when one has finished")));
  }
  return StartAssignReactor(
      context,
      [this, caller = *std::move(caller), request = *request](RunControl& control) {
        return ComputeAndStore(caller, request, control);
      },
      options_.run_hook, [this] { running_runs_.fetch_sub(1); });
}

grpc::ServerUnaryReactor* MatchingService::GetRun(grpc::CallbackServerContext* context,
                                                  const v1::GetRunRequest* request,
                                                  v1::Run* response) {
  return Answer(
      context, response, [&] { return ValidateGetRunRequest(*request); },
      [&](const Caller& caller) { return runs_.Get(caller, request->id()); });
}

grpc::ServerUnaryReactor* MatchingService::ListRuns(grpc::CallbackServerContext* context,
                                                    const v1::ListRunsRequest* request,
                                                    v1::ListRunsResponse* response) {
  return Answer(
      context, response, [&] { return ValidateListRunsRequest(*request); },
      [&](const Caller& caller) { return runs_.List(caller, *request); });
}

grpc::ServerUnaryReactor* MatchingService::AcceptPlacement(
    grpc::CallbackServerContext* context, const v1::AcceptPlacementRequest* request,
    v1::Placement* response) {
  return Answer(
      context, response, [&] { return ValidateAcceptPlacementRequest(*request); },
      [&](const Caller& caller) { return placements_.Accept(caller, *request); });
}

grpc::ServerUnaryReactor* MatchingService::RejectPlacement(
    grpc::CallbackServerContext* context, const v1::RejectPlacementRequest* request,
    v1::Placement* response) {
  return Answer(
      context, response, [&] { return ValidateRejectPlacementRequest(*request); },
      [&](const Caller& caller) { return placements_.Reject(caller, *request); });
}

grpc::ServerUnaryReactor* MatchingService::WithdrawPlacement(
    grpc::CallbackServerContext* context, const v1::WithdrawPlacementRequest* request,
    v1::Placement* response) {
  return Answer(
      context, response, [&] { return ValidateWithdrawPlacementRequest(*request); },
      [&](const Caller& caller) { return placements_.Withdraw(caller, *request); });
}

grpc::ServerUnaryReactor* MatchingService::AdvancePlacement(
    grpc::CallbackServerContext* context, const v1::AdvancePlacementRequest* request,
    v1::Placement* response) {
  return Answer(
      context, response,
      [&] { return ValidateAdvancePlacementRequest(*request, Today(options_.clock())); },
      [&](const Caller& caller) { return placements_.Advance(caller, *request); });
}

grpc::ServerUnaryReactor* MatchingService::ListPlacements(
    grpc::CallbackServerContext* context, const v1::ListPlacementsRequest* request,
    v1::ListPlacementsResponse* response) {
  return Answer(
      context, response, [&] { return ValidateListPlacementsRequest(*request); },
      [&](const Caller& caller) { return placements_.List(caller, *request); });
}

}  // namespace azubimatch::service

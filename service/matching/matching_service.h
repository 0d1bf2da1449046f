// MatchingService: the azubimatch.v1.Matching gRPC service (callback API): suggestions,
// explanations, assignment runs and placements over the MatchingIndex.
//
// Every RPC resolves the caller first (CallerResolver; its error is returned as is),
// validates the request (request_validation.h: INVALID_ARGUMENT naming the field, with
// google.rpc.BadRequest details), then calls the component that answers it:
//   SuggestOffers, SuggestCandidates, Explain    Suggester (suggestions.h)
//   Assign                                       BuildRunPool + ComputeRun + RunStore,
//                                                on a thread of its own (assign_reactor.h)
//   GetRun, ListRuns                             RunStore (run_store.h)
//   Accept/Reject/Advance/WithdrawPlacement,
//   ListPlacements                               PlacementBook (placement_book.h)
// Runs read the two-sided rankings through the RankingBook (ranking_book.h) and the
// company policies through the CompanyPolicyBook (company_policy_book.h), which the
// Preferences service (preferences_service.h) writes.
// absl::Status results are converted once, by ToGrpcStatus. Answers to empty requests:
// Suggest*/Explain/GetRun/*Placement without ids and Assign without mode are
// INVALID_ARGUMENT naming the field; ListRuns and ListPlacements answer the first page.
//
// Assign: phases "loading" (pool from the index), "scoring", "solving", "metrics",
// "storing"; progress events are streamed when the pool holds at least
// options.progress_min_candidates candidates; the call ends with one event holding the
// stored run. A deadline that passes or a cancellation stops the run at the next
// progress report with DEADLINE_EXCEEDED / CANCELLED, and nothing is stored (the last
// check is made just before storing). At most options.max_concurrent_runs runs compute
// at once; more are RESOURCE_EXHAUSTED. A run gives its slot back as soon as its work
// has returned, before its answer is written, so a caller that has its run may start
// the next one at once. Runs change no seat.
//
// Wiring: Create() builds the index by subscribing it to the RecordStore (which replays
// every stored record) and loads the stored placements; the destructor unsubscribes it.
//
// Thread safety: handlers run concurrently on gRPC's threads; see the components for
// their locks. REQUIRES: the gRPC server is shut down (no call in flight, every Assign
// thread joined) before the service is destroyed.
#ifndef AZUBIMATCH_SERVICE_MATCHING_MATCHING_SERVICE_H_
#define AZUBIMATCH_SERVICE_MATCHING_MATCHING_SERVICE_H_

#include <atomic>
#include <functional>
#include <memory>

#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "engine/matching/scoring_policy.h"
#include "engine/matching/travel_time.h"
#include "grpcpp/grpcpp.h"
#include "service/matching/assign_reactor.h"
#include "service/matching/matching_index.h"
#include "service/matching/placement_book.h"
#include "service/matching/company_policy_book.h"
#include "service/matching/ranking_book.h"
#include "service/matching/run_store.h"
#include "service/matching/suggestions.h"
#include "service/registry/caller_resolver.h"
#include "service/registry/record_store.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

struct MatchingServiceOptions {
  // The scoring policy requests start from (their overrides replace single fields).
  // Placements are scored with it as it is.
  // Default: engine::ScoringPolicy{} (see engine/matching/scoring_policy.h).
  engine::ScoringPolicy policy;

  // Travel times for reach, scores and explanations. Shared so that a routing engine's
  // matrix model can be plugged in.
  // Default: nullptr, meaning engine::GreatCircleTravelTime with its default options.
  std::shared_ptr<const engine::TravelTimeModel> travel;

  // Assign streams progress events when its pool holds at least this many candidates;
  // smaller runs answer with the run alone.
  // Default: 1000.
  int progress_min_candidates = 1000;

  // Assign runs computing at once; a further call is RESOURCE_EXHAUSTED. Each run holds
  // its pool, eligible pairs and result in memory (about 100 MB for 50k x 20k), and the
  // machine has few cores.
  // Default: 2.
  int max_concurrent_runs = 2;

  // The time of run creation and placement decisions. Tests may fix it.
  // Default: absl::Now.
  std::function<absl::Time()> clock = [] { return absl::Now(); };

  // Test hook, see assign_reactor.h: called with each phase a run enters, "cancelled"
  // and "finished".
  // Default: empty.
  RunHook run_hook;
};

class MatchingService final : public v1::Matching::CallbackService {
 public:
  // `store`, `records` and `resolver` must outlive the service. Errors: an invalid
  // policy (INVALID_ARGUMENT), or a store read failure while loading.
  static absl::StatusOr<std::unique_ptr<MatchingService>> Create(
      KvStore* store, RecordStore* records, CallerResolver* resolver,
      MatchingServiceOptions options = {});

  ~MatchingService() override;

  MatchingService(const MatchingService&) = delete;
  MatchingService& operator=(const MatchingService&) = delete;

  grpc::ServerUnaryReactor* SuggestOffers(grpc::CallbackServerContext* context,
                                          const v1::SuggestOffersRequest* request,
                                          v1::SuggestionsResponse* response) override;
  grpc::ServerUnaryReactor* SuggestCandidates(grpc::CallbackServerContext* context,
                                              const v1::SuggestCandidatesRequest* request,
                                              v1::SuggestionsResponse* response) override;
  grpc::ServerUnaryReactor* Explain(grpc::CallbackServerContext* context,
                                    const v1::ExplainRequest* request,
                                    v1::Explanation* response) override;
  grpc::ServerWriteReactor<v1::AssignEvent>* Assign(grpc::CallbackServerContext* context,
                                                   const v1::AssignRequest* request) override;
  grpc::ServerUnaryReactor* GetRun(grpc::CallbackServerContext* context,
                                   const v1::GetRunRequest* request,
                                   v1::Run* response) override;
  grpc::ServerUnaryReactor* ListRuns(grpc::CallbackServerContext* context,
                                     const v1::ListRunsRequest* request,
                                     v1::ListRunsResponse* response) override;
  grpc::ServerUnaryReactor* AcceptPlacement(grpc::CallbackServerContext* context,
                                            const v1::AcceptPlacementRequest* request,
                                            v1::Placement* response) override;
  grpc::ServerUnaryReactor* RejectPlacement(grpc::CallbackServerContext* context,
                                            const v1::RejectPlacementRequest* request,
                                            v1::Placement* response) override;
  grpc::ServerUnaryReactor* WithdrawPlacement(grpc::CallbackServerContext* context,
                                              const v1::WithdrawPlacementRequest* request,
                                              v1::Placement* response) override;
  grpc::ServerUnaryReactor* AdvancePlacement(grpc::CallbackServerContext* context,
                                             const v1::AdvancePlacementRequest* request,
                                             v1::Placement* response) override;
  grpc::ServerUnaryReactor* ListPlacements(grpc::CallbackServerContext* context,
                                           const v1::ListPlacementsRequest* request,
                                           v1::ListPlacementsResponse* response) override;

  // Tells the in-memory views that `removed` was deleted from the store by someone
  // else (an erasure, CandidateEraserOptions::on_placement_removed): its seat is free
  // again and its pair no longer locked or banned.
  void OnPlacementRemoved(const v1::Placement& removed) {
    index_.OnPlacementChanged(&removed, nullptr);
  }

  // The in-memory view of the registry, for read-only services beside this one (run
  // reports); it lives as long as this service.
  const MatchingIndex& index() const { return index_; }

  // The two-sided rankings runs read; the Preferences service answers through it.
  RankingBook* rankings() { return &rankings_; }
  CompanyPolicyBook* company_policies() { return &company_policies_; }

 private:
  MatchingService(KvStore* store, RecordStore* records, CallerResolver* resolver,
                  MatchingServiceOptions options);

  // Resolves the caller, runs `body` and finishes the call with its status.
  grpc::ServerUnaryReactor* Run(grpc::CallbackServerContext* context,
                                const std::function<absl::Status(const Caller&)>& body);

  // Run() for the usual handler: `validate()` the request, then `*response =
  // call(caller)`.
  template <typename Response, typename Validate, typename Call>
  grpc::ServerUnaryReactor* Answer(grpc::CallbackServerContext* context, Response* response,
                                   const Validate& validate, const Call& call);

  // The body of an Assign run (on its own thread).
  absl::StatusOr<v1::Run> ComputeAndStore(const Caller& caller,
                                          const v1::AssignRequest& request,
                                          RunControl& control);

  RecordStore* const records_;
  CallerResolver* const resolver_;
  const MatchingServiceOptions options_;
  const std::shared_ptr<const engine::TravelTimeModel> travel_;
  MatchingIndex index_;
  RunStore runs_;
  Suggester suggester_;
  PlacementBook placements_;
  RankingBook rankings_;
  CompanyPolicyBook company_policies_;
  bool subscribed_ = false;
  std::atomic<int> running_runs_{0};
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_MATCHING_SERVICE_H_

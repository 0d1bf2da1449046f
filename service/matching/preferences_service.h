// PreferencesService: the azubimatch.v1.Preferences gRPC service (callback API): set, get
// and clear the two-sided rankings that Matching.Assign reads. Every RPC resolves the
// caller (CallerResolver) and answers through the RankingBook (ranking_book.h, which
// states the rules and status codes); statuses are converted once by AnswerUnary.
//
// Thread safety: handlers run concurrently on gRPC's threads; the book is thread-safe.
// REQUIRES: `book` and `resolver` outlive the service (the book is the MatchingService's,
// installed_services.cc).
#ifndef AZUBIMATCH_SERVICE_MATCHING_PREFERENCES_SERVICE_H_
#define AZUBIMATCH_SERVICE_MATCHING_PREFERENCES_SERVICE_H_

#include "azubimatch/v1/preferences.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "service/matching/ranking_book.h"
#include "service/registry/caller_resolver.h"

namespace azubimatch::service {

class PreferencesService final : public v1::Preferences::CallbackService {
 public:
  PreferencesService(RankingBook* book, CallerResolver* resolver)
      : book_(book), resolver_(resolver) {}

  grpc::ServerUnaryReactor* SetRanking(grpc::CallbackServerContext* context,
                                       const v1::SetRankingRequest* request,
                                       v1::Ranking* response) override;
  grpc::ServerUnaryReactor* GetRanking(grpc::CallbackServerContext* context,
                                       const v1::GetRankingRequest* request,
                                       v1::Ranking* response) override;
  grpc::ServerUnaryReactor* ClearRanking(grpc::CallbackServerContext* context,
                                         const v1::ClearRankingRequest* request,
                                         v1::ClearRankingResponse* response) override;

 private:
  RankingBook* const book_;
  CallerResolver* const resolver_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_PREFERENCES_SERVICE_H_

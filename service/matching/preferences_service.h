// PreferencesService: the azubimatch.v1.Preferences gRPC service (callback API): set, get
// and clear the two-sided rankings and the members' company policies that
// Matching.Assign reads. Every RPC resolves the caller (CallerResolver) and answers
// through the RankingBook (ranking_book.h) or the CompanyPolicyBook
// (company_policy_book.h), which state the rules and status codes; statuses are
// converted once by AnswerUnary.
//
// Thread safety: handlers run concurrently on gRPC's threads; the book is thread-safe.
// REQUIRES: `book`, `policies` and `resolver` outlive the service (the book is the MatchingService's,
// installed_services.cc).
#ifndef AZUBIMATCH_SERVICE_MATCHING_PREFERENCES_SERVICE_H_
#define AZUBIMATCH_SERVICE_MATCHING_PREFERENCES_SERVICE_H_

#include "azubimatch/v1/preferences.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "service/matching/company_policy_book.h"
#include "service/matching/ranking_book.h"
#include "service/registry/caller_resolver.h"

namespace azubimatch::service {

class PreferencesService final : public v1::Preferences::CallbackService {
 public:
  PreferencesService(RankingBook* book, CompanyPolicyBook* policies,
                     CallerResolver* resolver)
      : book_(book), policies_(policies), resolver_(resolver) {}

  grpc::ServerUnaryReactor* SetRanking(grpc::CallbackServerContext* context,
                                       const v1::SetRankingRequest* request,
                                       v1::Ranking* response) override;
  grpc::ServerUnaryReactor* GetRanking(grpc::CallbackServerContext* context,
                                       const v1::GetRankingRequest* request,
                                       v1::Ranking* response) override;
  grpc::ServerUnaryReactor* ClearRanking(grpc::CallbackServerContext* context,
                                         const v1::ClearRankingRequest* request,
                                         v1::ClearRankingResponse* response) override;
  grpc::ServerUnaryReactor* SetCompanyPolicy(grpc::CallbackServerContext* context,
                                             const v1::SetCompanyPolicyRequest* request,
                                             v1::CompanyPolicy* response) override;
  grpc::ServerUnaryReactor* GetCompanyPolicy(grpc::CallbackServerContext* context,
                                             const v1::GetCompanyPolicyRequest* request,
                                             v1::CompanyPolicy* response) override;
  grpc::ServerUnaryReactor* ClearCompanyPolicy(
      grpc::CallbackServerContext* context, const v1::ClearCompanyPolicyRequest* request,
      v1::ClearCompanyPolicyResponse* response) override;

 private:
  RankingBook* const book_;
  CompanyPolicyBook* const policies_;
  CallerResolver* const resolver_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_PREFERENCES_SERVICE_H_

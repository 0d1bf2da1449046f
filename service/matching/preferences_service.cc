#include "service/matching/preferences_service.h"

#include "engine/base/status_macros.h"
#include "service/rpc/answer_unary.h"

namespace azubimatch::service {
namespace {

// Answers one call with `answer(caller)`, the book's result.
template <typename Response, typename Fn>
grpc::ServerUnaryReactor* Answer(grpc::CallbackServerContext* context,
                                 CallerResolver& resolver, Response* response,
                                 const Fn& answer) {
  return AnswerUnary(context, resolver, [&](const Caller& caller) -> absl::Status {
    AZM_ASSIGN_OR_RETURN(*response, answer(caller));
    return absl::OkStatus();
  });
}

}  // namespace

grpc::ServerUnaryReactor* PreferencesService::SetRanking(
    grpc::CallbackServerContext* context, const v1::SetRankingRequest* request,
    v1::Ranking* response) {
  return Answer(context, *resolver_, response,
                [&](const Caller& caller) { return book_->Set(caller, *request); });
}

grpc::ServerUnaryReactor* PreferencesService::GetRanking(
    grpc::CallbackServerContext* context, const v1::GetRankingRequest* request,
    v1::Ranking* response) {
  return Answer(context, *resolver_, response,
                [&](const Caller& caller) { return book_->Get(caller, *request); });
}

grpc::ServerUnaryReactor* PreferencesService::ClearRanking(
    grpc::CallbackServerContext* context, const v1::ClearRankingRequest* request,
    v1::ClearRankingResponse* response) {
  return Answer(context, *resolver_, response,
                [&](const Caller& caller) { return book_->Clear(caller, *request); });
}

grpc::ServerUnaryReactor* PreferencesService::SetCompanyPolicy(
    grpc::CallbackServerContext* context, const v1::SetCompanyPolicyRequest* request,
    v1::CompanyPolicy* response) {
  return Answer(context, *resolver_, response,
                [&](const Caller& caller) { return policies_->Set(caller, *request); });
}

grpc::ServerUnaryReactor* PreferencesService::GetCompanyPolicy(
    grpc::CallbackServerContext* context, const v1::GetCompanyPolicyRequest* request,
    v1::CompanyPolicy* response) {
  return Answer(context, *resolver_, response,
                [&](const Caller& caller) { return policies_->Get(caller, *request); });
}

grpc::ServerUnaryReactor* PreferencesService::ClearCompanyPolicy(
    grpc::CallbackServerContext* context, const v1::ClearCompanyPolicyRequest* request,
    v1::ClearCompanyPolicyResponse* response) {
  return Answer(context, *resolver_, response,
                [&](const Caller& caller) { return policies_->Clear(caller, *request); });
}

}  // namespace azubimatch::service

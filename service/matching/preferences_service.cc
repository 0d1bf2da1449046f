#include "service/matching/preferences_service.h"

#include "engine/base/status_macros.h"
#include "service/rpc/answer_unary.h"

namespace azubimatch::service {

grpc::ServerUnaryReactor* PreferencesService::SetRanking(
    grpc::CallbackServerContext* context, const v1::SetRankingRequest* request,
    v1::Ranking* response) {
  return AnswerUnary(context, *resolver_, [&](const Caller& caller) -> absl::Status {
    AZM_ASSIGN_OR_RETURN(*response, book_->Set(caller, *request));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* PreferencesService::GetRanking(
    grpc::CallbackServerContext* context, const v1::GetRankingRequest* request,
    v1::Ranking* response) {
  return AnswerUnary(context, *resolver_, [&](const Caller& caller) -> absl::Status {
    AZM_ASSIGN_OR_RETURN(*response, book_->Get(caller, *request));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* PreferencesService::ClearRanking(
    grpc::CallbackServerContext* context, const v1::ClearRankingRequest* request,
    v1::ClearRankingResponse* response) {
  return AnswerUnary(context, *resolver_, [&](const Caller& caller) -> absl::Status {
    AZM_ASSIGN_OR_RETURN(*response, book_->Clear(caller, *request));
    return absl::OkStatus();
  });
}

}  // namespace azubimatch::service

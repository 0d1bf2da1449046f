#include "service/rpc/answer_unary.h"

#include "absl/status/statusor.h"
#include "service/registry/grpc_status.h"

namespace azubimatch::service {

grpc::ServerUnaryReactor* AnswerUnary(grpc::CallbackServerContext* context,
                                      CallerResolver& resolver,
                                      absl::FunctionRef<absl::Status(const Caller&)> body) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<Caller> caller = resolver.Resolve(*context);
  reactor->Finish(ToGrpcStatus(caller.ok() ? body(*caller) : caller.status()));
  return reactor;
}

}  // namespace azubimatch::service

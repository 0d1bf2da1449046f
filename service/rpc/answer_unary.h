// AnswerUnary: how every unary handler of every azubimatch gRPC service ends its call.
// It resolves the caller through the CallerResolver, runs the handler's body with it,
// and finishes the call's default reactor with the body's status, converted once by
// ToGrpcStatus (INVALID_ARGUMENT carries its google.rpc.BadRequest details). When the
// resolver refuses the call, its status is the answer and the body does not run.
//
// Thread safety: called on gRPC's callback threads; as thread-safe as the resolver and
// the body. Cost: one Resolve() plus the body; the call is finished before it returns.
#ifndef AZUBIMATCH_SERVICE_RPC_ANSWER_UNARY_H_
#define AZUBIMATCH_SERVICE_RPC_ANSWER_UNARY_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "grpcpp/grpcpp.h"
#include "service/auth/caller.h"
#include "service/registry/caller_resolver.h"

namespace azubimatch::service {

grpc::ServerUnaryReactor* AnswerUnary(grpc::CallbackServerContext* context,
                                      CallerResolver& resolver,
                                      absl::FunctionRef<absl::Status(const Caller&)> body);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_RPC_ANSWER_UNARY_H_

// GenericCall: one call of any RPC over a channel with grpc::GenericStub, requests and
// responses as serialized bytes, so that the HTTP gateway needs no per-service code.
// Every call shape (unary, server-, client-streaming) runs as a bidi stream on the wire,
// which is what gRPC does anyway: the requests are written in order, then WritesDone;
// the responses are read until the stream ends, then the status arrives.
//
//   auto call = GenericCall::Start(channel, "/azubimatch.v1.Registry/GetCandidate",
//                                  {{"authorization", "Bearer ..."}}, {bytes},
//                                  absl::Minutes(5));
//   while (std::optional<std::string> response = call->NextResponse()) ...
//   grpc::Status status = call->Finish();
//
// Thread safety: one consumer thread calls NextResponse()/Finish(); gRPC's threads run
// the reactor. Cancel() may be called from any thread. The object stays valid until it
// is destroyed; destruction cancels a call still running and waits for its end.
#ifndef AZUBIMATCH_SERVICE_HTTP_GENERIC_CALL_H_
#define AZUBIMATCH_SERVICE_HTTP_GENERIC_CALL_H_

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"

namespace azubimatch::service::http {

class GenericCall final
    : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  // Starts `method` on `channel` with `metadata` and a deadline `timeout` from now.
  static std::unique_ptr<GenericCall> Start(
      const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
      const std::vector<std::pair<std::string, std::string>>& metadata,
      std::vector<std::string> requests, absl::Duration timeout);

  ~GenericCall() override;

  // Blocks for the next response message; std::nullopt once the stream has ended.
  std::optional<std::string> NextResponse();

  // Blocks until the call is over; its status.
  grpc::Status Finish();

  // Cancels the call (e.g. the HTTP client went away).
  void Cancel() { context_.TryCancel(); }

  // grpc::ClientBidiReactor.
  void OnWriteDone(bool ok) override;
  void OnReadDone(bool ok) override;
  void OnDone(const grpc::Status& status) override;

 private:
  explicit GenericCall(std::vector<std::string> requests);
  void WriteNext();

  grpc::ClientContext context_;
  std::unique_ptr<grpc::GenericStub> stub_;
  std::vector<std::string> requests_;
  size_t next_request_ = 0;
  grpc::ByteBuffer write_buffer_;
  grpc::ByteBuffer read_buffer_;

  absl::Mutex mu_;
  std::deque<std::string> responses_ ABSL_GUARDED_BY(mu_);
  bool reads_done_ ABSL_GUARDED_BY(mu_) = false;
  bool done_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status status_ ABSL_GUARDED_BY(mu_);
};

// One unary call of `method`, completed on the calling thread through its own
// completion queue (thread-local): no hand-off to gRPC's callback threads, which the
// reactor above needs for every step. Stores the response bytes in *response.
grpc::Status UnaryGenericCall(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
    const std::vector<std::pair<std::string, std::string>>& metadata,
    const std::string& request, absl::Duration timeout, std::string* response);

}  // namespace azubimatch::service::http

#endif  // AZUBIMATCH_SERVICE_HTTP_GENERIC_CALL_H_

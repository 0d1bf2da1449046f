#include "service/http/generic_call.h"

#include "absl/time/clock.h"

namespace azubimatch::service::http {
namespace {

grpc::ByteBuffer ToByteBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

std::string FromByteBuffer(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (!buffer.Dump(&slices).ok()) return bytes;
  bytes.reserve(buffer.Length());
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return bytes;
}

// A completion queue per thread, shut down and drained when the thread ends.
class ThreadCompletionQueue {
 public:
  ~ThreadCompletionQueue() {
    queue_.Shutdown();
    void* tag;
    bool ok;
    while (queue_.Next(&tag, &ok)) {
    }
  }
  grpc::CompletionQueue* get() { return &queue_; }

 private:
  grpc::CompletionQueue queue_;
};

}  // namespace

grpc::Status UnaryGenericCall(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
    const std::vector<std::pair<std::string, std::string>>& metadata,
    const std::string& request, absl::Duration timeout, std::string* response) {
  thread_local ThreadCompletionQueue queue;
  grpc::ClientContext context;
  for (const auto& [key, value] : metadata) context.AddMetadata(key, value);
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  grpc::GenericStub stub(channel);
  const grpc::ByteBuffer request_buffer = ToByteBuffer(request);
  std::unique_ptr<grpc::GenericClientAsyncResponseReader> reader =
      stub.PrepareUnaryCall(&context, method, request_buffer, queue.get());
  reader->StartCall();
  grpc::ByteBuffer response_buffer;
  grpc::Status status;
  int finished = 0;
  reader->Finish(&response_buffer, &status, &finished);
  void* tag = nullptr;
  bool ok = false;
  // Only this call uses the queue now: the next event is its end.
  while (queue.get()->Next(&tag, &ok) && tag != &finished) {
  }
  if (status.ok()) *response = FromByteBuffer(response_buffer);
  return status;
}

GenericCall::GenericCall(std::vector<std::string> requests)
    : requests_(std::move(requests)) {}

std::unique_ptr<GenericCall> GenericCall::Start(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
    const std::vector<std::pair<std::string, std::string>>& metadata,
    std::vector<std::string> requests, absl::Duration timeout) {
  std::unique_ptr<GenericCall> call(new GenericCall(std::move(requests)));
  for (const auto& [key, value] : metadata) call->context_.AddMetadata(key, value);
  call->context_.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  call->stub_ = std::make_unique<grpc::GenericStub>(channel);
  call->stub_->PrepareBidiStreamingCall(&call->context_, method, grpc::StubOptions(),
                                        call.get());
  call->WriteNext();
  call->StartRead(&call->read_buffer_);
  call->StartCall();
  return call;
}

GenericCall::~GenericCall() {
  absl::MutexLock lock(&mu_);
  if (!done_) context_.TryCancel();
  mu_.Await(absl::Condition(&done_));
}

void GenericCall::WriteNext() {
  if (next_request_ < requests_.size()) {
    write_buffer_ = ToByteBuffer(requests_[next_request_]);
    requests_[next_request_].clear();
    requests_[next_request_].shrink_to_fit();
    ++next_request_;
    StartWrite(&write_buffer_);
  } else {
    StartWritesDone();
  }
}

void GenericCall::OnWriteDone(bool ok) {
  // A failed write means the call is over; OnDone brings its status.
  if (ok) WriteNext();
}

void GenericCall::OnReadDone(bool ok) {
  if (!ok) {
    absl::MutexLock lock(&mu_);
    reads_done_ = true;
    return;
  }
  std::string bytes = FromByteBuffer(read_buffer_);
  {
    absl::MutexLock lock(&mu_);
    responses_.push_back(std::move(bytes));
  }
  StartRead(&read_buffer_);
}

void GenericCall::OnDone(const grpc::Status& status) {
  absl::MutexLock lock(&mu_);
  status_ = status;
  reads_done_ = true;
  done_ = true;
}

std::optional<std::string> GenericCall::NextResponse() {
  absl::MutexLock lock(&mu_);
  auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return !responses_.empty() || done_;
  };
  mu_.Await(absl::Condition(&ready));
  if (responses_.empty()) return std::nullopt;
  std::string next = std::move(responses_.front());
  responses_.pop_front();
  return next;
}

grpc::Status GenericCall::Finish() {
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(&done_));
  return status_;
}

}  // namespace azubimatch::service::http

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

}  // namespace

GenericCall::GenericCall(std::vector<std::string> requests) : requests_(std::move(requests)) {}

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

#include "service/registry/import_reactor.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "service/registry/field_violations.h"
#include "service/registry/grpc_status.h"

namespace azubimatch::service {
namespace {

const std::string& ExternalIdOf(const v1::ImportRequest& request) {
  switch (request.record_case()) {
    case v1::ImportRequest::kCompany: return request.company().external_id();
    case v1::ImportRequest::kOffer: return request.offer().external_id();
    case v1::ImportRequest::kCandidate: return request.candidate().external_id();
    case v1::ImportRequest::RECORD_NOT_SET: break;
  }
  static const std::string* const kEmpty = new std::string();
  return *kEmpty;
}

}  // namespace

ImportReactor::ImportReactor(grpc::CallbackServerContext* context, RecordStore* records,
                             Caller caller, int batch_size, int max_errors,
                             v1::ImportResponse* response)
    : context_(context),
      records_(records),
      caller_(std::move(caller)),
      batch_size_(static_cast<size_t>(std::max(batch_size, 1))),
      max_errors_(max_errors),
      response_(response) {
  filling_.reserve(batch_size_);
  StartRead(&request_);
}

void ImportReactor::OnReadDone(bool ok) {
  Batch batch;
  {
    absl::MutexLock lock(&mu_);
    if (end_ == StreamEnd::kFinished) return;  // the writer ended the call
    if (!ok) {
      // The client closed the stream, or the call ended.
      end_ = context_->IsCancelled() ? StreamEnd::kCancelled : StreamEnd::kClosed;
      if (writing_) return;  // the writer ends the call
      writing_ = true;
      batch = std::move(filling_);
    } else {
      ++received_;
      filling_.push_back(std::move(request_));
      request_.Clear();
      if (filling_.size() >= batch_size_ && writing_) {
        read_paused_ = true;  // the writer starts the next read when it takes this batch
        return;
      }
      if (filling_.size() >= batch_size_) {
        writing_ = true;
        batch = std::move(filling_);
        filling_ = Batch();
        filling_.reserve(batch_size_);
      }
    }
  }
  if (ok) StartRead(&request_);  // the next records arrive while this batch is written
  if (ok && batch.empty()) return;
  WriteBatches(std::move(batch));
}

void ImportReactor::WriteBatches(Batch batch) {
  while (true) {
    const bool cancelled = context_->IsCancelled();
    const absl::Status status = cancelled ? absl::OkStatus() : Write(batch);
    bool resume_reading = false;
    std::optional<grpc::Status> final_status;
    {
      absl::MutexLock lock(&mu_);
      if (!status.ok()) {
        final_status = ToGrpcStatus(status);  // writing_ stays true: no writer follows
      } else if (cancelled || end_ == StreamEnd::kCancelled) {
        final_status =
            grpc::Status(grpc::StatusCode::CANCELLED, "import cancelled by the client");
      } else if (read_paused_) {
        read_paused_ = false;
        resume_reading = true;
        batch = std::move(filling_);
        filling_ = Batch();
        filling_.reserve(batch_size_);
      } else if (end_ == StreamEnd::kClosed && !filling_.empty()) {
        batch = std::move(filling_);
        filling_.clear();
      } else if (end_ == StreamEnd::kClosed) {
        final_status = grpc::Status::OK;
      } else {
        writing_ = false;
        return;
      }
      if (final_status.has_value()) {
        response_->set_received(received_);
        end_ = StreamEnd::kFinished;
      }
    }
    if (final_status.has_value()) {
      Finish(*final_status);
      return;
    }
    if (resume_reading) StartRead(&request_);
  }
}

absl::Status ImportReactor::Write(const Batch& batch) {
  if (batch.empty()) return absl::OkStatus();
  absl::StatusOr<std::vector<ImportOutcome>> outcomes = records_->Import(caller_, batch);
  if (!outcomes.ok()) return outcomes.status();
  const int64_t first_index = response_->ids_size();
  for (size_t i = 0; i < outcomes->size(); ++i) {
    const ImportOutcome& outcome = (*outcomes)[i];
    response_->add_ids(outcome.id);
    if (outcome.status.ok()) {
      if (outcome.created) {
        response_->set_created(response_->created() + 1);
      } else {
        response_->set_updated(response_->updated() + 1);
      }
      continue;
    }
    response_->set_failed(response_->failed() + 1);
    if (response_->errors_size() >= max_errors_) continue;
    v1::ImportError* error = response_->add_errors();
    error->set_index(first_index + static_cast<int64_t>(i));
    error->set_external_id(ExternalIdOf(batch[i]));
    error->set_code(absl::StatusCodeToString(outcome.status.code()));
    error->set_field(FirstViolatedField(outcome.status));
    error->set_message(std::string(outcome.status.message()));
  }
  return absl::OkStatus();
}

}  // namespace azubimatch::service

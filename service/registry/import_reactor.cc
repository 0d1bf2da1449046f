#include "service/registry/import_reactor.h"

#include <algorithm>
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
  pending_.reserve(batch_size_);
  StartRead(&request_);
}

void ImportReactor::OnReadDone(bool ok) {
  if (!ok) {
    // The client closed the stream (or the call ended).
    if (context_->IsCancelled()) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED, "import cancelled by the client"));
      return;
    }
    Finish(ToGrpcStatus(Flush()));
    return;
  }
  response_->set_received(response_->received() + 1);
  pending_.push_back(std::move(request_));
  request_.Clear();
  if (pending_.size() >= batch_size_) {
    if (absl::Status status = Flush(); !status.ok()) {
      Finish(ToGrpcStatus(status));
      return;
    }
  }
  StartRead(&request_);
}

absl::Status ImportReactor::Flush() {
  if (pending_.empty()) return absl::OkStatus();
  absl::StatusOr<std::vector<ImportOutcome>> outcomes = records_->Import(caller_, pending_);
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
    error->set_external_id(ExternalIdOf(pending_[i]));
    error->set_code(absl::StatusCodeToString(outcome.status.code()));
    error->set_field(FirstViolatedField(outcome.status));
    error->set_message(std::string(outcome.status.message()));
  }
  pending_.clear();
  return absl::OkStatus();
}

}  // namespace azubimatch::service

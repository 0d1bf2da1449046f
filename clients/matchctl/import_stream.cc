#include "clients/matchctl/import_stream.h"

#include <algorithm>

#include "azubimatch/v1/registry.grpc.pb.h"

namespace azubimatch::matchctl {

grpc::Status StreamImport(Context& context, const std::vector<v1::ImportRequest>& records,
                          const ImportOptions& options,
                          const std::function<void(int64_t written)>& progress,
                          ImportOutcome* outcome) {
  std::unique_ptr<v1::Registry::Stub> stub = v1::Registry::NewStub(context.channel());
  const size_t batch_size = static_cast<size_t>(std::max(1, options.batch_size));
  for (size_t begin = 0; begin < records.size(); begin += batch_size) {
    const size_t end = std::min(records.size(), begin + batch_size);
    grpc::ClientContext call;
    context.PrepareCall(&call, options.batch_timeout);
    v1::ImportResponse response;
    std::unique_ptr<grpc::ClientWriter<v1::ImportRequest>> writer =
        stub->Import(&call, &response);
    for (size_t i = begin; i < end; ++i) {
      if (!writer->Write(records[i])) break;  // the stream broke; Finish() says why
      if (progress) progress(static_cast<int64_t>(i + 1));
    }
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    if (!status.ok()) return status;

    outcome->sent += static_cast<int64_t>(end - begin);
    outcome->received += response.received();
    outcome->created += response.created();
    outcome->updated += response.updated();
    outcome->failed += response.failed();
    for (const v1::ImportError& error : response.errors()) {
      v1::ImportError& copy = outcome->errors.emplace_back(error);
      copy.set_index(error.index() + static_cast<int64_t>(begin));
    }
    for (size_t i = 0; i < end - begin; ++i) {
      outcome->ids.push_back(
          i < static_cast<size_t>(response.ids_size()) ? response.ids(i) : std::string());
    }
  }
  return grpc::Status::OK;
}

}  // namespace azubimatch::matchctl

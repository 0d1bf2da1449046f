// ImportReactor: the server side of Registry.Import, a client-streaming call that
// ingests many records. Reads one ImportRequest at a time, writes every
// `import_batch_size` records through RecordStore::Import (one WriteBatch per batch),
// and answers with the counts, the per-record errors and the ids in stream order when
// the client closes the stream. See registry_service.h for the contract.
//
// Thread safety: gRPC runs at most one reaction of a reactor at a time; the reactor
// deletes itself in OnDone(). Memory: O(import_batch_size) records plus the response
// (one id per record, at most max_import_errors errors).
#ifndef AZUBIMATCH_SERVICE_REGISTRY_IMPORT_REACTOR_H_
#define AZUBIMATCH_SERVICE_REGISTRY_IMPORT_REACTOR_H_

#include <vector>

#include "azubimatch/v1/registry.pb.h"
#include "grpcpp/grpcpp.h"
#include "service/auth/caller.h"
#include "service/registry/record_store.h"

namespace azubimatch::service {

class ImportReactor final : public grpc::ServerReadReactor<v1::ImportRequest> {
 public:
  // Starts reading at once. `records` must outlive the call.
  ImportReactor(grpc::CallbackServerContext* context, RecordStore* records, Caller caller,
                int batch_size, int max_errors, v1::ImportResponse* response);

  void OnReadDone(bool ok) override;
  void OnDone() override { delete this; }

 private:
  // Writes the pending records and records their outcomes in the response.
  absl::Status Flush();

  grpc::CallbackServerContext* const context_;
  RecordStore* const records_;
  const Caller caller_;
  const size_t batch_size_;
  const int max_errors_;
  v1::ImportResponse* const response_;
  v1::ImportRequest request_;
  std::vector<v1::ImportRequest> pending_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_IMPORT_REACTOR_H_

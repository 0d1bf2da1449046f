// ImportReactor: the server side of Registry.Import, a client-streaming call that
// ingests many records. Reads one ImportRequest at a time, writes every
// `import_batch_size` records through RecordStore::Import (one WriteBatch per batch),
// and answers with the counts, the per-record errors and the ids in stream order when
// the client closes the stream. See registry_service.h for the contract.
//
// Pipelined: while one batch is written (and synced), the next one is read. At most
// one batch is written at a time, in stream order, so later records see earlier ones;
// when the next batch is full before the write ends, reading waits for it. A write
// error ends the call with that error (earlier batches stay written); a cancelled call
// writes no further batch.
//
// Thread safety: reads and the write of the previous batch run at the same time on
// gRPC's callback threads; the state they share is guarded by `mu_`, the response is
// written by the one writer only. The reactor deletes itself in OnDone(), which gRPC
// calls after the last reaction has returned. Memory: O(2 * import_batch_size) records
// plus the response (one id per record, at most max_import_errors errors).
#ifndef AZUBIMATCH_SERVICE_REGISTRY_IMPORT_REACTOR_H_
#define AZUBIMATCH_SERVICE_REGISTRY_IMPORT_REACTOR_H_

#include <cstdint>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
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
  using Batch = std::vector<v1::ImportRequest>;
  // kFinished: the writer called Finish; later reads are dropped.
  enum class StreamEnd { kOpen, kClosed, kCancelled, kFinished };

  // The writer: writes `batch`, then every batch that is ready by then; returns when
  // none is (the writer role is given up) or after ending the call.
  void WriteBatches(Batch batch);
  // Writes `batch` and records the outcomes in the response (writer only).
  absl::Status Write(const Batch& batch);

  grpc::CallbackServerContext* const context_;
  RecordStore* const records_;
  const Caller caller_;
  const size_t batch_size_;
  const int max_errors_;
  v1::ImportResponse* const response_;  // written by the writer only
  v1::ImportRequest request_;           // the read in flight (at most one)

  absl::Mutex mu_;
  Batch filling_ ABSL_GUARDED_BY(mu_);  // read, not yet handed to the writer
  int64_t received_ ABSL_GUARDED_BY(mu_) = 0;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;      // a reaction holds the writer role
  bool read_paused_ ABSL_GUARDED_BY(mu_) = false;  // filling_ is full, no read started
  StreamEnd end_ ABSL_GUARDED_BY(mu_) = StreamEnd::kOpen;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_IMPORT_REACTOR_H_

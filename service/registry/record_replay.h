// ReplayRecords: every stored company, then offer, then candidate (each kind in id
// order) handed to a RecordObserver as created (before = nullptr), as
// RecordStore::Subscribe does when a component subscribes at start-up.
//
// Pipelined over two threads, since at start-up it is most of the time to SERVING (a
// million records: reading and parsing about half, the observer's index inserts the
// rest): a reader thread scans the store and parses the records into batches while
// the calling thread notifies the observer of the batches before. The order the
// observer sees is the order of the store, as without the pipeline; the observer is
// only ever called from the calling thread.
//
// The records of a batch are parsed on one protobuf arena and freed with it, once the
// observer has seen them: an observer must copy what it keeps of a record.
//
// Errors: the store's scan error, or DataLoss naming the record that does not parse;
// the observer may have seen the records before it. Memory: at most
// kReplayBatchesInFlight batches of kReplayBatchSize parsed records.
//
// Thread safety: `store` must be safe for one reader thread beside the caller's writes
// being held off (RecordStore calls it under its write lock).
#ifndef AZUBIMATCH_SERVICE_REGISTRY_RECORD_REPLAY_H_
#define AZUBIMATCH_SERVICE_REGISTRY_RECORD_REPLAY_H_

#include <cstddef>

#include "absl/status/status.h"
#include "service/registry/record_observer.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

inline constexpr size_t kReplayBatchSize = 2048;
inline constexpr size_t kReplayBatchesInFlight = 4;

absl::Status ReplayRecords(KvStore& store, RecordObserver& observer);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_RECORD_REPLAY_H_

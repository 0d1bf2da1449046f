#include "service/registry/record_replay.h"

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "google/protobuf/arena.h"
#include "service/registry/record_traits.h"

namespace azubimatch::service {
namespace {

using registry_internal::KindName;
using registry_internal::Traits;

// Records of one kind parsed on one arena: the reader thread allocates them, the
// notifying thread frees them all at once with the arena (parsing a record makes a
// dozen small allocations, and freeing them one by one on another thread than the one
// that made them cost more than the parsing did).
template <typename R>
struct ParsedBatch {
  std::unique_ptr<google::protobuf::Arena> arena;
  std::vector<const R*> records;
};
using Batch = std::variant<ParsedBatch<v1::Company>, ParsedBatch<v1::TrainingOffer>,
                           ParsedBatch<v1::Candidate>>;

template <typename R>
ParsedBatch<R> NewBatch() {
  google::protobuf::ArenaOptions options;
  options.start_block_size = 64 << 10;
  options.max_block_size = 1 << 20;
  ParsedBatch<R> batch{std::make_unique<google::protobuf::Arena>(options), {}};
  batch.records.reserve(kReplayBatchSize);
  return batch;
}

// The batches between the reader thread and the notifying thread, in store order.
class BatchQueue {
 public:
  // Blocks while kReplayBatchesInFlight batches wait; false once the consumer stopped.
  bool Push(Batch batch) {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(this, &BatchQueue::HasRoomOrStopped));
    if (stopped_) return false;
    batches_.push_back(std::move(batch));
    return true;
  }
  // The reader is done, with `status` (OK, or why it stopped early).
  void Close(absl::Status status) {
    absl::MutexLock lock(&mu_);
    closed_ = true;
    status_ = std::move(status);
  }
  // The next batch, or nullopt when the reader is done and every batch was taken.
  std::optional<Batch> Pop() {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(this, &BatchQueue::HasBatchOrClosed));
    if (batches_.empty()) return std::nullopt;
    Batch batch = std::move(batches_.front());
    batches_.pop_front();
    return batch;
  }
  // The consumer takes no more batches; a blocked Push returns false.
  void Stop() {
    absl::MutexLock lock(&mu_);
    stopped_ = true;
  }
  absl::Status status() {
    absl::MutexLock lock(&mu_);
    return status_;
  }

 private:
  bool HasRoomOrStopped() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return stopped_ || batches_.size() < kReplayBatchesInFlight;
  }
  bool HasBatchOrClosed() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return closed_ || !batches_.empty();
  }

  absl::Mutex mu_;
  std::deque<Batch> batches_ ABSL_GUARDED_BY(mu_);
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;
  absl::Status status_ ABSL_GUARDED_BY(mu_);
};

// Scans and parses the records of kind R into batches; false when it stopped early
// (`status` says why, or the consumer stopped).
template <typename R>
bool ReadKind(KvStore& store, BatchQueue& queue, absl::Status& status) {
  ParsedBatch<R> batch = NewBatch<R>();
  bool consumer_stopped = false;
  absl::Status parse_status;
  status = store.Scan(Traits<R>::kFamily, "", "",
                      [&](std::string_view key, std::string_view value) {
                        R* record =
                            google::protobuf::Arena::CreateMessage<R>(batch.arena.get());
                        if (!record->ParseFromArray(value.data(),
                                                    static_cast<int>(value.size()))) {
                          parse_status = absl::DataLossError(
                              absl::StrCat("stored ", KindName<R>(), " ",
                                           std::string(key), " cannot be parsed"));
                          return false;
                        }
                        batch.records.push_back(record);
                        if (batch.records.size() < kReplayBatchSize) return true;
                        consumer_stopped = !queue.Push(std::move(batch));
                        batch = NewBatch<R>();
                        return !consumer_stopped;
                      });
  if (status.ok()) status = parse_status;
  if (!status.ok() || consumer_stopped) return false;
  if (!batch.records.empty() && !queue.Push(std::move(batch))) return false;
  return true;
}

}  // namespace

absl::Status ReplayRecords(KvStore& store, RecordObserver& observer) {
  BatchQueue queue;
  std::thread reader([&store, &queue] {
    absl::Status status;
    (void)(ReadKind<v1::Company>(store, queue, status) &&
           ReadKind<v1::TrainingOffer>(store, queue, status) &&
           ReadKind<v1::Candidate>(store, queue, status));
    queue.Close(std::move(status));
  });
  while (std::optional<Batch> batch = queue.Pop()) {
    std::visit(
        [&observer](const auto& parsed) {
          for (const auto* record : parsed.records) {
            Traits<std::remove_cvref_t<decltype(*record)>>::Notify(observer, nullptr,
                                                                   record);
          }
        },
        *batch);
  }
  queue.Stop();
  reader.join();
  return queue.status();
}

}  // namespace azubimatch::service

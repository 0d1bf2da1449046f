// RecordCounts: how many companies, training offers and candidates the registry holds,
// kept by observing the RecordStore (record_observer.h), for the records-per-kind gauge.
//
// Subscribe it with RecordStore::SubscribeCounting(), which starts it from the stored
// totals (Start), or with RecordStore::Subscribe(), which replays every stored record;
// from then on each create adds one and each delete (or erasure) takes one away.
//
// Thread safety: the notifications come one at a time under the store's write lock;
// the counts may be read from any thread at any time. Cost: O(1) per notification.
#ifndef AZUBIMATCH_SERVICE_METRICS_RECORD_COUNTS_H_
#define AZUBIMATCH_SERVICE_METRICS_RECORD_COUNTS_H_

#include <atomic>
#include <cstdint>

#include "service/registry/record_observer.h"
#include "service/registry/record_store.h"

namespace azubimatch::service {

class RecordCounts final : public RecordObserver {
 public:
  void OnCompanyChanged(const v1::Company* before, const v1::Company* after) override {
    Count(companies_, before != nullptr, after != nullptr);
  }
  void OnOfferChanged(const v1::TrainingOffer* before,
                      const v1::TrainingOffer* after) override {
    Count(offers_, before != nullptr, after != nullptr);
  }
  void OnCandidateChanged(const v1::Candidate* before,
                          const v1::Candidate* after) override {
    Count(candidates_, before != nullptr, after != nullptr);
  }

  // Adds the stored totals (before any notification).
  void Start(const RecordStore::Totals& totals) {
    companies_.fetch_add(totals.companies, std::memory_order_relaxed);
    offers_.fetch_add(totals.offers, std::memory_order_relaxed);
    candidates_.fetch_add(totals.candidates, std::memory_order_relaxed);
  }

  int64_t companies() const { return companies_.load(std::memory_order_relaxed); }
  int64_t offers() const { return offers_.load(std::memory_order_relaxed); }
  int64_t candidates() const { return candidates_.load(std::memory_order_relaxed); }

 private:
  static void Count(std::atomic<int64_t>& count, bool existed, bool exists) {
    if (existed != exists) count.fetch_add(exists ? 1 : -1, std::memory_order_relaxed);
  }

  std::atomic<int64_t> companies_{0};
  std::atomic<int64_t> offers_{0};
  std::atomic<int64_t> candidates_{0};
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_METRICS_RECORD_COUNTS_H_

// RecordObserver: how components that keep their own view of the registry (in-memory
// matching indexes, caches, statistics) stay in step with every write.
//
// The RecordStore calls the observer once per changed record, after the write reached
// the store (never for a failed write), in the order of the writes, while it still holds
// its write lock: observers see changes in exactly the order they were made, and no two
// notifications run at the same time. `before` is null for a new record, `after` is null
// for a deleted one; both are the full stored records (never redacted).
//
// REQUIRES: observers return quickly and never write through the RecordStore from inside
// a notification (that would deadlock); they may read from it.
//
// To start from the current contents, subscribe with RecordStore::Subscribe(), which
// first replays every stored record as (nullptr, record) under the same lock, so that no
// write falls between the replay and the live notifications.
#ifndef AZUBIMATCH_SERVICE_REGISTRY_RECORD_OBSERVER_H_
#define AZUBIMATCH_SERVICE_REGISTRY_RECORD_OBSERVER_H_

#include "azubimatch/v1/records.pb.h"

namespace azubimatch::service {

class RecordObserver {
 public:
  virtual ~RecordObserver() = default;

  virtual void OnCompanyChanged(const v1::Company* before, const v1::Company* after) {}
  virtual void OnOfferChanged(const v1::TrainingOffer* before,
                              const v1::TrainingOffer* after) {}
  virtual void OnCandidateChanged(const v1::Candidate* before, const v1::Candidate* after) {}
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_RECORD_OBSERVER_H_

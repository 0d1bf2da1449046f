// RandomIdGenerator: the one generator of ids for everything azubimatch stores under
// a server-assigned id (companies, offers, candidates, runs, placements, members): 16
// characters [0-9a-z] (about 82 bits), drawn from absl::BitGen (seeded from the OS).
// Ids are names, not secrets (API keys come from secure_random.h). Callers check a new
// id against the store before using it; a collision is astronomically unlikely but
// must not overwrite a record.
//
// Thread safety: Next() may be called concurrently (one internal mutex).
// Complexity: O(1).
#ifndef AZUBIMATCH_SERVICE_STORE_RANDOM_ID_H_
#define AZUBIMATCH_SERVICE_STORE_RANDOM_ID_H_

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/random/random.h"
#include "absl/synchronization/mutex.h"

namespace azubimatch::service {

class RandomIdGenerator {
 public:
  static constexpr int kIdLength = 16;

  std::string Next();

 private:
  absl::Mutex mu_;
  absl::BitGen bitgen_ ABSL_GUARDED_BY(mu_);
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_STORE_RANDOM_ID_H_

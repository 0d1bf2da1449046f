// ProgressCallback: how long-running engine operations report progress and learn that
// they should stop.
//
// Thread safety: the callback is invoked on the calling thread of the operation only.
// Complexity: operations call it O(total / batch) times; keep it cheap.
#ifndef AZUBIMATCH_ENGINE_MATCHING_PROGRESS_H_
#define AZUBIMATCH_ENGINE_MATCHING_PROGRESS_H_

#include <cstdint>
#include <functional>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"

namespace azubimatch::engine {

// Receives (work done, total work) in an operation-specific unit; returns false to
// cancel the operation, which then returns absl::CancelledError. An empty function
// never cancels.
using ProgressCallback = std::function<bool(int64_t done, int64_t total)>;

// OK, or Cancelled naming `stage` when `progress` asks to stop.
inline absl::Status ReportProgress(const ProgressCallback& progress,
                                   std::string_view stage, int64_t done, int64_t total) {
  if (progress && !progress(done, total)) {
    return absl::CancelledError(
        absl::StrFormat("%s cancelled at %d of %d", stage, done, total));
  }
  return absl::OkStatus();
}

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_PROGRESS_H_

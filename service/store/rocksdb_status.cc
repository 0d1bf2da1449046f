#include "service/store/rocksdb_status.h"

#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"

namespace azubimatch::service {
namespace {

using RocksStatus = ROCKSDB_NAMESPACE::Status;

absl::StatusCode CodeFor(const RocksStatus& status) {
  switch (status.subcode()) {
    case RocksStatus::kNoSpace:
    case RocksStatus::kSpaceLimit:
    case RocksStatus::kMemoryLimit:
    case RocksStatus::kLockLimit:
      return absl::StatusCode::kResourceExhausted;
    default:
      break;
  }
  switch (status.code()) {
    case RocksStatus::kOk:
      return absl::StatusCode::kOk;
    case RocksStatus::kNotFound:
      return absl::StatusCode::kNotFound;
    case RocksStatus::kCorruption:
      return absl::StatusCode::kDataLoss;
    case RocksStatus::kNotSupported:
      return absl::StatusCode::kUnimplemented;
    case RocksStatus::kInvalidArgument:
      return absl::StatusCode::kFailedPrecondition;
    case RocksStatus::kIOError:
    case RocksStatus::kShutdownInProgress:
    case RocksStatus::kBusy:
    case RocksStatus::kTryAgain:
      return absl::StatusCode::kUnavailable;
    case RocksStatus::kTimedOut:
    case RocksStatus::kExpired:
      return absl::StatusCode::kDeadlineExceeded;
    case RocksStatus::kAborted:
      return absl::StatusCode::kAborted;
    case RocksStatus::kCompactionTooLarge:
      return absl::StatusCode::kResourceExhausted;
    default:
      return absl::StatusCode::kInternal;
  }
}

}  // namespace

absl::Status ToAbslStatus(const RocksStatus& status, std::string_view context) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(CodeFor(status),
                      absl::StrCat(std::string(context), ": ", status.ToString()));
}

}  // namespace azubimatch::service

// absl::Time as a google.protobuf.Timestamp, the one conversion every stored record,
// placement, ranking and key uses.
//
// Thread safety: pure function.
#ifndef AZUBIMATCH_SERVICE_RPC_PROTO_TIME_H_
#define AZUBIMATCH_SERVICE_RPC_PROTO_TIME_H_

#include <cstdint>

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace azubimatch::service {

// `t` to the nanosecond; seconds are floored, so nanos is in [0, 1e9) before 1970 too.
inline google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  google::protobuf::Timestamp ts;
  const int64_t seconds = absl::ToUnixSeconds(t);
  ts.set_seconds(seconds);
  ts.set_nanos(static_cast<int32_t>((t - absl::FromUnixSeconds(seconds)) /
                                    absl::Nanoseconds(1)));
  return ts;
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_RPC_PROTO_TIME_H_

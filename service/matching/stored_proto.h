// ReadStoredProto: one serialized message read back from the store, for the records the
// matching service keeps itself (runs, placements).
//
// Thread safety: as the store. Complexity: one KvStore::Get plus parsing.
#ifndef AZUBIMATCH_SERVICE_MATCHING_STORED_PROTO_H_
#define AZUBIMATCH_SERVICE_MATCHING_STORED_PROTO_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

// The message under `key`; the store's NotFound when there is none; DataLoss naming
// `what` and the key when the bytes do not parse.
template <typename Message>
absl::StatusOr<Message> ReadStoredProto(const KvStore& store, Family family,
                                        absl::string_view key, absl::string_view what) {
  absl::StatusOr<std::string> bytes = store.Get(family, std::string(key));
  if (!bytes.ok()) return bytes.status();
  Message message;
  if (!message.ParseFromString(*bytes)) {
    return absl::DataLossError(absl::StrCat("stored ", what, " ", key, " cannot be parsed"));
  }
  return message;
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_STORED_PROTO_H_

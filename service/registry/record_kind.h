// RecordKind: the three kinds of record the registry holds, and their names as used in
// field paths, index keys, log lines and messages.
//
// Thread safety: constants only.
#ifndef AZUBIMATCH_SERVICE_REGISTRY_RECORD_KIND_H_
#define AZUBIMATCH_SERVICE_REGISTRY_RECORD_KIND_H_

#include <string_view>

namespace azubimatch::service {

enum class RecordKind { kCompany, kOffer, kCandidate };

// The request field name of a record of this kind: "company", "offer", "candidate".
inline constexpr absl::string_view RecordKindName(RecordKind kind) {
  switch (kind) {
    case RecordKind::kCompany: return "company";
    case RecordKind::kOffer: return "offer";
    case RecordKind::kCandidate: return "candidate";
  }
  return "record";
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_RECORD_KIND_H_

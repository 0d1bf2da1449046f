// RecordKind: the three kinds of registry records matchctl reads and writes
// (companies, training offers, candidates), with the words the command line uses
// for them and the proto message type of each.
//
// Thread-safe (pure functions over constants). O(1) per call.
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_KIND_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_KIND_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace azubimatch::matchctl {

enum class RecordKind { kCompany, kOffer, kCandidate };

// Accepts the singular and the plural word, in any case: "company" / "companies",
// "offer" / "offers", "candidate" / "candidates". InvalidArgument otherwise.
absl::StatusOr<RecordKind> ParseRecordKind(absl::string_view word);

// "company", "offer", "candidate".
absl::string_view KindSingular(RecordKind kind);

// "companies", "offers", "candidates": the key of the array in `list --json`.
absl::string_view KindPlural(RecordKind kind);

// azubimatch.v1.Company, azubimatch.v1.TrainingOffer or azubimatch.v1.Candidate.
const google::protobuf::Descriptor* KindDescriptor(RecordKind kind);

// The kind's status enum (CompanyStatus, OfferStatus, CandidateStatus).
const google::protobuf::EnumDescriptor* KindStatusEnum(RecordKind kind);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_KIND_H_

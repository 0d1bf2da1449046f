#include "clients/matchctl/record_kind.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "azubimatch/v1/records.pb.h"

namespace azubimatch::matchctl {

absl::StatusOr<RecordKind> ParseRecordKind(absl::string_view word) {
  const std::string lower = absl::AsciiStrToLower(word);
  if (lower == "company" || lower == "companies") return RecordKind::kCompany;
  if (lower == "offer" || lower == "offers") return RecordKind::kOffer;
  if (lower == "candidate" || lower == "candidates") return RecordKind::kCandidate;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown record kind \"", word, "\"; expected companies, offers or candidates"));
}

absl::string_view KindSingular(RecordKind kind) {
  switch (kind) {
    case RecordKind::kCompany:
      return "company";
    case RecordKind::kOffer:
      return "offer";
    case RecordKind::kCandidate:
      return "candidate";
  }
  return "record";
}

absl::string_view KindPlural(RecordKind kind) {
  switch (kind) {
    case RecordKind::kCompany:
      return "companies";
    case RecordKind::kOffer:
      return "offers";
    case RecordKind::kCandidate:
      return "candidates";
  }
  return "records";
}

const google::protobuf::Descriptor* KindDescriptor(RecordKind kind) {
  switch (kind) {
    case RecordKind::kCompany:
      return v1::Company::descriptor();
    case RecordKind::kOffer:
      return v1::TrainingOffer::descriptor();
    case RecordKind::kCandidate:
      return v1::Candidate::descriptor();
  }
  return nullptr;
}

const google::protobuf::EnumDescriptor* KindStatusEnum(RecordKind kind) {
  switch (kind) {
    case RecordKind::kCompany:
      return v1::CompanyStatus_descriptor();
    case RecordKind::kOffer:
      return v1::OfferStatus_descriptor();
    case RecordKind::kCandidate:
      return v1::CandidateStatus_descriptor();
  }
  return nullptr;
}

}  // namespace azubimatch::matchctl

#include "service/matching/visible_records.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "service/registry/access_policy.h"
#include "service/registry/field_violations.h"

namespace azubimatch::service {

bool MaySeeCandidatesOf(const Caller& caller, absl::string_view member_id) {
  return CheckMayReadKind(caller, RecordKind::kCandidate).ok() &&
         IsVisibleTo(caller, RecordKind::kCandidate, member_id);
}

absl::StatusOr<const CandidateEntry*> FindVisibleCandidate(
    const MatchingIndex::Reader& reader, const Caller& caller, absl::string_view id,
    absl::string_view field) {
  if (absl::Status status = CheckMayReadKind(caller, RecordKind::kCandidate); !status.ok()) {
    return status;
  }
  const CandidateEntry* entry = reader.FindCandidate(id);
  if (entry == nullptr || !IsVisibleTo(caller, RecordKind::kCandidate, entry->member_id)) {
    return WithField(
        absl::NotFoundError(absl::StrCat(field, ": no candidate with id \"", id, "\"")),
        field);
  }
  return entry;
}

absl::StatusOr<const OfferEntry*> FindOfferEntry(const MatchingIndex::Reader& reader,
                                                 absl::string_view id,
                                                 absl::string_view field) {
  const OfferEntry* entry = reader.FindOffer(id);
  if (entry == nullptr) {
    return WithField(
        absl::NotFoundError(absl::StrCat(field, ": no offer with id \"", id, "\"")), field);
  }
  return entry;
}

}  // namespace azubimatch::service

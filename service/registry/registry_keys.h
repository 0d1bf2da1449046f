// The keys the registry writes into the store, in one place so that other components
// (erasure, backup checks, tools) find every entry that belongs to a record.
//
//   Family::kCompanies / kOffers / kCandidates   key = record id (16 chars [0-9a-z]),
//                                                value = serialized record proto
//   Family::kIndex  "ext/<kind>/<member_id>\0<external_id>"  -> record id
//                   (external_id uniqueness per member and kind; <kind> is "company",
//                   "offer" or "candidate")
//   Family::kIndex  "company-offers/<company_id>/<offer_id>" -> "" (the offers of a
//                   company, for the delete check and company_id listings)
//
// Member ids never contain '\0', and external ids never contain control characters
// (validation.h), so the separator keeps every external-id key unambiguous.
//
// Thread safety: pure functions. Cost: O(length of the parts).
#ifndef AZUBIMATCH_SERVICE_REGISTRY_REGISTRY_KEYS_H_
#define AZUBIMATCH_SERVICE_REGISTRY_REGISTRY_KEYS_H_

#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "absl/strings/str_cat.h"
#include "service/registry/record_kind.h"

namespace azubimatch::service {

inline std::string ExternalIdIndexKey(RecordKind kind, absl::string_view member_id,
                                      absl::string_view external_id) {
  return absl::StrCat("ext/", RecordKindName(kind), "/", member_id,
                      absl::string_view("\0", 1), external_id);
}

inline std::string CompanyOffersPrefix(absl::string_view company_id) {
  return absl::StrCat("company-offers/", company_id, "/");
}

inline std::string CompanyOfferKey(absl::string_view company_id, absl::string_view offer_id) {
  return absl::StrCat(CompanyOffersPrefix(company_id), offer_id);
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_REGISTRY_KEYS_H_

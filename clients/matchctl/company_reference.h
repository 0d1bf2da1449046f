// Offers read from a file or flags may name their company by its external_id
// (column company_external_id) instead of its registry id. Before sending, matchctl
// looks each distinct external_id up once (ListCompanies filtered by external_id,
// among the companies the caller may see) and fills in company_id.
//
// Thread-compatible. One RPC per distinct external_id.
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_COMPANY_REFERENCE_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_COMPANY_REFERENCE_H_

#include <vector>

#include "clients/matchctl/command.h"
#include "clients/matchctl/parsed_records.h"

namespace azubimatch::matchctl {

// Input errors: offers that give both company_id and company_external_id.
std::vector<LineError> CheckCompanyReferences(const std::vector<ParsedRecord>& records);

// Sets company_id of every offer that has a company_external_id. Indices of offers
// whose company was not found go to *unresolved (those records are left unchanged).
// A non-OK status (the lookup itself failed) leaves the records partly resolved.
grpc::Status ResolveCompanyExternalIds(Context& context, std::vector<ParsedRecord>& records,
                                       std::vector<size_t>* unresolved);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_COMPANY_REFERENCE_H_

#include "service/data_protection/candidate_export.h"

#include <string>
#include <utility>
#include <vector>

#include "engine/base/status_macros.h"
#include "service/data_protection/candidate_holdings.h"

namespace azubimatch::service {

absl::StatusOr<v1::CandidateExport> ExportCandidate(const Caller& caller,
                                                    std::string_view id,
                                                    RecordStore& records,
                                                    const KvStore& store,
                                                    const AuditLog* audit) {
  v1::CandidateExport result;
  AZM_ASSIGN_OR_RETURN(*result.mutable_candidate(),
                       records.Get<v1::Candidate>(caller, id));
  AZM_ASSIGN_OR_RETURN(CandidateHoldings holdings, FindCandidateHoldings(store, id));
  for (const StoredPlacement& stored : holdings.placements) {
    if (stored.parsed && stored.placement.candidate_id() == id) {
      *result.add_placements() = stored.placement;
    }
  }
  for (const StoredRun& stored : holdings.runs) {
    if (!stored.parsed) continue;
    for (const v1::RunPlacement& proposal : stored.run.placements()) {
      if (proposal.candidate_id() == id) *result.add_proposals() = proposal;
    }
  }
  if (audit != nullptr) {
    AZM_ASSIGN_OR_RETURN(std::vector<v1::AuditEntry> accesses,
                         audit->FindBySubject("candidate", id));
    for (v1::AuditEntry& entry : accesses) *result.add_accesses() = std::move(entry);
  }
  return result;
}

}  // namespace azubimatch::service

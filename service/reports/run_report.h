// BuildRunReport: the report of one assignment run (proto/azubimatch/v1/reports.proto)
// from the stored run and the facts of its candidates — aggregates only: the report
// names no candidate and no offer.
//
// The pool's candidates are the run's placements plus its unmatched candidates. Each
// is grouped by its facts (CandidateFacts, looked up by id; a candidate no longer in the
// registry counts in the totals and under the group "unknown" of every dimension but
// origin and heritage language, which count only candidates holding the "statistics"
// consent). Groups with fewer than kMinGroupSize candidates are suppressed: their name
// and `suppressed: true`, no figure.
//
// Definitions per group: candidates; placed; placement_rate = placed / candidates;
// mean_score over the group's placements; commute_median_min as the run metrics define
// the median (engine::InterpolatedQuantile, 0.5). Histograms: score in 10 bins of 0.1
// (1.0 in the last), commute in 10-minute bins with 120+ last, wish rank from the
// placements' choice_rank ("1".."4", "5+", "sector" for 0).
//
// Determinism: rows sorted by group name (byte order), bins fixed; the same run and
// facts give the same report.
//
// Thread safety: pure function; `facts` must be safe to call for the duration.
// Complexity: O(P + U) lookups and accumulations for P placements and U unmatched, plus
// O(P log P) to take the medians and O(G log G) to sort G groups.
#ifndef AZUBIMATCH_SERVICE_REPORTS_RUN_REPORT_H_
#define AZUBIMATCH_SERVICE_REPORTS_RUN_REPORT_H_

#include <functional>
#include <string>

#include "absl/strings/string_view.h"
#include "azubimatch/v1/matching.pb.h"
#include "azubimatch/v1/reports.pb.h"

namespace azubimatch::service {

inline constexpr int kMinGroupSize = 5;

// What the report needs to know of one candidate. Views into storage that outlives the
// BuildRunReport call.
struct CandidateFacts {
  absl::string_view municipality;
  absl::string_view occupation;  // KldB code of the first wish
  v1::Sector sector = v1::SECTOR_UNSPECIFIED;  // of the first wish
  v1::SchoolCertificate school_certificate = v1::SCHOOL_CERTIFICATE_UNSPECIFIED;
  v1::CefrLevel german_level = v1::CEFR_LEVEL_UNSPECIFIED;  // unspecified: not listed
  absl::string_view member_id;
  bool statistics_consent = false;
  absl::string_view origin;             // only read when statistics_consent
  absl::string_view heritage_language;  // only read when statistics_consent
};

// Fills `*facts` for the candidate `id` and returns true, or returns false when the
// candidate is unknown.
using CandidateFactsLookup = std::function<bool(absl::string_view id, CandidateFacts* facts)>;

// REQUIRES: `run` is the stored run, unredacted (placements and unmatched present).
v1::RunReport BuildRunReport(const v1::Run& run, const CandidateFactsLookup& facts);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REPORTS_RUN_REPORT_H_

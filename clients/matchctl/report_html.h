// RunReportsHtml: one self-contained HTML page comparing the reports of one or more
// runs (proto/azubimatch/v1/reports.proto), each named by its run id and mode: the
// headline table, bar charts of placements, fill rate and blocking pairs per run, the
// score, commute and wish-rank distributions, and for every breakdown dimension a
// table and a chart of the placement rate per group. Charts are inline SVG
// (svg_chart.h); the page loads nothing (no script, no stylesheet, no image, no URL).
//
// With `retention` (Reports.GetRetention by assignment mode), the page ends with the
// retention section (report_retention_html.h).
//
// Breakdown charts show at most kMaxChartGroups groups (the largest in the first run);
// tables show every group. Suppressed groups show "suppressed" and no figure.
//
// Thread-safe (pure function). O(runs x (bins + groups)).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_REPORT_HTML_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_REPORT_HTML_H_

#include <string>
#include <vector>

#include "azubimatch/v1/reports.pb.h"

namespace azubimatch::matchctl {

inline constexpr int kMaxChartGroups = 25;

std::string RunReportsHtml(const std::vector<v1::RunReport>& reports,
                           const v1::RetentionReport* retention = nullptr);

// "RUN_ID (mode)", how the page and the CSV files name a run.
std::string RunName(const v1::RunReport& report);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_REPORT_HTML_H_

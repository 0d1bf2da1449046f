// RetentionSectionHtml: the retention section of the HTML run report (report_html.h)
// from a Reports.GetRetention answer grouped by assignment mode: the Kaplan–Meier curve
// of every placement and of each shown group as inline SVG steps with their 95 %
// intervals (svg_step_chart.h), a table of the figures per group (suppressed groups
// named only), and the log-rank test when there is one.
//
// Thread-safe (pure function). O(groups x curve steps).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_REPORT_RETENTION_HTML_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_REPORT_RETENTION_HTML_H_

#include <string>

#include "azubimatch/v1/reports.pb.h"

namespace azubimatch::matchctl {

// An <h2> section (HTML fragment, no page around it).
std::string RetentionSectionHtml(const v1::RetentionReport& retention);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_REPORT_RETENTION_HTML_H_
